import { describe, expect, it } from 'vitest';
import { modelVersionLabel } from './model-version-label';

describe('modelVersionLabel', () => {
  it('separates the generation from the hash, so the version no longer reads as a number', () => {
    expect(modelVersionLabel('1.0587e54e')).toBe('v1 · 0587e54e');
    expect(Number.isNaN(Number(modelVersionLabel('1.0587e54e')))).toBe(true);
  });

  it('names the adapted weights after the shipped version', () => {
    expect(modelVersionLabel('2.ab12cd34+lab.1a2b3c4d')).toBe('v2 · ab12cd34 · adapted lab.1a2b3c4d');
  });

  it('leaves a version of another shape as it is', () => {
    expect(modelVersionLabel('unknown')).toBe('unknown');
    expect(modelVersionLabel('no-model')).toBe('no-model');
  });
});
