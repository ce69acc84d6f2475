import type { IntakePlan } from './image-format/plan-intake';

/**
 * Decodes a file into an ImageBitmap, at reduced size when the plan asks. The browser decodes
 * asynchronously off the main thread; the bitmap is then transferred to the worker.
 */
export async function decodeFile(file: Blob, plan: IntakePlan & { ok: true }): Promise<ImageBitmap> {
  const options: ImageBitmapOptions = {
    imageOrientation: 'from-image',
    premultiplyAlpha: 'none',
    colorSpaceConversion: 'none',
  };
  if (plan.resize) {
    options.resizeWidth = plan.resize.width;
    options.resizeHeight = plan.resize.height;
    options.resizeQuality = 'medium';
  }
  return createImageBitmap(file, options);
}
