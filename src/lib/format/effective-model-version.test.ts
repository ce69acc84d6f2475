import { describe, expect, it } from 'vitest';
import { effectiveModelVersion } from './effective-model-version';

describe('effectiveModelVersion', () => {
  it('names the adapted weights next to the shipped version, and only when they are in use', () => {
    expect(effectiveModelVersion({ version: '1.02a9590f' })).toBe('1.02a9590f');
    expect(effectiveModelVersion({ version: '1.02a9590f', adaptationId: 'lab.0badc0de' })).toBe(
      '1.02a9590f+lab.0badc0de',
    );
  });
});
