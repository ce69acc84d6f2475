import { describe, expect, it } from 'vitest';
import { PER_HUNDRED_WHITE_CELLS, WHITE_CELL_CLASSES } from '@/core/model-spec';
import { whiteRow } from '@/lib/differential/white-cell-differential';
import { cellKey, NOT_WBC, type FinalClass } from '@/lib/storage/case-types';
import { caseCells } from './case-cells';
import { fakeCell, fakeCells, fakeImage } from './case-test-data';
import { tally } from './tally';

const images = [
  fakeImage('a', 'a.jpg', [fakeCell('NEUTROPHIL'), fakeCell('LYMPHOCYTE')]),
  fakeImage('b', 'b.jpg', [fakeCell('NEUTROPHIL'), fakeCell('MONOCYTE', 0.4), fakeCell('BASOPHIL')]),
];

const share = (t: ReturnType<typeof tally>, cls: Parameters<typeof whiteRow>[1]) => whiteRow(t, cls)!.share;

/**
 * A skewed case of 100 cells found on one image: a left shift with nucleated red cells. The
 * first lymphocyte (cell 61) is reclassified as a nucleated red cell, the first neutrophil (cell 1)
 * set aside as not a white cell, the second (cell 2) reclassified as an immature granulocyte.
 */
const skewed = [
  fakeImage(
    's',
    's.jpg',
    fakeCells({ NEUTROPHIL: 60, LYMPHOCYTE: 22, IG: 5, MONOCYTE: 3, EOSINOPHIL: 2, ERYTHROBLAST: 8 }),
  ),
];
const skewedDecisions: Record<string, FinalClass> = {
  [cellKey('s', 60)]: 'ERYTHROBLAST',
  [cellKey('s', 0)]: NOT_WBC,
  [cellKey('s', 1)]: 'IG',
};

describe('tally', () => {
  it('counts the predictions when nothing is corrected', () => {
    const t = tally(caseCells(images, {}));
    expect(t.counts).toEqual({
      BASOPHIL: 1,
      EOSINOPHIL: 0,
      LYMPHOCYTE: 1,
      MONOCYTE: 1,
      NEUTROPHIL: 2,
      IG: 0,
      ERYTHROBLAST: 0,
    });
    expect(t.whiteCells).toBe(5);
    expect(t.nucleatedCells).toBe(5);
    expect(share(t, 'NEUTROPHIL')).toBe(0.4);
    expect(share(t, 'BASOPHIL')).toBe(0.2);
    expect(t.excluded).toBe(0);
    expect(t.corrected).toBe(0);
    expect(t.flags).toEqual([]);
  });

  it('moves a corrected cell to its new class and keeps the prediction', () => {
    const cells = caseCells(images, { [cellKey('b', 1)]: 'EOSINOPHIL' });
    const c = cells.find((x) => x.key === cellKey('b', 1));
    expect(c).toMatchObject({ predicted: 'MONOCYTE', final: 'EOSINOPHIL', corrected: true, decided: true });
    const t = tally(cells);
    expect(t.counts.MONOCYTE).toBe(0);
    expect(t.counts.EOSINOPHIL).toBe(1);
    expect(t.corrected).toBe(1);
  });

  it('leaves cells set aside out of the percentages but counts them apart', () => {
    const t = tally(caseCells(images, { [cellKey('a', 1)]: NOT_WBC }));
    expect(t.whiteCells).toBe(4);
    expect(t.excluded).toBe(1);
    expect(t.counts.LYMPHOCYTE).toBe(0);
    expect(share(t, 'NEUTROPHIL')).toBeCloseTo(2 / 4);
    expect(t.white.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1);
  });

  it('a confirmed prediction is decided but not corrected', () => {
    const cells = caseCells(images, { [cellKey('b', 1)]: 'MONOCYTE' });
    expect(cells[3]).toMatchObject({ decided: true, corrected: false });
    expect(tally(cells).corrected).toBe(0);
  });

  it('counts the cells reviewed: confirmed and corrected alike, not those left as the model read them', () => {
    const cells = caseCells(images, { [cellKey('b', 1)]: 'MONOCYTE', [cellKey('a', 0)]: 'EOSINOPHIL' });
    const t = tally(cells);
    expect(t.reviewed).toBe(2);
    expect(t.corrected).toBe(1);
    expect(tally(caseCells(images, {})).reviewed).toBe(0);
  });

  it('gives each share its 95 % interval for the number of cells counted', () => {
    const t = tally(caseCells(images, {}));
    // 2 neutrophils of 5: the exact binomial limits are 5.3 % and 85.3 %.
    expect(whiteRow(t, 'NEUTROPHIL')!.interval.low * 100).toBeCloseTo(5.27, 1);
    expect(whiteRow(t, 'NEUTROPHIL')!.interval.high * 100).toBeCloseTo(85.34, 1);
    expect(whiteRow(t, 'EOSINOPHIL')!.interval.low).toBe(0);
    expect(whiteRow(t, 'EOSINOPHIL')!.interval.high * 100).toBeCloseTo(52.18, 1);
    // The same share from 40 times the cells is far narrower.
    const many = tally(Array.from({ length: 40 }, () => caseCells(images, {})).flat());
    expect(share(many, 'NEUTROPHIL')).toBe(share(t, 'NEUTROPHIL'));
    const width = (i: { low: number; high: number }) => i.high - i.low;
    expect(width(whiteRow(many, 'NEUTROPHIL')!.interval)).toBeLessThan(width(whiteRow(t, 'NEUTROPHIL')!.interval) / 4);
  });

  it('gives zero shares and no flag for an empty case or one with only excluded cells', () => {
    expect(tally([]).whiteCells).toBe(0);
    const t = tally([{ final: NOT_WBC, corrected: true, decided: true }]);
    expect(t.whiteCells).toBe(0);
    expect(t.nucleatedCells).toBe(0);
    expect(t.excluded).toBe(1);
    expect(share(t, 'NEUTROPHIL')).toBe(0);
    expect(t.flags).toEqual([]);
  });

  it('counts a skewed case as a lab reports it: white cells in the differential, nucleated red cells per 100 beside it', () => {
    const t = tally(caseCells(skewed, skewedDecisions, {}));
    // 100 cells: 1 set aside, 9 nucleated red cells (8 read, 1 reclassified), 90 white cells.
    expect(t.excluded).toBe(1);
    expect(t.nucleatedCells).toBe(99);
    expect(t.whiteCells).toBe(90);
    expect(t.counts).toMatchObject({
      NEUTROPHIL: 58,
      LYMPHOCYTE: 21,
      IG: 6,
      MONOCYTE: 3,
      EOSINOPHIL: 2,
      ERYTHROBLAST: 9,
    });
    // Immature granulocytes are white cells: in the differential, 6 of 90.
    expect(t.white.map((r) => r.cls)).toEqual(WHITE_CELL_CLASSES);
    expect(share(t, 'IG')).toBeCloseTo(6 / 90);
    // 64.4 + 23.3 + 6.7 + 3.3 + 2.2: the two largest remainders (6.7 and 64.4) round up to make 100.
    expect(t.white.map((r) => [r.cls, r.percent])).toEqual([
      ['BASOPHIL', 0],
      ['EOSINOPHIL', 2],
      ['LYMPHOCYTE', 23],
      ['MONOCYTE', 3],
      ['NEUTROPHIL', 65],
      ['IG', 7],
    ]);
    expect(t.white.reduce((s, r) => s + r.percent, 0)).toBe(100);
    // Nucleated red cells are not: no row of the differential, 9 per 90 white cells = 10 per 100.
    expect(whiteRow(t, 'ERYTHROBLAST')).toBeUndefined();
    expect(t.perHundred).toEqual([{ cls: PER_HUNDRED_WHITE_CELLS[0], count: 9, perHundredWhite: 10 }]);
    expect(t.whiteShareOfNucleated).toBeCloseTo(90 / 99);
    expect(t.flags).toEqual([
      { kind: 'immature-granulocytes', count: 6, percent: (6 / 90) * 100 },
      { kind: 'nucleated-red-cells', count: 9, perHundredWhite: 10 },
    ]);
  });

  it('a nucleated red cell set aside as not a white cell leaves the count and its flag', () => {
    const one = [fakeImage('n', 'n.jpg', [...fakeCells({ NEUTROPHIL: 50 }), fakeCell('ERYTHROBLAST')])];
    expect(tally(caseCells(one, {})).flags.map((f) => f.kind)).toEqual(['nucleated-red-cells']);
    const aside = tally(caseCells(one, { [cellKey('n', 50)]: NOT_WBC }));
    expect(aside.flags).toEqual([]);
    expect(aside.notWhiteCells).toBe(0);
    expect(aside.excluded).toBe(1);
  });
});
