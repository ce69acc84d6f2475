import { cropRegion, cropToInput, cutCellCrop } from '../core/cell-crop';
import type { PreparedCells } from '../core/analyse';
import type { CellClassifier } from '../core/classifier';
import { findWhiteCells, type FoundCell } from '../core/localise';
import type { Region } from '../core/resample';
import type { Box, RgbaImage } from '../core/rgba-image';
import type { ExplainRequest, ExplainResult } from './worker-api';

/**
 * Heatmaps are made on demand, not during analysis: a class activation map costs a forward pass
 * of its own, and making all four classes' maps for every cell made analysis 4–5× slower
 * (`npm run bench`). Instead each analysed image's cell crops (RGBA at the network's input size,
 * 64 KB a cell) are kept here under an id, so a card's heatmap needs neither the image again nor
 * another localisation. Oldest images are forgotten first; a rebuilt worker starts empty.
 */
const MAX_CELLS = 256;
const remembered = new Map<string, { crops: Uint8ClampedArray[]; regions: Region[] }>();
let cellsHeld = 0;
let nextId = 1;
/** Tells this worker's ids from those of a worker that was replaced (a cancel, a crash). */
const WORKER_TAG = Math.random().toString(36).slice(2, 8);

/** Keeps the crops the analysis classified (see prepareCells); returns their id. */
export function rememberCrops({ cells, crops }: PreparedCells): string {
  const id = `${WORKER_TAG}-${nextId++}`;
  remembered.set(id, { crops, regions: cells.map((c) => cropRegion(c)) });
  cellsHeld += cells.length;
  for (const [key, entry] of remembered) {
    if (cellsHeld <= MAX_CELLS || key === id) break;
    remembered.delete(key);
    cellsHeld -= entry.crops.length;
  }
  return id;
}

/** A remembered cell's map, or undefined when the image was forgotten (or the worker replaced). */
export async function explainRemembered(
  classifier: CellClassifier,
  analysisId: string,
  cellIndex: number,
  classIndex?: number,
): Promise<ExplainResult | undefined> {
  const entry = remembered.get(analysisId);
  const crop = entry?.crops[cellIndex];
  if (!entry || !crop) return undefined;
  const cam = await classifier.explain(cropToInput(crop), classIndex);
  return { ...cam, cellIndex, region: entry.regions[cellIndex] };
}

/** One cell of a fresh image, chosen by index or by nearness to a box (the practice set's cell box). */
export async function explainImage(
  image: RgbaImage,
  classifier: CellClassifier,
  request: { cellIndex?: number; near?: Box; classIndex?: number },
): Promise<ExplainResult | undefined> {
  const { cells, gains } = findWhiteCells(image);
  const index = request.near ? nearestCell(cells, request.near) : (request.cellIndex ?? 0);
  const cell = cells[index];
  if (!cell) return undefined;
  const cam = await classifier.explain(cropToInput(cutCellCrop(image, cell, gains)), request.classIndex);
  return { ...cam, cellIndex: index, region: cropRegion(cell) };
}

/** Dispatches an explain request to the remembered crops or to a fresh image. */
export function explainRequest(classifier: CellClassifier, request: ExplainRequest, pixels?: RgbaImage) {
  if ('analysisId' in request)
    return explainRemembered(classifier, request.analysisId, request.cellIndex, request.classIndex);
  return explainImage(pixels!, classifier, request);
}

function nearestCell(cells: readonly FoundCell[], box: Box): number {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  let best = -1;
  let bestD = Infinity;
  cells.forEach((c, i) => {
    const d = (c.centreX - cx) ** 2 + (c.centreY - cy) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  });
  return best;
}
