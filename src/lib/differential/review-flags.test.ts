import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS, WHITE_CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { IG_REVIEW_PERCENT, IMMATURE_GRANULOCYTES, reviewFlags, reviewFlagText } from './review-flags';
import { whiteCellDifferential } from './white-cell-differential';

const NRBC = PER_HUNDRED_WHITE_CELLS[0];
const OTHER = WHITE_CELL_CLASSES.find((c) => c !== IMMATURE_GRANULOCYTES)!;

const differential = (given: Partial<Record<CellClass, number>>) =>
  whiteCellDifferential(Object.fromEntries(CELL_CLASSES.map((c) => [c, given[c] ?? 0])) as Record<CellClass, number>);

/** A count of `whiteCells` white cells, `ig` of them immature granulocytes, and `nrbc` nucleated red cells. */
const count = (whiteCells: number, ig: number, nrbc = 0) =>
  reviewFlags(differential({ [IMMATURE_GRANULOCYTES]: ig, [OTHER]: whiteCells - ig, [NRBC]: nrbc }));

describe('reviewFlags', () => {
  it('immature granulocytes are a white-cell class of the spec, and the threshold is 2 %', () => {
    expect(WHITE_CELL_CLASSES).toContain(IMMATURE_GRANULOCYTES);
    expect(IG_REVIEW_PERCENT).toBe(2);
  });

  it('flags immature granulocytes at 2 % of white cells and above, not below', () => {
    expect(count(100, 1)).toEqual([]);
    expect(count(100, 2)).toEqual([{ kind: 'immature-granulocytes', count: 2, percent: 2 }]);
    expect(count(100, 3).map((f) => f.kind)).toEqual(['immature-granulocytes']);
    // Just below and at 2 % where the share is not a whole percentage: 2 of 101, 3 of 150, 3 of 151.
    expect(count(101, 2)).toEqual([]);
    expect(count(150, 3)).toHaveLength(1);
    expect(count(151, 3)).toEqual([]);
    expect(count(200, 4)).toHaveLength(1);
    expect(count(200, 3)).toEqual([]);
  });

  it('takes the 2 % over white cells: nucleated red cells do not dilute it', () => {
    // 2 immature granulocytes, 98 other white cells and 10 nucleated red cells: 2 % of white cells, 1.8 % of nucleated cells.
    const flags = count(100, 2, 10);
    expect(flags.map((f) => f.kind)).toEqual(['immature-granulocytes', 'nucleated-red-cells']);
    expect(reviewFlagText(flags[0])).toBe('Immature granulocytes 2.0 % (≥ 2 %): review the smear');
    expect(reviewFlagText(flags[1])).toBe('Nucleated red cells present: 10 per 100 WBC');
  });

  it('flags any nucleated red cell, per 100 white cells', () => {
    expect(count(100, 0, 0)).toEqual([]);
    const one = count(100, 0, 1);
    expect(one).toEqual([{ kind: 'nucleated-red-cells', count: 1, perHundredWhite: 1 }]);
    expect(reviewFlagText(one[0])).toBe('Nucleated red cells present: 1 per 100 WBC');
    expect(reviewFlagText(count(92, 0, 8)[0])).toBe('Nucleated red cells present: 8.7 per 100 WBC');
  });

  it('says the percentage to one decimal', () => {
    const flags = count(97, 3);
    expect(reviewFlagText(flags[0])).toBe('Immature granulocytes 3.1 % (≥ 2 %): review the smear');
  });

  it('with no white cell counted: no percentage to flag, but nucleated red cells still are', () => {
    expect(count(0, 0)).toEqual([]);
    const flags = count(0, 0, 3);
    expect(flags).toEqual([{ kind: 'nucleated-red-cells', count: 3, perHundredWhite: null }]);
    expect(reviewFlagText(flags[0])).toBe('Nucleated red cells present: 3, and no white cell counted');
  });
});
