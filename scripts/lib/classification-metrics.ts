import { seededRandom } from '@/core/seeded-random';

/** Metrics of a classifier's report, computed from (true, predicted, confidence) per image. */

export interface Prediction {
  /** Index of the true class. */
  readonly truth: number;
  /** Index of the predicted class, or -1 when nothing was predicted (no cell found). */
  readonly predicted: number;
  /** Calibrated top probability (0 when nothing was predicted). */
  readonly confidence: number;
}

/**
 * Undoes temperature scaling: softmax(z / T) raised to the power T and renormalised is
 * softmax(z), so the uncalibrated probabilities follow from the calibrated ones exactly.
 */
export function uncalibrate(probabilities: readonly number[], temperature: number): number[] {
  const powered = probabilities.map((p) => Math.pow(Math.max(p, 1e-30), temperature));
  const sum = powered.reduce((a, b) => a + b, 0);
  return powered.map((p) => p / sum);
}

/** Share of predictions below the review threshold, and the accuracy of those above it. */
export function reviewStats(preds: readonly Prediction[], threshold: number) {
  const confident = preds.filter((p) => p.predicted >= 0 && p.confidence >= threshold);
  return {
    threshold,
    flaggedShare: 1 - confident.length / preds.length,
    accuracyAboveThreshold: confident.length ? accuracy(confident) : 0,
  };
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function accuracy(preds: readonly Prediction[]): number {
  return preds.filter((p) => p.predicted === p.truth).length / preds.length;
}

/** confusion[t][p]: images of true class t predicted as p; "no cell found" is not a column. */
export function confusionMatrix(preds: readonly Prediction[], classCount: number): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (const p of preds) if (p.predicted >= 0) m[p.truth][p.predicted]++;
  return m;
}

export function perClassScores(preds: readonly Prediction[], classCount: number): ClassScores[] {
  return Array.from({ length: classCount }, (_, c) => {
    const tp = preds.filter((p) => p.truth === c && p.predicted === c).length;
    const predicted = preds.filter((p) => p.predicted === c).length;
    const support = preds.filter((p) => p.truth === c).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
}

/** Expected calibration error over equal-width confidence bins (images with no prediction count as confidence 0, wrong). */
export function expectedCalibrationError(preds: readonly Prediction[], bins = 15): number {
  const stats = reliabilityBins(preds, bins);
  return stats.reduce((sum, b) => sum + (b.count / preds.length) * Math.abs(b.accuracy - b.confidence), 0);
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  confidence: number;
  accuracy: number;
}

export function reliabilityBins(preds: readonly Prediction[], bins = 15): ReliabilityBin[] {
  return Array.from({ length: bins }, (_, b) => {
    const lower = b / bins;
    const upper = (b + 1) / bins;
    const inBin = preds.filter(
      (p) => (b === 0 ? p.confidence >= lower : p.confidence > lower) && p.confidence <= upper,
    );
    const count = inBin.length;
    return {
      lower,
      upper,
      count,
      confidence: count ? inBin.reduce((s, p) => s + p.confidence, 0) / count : 0,
      accuracy: count ? inBin.filter((p) => p.predicted === p.truth).length / count : 0,
    };
  });
}

/** Percentile bootstrap 95% interval of accuracy, resampling images with a seeded generator. */
export function bootstrapAccuracyInterval(preds: readonly Prediction[], resamples = 2000, seed = 1): [number, number] {
  const random = seededRandom(seed);
  const right = preds.map((p) => (p.predicted === p.truth ? 1 : 0));
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < right.length; i++) sum += right[Math.floor(random() * right.length)];
    values.push(sum / right.length);
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * resamples)], values[Math.ceil(0.975 * resamples) - 1]];
}

/**
 * Percentile bootstrap 95% interval of accuracy that resamples whole groups (source cells) rather
 * than images: `groups[i]` names the group of `preds[i]`. Augmented copies of one cell are not
 * independent readings, so an interval over images is as narrow as if each copy were a new cell;
 * resampling groups gives the interval the distinct cells justify. Accuracy of a resample is its
 * right images over its images (groups of unequal size weigh by their images, as the point
 * estimate does).
 */
export function bootstrapGroupedAccuracyInterval(
  preds: readonly Prediction[],
  groups: readonly string[],
  resamples = 2000,
  seed = 1,
): [number, number] {
  if (groups.length !== preds.length) throw new Error(`${groups.length} groups for ${preds.length} predictions`);
  const tally = new Map<string, { right: number; images: number }>();
  preds.forEach((p, i) => {
    const t = tally.get(groups[i]) ?? { right: 0, images: 0 };
    tally.set(groups[i], { right: t.right + (p.predicted === p.truth ? 1 : 0), images: t.images + 1 });
  });
  const cells = [...tally.values()];
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let right = 0;
    let images = 0;
    for (let i = 0; i < cells.length; i++) {
      const g = cells[Math.floor(random() * cells.length)];
      right += g.right;
      images += g.images;
    }
    values.push(right / images);
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * resamples)], values[Math.ceil(0.975 * resamples) - 1]];
}
