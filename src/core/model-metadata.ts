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
  /** Name of the layer whose output is the last feature map (for class activation maps). */
  readonly featureLayer: string;
  /** Name of the global-average-pooling layer: its output feeds the novelty score. */
  readonly poolLayer: string;
  /**
   * How unlike the validation cells a crop looks: the smallest, over classes, mean of
   * (feature − class mean)² × inverse variance. Above `threshold` (the 99.5th percentile on
   * validation) the object is not reported as a white cell.
   */
  readonly novelty: { readonly means: number[][]; readonly inverseVariance: number[]; readonly threshold: number };
  readonly gflops: number;
  readonly shards: ShardInfo[];
  /** Bytes of model.json and every shard together: the denominator of the progress bar. */
  readonly totalBytes: number;
}
