/**
 * The "not a white cell" reject: a logistic head on the network's pooled features, fitted on
 * PBC's platelet images (and fixtures/negatives) against the five white-cell classes by
 * scripts/build-data/fit-reject.ts, its threshold set on validation. A box the cell finder drew
 * round a platelet clump scores high and is dropped as no white cell.
 */
export interface NotWhiteCellHead {
  /** One weight per pooled feature. */
  readonly weights: Float32Array;
  readonly bias: number;
  /** A box scoring at or above this is not a white cell. */
  readonly threshold: number;
}

/** σ(features · weights + bias): how surely the box holds no white cell, 0–1. */
export function notWhiteCellScore(head: NotWhiteCellHead, features: Float32Array): number {
  if (features.length !== head.weights.length) {
    throw new Error(`the reject reads ${head.weights.length} features, not ${features.length}`);
  }
  let s = head.bias;
  for (let j = 0; j < features.length; j++) s += head.weights[j] * features[j];
  return 1 / (1 + Math.exp(-s));
}

/** The indices of the boxes that hold a white cell (all of them when the model ships no reject). */
export function keptAsWhiteCells(head: NotWhiteCellHead | undefined, features: readonly Float32Array[]): number[] {
  return features.flatMap((f, i) => (head && notWhiteCellScore(head, f) >= head.threshold ? [] : [i]));
}
