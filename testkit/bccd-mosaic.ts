import { join } from 'node:path';
import type { Box, RgbaImage } from '@/core/rgba-image';
import { decodeImageFile } from './decode-file';
import { readVocBoxes } from './voc';

/**
 * n × n 640×480 BCCD fields tiled into one image, with their WBC boxes moved along. Apart from
 * wide-fields.ts so that Playwright tests build the same fields without loading the core's JSON
 * spec, which Playwright's module loader refuses.
 */
export async function bccdMosaic(data: string, ids: string[], n: number): Promise<{ image: RgbaImage; truth: Box[] }> {
  const [w, h] = [640, 480];
  const out = new Uint8ClampedArray(w * n * h * n * 4);
  const truth: Box[] = [];
  for (const [k, id] of ids.entries()) {
    const field = await decodeImageFile(join(data, 'JPEGImages', `${id}.jpg`));
    if (field.width !== w || field.height !== h) throw new Error(`${id}: expected a ${w}×${h} field`);
    const [ox, oy] = [(k % n) * w, Math.floor(k / n) * h];
    for (let y = 0; y < h; y++) out.set(field.data.subarray(y * w * 4, (y + 1) * w * 4), ((oy + y) * w * n + ox) * 4);
    for (const b of await readVocBoxes(join(data, 'Annotations', `${id}.xml`), 'WBC')) {
      truth.push({ ...b, x: b.x + ox, y: b.y + oy });
    }
  }
  return { image: { data: out, width: w * n, height: h * n }, truth };
}
