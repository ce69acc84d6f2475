import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { drawSkewedCases, type FolderImage } from './calibrated-evaluation';

function folder(perClass: Partial<Record<CellClass, number>>): FolderImage[] {
  return Object.entries(perClass).flatMap(([label, n]) =>
    Array.from({ length: n }, (_, i) => ({ file: `${label}/${i}.jpg`, label: label as CellClass, crops: [] })),
  );
}

function tally(images: FolderImage[], drawn: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of drawn) counts[images[i].label] = (counts[images[i].label] ?? 0) + 1;
  return counts;
}

describe('skewed cases', () => {
  it('draw N 60, L 30, M 6, E 3, B 1, IG 1, ERYTHROBLAST 1 from a folder of every class, distinct images, reproducibly', () => {
    const images = folder(Object.fromEntries(CELL_CLASSES.map((c) => [c, 80])));
    const cases = drawSkewedCases(images, 100, 3, 7);
    expect(cases).toHaveLength(3);
    for (const drawn of cases) {
      expect(new Set(drawn).size).toBe(100);
      // 60 / 102 of 100 is 58.8: the largest remainders round it up to 59, and each rare class to 1.
      expect(tally(images, drawn)).toEqual({
        NEUTROPHIL: 59,
        LYMPHOCYTE: 29,
        MONOCYTE: 6,
        EOSINOPHIL: 3,
        BASOPHIL: 1,
        IG: 1,
        ERYTHROBLAST: 1,
      });
    }
    expect(cases[0]).not.toEqual(cases[1]);
    expect(drawSkewedCases(images, 100, 3, 7)).toEqual(cases);
  });

  it('draw a five-class folder (no IG, no erythroblasts) as N 60, L 30, M 6, E 3, B 1', () => {
    const images = folder({ BASOPHIL: 80, EOSINOPHIL: 80, LYMPHOCYTE: 80, MONOCYTE: 80, NEUTROPHIL: 80 });
    for (const drawn of drawSkewedCases(images, 100, 2, 7))
      expect(tally(images, drawn)).toEqual({ NEUTROPHIL: 60, LYMPHOCYTE: 30, MONOCYTE: 6, EOSINOPHIL: 3, BASOPHIL: 1 });
  });

  it('renormalise over the classes the folder holds (no basophils), still adding up to the case size', () => {
    const images = folder({ EOSINOPHIL: 70, LYMPHOCYTE: 70, MONOCYTE: 70, NEUTROPHIL: 70 });
    const [drawn] = drawSkewedCases(images, 100, 1, 1);
    const counts = tally(images, drawn);
    expect(drawn).toHaveLength(100);
    // 60 / 99 of 100 is 60.6: the largest remainders take the cells the rounding left over.
    expect(counts).toEqual({ NEUTROPHIL: 61, LYMPHOCYTE: 30, MONOCYTE: 6, EOSINOPHIL: 3 });
  });

  it('take every image of a class that has too few', () => {
    const images = folder({ NEUTROPHIL: 20, LYMPHOCYTE: 50 });
    const [drawn] = drawSkewedCases(images, 60, 1, 3);
    expect(tally(images, drawn)).toEqual({ NEUTROPHIL: 20, LYMPHOCYTE: 20 });
  });
});
