import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { findWhiteCells } from '../src/core/localise';
import { CELL_CLASSES, type CellClass } from '../src/core/model-spec';
import { resampleRegion } from '../src/core/resample';
import type { Box, RgbaImage } from '../src/core/rgba-image';
import { decodeImageFile } from './lib/decode-file';
import { fail } from './lib/fail';
import { readVocBoxes } from './lib/voc';

/**
 * npm run build:practice — writes public/practice/: the bundled practice set for students.
 * 32 items per class, chosen by position in sorted file lists (never by what the model gets
 * right): 20 from blood-cells/TEST (box from the app's localisation) and up to 12 BCCD fields
 * with a single white cell of a known type (box from the VOC annotation), topped up from TEST
 * where BCCD has too few. Each JPEG is re-encoded to at most 40 KB.
 */
const DATA = '../shared/data';
const OUT = 'public/practice';
const PER_CLASS = 32;
const FROM_BCCD = 12;
const MAX_BYTES = 40 * 1024;

interface PracticeItem {
  id: string;
  file: string;
  label: CellClass;
  box: Box;
  width: number;
  height: number;
  source: string;
}

function evenly<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

function encode(img: RgbaImage): Buffer {
  for (let quality = 88; quality >= 40; quality -= 6) {
    const out = jpeg.encode({ data: img.data, width: img.width, height: img.height }, quality).data;
    if (out.length <= MAX_BYTES) return out;
  }
  throw new Error('could not fit an image in 40 KB');
}

function shrink(img: RgbaImage, box: Box, maxSide: number): { img: RgbaImage; box: Box } {
  const s = Math.min(1, maxSide / Math.max(img.width, img.height));
  const width = Math.round(img.width * s);
  const height = Math.round(img.height * s);
  const data = resampleRegion(img, { x: 0, y: 0, width: img.width, height: img.height }, width, height);
  const r = (v: number) => Math.round(v * s);
  return {
    img: { data, width, height },
    box: { x: r(box.x), y: r(box.y), width: r(box.width), height: r(box.height) },
  };
}

function singleCellFields(): Map<CellClass, string[]> {
  const rows = readFileSync(join(DATA, 'bccd', 'labels.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const byClass = new Map<CellClass, string[]>(CELL_CLASSES.map((c) => [c, []]));
  for (const row of rows) {
    const m = /^,(\d+),"?([A-Z, ]*)"?$/.exec(row.trim());
    const label = m?.[2].trim() as CellClass;
    if (!m || !byClass.has(label)) continue;
    byClass.get(label)!.push(`BloodImage_${m[1].padStart(5, '0')}`);
  }
  return byClass;
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) fail(`${DATA} not found`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const items: PracticeItem[] = [];
  const fields = singleCellFields();
  for (const label of CELL_CLASSES) {
    const chosen: { path: string; box?: Box; source: string }[] = [];
    for (const id of fields.get(label)!) {
      if (chosen.length >= FROM_BCCD) break;
      const xml = join(DATA, 'bccd', 'Annotations', `${id}.xml`);
      if (!existsSync(xml)) continue;
      const boxes = await readVocBoxes(xml, 'WBC');
      if (boxes.length === 1)
        chosen.push({
          path: join(DATA, 'bccd', 'JPEGImages', `${id}.jpg`),
          box: boxes[0],
          source: `bccd/JPEGImages/${id}.jpg`,
        });
    }
    const testDir = join(DATA, 'blood-cells', 'TEST', label);
    const testFiles = readdirSync(testDir).sort();
    // A few spares: an image where no cell is found is skipped, not forced in.
    for (const f of evenly(testFiles, PER_CLASS - chosen.length + 4)) {
      chosen.push({ path: join(testDir, f), source: `blood-cells/TEST/${label}/${f}` });
    }
    let n = 0;
    for (const c of chosen) {
      if (n === PER_CLASS) break;
      const image = await decodeImageFile(c.path);
      const box = c.box ?? findWhiteCells(image).cells[0]?.box;
      if (!box) continue;
      const small = shrink(image, box, 400);
      const id = `${label.toLowerCase()}-${String(++n).padStart(2, '0')}`;
      writeFileSync(join(OUT, `${id}.jpg`), encode(small.img));
      items.push({
        id,
        file: `${id}.jpg`,
        label,
        box: small.box,
        width: small.img.width,
        height: small.img.height,
        source: c.source,
      });
    }
  }
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({ items }, null, 1) + '\n');
  const counts = CELL_CLASSES.map((c) => `${c} ${items.filter((i) => i.label === c).length}`).join(', ');
  console.log(`${items.length} practice items (${counts}) in ${OUT}`);
}

main().catch((err: unknown) => fail((err as Error).message));
