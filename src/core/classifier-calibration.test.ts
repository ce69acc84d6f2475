import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pbcTrainSample } from '@testkit/dataset-sample';
import { decodeImageFile } from '@testkit/decode-file';
import { fileFetch, loadNodeClassifier } from '@testkit/node-tfjs';
import { MIN_CALIBRATION_CELLS } from './case-calibration';
import { cropToInput, cutCellCrop } from './cell-crop';
import { CellClassifier } from './classifier';
import { findWhiteCells } from './localise';
import { INPUT_SIZE } from './model-spec';

const MODEL_LIMIT = { timeout: 120_000 };
/** Four BCCD fields and one PBC cell of each normal class (copied from ../shared/data). */
function caseFiles(): string[] {
  const pbc = pbcTrainSample();
  return [
    'fixtures/fields/BloodImage_00007.jpg',
    'fixtures/fields/BloodImage_00015.jpg',
    'fixtures/fields/BloodImage_00031.jpg',
    'fixtures/fields/BloodImage_00065.jpg',
    ...readdirSync(pbc)
      .sort()
      .flatMap((cls) => readdirSync(join(pbc, cls)).map((f) => join(pbc, cls, f))),
  ];
}

/** The crop seen in a mirror: another view of the same cell, to make a case of enough cells. */
function mirrored(input: Float32Array): Float32Array {
  const out = new Float32Array(input.length);
  for (let y = 0; y < INPUT_SIZE; y++) {
    for (let x = 0; x < INPUT_SIZE; x++) {
      const [from, to] = [(y * INPUT_SIZE + x) * 3, (y * INPUT_SIZE + INPUT_SIZE - 1 - x) * 3];
      out.set(input.subarray(from, from + 3), to);
    }
  }
  return out;
}

function maxAbsDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((p, i) => p.map((v, k) => Math.abs(v - b[i][k]))));
}

let classifier: CellClassifier;
let crops: Float32Array[];
beforeAll(async () => {
  classifier = await loadNodeClassifier('public/model');
  const found: Float32Array[] = [];
  for (const file of caseFiles()) {
    const image = await decodeImageFile(file);
    const { cells, gains } = findWhiteCells(image);
    found.push(...cells.map((cell) => cropToInput(cutCellCrop(image, cell, gains))));
  }
  // Two views of each cell, up and down as well: enough cells for a case.
  const flipped = (x: Float32Array) => {
    const row = INPUT_SIZE * 3;
    const out = new Float32Array(x.length);
    for (let y = 0; y < INPUT_SIZE; y++) out.set(x.subarray(y * row, (y + 1) * row), (INPUT_SIZE - 1 - y) * row);
    return out;
  };
  crops = [...found, ...found.map(mirrored), ...found.map(flipped)];
}, 120_000);

describe('calibrating the shipped classifier to a case', MODEL_LIMIT, () => {
  it('refuses a case smaller than MIN_CALIBRATION_CELLS', async () => {
    expect(MIN_CALIBRATION_CELLS).toBeGreaterThan(5);
    await expect(classifier.calibrate(crops.slice(0, 5))).rejects.toThrow(/at least \d+ cells/);
  });

  it('reads calibrated once folded in, gives the shipped reading back on undo, and leaks no tensor', async () => {
    expect(crops.length).toBeGreaterThanOrEqual(MIN_CALIBRATION_CELLS);
    const shipped = await classifier.classify(crops);
    const shippedThreshold = classifier.reviewThreshold;
    const before = tf.memory().numTensors;
    const calibration = await classifier.calibrate(crops);
    expect(tf.memory().numTensors).toBe(before);
    expect(classifier.calibration).toBeUndefined(); // calibrate() alone changes nothing
    expect(calibration.modelVersion).toBe(classifier.metadata.version);
    expect(calibration.cells).toBe(crops.length);
    expect(calibration.steps.length).toBe(classifier.metadata.trainingStatistics!.channels.length);
    calibration.steps.forEach((s, k) => {
      expect(s.mean.length).toBe(classifier.metadata.trainingStatistics!.channels[k]);
      expect(s.variance.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    });
    // It survives a structured clone (IndexedDB), and the clone folds in the same.
    classifier.useCalibration(structuredClone(calibration));
    expect(classifier.calibration?.cells).toBe(crops.length);
    const calibrated = await classifier.classify(crops);
    calibrated.forEach((p) => expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5));
    expect(maxAbsDifference(calibrated, shipped)).toBeGreaterThan(1e-3);
    if (classifier.metadata.calibrated) {
      expect(classifier.temperature).toBe(classifier.metadata.calibrated.temperature);
      expect(classifier.reviewThreshold).toBe(classifier.metadata.calibrated.reviewThreshold);
    }
    const cam = await classifier.explain(crops[0]);
    expect(Math.max(...cam.map)).toBeCloseTo(1, 5);
    classifier.useCalibration(undefined);
    expect(classifier.calibration).toBeUndefined();
    expect(classifier.reviewThreshold).toBe(shippedThreshold);
    expect(maxAbsDifference(await classifier.classify(crops), shipped)).toBeLessThan(1e-6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('given the case’s classes, calibrates as its shipped reading would, and reads the case as the folded network does', async () => {
    const shipped = await classifier.classify(crops);
    const classes = shipped.map((p) => p.indexOf(Math.max(...p)));
    const computed = await classifier.calibrate(crops);
    const before = tf.memory().numTensors;
    const given = await classifier.calibrateAndRead(crops, { classes });
    expect(tf.memory().numTensors).toBe(before);
    expect(given.calibration).toEqual(computed);
    classifier.useCalibration(given.calibration);
    const folded = await classifier.classify(crops);
    expect(given.reviewThreshold).toBe(classifier.reviewThreshold);
    classifier.useCalibration(undefined);
    expect(maxAbsDifference(given.probabilities, folded)).toBeLessThan(1e-4);
    expect(given.probabilities.map((p) => p.indexOf(Math.max(...p)))).toEqual(
      folded.map((p) => p.indexOf(Math.max(...p))),
    );
    await expect(classifier.calibrate(crops, { classes: classes.slice(1) })).rejects.toThrow(/classes given/);
  });

  it('refuses a calibration made for another model, and the tfjs-layers path refuses to calibrate', async () => {
    const calibration = await classifier.calibrate(crops);
    expect(() => classifier.useCalibration({ ...calibration, modelVersion: 'other' })).toThrow(/does not fit/);
    const layers = await CellClassifier.load('public/model', { fetchFn: fileFetch, layersOnly: true });
    await expect(layers.calibrate(crops)).rejects.toThrow(/fused network/);
    layers.dispose();
  });
});
