import { cropToInput, cutCellCrop } from '@/core/cell-crop';
import type { CellClassifier } from '@/core/classifier';
import { heatmapMassInsideBox } from '@/core/heatmap-mass';
import { findWhiteCells } from '@/core/localise';
import { listClassFolders } from './class-folders';
import { decodeImageFile } from '@testkit/decode-file';

/** Mean share of the predicted class's activation map inside the white cell's box, per image. */
export async function evaluateHeatmaps(dir: string, classifier: CellClassifier, every = 1) {
  const files = listClassFolders(dir).filter((_, i) => i % every === 0);
  const shares: number[] = [];
  for (const file of files) {
    const image = await decodeImageFile(file.path);
    const { cells, gains } = findWhiteCells(image);
    if (cells.length === 0) continue;
    const cam = await classifier.explain(cropToInput(cutCellCrop(image, cells[0], gains)));
    shares.push(heatmapMassInsideBox(cam, cells[0]));
  }
  shares.sort((a, b) => a - b);
  return {
    images: shares.length,
    meanMassInsideBox: shares.reduce((a, b) => a + b, 0) / shares.length,
    medianMassInsideBox: shares[Math.floor(shares.length / 2)],
    shareOfImagesAbove70Percent: shares.filter((s) => s >= 0.7).length / shares.length,
  };
}
