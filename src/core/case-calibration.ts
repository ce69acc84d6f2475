import * as tf from '@tensorflow/tfjs';
import type { FusedNetwork } from './fused-network';

/** Per conv step of the fused network: pre-activation mean and variance per channel. */
export interface StepStatistics {
  readonly mean: Float32Array;
  readonly variance: Float32Array;
}

/** What calibrating a case found: stored with the case (structured-clone friendly). */
export interface CaseCalibration {
  readonly modelVersion: string;
  readonly cells: number;
  readonly rounds: number;
  /** The blended case statistics actually folded in, one entry per conv step. */
  readonly steps: readonly StepStatistics[];
}

/** The training labs' statistics of every step, shipped with the model (public/model). */
export interface TrainingStatistics {
  readonly modelVersion: string;
  readonly steps: readonly StepStatistics[];
}

/** How a case is calibrated: measured on validation cases (docs/model.md, "Calibrating to a case"). */
export interface CalibrationSettings {
  /** The case's share of the blended statistics; the training labs' make up the rest. */
  readonly blend: number;
  /** Readings of the case: each re-balances the classes by the previous calibrated reading. */
  readonly rounds: number;
  /** The fewest cells, as a share of the case, a class read in it is weighed as (classBalancedWeights). */
  readonly classFloor?: number;
}

/** Fewer cells than this are not calibrated on: their statistics are noise (measured, docs/model.md). */
export const MIN_CALIBRATION_CELLS = 20;

/** Added to every variance before its square root: a channel that never fires keeps its scale. */
export const VARIANCE_EPSILON = 1e-3;

/** Cells a step's statistics are gathered over at once: bounds the size of one op on WebGL. */
const CHUNK = 32;

/**
 * Each cell's weight when its class is what the model reads: 1 / the number of cells read as
 * that class, so every class read in the case counts the same and the statistics do not follow
 * the case's differential (a case of neutrophils would otherwise become the lab's "normal").
 * `classFloor` (a share of the case's cells) is the fewest cells a class is weighed as: a class
 * read for one or two cells, often misreads, then weighs as little as its count says instead of
 * as much as a class of sixty. The weights sum to 1.
 */
export function classBalancedWeights(predicted: readonly number[], classFloor = 0): Float32Array {
  const counts = new Map<number, number>();
  for (const c of predicted) counts.set(c, (counts.get(c) ?? 0) + 1);
  const floor = classFloor * predicted.length;
  const raw = predicted.map((c) => 1 / Math.max(counts.get(c)!, floor));
  const sum = raw.reduce((a, b) => a + b, 0);
  return Float32Array.from(raw, (w) => w / sum);
}

/**
 * The moments of a mixture: `blend` of the case and 1 − blend of the training labs, per channel.
 * The variance is the mixture's, spread of the means included.
 */
export function blendStatistics(caseStep: StepStatistics, training: StepStatistics, blend: number): StepStatistics {
  const n = training.mean.length;
  const mean = new Float32Array(n);
  const variance = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    const [m1, m2] = [caseStep.mean[c], training.mean[c]];
    const m = blend * m1 + (1 - blend) * m2;
    const second = blend * (caseStep.variance[c] + m1 * m1) + (1 - blend) * (training.variance[c] + m2 * m2);
    mean[c] = m;
    variance[c] = Math.max(second - m * m, 0);
  }
  return { mean, variance };
}

/**
 * The per-channel map that re-standardises a step from the case's statistics to the training
 * labs': z' = (z − μ_case) · σ_train / σ_case + μ_train, as scale · z + shift.
 */
export function restandardise(
  caseStep: StepStatistics,
  training: StepStatistics,
): { scale: Float32Array; shift: Float32Array } {
  const n = training.mean.length;
  if (caseStep.mean.length !== n) throw new Error(`statistics of ${caseStep.mean.length} channels for ${n}`);
  const scale = new Float32Array(n);
  const shift = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    scale[c] = Math.sqrt(training.variance[c] + VARIANCE_EPSILON) / Math.sqrt(caseStep.variance[c] + VARIANCE_EPSILON);
    shift[c] = training.mean[c] - scale[c] * caseStep.mean[c];
  }
  return { scale, shift };
}

/** The network with a calibration's statistics folded in (the caller disposes it). */
export function foldCalibration(
  network: FusedNetwork,
  training: TrainingStatistics,
  steps: readonly StepStatistics[],
): FusedNetwork {
  if (steps.length !== training.steps.length || steps.length !== network.stepCount) {
    throw new Error(
      `a calibration of ${steps.length} steps does not fit a network of ${network.stepCount} (statistics of ${training.steps.length})`,
    );
  }
  return network.folded(steps.map((s, k) => restandardise(s, training.steps[k])));
}

/**
 * Per-step statistics of the network as shipped over many cells, chunk by chunk (no folding):
 * the training labs' statistics. `weights` weigh each cell; chunks are streamed so that any
 * number of cells fits in memory.
 */
export class StatisticsAccumulator {
  private readonly first: Float64Array[];
  private readonly second: Float64Array[];
  private weightSum = 0;

  constructor(private readonly network: FusedNetwork) {
    this.first = [];
    this.second = [];
  }

  /** Adds a batch of inputs [n, side, side, 3] with one weight each. */
  async add(input: tf.Tensor4D, weights: Float32Array): Promise<void> {
    const moments = tf.tidy(() => {
      const w = tf.tensor2d(weights, [1, weights.length]);
      const out: tf.Tensor[] = [];
      let x = input;
      for (let k = 0; k < this.network.stepCount; k++) {
        const z = this.network.preActivation(k, x);
        out.push(w.matMul(tf.mean(z, [1, 2]) as tf.Tensor2D), w.matMul(tf.mean(z.square(), [1, 2]) as tf.Tensor2D));
        x = this.network.activate(k, z);
      }
      return out;
    });
    const values = await Promise.all(moments.map((m) => m.data() as Promise<Float32Array>));
    tf.dispose(moments);
    for (let k = 0; k < this.network.stepCount; k++) {
      const [m1, m2] = [values[2 * k], values[2 * k + 1]];
      this.first[k] ??= new Float64Array(m1.length);
      this.second[k] ??= new Float64Array(m2.length);
      m1.forEach((v, c) => (this.first[k][c] += v));
      m2.forEach((v, c) => (this.second[k][c] += v));
    }
    this.weightSum += weights.reduce((a, b) => a + b, 0);
  }

  /** The weighted mean and variance of every step's pre-activation over all cells added. */
  statistics(): StepStatistics[] {
    if (this.weightSum <= 0) throw new Error('no cell was added');
    return this.first.map((m1, k) => {
      const mean = Float32Array.from(m1, (v) => v / this.weightSum);
      const variance = Float32Array.from(this.second[k], (v, c) => Math.max(v / this.weightSum - mean[c] ** 2, 0));
      return { mean, variance };
    });
  }
}

/** Splits a list of inputs into NHWC batch tensors of at most CHUNK cells (the caller disposes them). */
export function toChunks(inputs: readonly Float32Array[], side: number): tf.Tensor4D[] {
  const chunks: tf.Tensor4D[] = [];
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const part = inputs.slice(i, i + CHUNK);
    const batch = new Float32Array(part.length * side * side * 3);
    part.forEach((x, j) => batch.set(x, j * x.length));
    chunks.push(tf.tensor4d(batch, [part.length, side, side, 3]));
  }
  return chunks;
}
