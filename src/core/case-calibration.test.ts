import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBatch, tinyNetwork } from '@testkit/tiny-network';
import {
  blendStatistics,
  classBalancedWeights,
  foldCalibration,
  restandardise,
  StatisticsAccumulator,
  type TrainingStatistics,
} from './case-calibration';
import { gatherCaseStatistics } from './case-statistics-pass';
import { FusedNetwork } from './fused-network';

describe('class-balanced weights', () => {
  it('gives every class read the same total, and sums to 1', () => {
    const w = classBalancedWeights([4, 4, 4, 2, 0, 4]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // Neutrophils (4) are four cells sharing a third; the lone 2 and 0 a third each.
    expect(w[0]).toBeCloseTo(1 / 12, 6);
    expect(w[3]).toBeCloseTo(1 / 3, 6);
    expect(w[4]).toBeCloseTo(1 / 3, 6);
  });

  it('weighs a class read for fewer cells than the floor as if it had that many', () => {
    // 20 cells: 18 neutrophils (4), one IG (5), one erythroblast (6); a floor of a tenth is 2 cells.
    const read = [...new Array<number>(18).fill(4), 5, 6];
    const w = classBalancedWeights(read, 0.1);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // Raw weights 1/18 each for the neutrophils (1 in all), 1/2 for each lone cell (1 in all).
    expect(w[0]).toBeCloseTo(1 / 18 / 2, 6);
    expect(w[18]).toBeCloseTo(1 / 4, 6);
    // Without a floor each lone cell would weigh as much as all 18 neutrophils together.
    expect(classBalancedWeights(read)[18]).toBeCloseTo(1 / 3, 6);
  });
});

describe('blended statistics', () => {
  const caseStep = { mean: Float32Array.of(2, -1), variance: Float32Array.of(1, 4) };
  const training = { mean: Float32Array.of(0, 1), variance: Float32Array.of(1, 1) };

  it('is the case at blend 1, the training labs at 0, and a mixture between', () => {
    expect(Array.from(blendStatistics(caseStep, training, 1).mean)).toEqual([2, -1]);
    expect(Array.from(blendStatistics(caseStep, training, 0).variance)).toEqual([1, 1]);
    const half = blendStatistics(caseStep, training, 0.5);
    expect(half.mean[0]).toBeCloseTo(1, 6);
    // Half N(2, 1) and half N(0, 1): variance 1 + the spread of the means, (2 − 0)² / 4 = 2.
    expect(half.variance[0]).toBeCloseTo(2, 6);
  });

  it('re-standardises the case to the training labs’ mean and spread', () => {
    const { scale, shift } = restandardise(caseStep, training);
    // The case's mean maps to the training mean, one case σ to one training σ.
    expect(scale[1] * -1 + shift[1]).toBeCloseTo(1, 3);
    expect(scale[1]).toBeCloseTo(Math.sqrt(1.001 / 4.001), 6);
  });
});

describe('gathering a case’s statistics in one pass', () => {
  let model: tf.LayersModel;
  let network: FusedNetwork;
  let training: TrainingStatistics;
  let caseCells: tf.Tensor4D[];
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = tinyNetwork();
    network = FusedNetwork.from(model, 'features', 'logits')!;
    expect(network.stepCount).toBe(3);
    const accumulator = new StatisticsAccumulator(network);
    const labCells = randomBatch(24, 1, 1, 0);
    await accumulator.add(labCells, new Float32Array(24).fill(1 / 24));
    labCells.dispose();
    training = { modelVersion: 'tiny', steps: accumulator.statistics() };
    // Another "lab": dimmer, with its colours shifted.
    caseCells = [randomBatch(10, 2, 0.4, 0.5), randomBatch(7, 3, 0.4, 0.5)];
  });
  afterAll(() => {
    tf.dispose(caseCells);
    model.dispose();
  });

  it('folds into the filters and biases exactly what the pass computed, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const weights = new Float32Array(17).fill(1 / 17);
    const { steps, logits } = await gatherCaseStatistics(network, caseCells, weights, training, 0.5);
    expect(tf.memory().numTensors).toBe(before);
    const folded = foldCalibration(network, training, steps);
    const refolded = tf.tidy(() => tf.concat(caseCells.map((x) => folded.apply(x).logits)));
    const values = refolded.dataSync();
    refolded.dispose();
    folded.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(values.length).toBe(logits.length);
    values.forEach((v, i) => expect(v).toBeCloseTo(logits[i], 4));
    // And it is not the shipped reading: the case moved.
    const shipped = tf.tidy(() => tf.concat(caseCells.map((x) => network.apply(x).logits)).dataSync());
    expect(Math.max(...shipped.map((v, i) => Math.abs(v - logits[i])))).toBeGreaterThan(1e-3);
  });

  it('with the case’s statistics alone, every step of the calibrated network reads like the training labs', async () => {
    const weights = new Float32Array(17).fill(1 / 17);
    const { steps } = await gatherCaseStatistics(network, caseCells, weights, training, 1);
    const folded = foldCalibration(network, training, steps);
    const after = new StatisticsAccumulator(folded);
    for (const [i, x] of caseCells.entries()) await after.add(x, weights.subarray(i ? 10 : 0, i ? 17 : 10));
    folded.dispose();
    after.statistics().forEach((s, k) =>
      s.mean.forEach((m, c) => {
        const target = training.steps[k];
        if (target.variance[c] < 0.05) return; // a nearly constant channel keeps its own scale (epsilon)
        expect(m).toBeCloseTo(target.mean[c], 2);
        expect(Math.sqrt(s.variance[c]) / Math.sqrt(target.variance[c])).toBeCloseTo(1, 1);
      }),
    );
  });

  it('changes nothing at blend 0', async () => {
    const weights = new Float32Array(17).fill(1 / 17);
    const { logits } = await gatherCaseStatistics(network, caseCells, weights, training, 0);
    const shipped = tf.tidy(() => tf.concat(caseCells.map((x) => network.apply(x).logits)).dataSync());
    shipped.forEach((v, i) => expect(v).toBeCloseTo(logits[i], 4));
  });
});
