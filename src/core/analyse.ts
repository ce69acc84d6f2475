import { cropToInput, cutCellCrop } from './cell-crop';
import type { CellClassifier } from './classifier';
import { findWhiteCells, type FoundCell } from './localise';
import { CELL_CLASSES, type CellClass } from './model-spec';
import type { Box, RgbaImage } from './rgba-image';

export interface AnalysedCell {
  readonly box: Box;
  readonly nucleus: Box;
  readonly touchesEdge: boolean;
  /** Calibrated probabilities in CELL_CLASSES order. */
  readonly probabilities: number[];
  readonly predicted: CellClass;
  readonly confidence: number;
  readonly needsReview: boolean;
}

export interface ImageAnalysis {
  readonly width: number;
  readonly height: number;
  /** Empty when no white blood cell was found. */
  readonly cells: AnalysedCell[];
  /** Localisation.magnification: above 1, a wide field whose small cells were looked for finer. */
  readonly magnification: number;
  /**
   * Each cell's pooled features (CellClassifier.embed), in the order of `cells`: a user's
   * review of the cells can adapt the head on them later without running the images again.
   */
  readonly features: Float32Array[];
}

/** The white cells of an image with their crops (RGBA, the network's input size). */
export interface PreparedCells {
  readonly cells: FoundCell[];
  readonly crops: Uint8ClampedArray<ArrayBuffer>[];
  readonly magnification: number;
}

/** Finds the white cells and cuts their crops: the pure-JS half of the pipeline. */
export function prepareCells(image: RgbaImage): PreparedCells {
  const { cells, magnification } = findWhiteCells(image);
  return { cells, crops: cells.map((cell) => cutCellCrop(image, cell, cell.gains)), magnification };
}

/**
 * The whole pipeline for one image: find the white cells, crop each, classify them together.
 * A host that keeps the crops (for heatmaps later) passes its own `prepared` so the image is
 * localised once.
 */
export async function analyseImage(
  image: RgbaImage,
  classifier: CellClassifier,
  prepared: PreparedCells = prepareCells(image),
): Promise<ImageAnalysis> {
  const { cells, crops, magnification } = prepared;
  const inputs = crops.map((crop) => cropToInput(crop));
  const { probabilities, features } = await classifier.classifyWithFeatures(inputs);
  const threshold = classifier.metadata.reviewThreshold;
  return {
    width: image.width,
    height: image.height,
    magnification,
    cells: cells.map((cell, i) => {
      const p = probabilities[i];
      const top = p.indexOf(Math.max(...p));
      return {
        box: cell.box,
        nucleus: cell.nucleus,
        touchesEdge: cell.touchesEdge,
        probabilities: p,
        predicted: CELL_CLASSES[top],
        confidence: p[top],
        needsReview: p[top] < threshold,
      };
    }),
    features,
  };
}
