import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '../core/model-spec';
import { CLASS_STYLE, classListInWords } from './cell-class-style';

describe('CLASS_STYLE', () => {
  it('gives every class its own label, short name, bar, outline colour and chip', () => {
    for (const key of ['label', 'short', 'bar', 'stroke', 'chip'] as const) {
      const values = CELL_CLASSES.map((c) => CLASS_STYLE[c][key]);
      expect(new Set(values).size, key).toBe(CELL_CLASSES.length);
    }
  });

  it('styles chips for light and dark themes alike', () => {
    for (const c of CELL_CLASSES) expect(CLASS_STYLE[c].chip).toMatch(/\bbg-\S+ .*\bdark:bg-\S+/);
  });
});

describe('classListInWords', () => {
  it('names every class in order, basophils included', () => {
    expect(classListInWords()).toBe('Basophils, eosinophils, lymphocytes, monocytes and neutrophils');
  });
});
