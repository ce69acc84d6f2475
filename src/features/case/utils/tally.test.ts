import { describe, expect, it } from 'vitest';
import { cellKey, NOT_WBC } from '@/lib/storage/case-types';
import { caseCells } from './case-cells';
import { fakeCell, fakeImage } from './case-test-data';
import { tally, wholePercents } from './tally';

const images = [
  fakeImage('a', 'a.jpg', [fakeCell('NEUTROPHIL'), fakeCell('LYMPHOCYTE')]),
  fakeImage('b', 'b.jpg', [fakeCell('NEUTROPHIL'), fakeCell('MONOCYTE', 0.4), fakeCell('BASOPHIL')]),
];

describe('tally', () => {
  it('counts the predictions when nothing is corrected', () => {
    const t = tally(caseCells(images, {}));
    expect(t.counts).toEqual({ BASOPHIL: 1, EOSINOPHIL: 0, LYMPHOCYTE: 1, MONOCYTE: 1, NEUTROPHIL: 2 });
    expect(t.counted).toBe(5);
    expect(t.shares.NEUTROPHIL).toBe(0.4);
    expect(t.shares.BASOPHIL).toBe(0.2);
    expect(t.excluded).toBe(0);
    expect(t.corrected).toBe(0);
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
    expect(t.counted).toBe(4);
    expect(t.excluded).toBe(1);
    expect(t.counts.LYMPHOCYTE).toBe(0);
    expect(t.shares.NEUTROPHIL).toBeCloseTo(2 / 4);
    expect(Object.values(t.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
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
    expect(t.intervals.NEUTROPHIL.low * 100).toBeCloseTo(5.27, 1);
    expect(t.intervals.NEUTROPHIL.high * 100).toBeCloseTo(85.34, 1);
    expect(t.intervals.EOSINOPHIL.low).toBe(0);
    expect(t.intervals.EOSINOPHIL.high * 100).toBeCloseTo(52.18, 1);
    // The same share from 40 times the cells is far narrower.
    const many = tally(Array.from({ length: 40 }, () => caseCells(images, {})).flat());
    expect(many.shares.NEUTROPHIL).toBe(t.shares.NEUTROPHIL);
    const width = (i: { low: number; high: number }) => i.high - i.low;
    expect(width(many.intervals.NEUTROPHIL)).toBeLessThan(width(t.intervals.NEUTROPHIL) / 4);
  });

  it('gives zero shares for an empty case or one with only excluded cells', () => {
    expect(tally([]).counted).toBe(0);
    const t = tally([{ final: NOT_WBC, corrected: true, decided: true }]);
    expect(t.counted).toBe(0);
    expect(t.shares.NEUTROPHIL).toBe(0);
  });
});

describe('wholePercents', () => {
  it('adds up to exactly 100 where rounding would not', () => {
    const p = wholePercents({ BASOPHIL: 0, EOSINOPHIL: 1, LYMPHOCYTE: 1, MONOCYTE: 1, NEUTROPHIL: 0 });
    expect(p.BASOPHIL + p.EOSINOPHIL + p.LYMPHOCYTE + p.MONOCYTE + p.NEUTROPHIL).toBe(100);
    expect([p.EOSINOPHIL, p.LYMPHOCYTE, p.MONOCYTE].sort()).toEqual([33, 33, 34]);
    const five = wholePercents({ BASOPHIL: 1, EOSINOPHIL: 1, LYMPHOCYTE: 1, MONOCYTE: 1, NEUTROPHIL: 2 });
    expect(Object.values(five).reduce((a, b) => a + b, 0)).toBe(100);
  });
  it('is exact when the counts divide evenly, and zero without cells', () => {
    expect(wholePercents({ BASOPHIL: 1, EOSINOPHIL: 3, LYMPHOCYTE: 30, MONOCYTE: 7, NEUTROPHIL: 59 })).toEqual({
      BASOPHIL: 1,
      EOSINOPHIL: 3,
      LYMPHOCYTE: 30,
      MONOCYTE: 7,
      NEUTROPHIL: 59,
    });
    expect(wholePercents({ BASOPHIL: 0, EOSINOPHIL: 0, LYMPHOCYTE: 0, MONOCYTE: 0, NEUTROPHIL: 0 }).NEUTROPHIL).toBe(0);
  });
});
