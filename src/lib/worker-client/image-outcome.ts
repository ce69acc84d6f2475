import type { AnalysedCell } from '@/core/analyse';

/** What the app learns about one dropped file. */
export type ImageOutcome =
  | {
      readonly status: 'done';
      readonly width: number;
      readonly height: number;
      readonly cells: AnalysedCell[];
      readonly thumbnailUrl: string;
      /** The thumbnail itself and one picture per cell (from the worker), kept for the case history. */
      readonly thumbnail?: Blob;
      readonly cellImages?: Blob[];
      /** Each cell's pooled features from the worker, kept with the case for adapting on reviewed cells. */
      readonly cellFeatures?: Float32Array[];
      /** Each cell's crop as the classifier read it, kept with the case so it can be read again calibrated. */
      readonly cellCrops?: Uint8Array[];
      readonly notes: string[];
      readonly elapsedMs: number;
      /** Names the cell crops the worker kept for heatmaps on demand (analysisClient.explainCell). */
      readonly analysisId?: string;
      /** The model that read it: the shipped version, or `<version>+lab.<8 hex>` when adapted. */
      readonly modelVersion?: string;
    }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'cancelled' };
