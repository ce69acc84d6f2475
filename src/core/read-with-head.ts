import type { AnalysedCell } from './analyse';
import { softmax, type LinearHead } from './classifier';
import { headLogits } from './head-fit';
import { CELL_CLASSES } from './model-spec';

/** A head with the calibration it reads with: the shipped one, or a lab profile's own. */
export interface CalibratedHead {
  readonly head: LinearHead;
  readonly temperature: number;
  /** Below this top probability a cell is marked for review. */
  readonly reviewThreshold: number;
}

/**
 * A cell read again by another head from the pooled features its analysis kept: the trunk's
 * features do not depend on the head, so switching heads needs neither the image nor the network.
 */
export function readWithHead(cell: AnalysedCell, features: Float32Array, reader: CalibratedHead): AnalysedCell {
  if (features.length !== reader.head.features) {
    throw new Error(`a cell's features do not fit this head (${reader.head.features} expected)`);
  }
  const p = softmax(headLogits(reader.head, features), reader.temperature);
  const top = p.indexOf(Math.max(...p));
  return {
    ...cell,
    probabilities: p,
    predicted: CELL_CLASSES[top],
    confidence: p[top],
    needsReview: p[top] < reader.reviewThreshold,
  };
}
