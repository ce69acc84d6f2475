import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS, WHITE_CELL_CLASSES, type CellClass } from '@/core/model-spec';
import {
  correctedWhiteCount,
  countClasses,
  formatPerHundred,
  wholePercents,
  whiteCellDifferential,
  whiteRow,
} from './white-cell-differential';

/** The spec's own classes, so that the tests follow it: the first non-white class, the first white ones. */
const NRBC = PER_HUNDRED_WHITE_CELLS[0];
const [A, B, C] = WHITE_CELL_CLASSES;

const counts = (given: Partial<Record<CellClass, number>>) =>
  Object.fromEntries(CELL_CLASSES.map((c) => [c, given[c] ?? 0])) as Record<CellClass, number>;

describe('whiteCellDifferential', () => {
  it('the spec has white cells and a class counted beside them', () => {
    expect(WHITE_CELL_CLASSES).toContain('IG');
    expect(WHITE_CELL_CLASSES).not.toContain(NRBC);
    expect(WHITE_CELL_CLASSES.length + PER_HUNDRED_WHITE_CELLS.length).toBe(CELL_CLASSES.length);
  });

  it('takes percentages over white cells only and counts nucleated red cells per 100 of them', () => {
    // 100 nucleated cells: 92 white, 8 nucleated red cells.
    const d = whiteCellDifferential(counts({ [A]: 46, [B]: 46, [NRBC]: 8 }));
    expect(d.whiteCells).toBe(92);
    expect(d.notWhiteCells).toBe(8);
    expect(d.nucleatedCells).toBe(100);
    expect(d.white.map((r) => r.cls)).toEqual(WHITE_CELL_CLASSES);
    expect(d.perHundred.map((r) => r.cls)).toEqual(PER_HUNDRED_WHITE_CELLS);
    expect(whiteRow(d, A)).toMatchObject({ count: 46, share: 0.5, percent: 50 });
    expect(whiteRow(d, NRBC)).toBeUndefined();
    expect(d.white.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1);
    expect(d.white.reduce((s, r) => s + r.percent, 0)).toBe(100);
    expect(d.perHundred[0]).toMatchObject({ count: 8 });
    expect(d.perHundred[0].perHundredWhite).toBeCloseTo(8.696, 3);
    expect(d.perHundredWhite).toBeCloseTo(8.696, 3);
    expect(formatPerHundred(d.perHundredWhite!)).toBe('8.7');
    // 92 of 100 nucleated cells are white: the factor that corrects a count that took all 100 for white cells.
    expect(d.whiteShareOfNucleated).toBeCloseTo(0.92);
    expect(correctedWhiteCount(100, d.perHundredWhite!)).toBeCloseTo(92);
  });

  it('gives each white-cell share its exact interval for the white cells counted, not the nucleated cells', () => {
    const withNrbc = whiteCellDifferential(counts({ [A]: 2, [B]: 3, [NRBC]: 95 }));
    const without = whiteCellDifferential(counts({ [A]: 2, [B]: 3 }));
    // 2 of 5 white cells: 5.3–85.3 %, whatever the number of nucleated red cells beside them.
    expect(whiteRow(withNrbc, A)!.interval.low * 100).toBeCloseTo(5.27, 1);
    expect(whiteRow(withNrbc, A)!.interval.high * 100).toBeCloseTo(85.34, 1);
    expect(whiteRow(withNrbc, A)!.interval).toEqual(whiteRow(without, A)!.interval);
    expect(withNrbc.perHundredWhite).toBe(1900);
  });

  it('with no white cell: no shares, no ratio, an interval of 0–1; nucleated red cells still counted', () => {
    const d = whiteCellDifferential(counts({ [NRBC]: 3 }));
    expect(d.whiteCells).toBe(0);
    expect(d.nucleatedCells).toBe(3);
    expect(
      d.white.every((r) => r.share === 0 && r.percent === 0 && r.interval.low === 0 && r.interval.high === 1),
    ).toBe(true);
    expect(d.perHundredWhite).toBeNull();
    expect(d.perHundred[0]).toEqual({ cls: NRBC, count: 3, perHundredWhite: null });
    expect(d.whiteShareOfNucleated).toBe(0);
    const empty = whiteCellDifferential(counts({}));
    expect(empty.whiteShareOfNucleated).toBeNull();
    expect(empty.perHundredWhite).toBeNull();
  });

  it('without nucleated red cells there is nothing to correct', () => {
    const d = whiteCellDifferential(counts({ [A]: 3, [C]: 1 }));
    expect(d.perHundredWhite).toBe(0);
    expect(d.whiteShareOfNucleated).toBe(1);
    expect(correctedWhiteCount(12.5, 0)).toBe(12.5);
  });
});

describe('countClasses', () => {
  it('counts every class, the absent ones at 0', () => {
    const c = countClasses([A, A, NRBC]);
    expect(Object.keys(c)).toEqual([...CELL_CLASSES]);
    expect(c[A]).toBe(2);
    expect(c[NRBC]).toBe(1);
    expect(c[B]).toBe(0);
  });
});

describe('correctedWhiteCount', () => {
  it('is the counted white cells × 100 / (100 + NRBC per 100 WBC)', () => {
    // An analyser's 15.0 × 10⁹/L with 25 NRBC per 100 WBC is 12.0 white cells.
    expect(correctedWhiteCount(15, 25)).toBeCloseTo(12);
    expect(() => correctedWhiteCount(15, -1)).toThrow(RangeError);
  });
});

describe('wholePercents', () => {
  it('adds up to exactly 100 where rounding would not, over the classes given only', () => {
    const p = wholePercents(counts({ [A]: 1, [B]: 1, [C]: 1, [NRBC]: 5 }), WHITE_CELL_CLASSES);
    expect([...p.keys()]).toEqual(WHITE_CELL_CLASSES);
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect([p.get(A), p.get(B), p.get(C)].sort()).toEqual([33, 33, 34]);
    expect(p.has(NRBC)).toBe(false);
  });

  it('is exact when the counts divide evenly, and zero without cells', () => {
    const p = wholePercents(counts({ [A]: 1, [B]: 3, [C]: 96 }), WHITE_CELL_CLASSES);
    expect([p.get(A), p.get(B), p.get(C)]).toEqual([1, 3, 96]);
    expect([...wholePercents(counts({}), WHITE_CELL_CLASSES).values()].every((v) => v === 0)).toBe(true);
  });
});

describe('formatPerHundred', () => {
  it('gives one decimal unless the figure is whole', () => {
    expect(formatPerHundred(4)).toBe('4');
    expect(formatPerHundred(8.6956)).toBe('8.7');
    expect(formatPerHundred(0.04)).toBe('0');
    expect(formatPerHundred(1.96)).toBe('2');
  });
});
