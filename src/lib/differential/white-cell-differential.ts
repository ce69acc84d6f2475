import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS, WHITE_CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { binomialInterval } from '@/lib/format/binomial-interval';

/**
 * How a lab counts a smear, in one place for every count the app shows (a case, a practice
 * drill): the differential's percentages are over the white cells only (WHITE_CELL_CLASSES,
 * immature granulocytes included), and the cells that are not white cells (nucleated red cells,
 * PER_HUNDRED_WHITE_CELLS) are counted beside it, as so many per 100 white cells.
 */

/** How many cells of each class a count holds. */
export type ClassCounts = Readonly<Record<CellClass, number>>;

export interface WhiteCellRow {
  readonly cls: CellClass;
  readonly count: number;
  /** Share of the white cells counted, 0–1 (0 while none is counted). */
  readonly share: number;
  /**
   * The exact binomial 95 % interval of the share for the number of white cells counted (as Rümke
   * tabulates); 0–1 while none is counted.
   */
  readonly interval: { readonly low: number; readonly high: number };
  /** The share as a whole percentage; the rows add up to exactly 100 (0 each while none is counted). */
  readonly percent: number;
}

export interface PerHundredRow {
  readonly cls: CellClass;
  readonly count: number;
  /** Cells of this class per 100 white cells; null while no white cell is counted. */
  readonly perHundredWhite: number | null;
}

export interface WhiteCellDifferential {
  /** White cells counted: the differential's total, and the "100" of "per 100 WBC". */
  readonly whiteCells: number;
  /** Cells counted beside the differential, per 100 white cells (nucleated red cells). */
  readonly notWhiteCells: number;
  /** Every nucleated cell counted: white cells and nucleated red cells. */
  readonly nucleatedCells: number;
  /** One row per white-cell class, in WHITE_CELL_CLASSES order. */
  readonly white: readonly WhiteCellRow[];
  /** One row per class counted per 100 white cells, in PER_HUNDRED_WHITE_CELLS order. */
  readonly perHundred: readonly PerHundredRow[];
  /** All the non-white cells per 100 white cells; null while no white cell is counted. */
  readonly perHundredWhite: number | null;
  /**
   * The white cells' share of the nucleated cells counted, 0–1: the factor
   * 100 / (100 + NRBC per 100 WBC) by which a white count that took the nucleated red cells for
   * white cells is corrected (1 without them; null while nothing is counted).
   */
  readonly whiteShareOfNucleated: number | null;
}

/** Counts of each class among the given cells' classes; every class present, most at 0. */
export function countClasses(classes: Iterable<CellClass>): Record<CellClass, number> {
  const counts = Object.fromEntries(CELL_CLASSES.map((c) => [c, 0])) as Record<CellClass, number>;
  for (const c of classes) counts[c]++;
  return counts;
}

/**
 * The standard correction of a white cell count for nucleated red cells: an analyser (or a
 * count) that took them for white cells reports counted × 100 / (100 + NRBC per 100 WBC).
 */
export function correctedWhiteCount(counted: number, perHundredWhite: number): number {
  if (!(perHundredWhite >= 0)) throw new RangeError(`${perHundredWhite} per 100 white cells is not a count.`);
  return (counted * 100) / (100 + perHundredWhite);
}

/**
 * Percentages as whole numbers that add up to exactly 100 (largest remainders), as a differential
 * is reported; plain rounding can give 99 or 101. Over the given classes only.
 */
export function wholePercents(counts: ClassCounts, classes: readonly CellClass[]): Map<CellClass, number> {
  const total = classes.reduce((s, c) => s + counts[c], 0);
  const out = new Map(classes.map((c) => [c, 0]));
  if (total === 0) return out;
  const exact = classes.map((c) => ({ c, v: (counts[c] * 100) / total }));
  for (const e of exact) out.set(e.c, Math.floor(e.v));
  let left = 100 - classes.reduce((s, c) => s + (out.get(c) ?? 0), 0);
  for (const e of [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)))) {
    if (left-- <= 0) break;
    out.set(e.c, (out.get(e.c) ?? 0) + 1);
  }
  return out;
}

/** The differential over white cells and, beside it, the nucleated red cells per 100 white cells. */
export function whiteCellDifferential(counts: ClassCounts): WhiteCellDifferential {
  const whiteCells = WHITE_CELL_CLASSES.reduce((s, c) => s + counts[c], 0);
  const notWhiteCells = PER_HUNDRED_WHITE_CELLS.reduce((s, c) => s + counts[c], 0);
  const nucleatedCells = whiteCells + notWhiteCells;
  const percents = wholePercents(counts, WHITE_CELL_CLASSES);
  const perHundred = (n: number) => (whiteCells > 0 ? (n * 100) / whiteCells : null);
  return {
    whiteCells,
    notWhiteCells,
    nucleatedCells,
    white: WHITE_CELL_CLASSES.map((cls) => ({
      cls,
      count: counts[cls],
      share: whiteCells > 0 ? counts[cls] / whiteCells : 0,
      interval: binomialInterval(counts[cls], whiteCells),
      percent: percents.get(cls) ?? 0,
    })),
    perHundred: PER_HUNDRED_WHITE_CELLS.map((cls) => ({
      cls,
      count: counts[cls],
      perHundredWhite: perHundred(counts[cls]),
    })),
    perHundredWhite: perHundred(notWhiteCells),
    whiteShareOfNucleated: nucleatedCells > 0 ? whiteCells / nucleatedCells : null,
  };
}

/** The row of a white-cell class; undefined for a class counted per 100 white cells. */
export function whiteRow(d: WhiteCellDifferential, cls: CellClass): WhiteCellRow | undefined {
  return d.white.find((r) => r.cls === cls);
}

/** "8.7", "4", "0": a count per 100 white cells as reports give it, to one decimal at most. */
export function formatPerHundred(perHundredWhite: number): string {
  const tenths = Math.round(perHundredWhite * 10);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
