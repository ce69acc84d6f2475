import { describe, expect, it } from 'vitest';
import { correctedWhiteCount } from '@/lib/differential/white-cell-differential';
import { caseCells } from './case-cells';
import { fakeCells, fakeImage } from './case-test-data';
import { correctionText, countSummaryText } from './count-summary';
import { tally } from './tally';

const tallyOf = (cells: Parameters<typeof fakeCells>[0]) =>
  tally(caseCells([fakeImage('a', 'a.jpg', fakeCells(cells))], {}));

describe('countSummaryText and correctionText', () => {
  it('split the nucleated cells into white cells and NRBC, and correct a count that took them all for white cells', () => {
    const t = tallyOf({ NEUTROPHIL: 60, LYMPHOCYTE: 30, IG: 2, ERYTHROBLAST: 8 });
    expect(countSummaryText(t)).toBe('100 cells counted: 92 white cells, 8 NRBC (8.7 per 100 WBC)');
    expect(correctionText(t)).toBe(
      "A white count that included the NRBC (an analyser's, say) is corrected to 92.0 % of it: " +
        'corrected WBC = counted WBC × 100 / (100 + NRBC per 100 WBC) = counted WBC × 100 / 108.7.',
    );
    // The share stated is the formula's: 100 counted as white cells are 92 once corrected.
    expect(correctedWhiteCount(100, t.perHundredWhite!)).toBeCloseTo(92);
  });

  it('say nothing when there is no nucleated red cell', () => {
    const t = tallyOf({ NEUTROPHIL: 60, LYMPHOCYTE: 40 });
    expect(countSummaryText(t)).toBeUndefined();
    expect(correctionText(t)).toBeUndefined();
  });

  it('with nucleated red cells and no white cell: counted, nothing to correct', () => {
    const t = tallyOf({ ERYTHROBLAST: 1 });
    expect(countSummaryText(t)).toBe('1 cell counted: 0 white cells, 1 NRBC');
    expect(correctionText(t)).toBeUndefined();
  });
});
