/** Longest side of a card's thumbnail, in pixels: sharp on a 2× screen at card size. */
const THUMB_SIDE = 480;

/**
 * Scales an image down off the main thread and encodes it as a small JPEG for the card. It is
 * drawn at once; the browser encodes it off this thread while the caller goes on.
 */
export function makeThumbnail(bitmap: ImageBitmap): Promise<Blob> {
  const scale = Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  // A canvas in memory, not on the GPU: the encoder reads its pixels back at once, and a GPU
  // canvas pays a readback for that (6× the time on SwiftShader, `npm run bench`).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw in a worker (no 2D OffscreenCanvas).');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, w, h);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}
