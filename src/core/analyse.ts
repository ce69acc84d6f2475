import { cropToInput, cutCellCrop } from './cell-crop';
import type { CellClassifier } from './classifier';
import { findWhiteCells, type FoundCell } from './localise';
import { CELL_CLASSES, type CellClass } from './model-spec';
import { keptAsWhiteCells } from './not-white-cell';
import type { Box, RgbaImage } from './rgba-image';
import { estimateBackgroundGains } from './white-balance';

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
  /**
   * Which of the prepared boxes `cells` are, in order: the network's "not a white cell" reject
   * (src/core/not-white-cell.ts) drops a box round a platelet clump as no white cell, so a host
   * that keeps pictures or crops of the prepared boxes keeps these only.
   */
  readonly kept: number[];
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
  return { cells, crops: cutCrops(image, cells), magnification };
}

/** Each found cell's crop, white balanced with its own gains. */
export function cutCrops(image: RgbaImage, cells: readonly FoundCell[]): Uint8ClampedArray<ArrayBuffer>[] {
  return cells.map((cell) => cutCellCrop(image, cell, cell.gains));
}

/**
 * The whole pipeline for one image: find the white cells, crop each, classify them together.
 * A host that keeps the crops (for heatmaps later) passes its own `prepared` so the image is
 * localised once; one running an adapted head passes that head's own review threshold.
 */
export async function analyseImage(
  image: RgbaImage,
  classifier: CellClassifier,
  prepared: PreparedCells = prepareCells(image),
  reviewThreshold = classifier.metadata.reviewThreshold,
): Promise<ImageAnalysis> {
  const { cells, crops, magnification } = prepared;
  const inputs = crops.map((crop) => cropToInput(crop));
  const { probabilities, features } = await classifier.classifyWithFeatures(inputs);
  const kept = keptAsWhiteCells(classifier.notWhiteCell, features);
  return {
    width: image.width,
    height: image.height,
    magnification,
    cells: kept.map((i) => analysedCell(cells[i], probabilities[i], reviewThreshold)),
    kept,
    features: kept.map((i) => features[i]),
  };
}

function analysedCell(
  cell: Pick<FoundCell, 'box' | 'nucleus' | 'touchesEdge'>,
  p: number[],
  threshold: number,
): AnalysedCell {
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
}

/**
 * A cell as the finder would have reported it, from a box a person drew round it: its centre is
 * the box's centre and its diameter the box's longer side (the finder's own rule for the crop),
 * whitened with the image's background gains. The box is kept inside the image.
 */
export function cellFromBox(image: RgbaImage, drawn: Box): FoundCell {
  const x0 = Math.max(0, Math.min(image.width, drawn.x));
  const y0 = Math.max(0, Math.min(image.height, drawn.y));
  const x1 = Math.max(x0, Math.min(image.width, drawn.x + drawn.width));
  const y1 = Math.max(y0, Math.min(image.height, drawn.y + drawn.height));
  const box = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  if (box.width < 2 || box.height < 2) throw new Error('The box is too small to hold a cell.');
  return {
    box,
    nucleus: box,
    centreX: x0 + box.width / 2,
    centreY: y0 + box.height / 2,
    diameter: Math.max(box.width, box.height),
    stain: 0,
    touchesEdge: x0 <= 0.5 || y0 <= 0.5 || x1 >= image.width - 0.5 || y1 >= image.height - 0.5,
    gains: estimateBackgroundGains(image),
  };
}

/** A cell the finder missed, boxed by hand: cropped and classified exactly like a found one. */
export async function classifyBox(
  image: RgbaImage,
  drawn: Box,
  classifier: CellClassifier,
): Promise<{ cell: AnalysedCell; features: Float32Array; crop: Uint8ClampedArray<ArrayBuffer> }> {
  const found = cellFromBox(image, drawn);
  const crop = cutCellCrop(image, found, found.gains);
  const { probabilities, features } = await classifier.classifyWithFeatures([cropToInput(crop)]);
  const cell = analysedCell(found, probabilities[0], classifier.metadata.reviewThreshold);
  return { cell, features: features[0], crop };
}
