import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalibratedCell } from '@/worker/worker-api';
import { deleteDatabase } from './app-databases';
import { CaseCalibrationStorage, type StoredCalibration } from './case-calibration-storage';

const reading = (predicted: CalibratedCell['predicted'], confidence = 0.9): CalibratedCell => ({
  probabilities: [0.025, 0.025, 0.025, 0.025, 0.9],
  predicted,
  confidence,
  needsReview: confidence < 0.8,
});
const calibrated = (caseId: string, calibratedAt = 1): StoredCalibration => ({
  caseId,
  calibratedAt,
  calibration: {
    modelVersion: '1.test',
    cells: 2,
    rounds: 1,
    steps: [{ mean: Float32Array.of(0.5, -1), variance: Float32Array.of(2, 3) }],
  },
  cells: { 'a#0': reading('NEUTROPHIL'), 'a#1': reading('LYMPHOCYTE', 0.6) },
});

let n = 0;
let name = '';
const opened: CaseCalibrationStorage[] = [];
/** A fresh database per test, seen by `tabs` storages as by that many tabs. */
function storages(tabs = 1): CaseCalibrationStorage[] {
  name = `hematovision-case-calibrations-test-${n++}`;
  const made = Array.from({ length: tabs }, () => new CaseCalibrationStorage(name));
  opened.push(...made);
  return made;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('CaseCalibrationStorage', () => {
  it('keeps a case’s statistics and readings, and only that case’s', async () => {
    const [storage] = storages();
    await storage.save(calibrated('a'));
    const back = await storage.load('a');
    expect(back?.calibration.steps[0].mean).toEqual(Float32Array.of(0.5, -1));
    expect(back?.calibration.steps[0].variance).toBeInstanceOf(Float32Array);
    expect(back?.cells['a#1'].needsReview).toBe(true);
    expect(await storage.load('b')).toBeUndefined();
    await storage.remove('a');
    expect(await storage.load('a')).toBeUndefined();
    expect(await storage.count()).toBe(0);
  });

  it('adds cells read later only to the calibration they were read with', async () => {
    const [storage] = storages();
    await storage.save(calibrated('a', 5));
    const added = await storage.addCells('a', 5, { 'b#0': reading('EOSINOPHIL') });
    expect(Object.keys(added?.cells ?? {}).sort()).toEqual(['a#0', 'a#1', 'b#0']);
    // Calibrated again meanwhile: a reading made with the old statistics is dropped.
    await storage.save(calibrated('a', 6));
    expect(await storage.addCells('a', 5, { 'c#0': reading('BASOPHIL') })).toBeUndefined();
    expect(Object.keys((await storage.load('a'))?.cells ?? {})).not.toContain('c#0');
    // Undone meanwhile: nothing comes back.
    await storage.remove('a');
    expect(await storage.addCells('a', 6, { 'c#0': reading('BASOPHIL') })).toBeUndefined();
    expect(await storage.load('a')).toBeUndefined();
  });

  it('tells another tab which case changed, never itself', async () => {
    const [one, two] = storages(2);
    const heardByTwo: string[] = [];
    const heardByOne: string[] = [];
    two.onChange((id) => heardByTwo.push(id));
    one.onChange((id) => heardByOne.push(id));
    await one.save(calibrated('a'));
    await one.remove('a');
    await expect.poll(() => heardByTwo).toEqual(['a', 'a']);
    expect(heardByOne).toEqual([]);
    expect(await two.load('a')).toBeUndefined();
  });

  it('lets its database be deleted while open (a wipe is not blocked)', async () => {
    const [storage] = storages();
    await storage.save(calibrated('a'));
    expect(await deleteDatabase(name, 200)).toBe('deleted');
    expect(await storage.load('a')).toBeUndefined();
  });
});
