import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { csvRows as parseCsv } from '@testkit/csv-rows';
import type { StoredCalibration } from '@/lib/storage/case-calibration-storage';
import { cellKey, NOT_WBC, type CaseImage, type CaseMeta, type HandCell } from '@/lib/storage/case-types';
import type { CalibratedCell } from '@/worker/worker-api';
import { calibrationCrops, calibrationNote, calibrationText, withCalibratedReading } from './calibrated-reading';
import { caseCells } from './case-cells';
import { caseCsv, differentialCsv } from './case-csv';
import { caseJson } from './case-json';
import { fakeCell, fakeImage } from './case-test-data';
import { tally } from './tally';

const crop = (v: number) => new Uint8Array(12).fill(v);
const withCrops = (image: CaseImage): CaseImage => ({ ...image, cellCrops: image.cells.map((_, i) => crop(i + 1)) });

const images = [
  withCrops(fakeImage('a', 'a.jpg', [fakeCell('EOSINOPHIL', 0.55), fakeCell('LYMPHOCYTE', 0.9)])),
  // Stored before crops were kept: no calibrated reading for it.
  fakeImage('b', 'b.jpg', [fakeCell('EOSINOPHIL', 0.7)]),
];
const hand: HandCell = {
  imageId: 'a',
  cell: fakeCell('MONOCYTE', 0.8),
  picture: new Blob([]),
  crop: crop(9),
  addedAt: 1,
};
const meta: CaseMeta = {
  id: 'case-1',
  name: 'Lab 3',
  createdAt: 0,
  updatedAt: 0,
  target: 100,
  imageIds: ['a', 'b'],
  decisions: {},
  handCells: [hand],
  cellCount: 3,
  bytes: 0,
};
const read = (predicted: CalibratedCell['predicted'], confidence: number, needsReview: boolean): CalibratedCell => ({
  probabilities: CELL_CLASSES.map((c) => (c === 'NEUTROPHIL' ? confidence : c === 'MONOCYTE' ? 1 - confidence : 0)),
  predicted,
  confidence,
  needsReview,
});
/** Calibrated: the eosinophil over-call becomes a neutrophil, the lymphocyte stays and loses its mark. */
const stored: StoredCalibration = {
  caseId: 'case-1',
  calibratedAt: Date.UTC(2026, 11, 7),
  calibration: { modelVersion: '1.eb8df75c', cells: 3, rounds: 1, steps: [] },
  cells: {
    [cellKey('a', 0)]: read('NEUTROPHIL', 0.97, false),
    [cellKey('a', 1)]: read('LYMPHOCYTE', 0.99, false),
    [cellKey('a', 2)]: read('MONOCYTE', 0.9, false),
  },
};

describe('calibrationCrops', () => {
  it('lists the crops of the cells still in the case with their read class, hand-drawn ones included, none set aside', () => {
    expect(calibrationCrops(images, meta).map((c) => [c.key, c.crop[0], c.predicted])).toEqual([
      ['a#0', 1, 'EOSINOPHIL'],
      ['a#1', 2, 'LYMPHOCYTE'],
      ['a#2', 9, 'MONOCYTE'],
    ]);
    const edited: CaseMeta = { ...meta, decisions: { 'a#1': NOT_WBC }, removed: ['a#2'] };
    expect(calibrationCrops(images, edited).map((c) => c.key)).toEqual(['a#0']);
  });
});

describe('withCalibratedReading', () => {
  it('shows the calibrated class, probabilities and review mark, keeping the shipped reading beside it', () => {
    const cells = withCalibratedReading(caseCells(images, {}, meta), stored.cells);
    const first = cells.find((c) => c.key === 'a#0')!;
    expect(first).toMatchObject({ predicted: 'NEUTROPHIL', final: 'NEUTROPHIL', corrected: false });
    expect(first.cell).toMatchObject({ predicted: 'NEUTROPHIL', confidence: 0.97, needsReview: false });
    expect(first.cell.box).toEqual(images[0].cells[0].box);
    expect(first.shipped).toMatchObject({ predicted: 'EOSINOPHIL', confidence: 0.55 });
    // No crop, no reading: the shipped model's, unmarked as calibrated.
    const old = cells.find((c) => c.key === 'b#0')!;
    expect(old.predicted).toBe('EOSINOPHIL');
    expect(old.shipped).toBeUndefined();
    expect(tally(cells).counts).toMatchObject({ NEUTROPHIL: 1, EOSINOPHIL: 1, LYMPHOCYTE: 1, MONOCYTE: 1 });
  });

  it('lets a user’s own decision win over the calibrated reading', () => {
    const decisions = { 'a#0': 'EOSINOPHIL' as const, 'a#1': 'LYMPHOCYTE' as const };
    const cells = withCalibratedReading(caseCells(images, decisions, meta), stored.cells);
    expect(cells.find((c) => c.key === 'a#0')).toMatchObject({
      predicted: 'NEUTROPHIL',
      final: 'EOSINOPHIL',
      corrected: true,
      decided: true,
    });
    expect(cells.find((c) => c.key === 'a#1')).toMatchObject({ final: 'LYMPHOCYTE', corrected: false });
  });

  it('changes nothing without a calibration', () => {
    const shipped = caseCells(images, {}, meta);
    expect(withCalibratedReading(shipped, undefined)).toEqual(shipped);
  });
});

describe('the calibration named in the exports', () => {
  const cells = withCalibratedReading(caseCells(images, {}, meta), stored.cells);
  const note = calibrationNote(stored, cells);

  it('counts the cells that changed class among those read calibrated', () => {
    expect(note).toMatchObject({ cells: 3, changedClass: 1, cellsRead: 3, modelVersion: '1.eb8df75c' });
    expect(calibrationText(note)).toBe('calibrated to this case on 3 cells (model 1.eb8df75c)');
    expect(calibrationText(undefined)).toBe('not calibrated to this case (shipped model)');
  });

  it('CSV: each row says whether it was read calibrated, the shipped class, and the calibration', () => {
    const [header, ...rows] = parseCsv(caseCsv(meta, images, cells, note));
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col('predicted_class')], r[col('shipped_class')], r[col('calibrated')]])).toEqual([
      ['NEUTROPHIL', 'EOSINOPHIL', 'yes'],
      ['LYMPHOCYTE', 'LYMPHOCYTE', 'yes'],
      ['MONOCYTE', 'MONOCYTE', 'yes'],
      ['EOSINOPHIL', 'EOSINOPHIL', 'no'],
    ]);
    expect(rows.every((r) => r[col('calibration')] === calibrationText(note))).toBe(true);
    const [dHeader, ...dRows] = parseCsv(differentialCsv(meta, tally(cells), 0, note));
    expect(dRows.every((r) => r[dHeader.indexOf('calibration')] === calibrationText(note))).toBe(true);
    const [, ...plain] = parseCsv(caseCsv(meta, images, caseCells(images, {}, meta)));
    expect(plain.every((r) => r[col('calibrated')] === 'no' && r[col('calibration')].startsWith('not'))).toBe(true);
  });

  it('JSON: the case’s calibration, and each cell’s reading', () => {
    const json = caseJson(meta, images, cells, 0, note);
    expect(json.calibration).toEqual({
      calibrated: true,
      modelVersion: '1.eb8df75c',
      cells: 3,
      rounds: 1,
      calibratedAt: '2026-12-07T00:00:00.000Z',
      cellsRead: 3,
      changedClass: 1,
    });
    expect(json.images[0].cells[0]).toMatchObject({
      predicted: 'NEUTROPHIL',
      calibrated: true,
      shippedPredicted: 'EOSINOPHIL',
    });
    expect(json.images[1].cells[0]).toMatchObject({ predicted: 'EOSINOPHIL', calibrated: false });
    expect(caseJson(meta, images, caseCells(images, {}, meta), 0).calibration).toEqual({ calibrated: false });
  });
});
