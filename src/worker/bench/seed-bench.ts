import * as tf from '@tensorflow/tfjs';
import { cropToInput } from '@/core/cell-crop';
import { resampleRegion } from '@/core/resample';
import { bitmapPixels } from '../bitmap-pixels';
import type { SeedTimings } from '../debug-worker-api';
import { buildSeedMobileNetV2, SEED_INPUT_SIZE } from './seed-mobilenet-v2';

let seed: tf.LayersModel | undefined;

/** The seed's card picture: the field drawn at up to 480 px and JPEG-encoded, as the seed app did. */
async function seedThumbnail(bitmap: ImageBitmap): Promise<Blob> {
  const scale = Math.min(1, 480 / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw in a worker (no 2D OffscreenCanvas).');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, w, h);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

/**
 * One image through the seed's pipeline on the worker's current backend: the pixels read, the
 * whole field resized to 224 × 224, one MobileNetV2 inference, and a thumbnail for its card.
 * The first call builds the model (random weights) and reports how long that took.
 */
export async function analyseWithSeed(bitmap: ImageBitmap): Promise<SeedTimings> {
  let buildMs = 0;
  if (!seed) {
    const t = performance.now();
    seed = buildSeedMobileNetV2();
    buildMs = performance.now() - t;
  }
  const model = seed;
  try {
    const t0 = performance.now();
    const pixels = bitmapPixels(bitmap);
    const t1 = performance.now();
    const whole = { x: 0, y: 0, width: pixels.width, height: pixels.height };
    const input = cropToInput(resampleRegion(pixels, whole, SEED_INPUT_SIZE, SEED_INPUT_SIZE));
    const t2 = performance.now();
    const out = tf.tidy(() => model.predict(tf.tensor4d(input, [1, SEED_INPUT_SIZE, SEED_INPUT_SIZE, 3])) as tf.Tensor);
    await out.data();
    out.dispose();
    const t3 = performance.now();
    await seedThumbnail(bitmap);
    const t4 = performance.now();
    return { buildMs, pixelsMs: t1 - t0, cropMs: t2 - t1, classifyMs: t3 - t2, thumbnailMs: t4 - t3 };
  } finally {
    bitmap.close();
  }
}
