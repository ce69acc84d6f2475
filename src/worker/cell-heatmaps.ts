import { cropRegion, cropToInput, cutCellCrop } from '../core/cell-crop';
import type { CellClassifier } from '../core/classifier';
import { findWhiteCells, type FoundCell } from '../core/localise';
import type { Box, RgbaImage } from '../core/rgba-image';
import type { CellHeatmap, ExplainRequest, ExplainResult } from './worker-api';

/**
 * Class activation maps for every found cell and every class, made while the image's pixels are
 * still in the worker: a card can then show any class's map without the image being decoded
 * again (four 8×8 maps per cell are about 1 KB). Localisation is deterministic, so cell i here is
 * cell i of analyseImage.
 */
export async function cellHeatmaps(image: RgbaImage, classifier: CellClassifier): Promise<CellHeatmap[]> {
  const { cells, gains } = findWhiteCells(image);
  const classes = classifier.metadata.classes.length;
  const out: CellHeatmap[] = [];
  for (const cell of cells) {
    const input = cropToInput(cutCellCrop(image, cell, gains));
    const maps: Float32Array[] = [];
    let side = 0;
    for (let c = 0; c < classes; c++) {
      const cam = await classifier.explain(input, c);
      maps.push(cam.map);
      side = cam.side;
    }
    out.push({ region: cropRegion(cell), side, maps });
  }
  return out;
}

/** One cell's map for one class (default: the predicted class), chosen by index or by nearness to a box. */
export async function explainCell(
  image: RgbaImage,
  classifier: CellClassifier,
  request: Omit<ExplainRequest, 'image'>,
): Promise<ExplainResult | undefined> {
  const { cells, gains } = findWhiteCells(image);
  const index = request.near ? nearestCell(cells, request.near) : (request.cellIndex ?? 0);
  const cell = cells[index];
  if (!cell) return undefined;
  const cam = await classifier.explain(cropToInput(cutCellCrop(image, cell, gains)), request.classIndex);
  return { ...cam, cellIndex: index, box: cell.box, region: cropRegion(cell) };
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
