import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { prepareCells } from '../core/analyse';
import { MIN_CALIBRATION_CELLS } from '../core/case-calibration';
import { CELL_CLASSES } from '../core/model-spec';
import type { CellClassifier } from '../core/classifier';
import { CaseCalibrationRequests } from './case-calibration-requests';
import { storedCrop, storedCropInput } from './stored-crops';

/**
 * A case from a lab the model never trained on: LISC eval cells a class at a time in turn, a few
 * more than the fewest a case is calibrated on.
 */
const LISC = '../shared/data/lisc/eval';
let classifier: CellClassifier;
let crops: Uint8Array[];
beforeAll(async () => {
  classifier = await loadNodeClassifier('public/model');
  const byClass = readdirSync(LISC)
    .sort()
    .map((cls) =>
      readdirSync(`${LISC}/${cls}`)
        .sort()
        .map((f) => `${LISC}/${cls}/${f}`),
    );
  const inTurn = Array.from({ length: Math.max(...byClass.map((c) => c.length)) }, (_, i) =>
    byClass.flatMap((c) => c[i] ?? []),
  ).flat();
  crops = [];
  for (const f of inTurn.slice(0, MIN_CALIBRATION_CELLS + 5)) {
    crops.push(
      ...prepareCells(await decodeImageFile(f))
        .crops.slice(0, 1)
        .map(storedCrop),
    );
  }
}, 120_000);

/**
 * Calibrating and reading a case a little above the minimum in Node's WASM: a few seconds alone,
 * far more on a busy machine.
 */
const MODEL_LIMIT = { timeout: 120_000 };

describe('CaseCalibrationRequests', MODEL_LIMIT, () => {
  it('calibrates from stored crops, reads each cell calibrated, and leaves the shipped weights in place', async () => {
    expect(crops.length).toBeGreaterThanOrEqual(MIN_CALIBRATION_CELLS);
    const inputs = crops.map(storedCropInput);
    const shipped = await classifier.classify(inputs);
    const requests = new CaseCalibrationRequests(classifier);

    const out = await requests.calibrate(crops);
    expect(out.calibration).toMatchObject({ cells: crops.length, modelVersion: classifier.metadata.version });
    expect(classifier.calibration).toBeUndefined();
    expect(await classifier.classify(inputs)).toEqual(shipped);

    // Each reading is the calibrated network's, with the calibrated reading's own review threshold.
    classifier.useCalibration(out.calibration);
    const direct = await classifier.classify(inputs);
    const threshold = classifier.reviewThreshold;
    classifier.useCalibration(undefined);
    // The pass re-standardises each step as its own ops; `direct` folds the same scale and shift
    // into the weights: equal in exact arithmetic, a few float32 roundings apart over 23 steps.
    out.cells.forEach((cell, i) => {
      cell.probabilities.forEach((p, k) => expect(p).toBeCloseTo(direct[i][k], 4));
      expect(cell.confidence).toBe(Math.max(...cell.probabilities));
      expect(cell.needsReview).toBe(cell.confidence < threshold);
    });

    // Given the classes the case reads (here the shipped reading's), no first reading is run: the
    // same calibration; a class this model does not know falls back to reading the case first.
    const classes = shipped.map((p) => CELL_CLASSES[p.indexOf(Math.max(...p))]);
    expect((await requests.calibrate(crops, classes)).calibration).toEqual(out.calibration);
    const unknown = ['PLATELET', ...classes.slice(1)] as unknown as typeof classes;
    expect((await requests.calibrate(crops, unknown)).calibration).toEqual(out.calibration);

    // A new image of the case, read later with its stored calibration, reads the same.
    const later = await requests.readWith(crops.slice(0, 4), out.calibration);
    expect(later.map((c) => c.predicted)).toEqual(out.cells.slice(0, 4).map((c) => c.predicted));
    expect(classifier.calibration).toBeUndefined();
  });

  it('refuses a calibration made for another model, and a case too small, folding nothing in', async () => {
    const requests = new CaseCalibrationRequests(classifier);
    const calibration = { modelVersion: '0.00000000', cells: crops.length, rounds: 1, steps: [] };
    await expect(requests.readWith(crops, calibration)).rejects.toThrow('calibrated for model 0.00000000');
    await expect(requests.calibrate(crops.slice(0, MIN_CALIBRATION_CELLS - 1))).rejects.toThrow(
      `at least ${MIN_CALIBRATION_CELLS} cells`,
    );
    expect(classifier.calibration).toBeUndefined();
  });
});
