import * as tf from '@tensorflow/tfjs';
import { VARIANCE_EPSILON, type StepStatistics, type TrainingStatistics } from './case-calibration';
import type { FusedNetwork } from './fused-network';

/** A step's per-channel mean and variance held on the tfjs backend, [channels] each. */
export type StepMoments = { readonly mean: tf.Tensor1D; readonly variance: tf.Tensor1D };

/**
 * blendStatistics as tensor ops, so that the pass never waits for a step to be read back: the
 * mixture's moments, `blend` of the case and 1 − blend of the training labs (call inside
 * tf.tidy). Its variance, β·v₁ + (1 − β)·v₂ + β(1 − β)(m₁ − m₂)², is the second moment minus the
 * squared mean rearranged so that float32 loses nothing to cancellation where a channel's mean
 * dwarfs its spread; case-statistics-pass.test.ts holds the two forms to each other.
 */
export function blendMoments(caseStep: StepMoments, training: StepMoments, blend: number): StepMoments {
  const [m1, m2] = [caseStep.mean, training.mean];
  const mean = m1.mul(blend).add(m2.mul(1 - blend)) as tf.Tensor1D;
  const variance = caseStep.variance
    .mul(blend)
    .add(training.variance.mul(1 - blend))
    .add(
      m1
        .sub(m2)
        .square()
        .mul(blend * (1 - blend)),
    );
  return { mean, variance: variance.relu() as tf.Tensor1D };
}

/**
 * restandardise as tensor ops: scale = σ_train / σ_case, shift = μ_train − scale · μ_case, per
 * channel (call inside tf.tidy).
 */
export function restandardiseMoments(
  caseStep: StepMoments,
  training: StepMoments,
): { scale: tf.Tensor1D; shift: tf.Tensor1D } {
  const scale = training.variance.add(VARIANCE_EPSILON).sqrt().div(caseStep.variance.add(VARIANCE_EPSILON).sqrt());
  return { scale: scale as tf.Tensor1D, shift: training.mean.sub(scale.mul(caseStep.mean)) as tf.Tensor1D };
}

/**
 * The weighted mean and variance per channel of a step's pre-activations over the case's chunks;
 * `cellWeights[i]` is chunk i's weights as [1, cells], summing to 1 over the case. Each cell's
 * mean over positions is an average pool over its whole map: WASM runs a mean over NHWC's
 * spatial axes as a transpose and a sum, about five times slower (call inside tf.tidy).
 */
function caseMoments(z: readonly tf.Tensor4D[], cellWeights: readonly tf.Tensor2D[]): StepMoments {
  let first: tf.Tensor2D | undefined;
  let second: tf.Tensor2D | undefined;
  z.forEach((zi, i) => {
    const [n, h, w, c] = zi.shape;
    const perCell = (x: tf.Tensor4D) => tf.avgPool(x, [h, w], [h, w], 'valid').reshape([n, c]) as tf.Tensor2D;
    const [f, s] = [cellWeights[i].matMul(perCell(zi)), cellWeights[i].matMul(perCell(zi.square()))];
    first = (first ? first.add(f) : f) as tf.Tensor2D;
    second = (second ? second.add(s) : s) as tf.Tensor2D;
  });
  if (!first || !second) throw new Error('no cell to gather statistics on');
  const mean = first.as1D();
  return { mean, variance: second.as1D().sub(mean.square()).relu() as tf.Tensor1D };
}

/**
 * Gathers a case's statistics in one forward pass, step by step: step k's statistics are taken
 * on the output of steps < k already calibrated, blended with the training labs', and applied
 * before step k + 1 reads it, so no step runs twice. Everything stays on the backend as tensor
 * ops; the statistics and the logits are read back once, at the end, so WebGL never stalls
 * between steps. `weights` (one per input, e.g. classBalancedWeights) weigh each cell. Returns
 * the blended statistics and the calibrated network's logits for the inputs, row-major
 * [input, class]: the case read calibrated, with no second pass.
 */
export async function gatherCaseStatistics(
  network: FusedNetwork,
  inputs: readonly tf.Tensor4D[],
  weights: Float32Array,
  training: TrainingStatistics,
  blend: number,
): Promise<{ steps: StepStatistics[]; logits: Float32Array }> {
  const total = inputs.reduce((n, x) => n + x.shape[0], 0);
  if (total !== weights.length) throw new Error(`${weights.length} weights for ${total} cells`);
  if (training.steps.length !== network.stepCount) {
    throw new Error(`statistics of ${training.steps.length} steps for a network of ${network.stepCount}`);
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const held: tf.Tensor[] = [];
  const hold = <T extends tf.Tensor>(t: T): T => (held.push(t), t);
  const cellWeights: tf.Tensor2D[] = [];
  let at = 0;
  for (const x of inputs) {
    const part = weights.subarray(at, at + x.shape[0]).map((w) => w / weightSum);
    cellWeights.push(hold(tf.tensor2d(part, [1, x.shape[0]])));
    at += x.shape[0];
  }
  const trainingMoments = training.steps.map((s) => ({
    mean: hold(tf.tensor1d(s.mean)),
    variance: hold(tf.tensor1d(s.variance)),
  }));
  const blended: StepMoments[] = [];
  let activations: tf.Tensor4D[] = inputs.slice();
  const dropActivations = () => tf.dispose(activations.filter((x) => !inputs.includes(x)));
  try {
    for (let k = 0; k < network.stepCount; k++) {
      const z = activations.map((x) => hold(tf.tidy(() => network.preActivation(k, x))));
      dropActivations();
      activations = [];
      const step = tf.tidy(() => blendMoments(caseMoments(z, cellWeights), trainingMoments[k], blend));
      blended.push({ mean: hold(step.mean), variance: hold(step.variance) });
      const { scale, shift } = tf.tidy(() => restandardiseMoments(step, trainingMoments[k]));
      activations = z.map((zi) => tf.tidy(() => network.activateScaled(k, zi, scale, shift)));
      tf.dispose([scale, shift, ...z]);
    }
    // One read for everything: every step's mean and variance, then the logits.
    const packed = tf.tidy(() =>
      tf.concat([
        ...blended.flatMap((s) => [s.mean, s.variance]),
        ...activations.map((x) => network.finish(x).logits.reshape([-1]) as tf.Tensor1D),
      ]),
    );
    const values = (await packed.data()) as Float32Array;
    packed.dispose();
    let offset = 0;
    const take = (n: number) => values.slice(offset, (offset += n));
    const steps = blended.map((s) => ({ mean: take(s.mean.shape[0]), variance: take(s.variance.shape[0]) }));
    return { steps, logits: values.slice(offset) };
  } finally {
    dropActivations();
    tf.dispose(held);
  }
}
