import { prepareCells } from './analyse';
import { cropToInput } from './cell-crop';
import { softmax, type CellClassifier, type LinearHead } from './classifier';
import { DEFAULT_HEAD_FIT, HeadFit, type HeadFitOptions } from './head-fit';
import type { RgbaImage } from './rgba-image';

/** One labelled cell from the lab: its pooled features (CellClassifier.embed) and class index. */
export interface LabelledFeatures {
  readonly features: Float32Array;
  readonly label: number;
}

export type AdaptationOptions = HeadFitOptions;
export const DEFAULT_ADAPTATION = DEFAULT_HEAD_FIT;

/**
 * Per-cell weights over `examples` for one head: 0 outside `included`, else 1 / (cells of its
 * class × classes present), so every class counts alike whatever its number of cells.
 */
export function classBalancedWeights(
  examples: readonly LabelledFeatures[],
  classes: number,
  included: (index: number) => boolean = () => true,
): Float64Array {
  const counts = new Array<number>(classes).fill(0);
  examples.forEach((e, i) => included(i) && counts[e.label]++);
  const present = counts.filter((n) => n > 0).length;
  return Float64Array.from(examples, (e, i) => (included(i) ? 1 / (counts[e.label] * present) : 0));
}

/** The features of `examples` as one n × features array, and their labels. */
export function stackExamples(examples: readonly LabelledFeatures[], width: number) {
  const x = new Float32Array(examples.length * width);
  examples.forEach((e, i) => x.set(e.features, i * width));
  return { x, labels: Int32Array.from(examples, (e) => e.label) };
}

/**
 * Re-fits only the linear head on a lab's own labelled cells, starting from the shipped head.
 * The feature extractor stays as it is, so a few dozen cells are enough and it runs in seconds
 * in a browser worker. Classes are weighted equally, whatever the number of cells of each.
 */
export function adaptHead(base: LinearHead, examples: LabelledFeatures[], options: AdaptationOptions = {}): LinearHead {
  if (examples.length === 0) throw new Error('adapting needs at least one labelled cell');
  const { x, labels } = stackExamples(examples, base.features);
  const fit = new HeadFit(base, x, labels, [classBalancedWeights(examples, base.classes)], options);
  fit.step(fit.steps);
  return fit.heads()[0];
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
  const input = labelledCellInput(image);
  if (!input) return null;
  const [features] = await classifier.embed([input]);
  return { features, label };
}

/** The network input of an image's labelled cell (its first found white cell), or null. */
export function labelledCellInput(image: RgbaImage): Float32Array | null {
  const { crops } = prepareCells(image);
  return crops.length === 0 ? null : cropToInput(crops[0]);
}
