import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import jpeg from 'jpeg-js';
import { findWhiteCells } from '@/core/localise';
import type { Box, RgbaImage } from '@/core/rgba-image';
import { seededRandom } from '@/core/seeded-random';
import { decodeImageFile } from '@testkit/decode-file';
import { readVocBoxes } from '@testkit/voc';
import { listClassFolders } from '../lib/class-folders';
import { evaluateDetection } from '../lib/detection-eval';
import { matchDetections } from '../lib/detection-metrics';
import { fail } from '../lib/fail';
import { readSplitPartition } from '../lib/split-partition';
import { composeTouchingPair, mirrorPad, type SourceCell, type TouchingPair } from '../lib/touching-pairs';

/**
 * Touching white cells: whether the cell finder gives each of two touching cells its own box,
 * without splitting single cells or losing any.
 *
 * Pairs are composed from real cells of two labs, seeded: a BCCD field with one boxed white cell
 * gets a second BCCD cell pasted so that the two touch or overlap slightly; a PBC cell's image,
 * widened by mirroring its own edge, gets a second PBC cell the same way. A pair counts as split
 * when two found boxes each match one cell at IoU ≥ 0.5 (BCCD: the annotators' box; PBC: the box
 * the finder draws round that cell alone). Then BCCD detection (as evaluate:detect), single PBC
 * and LISC cells split in two or not found at all, and the finder's ms per BCCD field.
 *   npm run measure:touching [-- --pairs 100 --seed 7 --bccd-split test --pbc-partition test]
 * `--fixture <dir>` also writes the first BCCD pair as a JPEG and its boxes (a unit test's input).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bccd: { type: 'string', default: '../shared/data/bccd' },
      pbc: { type: 'string', default: '../shared/data/pbc' },
      lisc: { type: 'string', default: '../shared/data/lisc' },
      'bccd-split': { type: 'string', default: 'test' },
      'pbc-partition': { type: 'string', default: 'test' },
      pairs: { type: 'string', default: '100' },
      seed: { type: 'string', default: '7' },
      fixture: { type: 'string' },
    },
  });
  const pairs = Number(values.pairs);
  const random = seededRandom(Number(values.seed));

  const bccdCells = await bccdSourceCells(values.bccd!, values['bccd-split']!);
  const pbcFiles = listClassFolders(values.pbc!).filter((f) =>
    readSplitPartition('training/splits/pbc.csv', values['pbc-partition']!).has(relativeClassPath(f.path)),
  );
  const pbcSingles = await readSingles(
    pbcFiles.map((f) => f.path),
    SOURCE_EVERY,
  );
  const liscSingles = await readSingles(
    ['eval', 'adapt'].flatMap((d) => listClassFolders(join(values.lisc!, d)).map((f) => f.path)),
    0,
  );
  const pbcCells = pbcSingles.cells.map((c) => padded(c));

  const bccdPairs = composePairs(bccdCells, pairs, random);
  const pbcPairs = composePairs(pbcCells, pairs, random);
  if (values.fixture) writeFixture(values.fixture, bccdPairs[0]);

  let splitTotal = 0;
  for (const [lab, composed] of [
    ['BCCD', bccdPairs],
    ['PBC', pbcPairs],
  ] as const) {
    const outcome = scorePairs(composed);
    splitTotal += outcome.split;
    console.log(
      `${lab.padEnd(5)} split ${outcome.split} of ${composed.length} (one box for both ${outcome.joined}, ` +
        `a cell missed ${outcome.missed}, other ${composed.length - outcome.split - outcome.joined - outcome.missed})`,
    );
  }
  const all = bccdPairs.length + pbcPairs.length;
  console.log(`split ${splitTotal} of ${all} (${((100 * splitTotal) / all).toFixed(1)} %)`);

  const detection = await evaluateDetection(values.bccd!, 'test');
  console.log(
    `BCCD test detection: recall ${detection.recall.toFixed(3)}, precision ${detection.precisionInsideField.toFixed(3)} ` +
      `(leaving out ${detection.unboxedEdgeCells} unboxed cells cut by the border; all detections ${detection.precision.toFixed(3)})`,
  );
  for (const [lab, singles] of [
    [`PBC ${values['pbc-partition']}`, pbcSingles],
    ['LISC eval + adapt', liscSingles],
  ] as const) {
    console.log(
      `${lab}: ${singles.total} single cells, no cell found ${singles.none}, split in two ${singles.split.length}` +
        (singles.split.length ? ` (${singles.split.slice(0, 5).join(', ')})` : ''),
    );
  }
  console.log(`cell finding      ${(await msPerField(values.bccd!)).toFixed(1)} ms per BCCD test field (decoded)`);
}

/** BCCD fields of the split with exactly one boxed white cell, clear of the border. */
async function bccdSourceCells(data: string, split: string): Promise<SourceCell[]> {
  const ids = (await readFile(join(data, 'ImageSets', 'Main', `${split}.txt`), 'utf8')).split(/\s+/).filter(Boolean);
  const cells: SourceCell[] = [];
  for (const id of ids) {
    const boxes = await readVocBoxes(join(data, 'Annotations', `${id}.xml`), 'WBC');
    if (boxes.length !== 1) continue;
    const image = await decodeImageFile(join(data, 'JPEGImages', `${id}.jpg`));
    const [b] = boxes;
    if (b.x < 2 || b.y < 2 || b.x + b.width > image.width - 2 || b.y + b.height > image.height - 2) continue;
    cells.push({ name: id, image, box: b });
  }
  return cells;
}

interface Singles {
  total: number;
  none: number;
  /** Images whose one centred cell came out as two or more boxes. */
  split: string[];
  /** The centred cell of each image where one was found, boxed as the finder boxes it alone. */
  cells: SourceCell[];
}

/** Every this-many-th PBC image (by class, then file name) is kept as a cell to pair: all classes, little memory. */
const SOURCE_EVERY = 6;

/**
 * Finds the cells of single-cell images (one cell in the middle): none found, split in two, and
 * the cell itself of every `keepEvery`-th image (none when 0).
 */
async function readSingles(paths: string[], keepEvery: number): Promise<Singles> {
  const singles: Singles = { total: paths.length, none: 0, split: [], cells: [] };
  for (const [index, path] of paths.entries()) {
    const image = await decodeImageFile(path);
    const { cells } = findWhiteCells(image);
    if (cells.length === 0) {
      singles.none++;
      continue;
    }
    // The middle cell's pieces have their centres in the middle half; a neighbour cut by the
    // frame has its centre near the edge.
    const central = cells.filter(
      (c) => Math.abs(c.centreX / image.width - 0.5) < 0.25 && Math.abs(c.centreY / image.height - 0.5) < 0.25,
    );
    if (central.length > 1) singles.split.push(path.split('/').slice(-2).join('/'));
    if (keepEvery && index % keepEvery === 0 && central.length === 1 && !central[0].touchesEdge) {
      singles.cells.push({ name: path.split('/').slice(-2).join('/'), image, box: central[0].box });
    }
  }
  return singles;
}

/** A PBC cell's image widened by mirroring its edge, as far as the cell's box allows (≤ 640 px). */
function padded(cell: SourceCell): SourceCell {
  const { box, image } = cell;
  const gap = Math.min(box.x, box.y, image.width - box.x - box.width, image.height - box.y - box.height);
  const margin = Math.max(0, Math.min(Math.floor(gap - 0.15 * Math.max(box.width, box.height)), 140));
  return { name: cell.name, image: mirrorPad(image, margin), box: { ...box, x: box.x + margin, y: box.y + margin } };
}

/** `count` pairs of two different cells drawn with `random`, skipping draws that do not fit. */
function composePairs(cells: SourceCell[], count: number, random: () => number): TouchingPair[] {
  if (cells.length < 2) fail('fewer than two source cells to pair');
  const out: TouchingPair[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const a = cells[Math.floor(random() * cells.length)];
    const b = cells[Math.floor(random() * cells.length)];
    if (a === b) continue;
    const pair = composeTouchingPair(a, b, random);
    if (pair) out.push(pair);
  }
  return out;
}

function scorePairs(composed: TouchingPair[]): { split: number; joined: number; missed: number } {
  let split = 0;
  let joined = 0;
  let missed = 0;
  for (const pair of composed) {
    const boxes = findWhiteCells(pair.image).cells.map((c) => c.box);
    const matched = matchDetections(boxes, pair.boxes).truePositives;
    if (matched === 2) split++;
    else if (boxes.some((b) => covers(b, pair.boxes[0]) && covers(b, pair.boxes[1]))) joined++;
    else if (matched === 1) missed++;
  }
  return { split, joined, missed };
}

/** True when `outer` holds the centre of `cell`. */
function covers(outer: Box, cell: Box): boolean {
  const cx = cell.x + cell.width / 2;
  const cy = cell.y + cell.height / 2;
  return cx > outer.x && cx < outer.x + outer.width && cy > outer.y && cy < outer.y + outer.height;
}

/** The cell finder's own time on BCCD's test fields, decoding left out: the median of three passes. */
async function msPerField(data: string): Promise<number> {
  const ids = (await readFile(join(data, 'ImageSets', 'Main', 'test.txt'), 'utf8')).split(/\s+/).filter(Boolean);
  const images: RgbaImage[] = [];
  for (const id of ids) images.push(await decodeImageFile(join(data, 'JPEGImages', `${id}.jpg`)));
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (const image of images) findWhiteCells(image);
    passes.push((performance.now() - started) / images.length);
  }
  return passes.sort((x, y) => x - y)[1];
}

function relativeClassPath(path: string): string {
  return path.split('/').slice(-2).join('/');
}

/** Writes `pair` halved (2 × 2 box filter, JPEG q90, as fixtures/fields) with its boxes halved to match. */
function writeFixture(dir: string, pair: TouchingPair): void {
  mkdirSync(dir, { recursive: true });
  const { image } = pair;
  const w = Math.floor(image.width / 2);
  const h = Math.floor(image.height / 2);
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (dx: number, dy: number) => image.data[((2 * y + dy) * image.width + 2 * x + dx) * 4 + c];
        data[(y * w + x) * 4 + c] = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4;
      }
    }
  }
  writeFileSync(join(dir, 'pair.jpg'), jpeg.encode({ data, width: w, height: h }, 90).data);
  const half = (b: Box) => ({
    x: Math.round(b.x) / 2,
    y: Math.round(b.y) / 2,
    width: Math.round(b.width) / 2,
    height: Math.round(b.height) / 2,
  });
  writeFileSync(
    join(dir, 'pair.json'),
    JSON.stringify({ sources: pair.names, boxes: pair.boxes.map(half) }, null, 2) + '\n',
  );
}

main().catch((err: unknown) => fail((err as Error).message));
