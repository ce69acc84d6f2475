import * as tf from '@tensorflow/tfjs';
import { prepareCells } from './analyse';
import { cropToInput } from './cell-crop';
import { softmax, type CellClassifier, type LinearHead } from './classifier';
import type { RgbaImage } from './rgba-image';

/** One labelled cell from the lab: its pooled features (CellClassifier.embed) and class index. */
export interface LabelledFeatures {
  readonly features: Float32Array;
  readonly label: number;
}

export interface AdaptationOptions {
  /** Full-batch Adam steps. */
  readonly steps?: number;
  readonly learningRate?: number;
  /**
   * Weight of the pull towards the shipped head (mean squared difference). A lab gives a few
   * dozen cells: without it the head forgets what thousands of training cells taught it.
   */
  readonly anchor?: number;
}

export const DEFAULT_ADAPTATION = { steps: 300, learningRate: 0.005, anchor: 1 } as const;

/**
 * Re-fits only the linear head on a lab's own labelled cells, starting from the shipped head.
 * The feature extractor stays as it is, so a few dozen cells are enough and it runs in seconds
 * in a browser worker. Classes are weighted equally, whatever the number of cells of each.
 */
export function adaptHead(base: LinearHead, examples: LabelledFeatures[], options: AdaptationOptions = {}): LinearHead {
  const { steps, learningRate, anchor } = { ...DEFAULT_ADAPTATION, ...options };
  if (examples.length === 0) throw new Error('adapting needs at least one labelled cell');
  const counts = new Array<number>(base.classes).fill(0);
  for (const e of examples) counts[e.label]++;
  const present = counts.filter((n) => n > 0).length;
  const x = new Float32Array(examples.length * base.features);
  examples.forEach((e, i) => x.set(e.features, i * base.features));
  const kernel0 = tf.tensor2d(base.kernel, [base.features, base.classes]);
  const bias0 = tf.tensor1d(base.bias);
  const kernel = tf.tidy(() => tf.variable(kernel0.clone()));
  const bias = tf.tidy(() => tf.variable(bias0.clone()));
  const [xs, ys, weights] = tf.tidy(() => [
    tf.tensor2d(x, [examples.length, base.features]),
    tf.oneHot(
      tf.tensor1d(
        Int32Array.from(examples, (e) => e.label),
        'int32',
      ),
      base.classes,
    ),
    // Each example weighs 1 / (cells of its class × classes present): every class counts alike.
    tf.tensor1d(examples.map((e) => 1 / (counts[e.label] * present))),
  ]);
  const optimizer = tf.train.adam(learningRate);
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      optimizer.minimize(() => {
        const logits = xs.matMul(kernel).add(bias);
        const nll = tf.losses.softmaxCrossEntropy(ys, logits, weights, 0, tf.Reduction.SUM);
        const pull = kernel.sub(kernel0).square().mean().add(bias.sub(bias0).square().mean());
        return nll.add(pull.mul(anchor)) as tf.Scalar;
      });
    });
  }
  const adapted: LinearHead = {
    kernel: kernel.dataSync() as Float32Array,
    bias: bias.dataSync() as Float32Array,
    features: base.features,
    classes: base.classes,
  };
  optimizer.dispose();
  tf.dispose([kernel0, bias0, kernel, bias, xs, ys, weights]);
  return adapted;
}

export interface AdaptedHead {
  readonly head: LinearHead;
  /** Fitted on held-out folds of the lab's own cells, so confidence stays honest after adapting. */
  readonly temperature: number;
}

/**
 * adaptHead on all the cells, plus a temperature: each half of every class is predicted by a
 * head adapted on the other half, and T minimises the negative log-likelihood of those held-out
 * predictions (the grid of training/calibration.py).
 */
export function adaptHeadCalibrated(
  base: LinearHead,
  examples: LabelledFeatures[],
  options: AdaptationOptions = {},
): AdaptedHead {
  const seen = new Array<number>(base.classes).fill(0);
  const fold = examples.map((e) => seen[e.label]++ % 2);
  const heldOut: { logits: number[]; label: number }[] = [];
  for (const f of [0, 1]) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (train.length === 0) continue;
    const head = adaptHead(base, train, options);
    examples.forEach((e, i) => {
      if (fold[i] === f) heldOut.push({ logits: headLogits(head, e.features), label: e.label });
    });
  }
  return { head: adaptHead(base, examples, options), temperature: fitTemperature(heldOut) };
}

function headLogits(head: LinearHead, features: Float32Array): number[] {
  return Array.from({ length: head.classes }, (_, c) => {
    let z = head.bias[c];
    for (let j = 0; j < head.features; j++) z += features[j] * head.kernel[j * head.classes + c];
    return z;
  });
}

/** The T in exp(−2.5 … 2.5) minimising the mean negative log-likelihood of softmax(logits / T). */
export function fitTemperature(samples: { logits: number[]; label: number }[]): number {
  let best = { t: 1, nll: Infinity };
  for (let k = 0; k <= 200; k++) {
    const t = Math.exp(-2.5 + (5 * k) / 200);
    let nll = 0;
    for (const { logits, label } of samples) nll -= Math.log(Math.max(softmax(logits, t)[label], 1e-12));
    if (nll < best.nll) best = { t, nll };
  }
  return best.t;
}

/**
 * The features of the labelled cell in an image a lab provides: its first found white cell (the
 * largest, most strongly stained — the rule the training crops follow). Null when none is found.
 */
export async function labelledCellFeatures(
  image: RgbaImage,
  label: number,
  classifier: CellClassifier,
): Promise<LabelledFeatures | null> {
  const { crops } = prepareCells(image);
  if (crops.length === 0) return null;
  const [features] = await classifier.embed([cropToInput(crops[0])]);
  return { features, label };
}
