import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { PracticeItem } from '@/lib/network/practice-manifest';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';
import { classWeights, nextItem, seededRandom } from './scheduler';

const items: PracticeItem[] = CELL_CLASSES.flatMap((label) =>
  Array.from({ length: 30 }, (_, i) => ({
    id: `${label}-${i}`,
    file: `${label}-${i}.jpg`,
    label,
    box: { x: 0, y: 0, width: 10, height: 10 },
    width: 100,
    height: 100,
    source: 'test',
  })),
);

/** A student who always calls eosinophils neutrophils and gets everything else right. */
function history(): PracticeAnswer[] {
  const out: PracticeAnswer[] = [];
  for (let round = 0; round < 10; round++)
    for (const truth of CELL_CLASSES) {
      const answer: CellClass = truth === 'EOSINOPHIL' ? 'NEUTROPHIL' : truth;
      out.push({ itemId: `${truth}-${round}`, truth, answer, at: round });
    }
  return out;
}

function drawCounts(answers: PracticeAnswer[], draws: number, seed: number): Record<CellClass, number> {
  const random = seededRandom(seed);
  const counts = Object.fromEntries(CELL_CLASSES.map((c) => [c, 0])) as Record<CellClass, number>;
  for (let i = 0; i < draws; i++) counts[nextItem(items, answers, new Set(), random).label]++;
  return counts;
}

describe('scheduler', () => {
  it('draws the weak class most, the class it is confused with next, over many draws', () => {
    const counts = drawCounts(history(), 4000, 7);
    const share = (c: CellClass) => counts[c] / 4000;
    // Over twice the share a uniform draw gives it.
    expect(share('EOSINOPHIL')).toBeGreaterThan(2 / CELL_CLASSES.length);
    expect(share('NEUTROPHIL')).toBeGreaterThan(share('LYMPHOCYTE') + 0.05);
    expect(share('NEUTROPHIL')).toBeGreaterThan(share('MONOCYTE') + 0.05);
    // A uniform draw over seven classes would give about 571 each (sd ≈ 22): these gaps are far outside chance.
    expect(counts.EOSINOPHIL).toBeGreaterThan(2 * counts.LYMPHOCYTE);
  });

  it('draws every class about equally for a new student or a perfect one', () => {
    const perfect = history().map((a) => ({ ...a, answer: a.truth }));
    for (const answers of [[], perfect]) {
      const counts = drawCounts(answers, 4000, 11);
      for (const c of CELL_CLASSES) expect(Math.abs(counts[c] - 4000 / CELL_CLASSES.length)).toBeLessThan(120);
    }
  });

  it('brings a just-missed class back while it is due', () => {
    const w = classWeights([
      { itemId: 'MONOCYTE-1', truth: 'MONOCYTE', answer: 'LYMPHOCYTE', at: 0 },
      { itemId: 'NEUTROPHIL-1', truth: 'NEUTROPHIL', answer: 'NEUTROPHIL', at: 1 },
    ]);
    expect(w.MONOCYTE).toBeGreaterThan(w.EOSINOPHIL + 2);
    expect(w.BASOPHIL).toBeCloseTo(w.EOSINOPHIL);
  });

  it('draws basophils and weighs a missed basophil like any other class', () => {
    const counts = drawCounts([], 1000, 5);
    expect(counts.BASOPHIL).toBeGreaterThan(100);
    const w = classWeights([{ itemId: 'BASOPHIL-0', truth: 'BASOPHIL', answer: 'EOSINOPHIL', at: 0 }]);
    expect(w.BASOPHIL).toBeGreaterThan(w.LYMPHOCYTE + 0.5);
  });

  it('draws immature granulocytes and nucleated red cells, and brings back the one a student confuses', () => {
    const fresh = drawCounts([], 4000, 13);
    for (const c of ['IG', 'ERYTHROBLAST'] as const) expect(fresh[c]).toBeGreaterThan(4000 / CELL_CLASSES.length - 120);
    // Nucleated red cells taken for lymphocytes, every time: both are drawn more than any other class.
    const confused: PracticeAnswer[] = history().map((a) =>
      a.truth === 'ERYTHROBLAST' ? { ...a, answer: 'LYMPHOCYTE' } : { ...a, answer: a.truth },
    );
    const counts = drawCounts(confused, 4000, 17);
    const others = CELL_CLASSES.filter((c) => c !== 'ERYTHROBLAST' && c !== 'LYMPHOCYTE').map((c) => counts[c]);
    expect(counts.ERYTHROBLAST).toBeGreaterThan(2 * Math.max(...others));
    expect(counts.LYMPHOCYTE).toBeGreaterThan(Math.max(...others) + 100);
  });

  it('never repeats an item within a session while others are left, and is reproducible', () => {
    const asked = new Set<string>();
    const random = seededRandom(3);
    const order: string[] = [];
    for (let i = 0; i < 50; i++) {
      const item = nextItem(items, history(), asked, random);
      expect(asked.has(item.id)).toBe(false);
      asked.add(item.id);
      order.push(item.id);
    }
    const again = seededRandom(3);
    const replay = new Set<string>();
    const second = Array.from({ length: 50 }, () => {
      const item = nextItem(items, history(), replay, again);
      replay.add(item.id);
      return item.id;
    });
    expect(second).toEqual(order);
  });
});
