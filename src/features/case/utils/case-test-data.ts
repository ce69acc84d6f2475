import type { AnalysedCell } from '@/core/analyse';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { CaseImage } from '@/lib/storage/case-types';

/** A cell as the worker would return it, the predicted class given probability `p`. */
export function fakeCell(predicted: CellClass, p = 0.9, box = { x: 10, y: 20, width: 30, height: 40 }): AnalysedCell {
  const rest = (1 - p) / (CELL_CLASSES.length - 1);
  const probabilities = CELL_CLASSES.map((c) => (c === predicted ? p : rest));
  return { box, nucleus: box, touchesEdge: false, probabilities, predicted, confidence: p, needsReview: p < 0.6 };
}

export function fakeImage(id: string, name: string, cells: AnalysedCell[]): CaseImage {
  return {
    id,
    caseId: 'case-1',
    name,
    width: 640,
    height: 480,
    analysedAt: 0,
    modelVersion: 'v-test',
    cells,
    thumbnail: new Blob([new Uint8Array(100)], { type: 'image/jpeg' }),
    cellImages: cells.map(() => new Blob([new Uint8Array(10)], { type: 'image/jpeg' })),
  };
}

/** Cells of the given classes, as many of each as asked, in the order given; each read at probability 0.9. */
export function fakeCells(counts: Partial<Record<CellClass, number>>): AnalysedCell[] {
  return (Object.entries(counts) as [CellClass, number][]).flatMap(([cls, n]) =>
    Array.from({ length: n }, () => fakeCell(cls)),
  );
}
