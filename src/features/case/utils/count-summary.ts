import { countWords } from '@/lib/format/count-words';
import { formatPerHundred, type WhiteCellDifferential } from '@/lib/differential/white-cell-differential';

/** The formula a lab corrects a white count with, as the report states it. */
export const WBC_CORRECTION_FORMULA = 'corrected WBC = counted WBC × 100 / (100 + NRBC per 100 WBC)';

/**
 * The nucleated cells counted and how they split: "100 cells counted: 92 white cells, 8 NRBC
 * (8.7 per 100 WBC)". Undefined without nucleated red cells: then every cell counted is a white
 * cell and the differential's total says it.
 */
export function countSummaryText(d: WhiteCellDifferential): string | undefined {
  if (d.notWhiteCells === 0) return undefined;
  const ratio = d.perHundredWhite === null ? '' : ` (${formatPerHundred(d.perHundredWhite)} per 100 WBC)`;
  return `${countWords(d.nucleatedCells, 'cell')} counted: ${countWords(d.whiteCells, 'white cell')}, ${d.notWhiteCells} NRBC${ratio}`;
}

/**
 * The correction a lab makes when a white count took the nucleated red cells for white cells (an
 * analyser's, or a count that did not set them apart): the white cells' share of the nucleated
 * cells, and the formula. Undefined when there is nothing to correct.
 */
export function correctionText(d: WhiteCellDifferential): string | undefined {
  if (d.notWhiteCells === 0 || d.perHundredWhite === null || d.whiteShareOfNucleated === null) return undefined;
  const share = (d.whiteShareOfNucleated * 100).toFixed(1);
  return (
    `A white count that included the NRBC (an analyser's, say) is corrected to ${share} % of it: ` +
    `${WBC_CORRECTION_FORMULA} = counted WBC × 100 / ${formatPerHundred(100 + d.perHundredWhite)}.`
  );
}
