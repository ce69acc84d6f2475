import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import type { PracticeItem } from '@/lib/network/practice-manifest';
import { proficiencySet, TEST_ID, TEST_SIZE } from './proficiency-set';

/** The partition of each PBC file: `<CLASS>/<file>.jpg` → "train", "practice", "test", … */
const partitionOf = new Map(
  readFileSync('training/splits/pbc.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [file, , partition] = row.trim().split(',');
      return [file, partition] as const;
    }),
);

const items = (JSON.parse(readFileSync('public/practice/manifest.json', 'utf8')) as { items: PracticeItem[] }).items;

describe('proficiencySet', () => {
  it('is the same fifty cells in the same order every time, spread evenly over every class', () => {
    const set = proficiencySet(items);
    expect(set).toHaveLength(TEST_SIZE);
    expect(proficiencySet(items).map((i) => i.id)).toEqual(set.map((i) => i.id));
    expect(new Set(set.map((i) => i.id)).size).toBe(TEST_SIZE);
    // Fifty over seven classes: eight of the first, seven of each other.
    expect(CELL_CLASSES.map((cls) => set.filter((i) => i.label === cls).length)).toEqual([8, 7, 7, 7, 7, 7, 7]);
    // Shuffled: the first ten are not all one class.
    expect(new Set(set.slice(0, 10).map((i) => i.label)).size).toBeGreaterThan(1);
  });

  it('gives an uneven size’s remainder to the first classes and takes what a short class has', () => {
    const counts = (set: PracticeItem[]) => CELL_CLASSES.map((c) => set.filter((i) => i.label === c).length);
    expect(counts(proficiencySet(items, 12))).toEqual([2, 2, 2, 2, 2, 1, 1]);
    const shortOfBasophils = items.filter((i) => i.label !== 'BASOPHIL' || i.id.endsWith('-01'));
    expect(counts(proficiencySet(shortOfBasophils))).toEqual([1, 7, 7, 7, 7, 7, 7]);
  });

  it('asks immature granulocytes and nucleated red cells, so a student must tell them from the cells they mimic', () => {
    const set = proficiencySet(items);
    for (const cls of ['IG', 'ERYTHROBLAST'] as const) {
      const chosen = set.filter((i) => i.label === cls);
      expect(chosen).toHaveLength(7);
      // Every one an image of its class from the practice partition, never one the model is reported on.
      for (const i of chosen) {
        expect(i.source).toMatch(new RegExp(`^pbc/${cls}/`));
        expect(partitionOf.get(i.source.slice('pbc/'.length))).toBe('practice');
      }
    }
    // Not one block of the new classes: they are shuffled in among the others.
    const at = set.flatMap((i, n) => (i.label === 'IG' || i.label === 'ERYTHROBLAST' ? [n] : []));
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThan(20);
    // A result of the five-class test is never mixed with the seven-class one's.
    expect(TEST_ID).toBe('HV-50-7');
  });
});
