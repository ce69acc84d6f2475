import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { binomialInterval } from '@/lib/format/binomial-interval';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';

export interface Tally {
  readonly counts: Record<CellClass, number>;
  /** Share of the counted cells, 0–1 (all 0 while nothing is counted). */
  readonly shares: Record<CellClass, number>;
  /**
   * The 95 % interval of each share for the number of cells counted (exact binomial, as Rümke
   * tabulates): 4 cells give 0.6–80.6 % for one of them, 200 cells a few points either side.
   */
  readonly intervals: Record<CellClass, { readonly low: number; readonly high: number }>;
  /** White cells in the differential: everything but the cells set aside. */
  readonly counted: number;
  /** Cells marked "not a white cell / unclassifiable": listed, never in the percentages. */
  readonly excluded: number;
  readonly corrected: number;
  /** Cells a person looked at: confirmed as the model read them, or given another class. */
  readonly reviewed: number;
}

/** The running differential: counts and percentages over the cells' final classes. */
export function tally(cells: readonly { final: FinalClass; corrected: boolean; decided: boolean }[]): Tally {
  const counts = Object.fromEntries(CELL_CLASSES.map((c) => [c, 0])) as Record<CellClass, number>;
  let excluded = 0;
  let corrected = 0;
  let reviewed = 0;
  for (const c of cells) {
    if (c.corrected) corrected++;
    if (c.decided) reviewed++;
    if (c.final === NOT_WBC) excluded++;
    else counts[c.final]++;
  }
  const counted = cells.length - excluded;
  const shares = Object.fromEntries(CELL_CLASSES.map((c) => [c, counted > 0 ? counts[c] / counted : 0])) as Record<
    CellClass,
    number
  >;
  const intervals = Object.fromEntries(CELL_CLASSES.map((c) => [c, binomialInterval(counts[c], counted)])) as Record<
    CellClass,
    { low: number; high: number }
  >;
  return { counts, shares, intervals, counted, excluded, corrected, reviewed };
}

/**
 * Percentages as whole numbers that add up to exactly 100 (largest remainders), as a differential
 * is reported; plain rounding can give 99 or 101.
 */
export function wholePercents(counts: Record<CellClass, number>): Record<CellClass, number> {
  const total = CELL_CLASSES.reduce((s, c) => s + counts[c], 0);
  const out = Object.fromEntries(CELL_CLASSES.map((c) => [c, 0])) as Record<CellClass, number>;
  if (total === 0) return out;
  const exact = CELL_CLASSES.map((c) => ({ c, v: (counts[c] * 100) / total }));
  for (const e of exact) out[e.c] = Math.floor(e.v);
  let left = 100 - CELL_CLASSES.reduce((s, c) => s + out[c], 0);
  for (const e of [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)))) {
    if (left-- <= 0) break;
    out[e.c]++;
  }
  return out;
}
