import { softmax } from '@/core/classifier';

/** A reading's logits up to a constant per row (log of its uncalibrated probabilities), and the truth. */
export interface LabelledLogits {
  readonly logits: readonly number[];
  readonly truth: number;
}

/**
 * The T > 0 minimising the negative log-likelihood of softmax(logits / T), on training/'s grid
 * (calibration.py, fit_temperature: 201 values from e^-2.5 to e^2.5), so that both fits agree.
 */
export function fitTemperature(rows: readonly LabelledLogits[]): number {
  let best = { t: 1, nll: Infinity };
  for (let i = 0; i <= 200; i++) {
    const t = Math.exp(-2.5 + (5 * i) / 200);
    const nll = rows.reduce((s, r) => s - Math.log(Math.max(softmax([...r.logits], t)[r.truth], 1e-300)), 0);
    if (nll < best.nll) best = { t, nll };
  }
  return best.t;
}

/**
 * training/'s review rule (calibration.py, review_threshold): the smallest top probability t such
 * that the predictions at or above t are right at least `target` of the time. Returns 1 when no
 * t reaches it.
 */
export function fitReviewThreshold(rows: readonly { confidence: number; right: boolean }[], target: number): number {
  const sorted = rows.slice().sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let threshold = 1;
  sorted.forEach((r, k) => {
    right += r.right ? 1 : 0;
    if (right / (k + 1) >= target) threshold = r.confidence;
  });
  return threshold;
}
