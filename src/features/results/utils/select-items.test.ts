import { describe, expect, it } from 'vitest';
import type { AnalysedCell } from '@/core/analyse';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { ResultItem } from '@/features/results/stores/results-store';
import { summarise, visibleItems } from './select-items';

const box = { x: 0, y: 0, width: 10, height: 10 };
const cell = (predicted: CellClass, confidence: number, needsReview = false): AnalysedCell => ({
  box,
  nucleus: box,
  touchesEdge: false,
  probabilities: CELL_CLASSES.map((c) => (c === predicted ? confidence : (1 - confidence) / (CELL_CLASSES.length - 1))),
  predicted,
  confidence,
  needsReview,
});
const item = (id: number, name: string, cells?: AnalysedCell[]): ResultItem =>
  cells
    ? {
        id,
        name,
        status: 'done',
        result: { status: 'done', width: 1, height: 1, cells, thumbnailUrl: '', notes: [], elapsedMs: 0 },
      }
    : { id, name, status: 'error', message: 'bad' };

const items = [
  item(1, 'b.jpg', [cell('NEUTROPHIL', 0.99)]),
  item(2, 'a.jpg', [cell('MONOCYTE', 0.6, true), cell('NEUTROPHIL', 0.95)]),
  item(3, 'c.txt'),
  item(4, 'd.jpg', []),
  item(5, 'e.jpg', [cell('IG', 0.97), cell('ERYTHROBLAST', 0.98)]),
];

describe('visibleItems', () => {
  it('filters by class, review and problems', () => {
    expect(visibleItems(items, 'NEUTROPHIL', 'added').map((i) => i.id)).toEqual([1, 2]);
    expect(visibleItems(items, 'review', 'added').map((i) => i.id)).toEqual([2]);
    expect(visibleItems(items, 'problems', 'added').map((i) => i.id)).toEqual([3, 4]);
    expect(visibleItems(items, 'IG', 'added').map((i) => i.id)).toEqual([5]);
    expect(visibleItems(items, 'ERYTHROBLAST', 'added').map((i) => i.id)).toEqual([5]);
  });

  it('sorts by name, review first and least confident first', () => {
    expect(visibleItems(items, 'all', 'name').map((i) => i.name)).toEqual([
      'a.jpg',
      'b.jpg',
      'c.txt',
      'd.jpg',
      'e.jpg',
    ]);
    expect(visibleItems(items, 'all', 'review')[0].id).toBe(2);
    expect(visibleItems(items, 'all', 'confidence').map((i) => i.id)).toEqual([2, 5, 1, 3, 4]);
  });
});

describe('summarise', () => {
  it('counts cells per class, review, images without a cell and unreadable files', () => {
    expect(summarise(items)).toEqual({
      perClass: { BASOPHIL: 0, EOSINOPHIL: 0, LYMPHOCYTE: 0, MONOCYTE: 1, NEUTROPHIL: 2, IG: 1, ERYTHROBLAST: 1 },
      cells: 5,
      review: 1,
      noCell: 1,
      problems: 1,
    });
  });
});
