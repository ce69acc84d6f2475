import type { CellClass } from '@/core/model-spec';
import { formatPerHundred, whiteRow, type WhiteCellDifferential } from './white-cell-differential';

/** The immature granulocytes' class (promyelocytes, myelocytes and metamyelocytes): a white cell. */
export const IMMATURE_GRANULOCYTES: CellClass = 'IG';

/**
 * Immature granulocytes at or above this percentage of the white cells flag a count for review.
 * Why 2 %: healthy adults carry under 1 % (upper reference limit about 0.9 % above the age of 10,
 * Roehrl et al., Arch Pathol Lab Med 2011), so 2 % is past any healthy reference range, and it is
 * the share that smear-review criteria commonly act on; a lone immature granulocyte in a
 * 100-cell count (1 %) is not enough on its own.
 */
export const IG_REVIEW_PERCENT = 2;

export type ReviewFlag =
  | {
      readonly kind: 'immature-granulocytes';
      readonly count: number;
      /** Their percentage of the white cells, unrounded. */
      readonly percent: number;
    }
  | {
      readonly kind: 'nucleated-red-cells';
      readonly count: number;
      /** Per 100 white cells; null when no white cell was counted. */
      readonly perHundredWhite: number | null;
    };

/**
 * What a count says at the top of its report for a person to review: immature granulocytes at or
 * above IG_REVIEW_PERCENT of the white cells, and any nucleated red cell. A flag, not a diagnosis.
 */
export function reviewFlags(d: WhiteCellDifferential): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const ig = whiteRow(d, IMMATURE_GRANULOCYTES);
  // In whole numbers (count × 100 against the threshold × white cells), so 2 of 100 is exactly at it.
  if (ig && d.whiteCells > 0 && ig.count * 100 >= IG_REVIEW_PERCENT * d.whiteCells) {
    flags.push({ kind: 'immature-granulocytes', count: ig.count, percent: ig.share * 100 });
  }
  if (d.notWhiteCells > 0) {
    flags.push({ kind: 'nucleated-red-cells', count: d.notWhiteCells, perHundredWhite: d.perHundredWhite });
  }
  return flags;
}

/** A flag in words: "Immature granulocytes 3.1 % (≥ 2 %): review the smear". */
export function reviewFlagText(flag: ReviewFlag): string {
  if (flag.kind === 'immature-granulocytes') {
    return `Immature granulocytes ${flag.percent.toFixed(1)} % (≥ ${IG_REVIEW_PERCENT} %): review the smear`;
  }
  return flag.perHundredWhite === null
    ? `Nucleated red cells present: ${flag.count}, and no white cell counted`
    : `Nucleated red cells present: ${formatPerHundred(flag.perHundredWhite)} per 100 WBC`;
}
