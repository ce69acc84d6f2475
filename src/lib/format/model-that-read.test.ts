import { describe, expect, it } from 'vitest';
import { effectiveModelVersion } from './effective-model-version';
import { knowLabProfileNames, modelThatRead } from './model-that-read';

describe('modelThatRead', () => {
  it('names the shipped model by its version', () => {
    expect(modelThatRead(effectiveModelVersion({ version: '1.0587e54e' }))).toEqual({
      kind: 'shipped',
      version: '1.0587e54e',
      text: 'shipped model v1 · 0587e54e',
    });
  });

  it('names an adapted model by its fingerprint and the version it was adapted from', () => {
    const read = modelThatRead(effectiveModelVersion({ version: '1.0587e54e', adaptationId: 'lab.0badc0de' }));
    expect(read).toEqual({
      kind: 'adapted',
      version: '1.0587e54e',
      adaptation: 'lab.0badc0de',
      text: 'adapted model lab.0badc0de (from v1 · 0587e54e)',
    });
  });
});

describe('modelThatRead with lab profiles', () => {
  it('names the lab profile the adapted weights are kept as, and falls back once it is gone', () => {
    const recorded = effectiveModelVersion({ version: '1.0587e54e', adaptationId: 'lab.0badc0de' });
    const kept = new Map([['lab.0badc0de', 'Lab 2, Wright stain']]);
    expect(modelThatRead(recorded, kept)).toEqual({
      kind: 'adapted',
      version: '1.0587e54e',
      adaptation: 'lab.0badc0de',
      profile: 'Lab 2, Wright stain',
      text: 'lab profile “Lab 2, Wright stain” (adapted model lab.0badc0de from v1 · 0587e54e)',
    });
    expect(modelThatRead(recorded, new Map()).text).toBe('adapted model lab.0badc0de (from v1 · 0587e54e)');
  });

  it('uses the names it was last told', () => {
    const recorded = '1.0587e54e+lab.0badc0de';
    knowLabProfileNames(new Map([['lab.0badc0de', 'Lab 3']]));
    expect(modelThatRead(recorded).profile).toBe('Lab 3');
    knowLabProfileNames(new Map());
    expect(modelThatRead(recorded).profile).toBeUndefined();
  });
});
