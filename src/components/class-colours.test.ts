import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_COLOURS } from './class-colours';

describe('CLASS_COLOURS', () => {
  it('gives every class its own bar, outline colour and chip', () => {
    for (const key of ['bar', 'stroke', 'chip'] as const) {
      const values = CELL_CLASSES.map((c) => CLASS_COLOURS[c][key]);
      expect(new Set(values).size, key).toBe(CELL_CLASSES.length);
    }
  });

  it('styles chips for light and dark themes alike', () => {
    for (const c of CELL_CLASSES) expect(CLASS_COLOURS[c].chip).toMatch(/\bbg-\S+ .*\bdark:bg-\S+/);
  });
});
