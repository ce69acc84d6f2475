import type { AnalysedCell } from '../core/analyse';

/** tfjs backends the worker can run on, in order of preference. */
export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface LoadOptions {
  /** Absolute URL of the folder holding metadata.json, model.json and the shards. */
  readonly modelUrl: string;
  /** `?backend=` from the page: only this backend is tried. */
  readonly forced?: BackendName;
  /** Backends that already failed in this session: never tried again. */
  readonly skip: readonly BackendName[];
}

export interface ModelInfo {
  readonly backend: BackendName;
  readonly version: string;
  readonly reviewThreshold: number;
  readonly totalBytes: number;
  /** Backends that failed during this load, with the reason. */
  readonly failures: readonly { backend: BackendName; reason: string }[];
}

export interface AnalysisOutcome {
  /** Size of the pixels analysed (after any reduction); boxes are in these units. */
  readonly width: number;
  readonly height: number;
  readonly cells: AnalysedCell[];
  /** A small JPEG of the image for the card, made in the worker. */
  readonly thumbnail: Blob;
  /** True when all sampled pixels are grey: stain colours are missing. */
  readonly grayscale: boolean;
  readonly timings: { readonly decodeMs: number; readonly analyseMs: number };
}

export type ProgressCallback = (loadedBytes: number, totalBytes: number) => void;

/** The one object the worker exposes through Comlink. */
export interface AnalysisWorkerApi {
  load(options: LoadOptions, onProgress: ProgressCallback): Promise<ModelInfo>;
  analyse(image: ImageBitmap): Promise<AnalysisOutcome>;
}
