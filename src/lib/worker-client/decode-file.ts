import { FULL_DECODE_MAX_PIXELS, MAX_ANALYSIS_SIDE, type IntakePlan } from '@/lib/image-format/plan-intake';
import { tiffNotes } from '@/lib/image-format/tiff-notes';
import { decodeTiffFile } from './tiff-decoder';

/**
 * Decodes a file into an ImageBitmap, at reduced size when the plan asks. The browser decodes
 * asynchronously off the main thread; the bitmap is then transferred to the worker. A format the
 * browser cannot decode (TIFF) goes to the app's decoder in a worker, which adds its notes (pages,
 * bit depth) to the plan's.
 */
export async function decodeFile(file: Blob, plan: IntakePlan & { ok: true }): Promise<ImageBitmap> {
  if (plan.workerDecode) {
    const { bitmap, facts } = await decodeTiffFile(file, {
      maxPixels: FULL_DECODE_MAX_PIXELS,
      maxSide: MAX_ANALYSIS_SIDE,
    });
    plan.notes.push(...tiffNotes(facts));
    return bitmap;
  }
  if (plan.resize && plan.scaledDecode) return drawScaled(file, plan.resize);
  const options: ImageBitmapOptions = {
    imageOrientation: 'from-image',
    // Premultiplied is how Chromium keeps decoded pixels: asking for 'none' costs one more full-size
    // copy (2.5 bytes a pixel at peak). The worker draws the bitmap onto white either way.
    premultiplyAlpha: 'default',
    colorSpaceConversion: 'none',
  };
  if (plan.resize) {
    options.resizeWidth = plan.resize.width;
    options.resizeHeight = plan.resize.height;
    options.resizeQuality = 'medium';
  }
  return createImageBitmap(file, options);
}

/**
 * createImageBitmap decodes a JPEG whole before it resizes (a 20000² photo took the renderer to
 * 3.9 GB); an image element drawn smaller onto a canvas is decoded at 1/2, 1/4 or 1/8 scale (about
 * 0.5 GB for the same photo). The element applies the EXIF orientation, as the plan's size expects.
 */
async function drawScaled(file: Blob, size: { width: number; height: number }): Promise<ImageBitmap> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    // onload, not img.decode(): decode() would decode the image whole, at its full size.
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The image could not be decoded.'));
    });
    img.src = url;
    await loaded;
    // willReadFrequently keeps the canvas in memory rather than on the GPU, where the scaled decode applies.
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('This browser cannot draw images (no 2D canvas).');
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(img, 0, 0, size.width, size.height);
    return await createImageBitmap(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}
