import { describe, expect, it } from 'vitest';
import { effectiveModelVersion } from './effective-model-version';
import { modelThatRead } from './model-that-read';

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
