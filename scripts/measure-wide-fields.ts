import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findWhiteCells } from '../src/core/localise';
import type { Box, RgbaImage } from '../src/core/rgba-image';
import { decodeImageFile } from './lib/decode-file';
import { matchDetections } from './lib/detection-metrics';
import { fail } from './lib/fail';
import { readVocBoxes } from './lib/voc';

/**
 * How cell finding copes with a field that shows more of the slide than a BCCD field: n × n BCCD
 * fields side by side make one image n times as wide at the same magnification, the way a lower
 * objective or a wider camera would see it. Prints recall and precision at IoU ≥ 0.5 per n.
 *
 * npx tsx scripts/measure-wide-fields.ts [--data ../shared/data/bccd] [--split test]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string', default: '../shared/data/bccd' }, split: { type: 'string', default: 'test' } },
  });
  const list = join(values.data!, 'ImageSets', 'Main', `${values.split}.txt`);
  if (!existsSync(list)) fail(`no image list at ${list}: --data must be a BCCD (VOC) folder`);
  const ids = (await readFile(list, 'utf8')).split(/\s+/).filter(Boolean);
  for (const n of [1, 2, 3]) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let start = 0; start + n * n <= ids.length; start += n * n) {
      const { image, truth } = await mosaic(values.data!, ids.slice(start, start + n * n), n);
      const m = matchDetections(
        findWhiteCells(image).cells.map((c) => c.box),
        truth,
      );
      tp += m.truePositives;
      fp += m.falsePositives;
      fn += m.falseNegatives;
    }
    console.log(
      `${n}×${n} fields (${640 * n}×${480 * n}): recall ${(tp / (tp + fn)).toFixed(3)}, precision ${(tp / Math.max(1, tp + fp)).toFixed(3)} (${tp + fn} boxed white cells)`,
    );
  }
}

/** n × n 640×480 fields tiled into one image, with their WBC boxes moved along. */
async function mosaic(data: string, ids: string[], n: number): Promise<{ image: RgbaImage; truth: Box[] }> {
  const [w, h] = [640, 480];
  const out = new Uint8ClampedArray(w * n * h * n * 4);
  const truth: Box[] = [];
  for (const [k, id] of ids.entries()) {
    const field = await decodeImageFile(join(data, 'JPEGImages', `${id}.jpg`));
    if (field.width !== w || field.height !== h) fail(`${id}: expected a ${w}×${h} field`);
    const [ox, oy] = [(k % n) * w, Math.floor(k / n) * h];
    for (let y = 0; y < h; y++) out.set(field.data.subarray(y * w * 4, (y + 1) * w * 4), ((oy + y) * w * n + ox) * 4);
    for (const b of await readVocBoxes(join(data, 'Annotations', `${id}.xml`), 'WBC')) {
      truth.push({ ...b, x: b.x + ox, y: b.y + oy });
    }
  }
  return { image: { data: out, width: w * n, height: h * n }, truth };
}

main().catch((err: unknown) => fail((err as Error).message));
