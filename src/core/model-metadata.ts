import type { CellClass } from './model-spec';

/** One weight file of the model, as listed in public/model/metadata.json. */
export interface ShardInfo {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** public/model/metadata.json, written by training/export_tfjs.py. */
export interface ModelMetadata {
  readonly version: string;
  readonly classes: CellClass[];
  readonly inputSize: number;
  readonly normalisation: { readonly scale: number; readonly offset: number };
  readonly crop: { readonly sideOverCell: number };
  /** Logits are divided by this before the softmax: temperature scaling fitted on validation. */
  readonly temperature: number;
  /** A cell whose top calibrated probability is below this is flagged for review. */
  readonly reviewThreshold: number;
  /** How often predictions at or above reviewThreshold were right on validation: the rule that set it. */
  readonly reviewTarget: number;
  /** Name of the layer whose output is the last feature map (for class activation maps). */
  readonly featureLayer: string;
  readonly gflops: number;
  /**
   * The training labs' per-step statistics for calibrating to a case (float32: each step's
   * means then its variances, `channels[k]` of each), written by `npm run model-statistics`.
   */
  readonly trainingStatistics?: ShardInfo & { readonly channels: number[] };
  /**
   * The "not a white cell" reject (float32: one weight per pooled feature, then the bias), fitted
   * by `npm run fit:reject`; a box scoring at or above `threshold` is dropped as no white cell.
   */
  readonly notWhiteCell?: ShardInfo & { readonly features: number; readonly threshold: number };
  /** How a case is calibrated and how a calibrated reading is read, measured on validation cases. */
  readonly calibrated?: CalibratedReading;
  readonly shards: ShardInfo[];
  /** Bytes of model.json and every shard together: the denominator of the progress bar. */
  readonly totalBytes: number;
}

/** A calibrated reading's own settings (docs/model.md, "Calibrating to a case"). */
export interface CalibratedReading {
  /** The case's share of the blended statistics (the training labs' make up the rest). */
  readonly blend: number;
  /** Readings of the case, each re-balancing the classes by the previous one. */
  readonly rounds: number;
  /** The fewest cells, as a share of the case, a class read in it is weighed as (absent: 0). */
  readonly classFloor?: number;
  /** The temperature of a calibrated reading, fitted on held-out calibrated validation readings. */
  readonly temperature: number;
  /** Its review threshold, by the same rule as reviewThreshold. */
  readonly reviewThreshold: number;
}
