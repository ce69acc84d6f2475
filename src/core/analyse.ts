import { cropToInput, cutCellCrop } from './cell-crop';
import type { CellClassifier } from './classifier';
import { findWhiteCells } from './localise';
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
}

/** The whole pipeline for one image: find the white cells, crop each, classify them together. */
export async function analyseImage(image: RgbaImage, classifier: CellClassifier): Promise<ImageAnalysis> {
  const { cells, gains } = findWhiteCells(image);
  const inputs = cells.map((cell) => cropToInput(cutCellCrop(image, cell, gains)));
  const probabilities = await classifier.classify(inputs);
  const threshold = classifier.metadata.reviewThreshold;
  return {
    width: image.width,
    height: image.height,
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
  };
}
