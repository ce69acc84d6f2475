import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBatch, tinyNetwork } from '@testkit/tiny-network';
import {
  blendStatistics,
  classBalancedWeights,
  restandardise,
  StatisticsAccumulator,
  type StepStatistics,
  type TrainingStatistics,
} from './case-calibration';
import { blendMoments, gatherCaseStatistics, restandardiseMoments } from './case-statistics-pass';
import { FusedNetwork } from './fused-network';
import { seededRandom } from './seeded-random';

/**
 * The pass as it is defined, step by step on the CPU: each step's moments read back, blended
 * and re-standardised with blendStatistics and restandardise, then applied as a multiply, an
 * add and the activation. The pass on the backend must compute the same.
 */
async function stepwiseCaseStatistics(
  network: FusedNetwork,
  inputs: readonly tf.Tensor4D[],
  weights: Float32Array,
  training: TrainingStatistics,
  blend: number,
): Promise<{ steps: StepStatistics[]; logits: Float32Array }> {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let activations = inputs.slice();
  const steps: StepStatistics[] = [];
  for (let k = 0; k < network.stepCount; k++) {
    const z = activations.map((x) => tf.tidy(() => network.preActivation(k, x)));
    let at = 0;
    const moments = tf.tidy(() => {
      let first: tf.Tensor = tf.zeros([1, 1]);
      let second: tf.Tensor = tf.zeros([1, 1]);
      for (const zi of z) {
        const w = tf.tensor2d(weights.subarray(at, (at += zi.shape[0])), [1, zi.shape[0]]);
        first = first.add(w.matMul(tf.mean(zi, [1, 2]) as tf.Tensor2D));
        second = second.add(w.matMul(tf.mean(zi.square(), [1, 2]) as tf.Tensor2D));
      }
      return tf.concat([first, second]);
    });
    const values = (await moments.data()) as Float32Array;
    moments.dispose();
    const channels = values.length / 2;
    const mean = values.slice(0, channels).map((v) => v / weightSum);
    const variance = values.slice(channels).map((v, c) => Math.max(v / weightSum - mean[c] * mean[c], 0));
    const blended = blendStatistics({ mean, variance }, training.steps[k], blend);
    steps.push(blended);
    const { scale, shift } = restandardise(blended, training.steps[k]);
    const next = tf.tidy(() => z.map((zi) => network.activate(k, zi.mul(scale).add(shift) as tf.Tensor4D)));
    tf.dispose(z);
    tf.dispose(activations.filter((x) => !inputs.includes(x)));
    activations = next;
  }
  const logits = tf.tidy(() => tf.concat(activations.map((x) => network.finish(x).logits)));
  const values = (await logits.data()) as Float32Array;
  tf.dispose([logits, ...activations.filter((x) => !inputs.includes(x))]);
  return { steps, logits: values };
}

/** Per-channel statistics of n channels drawn at random, a few of them nearly constant. */
function randomStatistics(n: number, seed: number): StepStatistics {
  const random = seededRandom(seed);
  return {
    mean: Float32Array.from({ length: n }, () => (random() - 0.5) * 6),
    variance: Float32Array.from({ length: n }, (_, c) => (c % 5 === 0 ? random() * 1e-4 : random() * 9)),
  };
}

function onBackend(s: StepStatistics) {
  return { mean: tf.tensor1d(s.mean), variance: tf.tensor1d(s.variance) };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(
    ...Array.from(actual, (v, i) => Math.abs(v - expected[i]) / Math.max(1, Math.abs(expected[i]))),
  );
  expect(worst).toBeLessThan(tolerance);
}

describe('the blend and re-standardisation as tensor ops', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('compute what blendStatistics and restandardise compute', () => {
    const [caseStep, training] = [randomStatistics(40, 1), randomStatistics(40, 2)];
    for (const blend of [0, 0.5, 1]) {
      const expected = blendStatistics(caseStep, training, blend);
      const map = restandardise(expected, training);
      const [mean, variance, scale, shift] = tf.tidy(() => {
        const blended = blendMoments(onBackend(caseStep), onBackend(training), blend);
        const affine = restandardiseMoments(blended, onBackend(training));
        return [blended.mean, blended.variance, affine.scale, affine.shift].map((t) => t.dataSync());
      });
      expectClose(mean, expected.mean, 1e-5);
      expectClose(variance, expected.variance, 1e-5);
      expectClose(scale, map.scale, 1e-5);
      expectClose(shift, map.shift, 1e-5);
    }
  });

  it('keeps a narrow channel’s variance where its mean dwarfs it', () => {
    // In float32, E[z²] − E[z]² of a channel at 1000 ± 0.1 is all rounding; the mixture's form is not.
    const narrow = { mean: Float32Array.of(1000), variance: Float32Array.of(0.01) };
    const variance = tf.tidy(() => blendMoments(onBackend(narrow), onBackend(narrow), 0.5).variance.dataSync());
    expect(variance[0]).toBeCloseTo(0.01, 6);
    expect(blendStatistics(narrow, narrow, 0.5).variance[0]).toBeCloseTo(0.01, 6);
  });
});

describe('gathering a case’s statistics on the backend', () => {
  let model: tf.LayersModel;
  let network: FusedNetwork;
  let training: TrainingStatistics;
  let caseCells: tf.Tensor4D[];
  beforeAll(async () => {
    await tf.setBackend('cpu');
    model = tinyNetwork();
    network = FusedNetwork.from(model, 'features', 'logits')!;
    const accumulator = new StatisticsAccumulator(network);
    const labCells = randomBatch(24, 11, 1, 0);
    await accumulator.add(labCells, new Float32Array(24).fill(1 / 24));
    labCells.dispose();
    training = { modelVersion: 'tiny', steps: accumulator.statistics() };
    // Another "lab", dimmer, with its colours shifted, in chunks of unequal size.
    caseCells = [randomBatch(9, 12, 0.4, 0.5), randomBatch(5, 13, 0.4, 0.5), randomBatch(3, 14, 0.3, 0.6)];
  });
  afterAll(() => {
    tf.dispose(caseCells);
    model.dispose();
  });

  it('gives the statistics and logits of the step-by-step pass, class-balanced and blended, leaking no tensor', async () => {
    // Class-balanced weights of a skewed reading, not summing to 1 once scaled: the pass normalises them.
    const read = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 0, 0, 1, 0];
    const weights = classBalancedWeights(read).map((w) => w * 3);
    for (const blend of [0.5, 1]) {
      const before = tf.memory().numTensors;
      const fast = await gatherCaseStatistics(network, caseCells, weights, training, blend);
      expect(tf.memory().numTensors).toBe(before);
      const reference = await stepwiseCaseStatistics(network, caseCells, weights, training, blend);
      expect(fast.steps.length).toBe(network.stepCount);
      fast.steps.forEach((s, k) => {
        expectClose(s.mean, reference.steps[k].mean, 1e-4);
        expectClose(s.variance, reference.steps[k].variance, 1e-4);
      });
      expectClose(fast.logits, reference.logits, 1e-4);
    }
  });

  it('refuses weights that do not match the cells', async () => {
    await expect(gatherCaseStatistics(network, caseCells, new Float32Array(3), training, 0.5)).rejects.toThrow(
      '3 weights for 17 cells',
    );
  });
});
