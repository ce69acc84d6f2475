import { formatPercent } from '@/lib/format/numbers';

/** What an adaptation record says about its review mark (src/core's AdaptedHead, any version). */
export interface AdaptedReviewFigures {
  readonly reviewThreshold?: number;
  /** The adapted model's cross-validated reading of the lab's own cells: what its mark left unmarked. */
  readonly ownCells?: { readonly adapted: { readonly unmarked: number; readonly unmarkedRight: number } };
}

export interface ReviewPromise {
  /** Below this top probability a cell is marked. */
  readonly threshold: number;
  /** The sentence that says what an unmarked cell can be trusted for, and on which cells it was measured. */
  readonly promise: string;
  readonly source: 'shipped' | 'adapted' | 'shipped-figure-for-adapted';
}

/**
 * What the review mark promises, stated from the model's own figures: the shipped target its
 * threshold was fitted for, or, for a model adapted to the lab, how often the adapted model's
 * unmarked cells were right on the lab's own held-out cells when the adaptation measured it.
 */
export function reviewPromise(
  shipped: { readonly reviewThreshold: number; readonly reviewTarget: number },
  adapted?: AdaptedReviewFigures,
): ReviewPromise {
  const shippedLine = `Cells without the review mark were right at least ${formatPercent(shipped.reviewTarget)} of the time on held-out cells.`;
  if (!adapted) return { threshold: shipped.reviewThreshold, promise: shippedLine, source: 'shipped' };
  const threshold = adapted.reviewThreshold ?? shipped.reviewThreshold;
  const own = adapted.ownCells?.adapted;
  if (own && own.unmarked > 0)
    return {
      threshold,
      source: 'adapted',
      promise: `With your lab's adaptation, cells without the review mark were right ${formatPercent(own.unmarkedRight / own.unmarked)} of the time (${own.unmarkedRight} of ${own.unmarked}) on your lab's own cells, each read by a model adapted without it.`,
    };
  return {
    threshold,
    source: 'shipped-figure-for-adapted',
    promise: `${shippedLine} That is the shipped model's figure: your lab's adaptation did not measure its own.`,
  };
}
