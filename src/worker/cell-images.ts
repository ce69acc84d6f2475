import type { Box } from '../core/rgba-image';

/** Side of each cell's picture, in pixels: sharp at twice its size in the review queue. */
const CELL_IMAGE_SIDE = 224;
/** The picture's side over the box's longer side: some surroundings, as under the microscope. */
export const CELL_IMAGE_CONTEXT = 1.5;

/**
 * Square pictures of each cell cut from the analysed pixels (full resolution, not the card's
 * thumbnail), as small JPEGs: the review queue enlarges them and the case report prints them.
 * Each is drawn at once and its encoding started: the browser encodes off this thread, so a
 * caller that classifies meanwhile does not wait for it (`npm run bench`, cell pictures).
 */
export function makeCellImages(bitmap: ImageBitmap, boxes: readonly Box[]): Promise<Blob[]> {
  const canvas = new OffscreenCanvas(CELL_IMAGE_SIDE, CELL_IMAGE_SIDE);
  // A canvas in memory, not on the GPU: the encoder reads its pixels back at once, and a GPU
  // canvas pays a readback for that (6× the time on SwiftShader, `npm run bench`).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw in a worker (no 2D OffscreenCanvas).');
  ctx.imageSmoothingQuality = 'high';
  const out: Promise<Blob>[] = [];
  for (const b of boxes) {
    const side = Math.max(b.width, b.height) * CELL_IMAGE_CONTEXT;
    const sx = b.x + b.width / 2 - side / 2;
    const sy = b.y + b.height / 2 - side / 2;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, CELL_IMAGE_SIDE, CELL_IMAGE_SIDE);
    // Parts of the square beyond the image stay white; drawImage clips the source for us.
    ctx.drawImage(bitmap, sx, sy, side, side, 0, 0, CELL_IMAGE_SIDE, CELL_IMAGE_SIDE);
    // convertToBlob copies the canvas as it is now, so the next cell may draw over it at once.
    out.push(canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
  }
  return Promise.all(out);
}
