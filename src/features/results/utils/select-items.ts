import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { FilterKey, ResultItem, SortKey } from '@/features/results/stores/results-store';

export const needsReview = (it: ResultItem) => it.result?.cells.some((c) => c.needsReview) ?? false;
const lowestConfidence = (it: ResultItem) => Math.min(2, ...(it.result?.cells.map((c) => c.confidence) ?? []));

function matches(it: ResultItem, filter: FilterKey): boolean {
  if (filter === 'all') return true;
  if (filter === 'review') return needsReview(it);
  if (filter === 'problems') return it.status === 'error' || (it.status === 'done' && it.result?.cells.length === 0);
  return it.result?.cells.some((c) => c.predicted === filter) ?? false;
}

const COMPARE: Record<SortKey, (a: ResultItem, b: ResultItem) => number> = {
  added: (a, b) => a.id - b.id,
  name: (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }),
  review: (a, b) => Number(needsReview(b)) - Number(needsReview(a)) || a.id - b.id,
  confidence: (a, b) => lowestConfidence(a) - lowestConfidence(b) || a.id - b.id,
};

/** The cards to show, filtered and sorted. */
export function visibleItems(items: readonly ResultItem[], filter: FilterKey, sort: SortKey): ResultItem[] {
  return items.filter((it) => matches(it, filter)).sort(COMPARE[sort]);
}

export interface Summary {
  readonly perClass: Record<CellClass, number>;
  readonly cells: number;
  readonly review: number;
  readonly noCell: number;
  readonly problems: number;
}

/** Counts over every analysed image: cells per class, cells needing review, images without a cell. */
export function summarise(items: readonly ResultItem[]): Summary {
  const perClass = Object.fromEntries(CELL_CLASSES.map((c) => [c, 0])) as Record<CellClass, number>;
  let cells = 0;
  let review = 0;
  let noCell = 0;
  let problems = 0;
  for (const it of items) {
    if (it.status === 'error') problems++;
    if (!it.result) continue;
    if (it.result.cells.length === 0) noCell++;
    for (const c of it.result.cells) {
      perClass[c.predicted]++;
      cells++;
      if (c.needsReview) review++;
    }
  }
  return { perClass, cells, review, noCell, problems };
}
