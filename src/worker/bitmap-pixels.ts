import type { RgbaImage } from '../core/rgba-image';

/** Draws an ImageBitmap onto white (flattening any transparency) and reads its RGBA pixels. */
export function bitmapPixels(bitmap: ImageBitmap): RgbaImage {
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot read image pixels in a worker (no 2D OffscreenCanvas).');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, width, height);
  return { data, width, height };
}

/** True when every sampled pixel has R = G = B (within JPEG noise): the image carries no stain colour. */
export function isGrayscale(img: RgbaImage, samples = 4096): boolean {
  const n = img.width * img.height;
  const step = Math.max(1, Math.floor(n / samples));
  for (let p = 0; p < n; p += step) {
    const i = p * 4;
    const r = img.data[i];
    const g = img.data[i + 1];
    const b = img.data[i + 2];
    if (Math.abs(r - g) > 6 || Math.abs(g - b) > 6) return false;
  }
  return true;
}
