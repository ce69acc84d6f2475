import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, classListInWords } from './class-names';
import { CELL_CLASSES } from './model-spec';

describe('CLASS_NAMES', () => {
  it('gives every class its own name and short name', () => {
    for (const key of ['label', 'short'] as const) {
      const values = CELL_CLASSES.map((c) => CLASS_NAMES[c][key]);
      expect(new Set(values).size, key).toBe(CELL_CLASSES.length);
    }
  });
});

describe('classListInWords', () => {
  it('names every class in order, basophils included', () => {
    expect(classListInWords()).toBe('Basophils, eosinophils, lymphocytes, monocytes and neutrophils');
  });
});
