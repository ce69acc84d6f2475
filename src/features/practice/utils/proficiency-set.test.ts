import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import type { PracticeItem } from '@/lib/network/practice-manifest';
import { proficiencySet, TEST_SIZE } from './proficiency-set';

const items = (JSON.parse(readFileSync('public/practice/manifest.json', 'utf8')) as { items: PracticeItem[] }).items;

describe('proficiencySet', () => {
  it('is the same fifty cells in the same order every time, spread evenly over every class', () => {
    const set = proficiencySet(items);
    expect(set).toHaveLength(TEST_SIZE);
    expect(proficiencySet(items).map((i) => i.id)).toEqual(set.map((i) => i.id));
    expect(new Set(set.map((i) => i.id)).size).toBe(TEST_SIZE);
    for (const cls of CELL_CLASSES)
      expect(set.filter((i) => i.label === cls)).toHaveLength(TEST_SIZE / CELL_CLASSES.length);
    // Shuffled: the first ten are not all one class.
    expect(new Set(set.slice(0, 10).map((i) => i.label)).size).toBeGreaterThan(1);
  });

  it('gives an uneven size’s remainder to the first classes and takes what a short class has', () => {
    const counts = (set: PracticeItem[]) => CELL_CLASSES.map((c) => set.filter((i) => i.label === c).length);
    expect(counts(proficiencySet(items, 12))).toEqual([3, 3, 2, 2, 2]);
    const shortOfBasophils = items.filter((i) => i.label !== 'BASOPHIL' || i.id.endsWith('-01'));
    expect(counts(proficiencySet(shortOfBasophils))).toEqual([1, 10, 10, 10, 10]);
  });
});
