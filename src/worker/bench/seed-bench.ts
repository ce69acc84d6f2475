import * as tf from '@tensorflow/tfjs';
import { cropToInput } from '../../core/cell-crop';
import { resampleRegion } from '../../core/resample';
import { bitmapPixels } from '../bitmap-pixels';
import { makeThumbnail } from '../make-thumbnail';
import type { SeedTimings } from '../worker-api';
import { buildSeedMobileNetV2, SEED_INPUT_SIZE } from './seed-mobilenet-v2';

let seed: tf.LayersModel | undefined;

/**
 * One image through the seed's pipeline on the worker's current backend: the same pixel read and
 * thumbnail as `analyse`, then the whole field resized to 224 × 224 and one MobileNetV2 inference.
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
    await makeThumbnail(bitmap);
    const whole = { x: 0, y: 0, width: pixels.width, height: pixels.height };
    const input = cropToInput(resampleRegion(pixels, whole, SEED_INPUT_SIZE, SEED_INPUT_SIZE));
    const t1 = performance.now();
    const out = tf.tidy(() => model.predict(tf.tensor4d(input, [1, SEED_INPUT_SIZE, SEED_INPUT_SIZE, 3])) as tf.Tensor);
    await out.data();
    out.dispose();
    const t2 = performance.now();
    return { buildMs, decodeMs: t1 - t0, analyseMs: t2 - t1 };
  } finally {
    bitmap.close();
  }
}
