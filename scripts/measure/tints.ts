import { parseArgs } from 'node:util';
import { findWhiteCells, type FoundCell } from '@/core/localise';
import type { RgbaImage } from '@/core/rgba-image';
import { listClassFolders } from '../lib/class-folders';
import { decodeImageFile } from '@testkit/decode-file';
import { fail } from '../lib/fail';

/**
 * How often no white cell is found once an image's lighting is changed the ways other labs'
 * microscopes change it: per set (sampled evenly by file-name order) × lighting, the share of
 * images with no cell found, and for the untouched images where the first cell lies and how large
 * it is (single-cell crops should put it near the middle, at its own scale).
 *   npm run measure:tints [-- --per-set 180]
 */

/** `cell`: the first cell found in the untouched image, where there is one. */
type Tint = (img: RgbaImage, cell?: FoundCell) => RgbaImage;

/** Each pixel through `f(r, g, b, x, y)`; values are clipped to 0–255 as a camera would. */
function mapPixels(img: RgbaImage, f: (rgb: number[], x: number, y: number) => number[]): RgbaImage {
  const { width: w, height: h } = img;
  const data = new Uint8ClampedArray(img.data.length);
  for (let i = 0; i < w * h; i++) {
    const p = i * 4;
    const out = f([img.data[p], img.data[p + 1], img.data[p + 2]], i % w, Math.floor(i / w));
    data[p] = out[0];
    data[p + 1] = out[1];
    data[p + 2] = out[2];
    data[p + 3] = 255;
  }
  return { data, width: w, height: h };
}

const multiply =
  (gains: number[]): Tint =>
  (img) =>
    mapPixels(img, (c) => c.map((v, k) => v * gains[k]));

const TINTS: Record<string, Tint> = {
  none: (img) => img,
  'yellow lamp': multiply([1, 0.93, 0.68]),
  'pink lamp': multiply([1, 0.82, 0.9]),
  grey: multiply([0.72, 0.72, 0.72]),
  // A lamp too bright in the middle, warm and dimmer towards the corners: the centre clips white.
  'over-exposed yellow fall-off': (img) =>
    mapPixels(img, (c, x, y) => {
      const { width: w, height: h } = img;
      const r2 = ((x - w / 2) ** 2 + (y - h / 2) ** 2) / ((w / 2) ** 2 + (h / 2) ** 2);
      const v = 1 - 0.45 * r2;
      return [c[0] * 1.5 * v, c[1] * 1.4 * v, c[2] * v];
    }),
  // Stray warm light added on top of the image (a veil): lifts the dark stain more than the white.
  'additive veil': (img) => mapPixels(img, (c) => [0.9 * c[0] + 28, 0.9 * c[1] + 22, 0.9 * c[2] + 3]),
  // A crop cut near the corner of its field (as LISC's are), padded with black on the left and
  // top up to the edge of the cell's box, so that the padding touches the cell.
  'black padding': (img, cell) => {
    const left = cell ? cell.centreX - cell.diameter / 2 : img.width * 0.25;
    const top = cell ? cell.centreY - cell.diameter / 2 : img.height * 0.15;
    return mapPixels(img, (c, x, y) => (x < left || y < top ? [0, 0, 0] : c));
  },
};

interface SetResult {
  misses: Record<string, number>;
  images: number;
  offsets: number[];
  diameters: number[];
}

async function measureSet(dir: string, perSet: number, tints: string[]): Promise<SetResult> {
  const files = listClassFolders(dir);
  const count = Math.min(perSet, files.length);
  const result: SetResult = { misses: {}, images: 0, offsets: [], diameters: [] };
  for (const name of tints) result.misses[name] = 0;
  for (let k = 0; k < count; k++) {
    const image = await decodeImageFile(files[Math.floor((k * files.length) / count)].path);
    result.images++;
    const [cell] = findWhiteCells(image).cells;
    if (cell) {
      const side = Math.min(image.width, image.height);
      result.offsets.push(Math.hypot(cell.centreX - image.width / 2, cell.centreY - image.height / 2) / side);
      result.diameters.push(cell.diameter / side);
    }
    for (const name of tints) {
      const cells = name === 'none' ? [cell].filter(Boolean) : findWhiteCells(TINTS[name](image, cell)).cells;
      if (!cells.length) result.misses[name]++;
    }
  }
  return result;
}

function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sets: { type: 'string', default: '../shared/data/pbc,../shared/data/lisc/eval,../shared/data/blood-cells/TEST' },
      'per-set': { type: 'string', default: '180' },
      tints: { type: 'string', default: Object.keys(TINTS).join(',') },
    },
  });
  const perSet = Number(values['per-set']);
  if (!(perSet > 0)) fail('--per-set must be a positive number');
  const sets = values.sets!.split(',');
  const tints = values.tints!.split(',');
  const unknown = tints.filter((t) => !(t in TINTS));
  if (unknown.length) fail(`unknown lighting ${unknown.join(', ')}; known: ${Object.keys(TINTS).join(', ')}`);
  const results: [string, SetResult][] = [];
  for (const dir of sets) results.push([dir, await measureSet(dir, perSet, tints)]);

  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  const header = ['lighting', ...results.map(([dir, r]) => `${dir.split('/').slice(-2).join('/')} (n=${r.images})`)];
  const rows = tints.map((name) => [name, ...results.map(([, r]) => pct(r.misses[name] / r.images))]);
  console.log('Share of images with no white cell found:');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('\nFirst cell found, untouched images (offset from the middle and diameter, over the shorter side):');
  for (const [dir, r] of results) {
    const near = r.offsets.filter((o) => o <= 0.15).length / Math.max(1, r.offsets.length);
    console.log(
      `${dir}: offset median ${quantile(r.offsets, 0.5).toFixed(3)}, within 0.15 ${pct(near)}; ` +
        `diameter 10 % ${quantile(r.diameters, 0.1).toFixed(2)}, median ${quantile(r.diameters, 0.5).toFixed(2)}, ` +
        `90 % ${quantile(r.diameters, 0.9).toFixed(2)}`,
    );
  }
}

main().catch((err: unknown) => fail((err as Error).message));
