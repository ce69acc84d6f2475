import type { AnalysedCell } from '../core/analyse';
import type { CaseCalibration } from '../core/case-calibration';
import type { AdaptedHead } from '../core/cross-validated-adaptation';
import type { LabelledFeatures } from '../core/head-adaptation';
import type { CellClass } from '../core/model-spec';
import type { Region } from '../core/resample';
import type { Box } from '../core/rgba-image';

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
  /** false: WASM single-threaded even when it could have threads (`?threads=off`, to compare). */
  readonly wasmThreads?: boolean;
}

/**
 * An adapted head as the device keeps it (a lab profile's head), tied to the model version it was
 * adapted from. A request that names one is read by it; the shipped head reads every other.
 */
export interface SavedAdaptation {
  readonly modelVersion: string;
  /** Names these adapted weights ("lab.<8 hex>"): results record `<modelVersion>+<id>`. */
  readonly id: string;
  readonly adapted: AdaptedHead;
  /** Labelled cells per class (CELL_CLASSES order) it was adapted on. */
  readonly cellsPerClass: readonly number[];
  readonly createdAt: string;
}

/**
 * An adaptation just made, not yet in use: what would be saved, plus images skipped (no cell
 * found) and the time taken. The user keeps it (as a lab profile) or discards it.
 */
export type NewAdaptation = SavedAdaptation & { readonly skipped: number; readonly ms: number };

/** Stored cells read again by another head (AnalysisWorkerApi.rereadCells), and the model that read them. */
export interface RereadOutcome {
  readonly cells: AnalysedCell[];
  readonly modelVersion: string;
}

/** How far an adaptation has got: labelled cells read, then the heads fitted. */
export interface AdaptationProgress {
  readonly stage: 'reading' | 'fitting';
  /** Labelled images read (their cell found and embedded) of all given; for cells reviewed in cases, all. */
  readonly cellsDone: number;
  readonly cells: number;
  /** The whole job done, 0 to 1: what "time left" is estimated from. */
  readonly fraction: number;
}
export type AdaptationProgressCallback = (progress: AdaptationProgress) => void;

/** One image a lab labelled: label is the class index in CELL_CLASSES order. */
export interface LabelledImage {
  readonly image: ImageBitmap;
  readonly label: number;
}

export interface ModelInfo {
  readonly backend: BackendName;
  readonly version: string;
  /** The shipped model's review threshold (a lab profile has its own, refitted for reviewTarget). */
  readonly reviewThreshold: number;
  readonly reviewTarget: number;
  readonly totalBytes: number;
  /** Backends that failed during this load, with the reason. */
  readonly failures: readonly { backend: BackendName; reason: string }[];
  /** On WASM, the threads it computes on: above 1 when the page is cross-origin isolated. */
  readonly wasmThreads?: number;
  /** Fetching and building the model, then its warm-up inference, in ms. */
  readonly loadMs?: number;
  readonly warmUpMs?: number;
}

/** Where the worker's time on one image went, in ms, stage by stage (`npm run bench` reports them). */
export interface StageTimings {
  /** The ImageBitmap drawn and read as RGBA pixels. */
  readonly pixelsMs: number;
  readonly localiseMs: number;
  /** The cells' crops cut at the network's input size. */
  readonly cropMs: number;
  readonly classifyMs: number;
  readonly cellPicturesMs: number;
  readonly thumbnailMs: number;
}

export interface AnalysisOutcome {
  /** Size of the pixels analysed (after any reduction); boxes are in these units. */
  readonly width: number;
  readonly height: number;
  readonly cells: AnalysedCell[];
  /** A small JPEG of the image for the card, made in the worker. */
  readonly thumbnail: Blob;
  /** One small square JPEG per cell, cut around its box from the analysed pixels. */
  readonly cellImages: Blob[];
  /** Each cell's pooled features (ImageAnalysis.features): a review of the cells can adapt on them. */
  readonly cellFeatures: Float32Array[];
  /** Each cell's crop as the classifier read it (storedCrop: RGB bytes): a case is re-read from these. */
  readonly cellCrops: Uint8Array[];
  /** True when all sampled pixels are grey: stain colours are missing. */
  readonly grayscale: boolean;
  /** ImageAnalysis.magnification: above 1, a wide field whose small cells were looked for finer. */
  readonly magnification: number;
  readonly timings: StageTimings;
  /** The model that read this image: the shipped version, or `<version>+lab.<8 hex>` when adapted. */
  readonly modelVersion: string;
  /** Names this image's cell crops kept in the worker, for explain() (heatmaps on demand). */
  readonly analysisId?: string;
}

/** A cell boxed by hand on a stored picture of a field, classified like a found one. */
export interface HandCellOutcome {
  /** Its box in the analysed image's pixels (the units of the field's other cells). */
  readonly cell: AnalysedCell;
  /** Its square picture, cut like the found cells' pictures. */
  readonly cellImage: Blob;
  /** Its pooled features (ImageAnalysis.features). */
  readonly features: Float32Array;
  /** Its crop as the classifier read it (storedCrop). */
  readonly crop: Uint8Array;
}

/**
 * Which cell to explain, for which class (default: the predicted one): a cell of an image analysed
 * earlier (its analysisId and cell index), or of a fresh image, by index or nearest a box.
 */
export type ExplainRequest =
  | { readonly analysisId: string; readonly cellIndex: number; readonly classIndex?: number }
  | { readonly image: ImageBitmap; readonly cellIndex?: number; readonly near?: Box; readonly classIndex?: number };

/** A cell's class activation map (side × side, row-major, in [0, 1]) over its crop square. */
export interface ExplainResult {
  readonly map: Float32Array;
  readonly side: number;
  readonly classIndex: number;
  readonly cellIndex: number;
  /** The crop square in the analysed image's pixels (may reach past the border). */
  readonly region: Region;
}

export type ProgressCallback = (loadedBytes: number, totalBytes: number) => void;

/** One cell read with a case's calibration: what the page shows in place of the shipped reading. */
export type CalibratedCell = Pick<AnalysedCell, 'probabilities' | 'predicted' | 'confidence' | 'needsReview'>;

/** A case calibrated to its own cells: the statistics to store with it, and each cell read with them. */
export interface CalibratedCase {
  readonly calibration: CaseCalibration;
  /** In the order of the crops given. */
  readonly cells: CalibratedCell[];
  readonly ms: number;
}

/** The object the worker exposes through Comlink; test and benchmark hooks are apart (debug-worker-api.ts). */
export interface AnalysisWorkerApi {
  load(options: LoadOptions, onProgress: ProgressCallback): Promise<ModelInfo>;
  /** Reads an image with the shipped head, or with `profile`'s head for this request only. */
  analyse(image: ImageBitmap, profile?: SavedAdaptation): Promise<AnalysisOutcome>;
  /**
   * Classifies a cell boxed by hand on a stored picture of a field (`picture`, perhaps smaller than
   * the pixels analysed): `box` and the answer are in the analysed image's units, `width` × `height`.
   */
  classifyBox(
    picture: ImageBitmap,
    box: Box,
    width: number,
    height: number,
    profile?: SavedAdaptation,
  ): Promise<HandCellOutcome>;
  /** Cells read again from their pooled features by `profile`'s head (none: the shipped one): no image needed. */
  rereadCells(cells: AnalysedCell[], features: Float32Array[], profile?: SavedAdaptation): Promise<RereadOutcome>;
  /**
   * Calibrates to a case from its cells' stored crops (CaseImage.cellCrops), without labels, and
   * reads each cell with that calibration; the worker keeps no calibration after the request.
   * `classes`, each cell's class as the case reads it, spare a first reading of the case.
   */
  calibrateCase(crops: Uint8Array[], classes?: CellClass[]): Promise<CalibratedCase>;
  /** Reads cells with a case's stored calibration (its new images, a cell drawn by hand). */
  readCalibrated(crops: Uint8Array[], calibration: CaseCalibration): Promise<CalibratedCell[]>;
  /** The fewest cells a case is calibrated on (MIN_CALIBRATION_CELLS); needs no model loaded. */
  calibrationMinimum(): Promise<number>;
  /** One cell's class activation map; undefined when there is no such cell (or it was forgotten). */
  explain(request: ExplainRequest): Promise<ExplainResult | undefined>;
  /**
   * Re-fits the classifier's head on a lab's labelled images (the first white cell found in each),
   * with its temperature and review threshold from held-out folds, without using it yet. Images
   * with no cell found are skipped and counted.
   */
  adapt(images: LabelledImage[], onProgress?: AdaptationProgressCallback): Promise<NewAdaptation>;
  /** Adapts the head on cells reviewed in cases, from the features their analysis kept. */
  adaptOnFeatures(examples: LabelledFeatures[], onProgress?: AdaptationProgressCallback): Promise<NewAdaptation>;
  /** Stops the adaptation under way between two steps: it rejects, and nothing is kept. */
  cancelAdaptation(): Promise<void>;
}
