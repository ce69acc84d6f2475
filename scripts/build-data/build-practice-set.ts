import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import jpeg from 'jpeg-js';
import { findWhiteCells } from '@/core/localise';
import { CLASS_NAMES } from '@/core/class-names';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { Box, RgbaImage } from '@/core/rgba-image';
import { decodeImageFile } from '@testkit/decode-file';
import { fail } from '../lib/fail';

/**
 * npm run build:practice — writes public/practice/: the bundled practice set for students and the
 * atlas's examples. Exactly the PBC cells that training/splits/pbc.csv puts in its `practice`
 * partition, so none of them is trained, selected or reported on; in the split file's order,
 * never chosen by what the model gets right. PBC crops are 360 px, one cell centred in each, so
 * they keep their size; each is re-encoded as a JPEG of at most MAX_BYTES. The box is the white
 * cell the app's own localisation finds at the centre; an image where it finds none there is
 * left out (and named), and the build fails if that leaves a class under MIN_PER_CLASS.
 *
 * The set only grows: a student's progress is stored by item id, so an item already in
 * manifest.json keeps its id, file and box even when localisation has changed since, and a new
 * cell (a class added to the model, or a cell now found at the centre) takes the next free id of
 * its class.
 */
const DATA = '../shared/data';
const SPLIT = 'training/splits/pbc.csv';
const OUT = 'public/practice';
const MIN_PER_CLASS = 40;
const MAX_BYTES = 16 * 1024;
/**
 * PBC crops are centred on their labelled cell, so a box whose centre is further than this share
 * of the image's side from the image's centre has taken in a neighbouring cell or a platelet
 * clump: the outline would not show the cell the label is for, and the image is left out.
 */
const MAX_OFF_CENTRE = 0.1;

interface PracticeItem {
  id: string;
  file: string;
  label: CellClass;
  box: Box;
  width: number;
  height: number;
  source: string;
}

/** The split file's `practice` rows of the model's classes, in file order: `<CLASS>/<file>.jpg` relative to pbc/. */
function practiceFiles(): Map<CellClass, string[]> {
  const [header, ...rows] = readFileSync(SPLIT, 'utf8').trim().split('\n');
  if (header.trim() !== 'file,label,partition') fail(`${SPLIT}: unexpected header "${header}"`);
  const byClass = new Map<CellClass, string[]>(CELL_CLASSES.map((c) => [c, []]));
  for (const row of rows) {
    const [file, label, partition] = row.trim().split(',');
    if (partition !== 'practice') continue;
    // The split also holds platelets, which are not a class of the model: not practised.
    byClass.get(label as CellClass)?.push(file);
  }
  return byClass;
}

function encode(img: RgbaImage): Buffer {
  for (let quality = 85; quality >= 40; quality -= 5) {
    const out = jpeg.encode({ data: img.data, width: img.width, height: img.height }, quality).data;
    if (out.length <= MAX_BYTES) return out;
  }
  throw new Error(`could not fit an image in ${MAX_BYTES / 1024} KB`);
}

/** The found cell whose centre is nearest the image's centre, if it is near enough to be the labelled one. */
function centredCell(image: RgbaImage): Box | undefined {
  const off = (b: Box) => Math.hypot(b.x + b.width / 2 - image.width / 2, b.y + b.height / 2 - image.height / 2);
  const boxes = findWhiteCells(image).cells.map((c) => c.box);
  const nearest = boxes.sort((a, b) => off(a) - off(b))[0];
  return nearest && off(nearest) <= MAX_OFF_CENTRE * Math.min(image.width, image.height) ? nearest : undefined;
}

const whole = (b: Box): Box => ({
  x: Math.round(b.x),
  y: Math.round(b.y),
  width: Math.round(b.width),
  height: Math.round(b.height),
});

/** The items of the set as built before, by their source file: they are kept as they are. */
function builtItems(): Map<string, PracticeItem> {
  const manifest = join(OUT, 'manifest.json');
  if (!existsSync(manifest)) return new Map();
  const { items } = JSON.parse(readFileSync(manifest, 'utf8')) as { items: PracticeItem[] };
  return new Map(items.map((i) => [i.source, i]));
}

/** The highest number an id of this class has, so a new item takes the next one. */
function lastNumber(items: Iterable<PracticeItem>, label: CellClass): number {
  const prefix = `${label.toLowerCase()}-`;
  const numbers = [...items].filter((i) => i.id.startsWith(prefix)).map((i) => Number(i.id.slice(prefix.length)));
  return Math.max(0, ...numbers);
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'pbc'))) fail(`${DATA}/pbc not found`);
  if (!existsSync(SPLIT)) fail(`${SPLIT} not found`);
  mkdirSync(OUT, { recursive: true });
  const built = builtItems();
  const items: PracticeItem[] = [];
  const skipped: string[] = [];
  let added = 0;
  for (const [label, files] of practiceFiles()) {
    let n = lastNumber(built.values(), label);
    for (const file of files) {
      const source = `pbc/${label}/${basename(file)}`;
      const kept = built.get(source);
      if (kept && existsSync(join(OUT, kept.file))) {
        items.push(kept);
        continue;
      }
      const image = await decodeImageFile(join(DATA, 'pbc', file));
      const box = centredCell(image);
      if (!box) {
        skipped.push(basename(file));
        continue;
      }
      const id = `${label.toLowerCase()}-${String(++n).padStart(2, '0')}`;
      writeFileSync(join(OUT, `${id}.jpg`), encode(image));
      items.push({ id, file: `${id}.jpg`, label, box: whole(box), width: image.width, height: image.height, source });
      added++;
    }
    const count = items.filter((i) => i.label === label).length;
    if (count < MIN_PER_CLASS)
      fail(`${label}: only ${count} practice images with a cell found (need ${MIN_PER_CLASS})`);
  }
  // Items of the same class stay together, in id order, as students and the atlas have seen them.
  items.sort((a, b) => CELL_CLASSES.indexOf(a.label) - CELL_CLASSES.indexOf(b.label) || a.id.localeCompare(b.id));
  const listed = new Set(items.map((i) => i.file));
  for (const f of readdirSync(OUT)) if (f.endsWith('.jpg') && !listed.has(f)) rmSync(join(OUT, f));
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({ items }, null, 1) + '\n');
  writeFileSync(join(OUT, 'SOURCES.md'), sources(items, skipped));
  const counts = CELL_CLASSES.map((c) => `${c} ${items.filter((i) => i.label === c).length}`).join(', ');
  console.log(`${items.length} practice items (${counts}) in ${OUT}, ${added} of them new`);
  if (skipped.length > 0) console.log(`left out, no cell found at the centre: ${skipped.join(', ')}`);
}

function sources(items: readonly PracticeItem[], skipped: readonly string[]): string {
  const perClass = CELL_CLASSES.map(
    (c) => `${CLASS_NAMES[c].label.toLowerCase()} ${items.filter((i) => i.label === c).length}`,
  );
  return `# Practice set: origin and licence

Built by \`npm run build:practice\` (scripts/build-data/build-practice-set.ts): ${items.length} images
(${perClass.join(', ')}), each a different cell, from one source:

- **PBC dataset** — A. Acevedo, A. Merino, S. Alférez, Á. Molina, L. Boldú, J. Rodellar,
  "A dataset of microscopic peripheral blood cell images for development of automatic recognition
  systems", *Data in Brief* 30 (2020) 105474, https://doi.org/10.1016/j.dib.2020.105474.
  Hospital Clinic of Barcelona, CellaVision DM96, May–Grünwald Giemsa stain. Licence: CC BY 4.0
  (https://creativecommons.org/licenses/by/4.0/). Changes made here: re-encoded as JPEG of at
  most ${MAX_BYTES / 1024} KB; nothing else.

The images are the rows of \`training/splits/pbc.csv\` whose partition is \`practice\`: cells
that the model is never trained, selected or reported on.${
    skipped.length > 0
      ? `\n\nLeft out, because the app's localisation found no cell at their centre (its box took in a
neighbouring cell or platelets, so an outline would not show the labelled cell):
${skipped.join(', ')}.`
      : ''
  }

\`manifest.json\` lists every item: \`id\`, \`file\`, \`label\` (true class), \`box\` (the white
cell at the image's centre as found by the app's own localisation, \`src/core/localise.ts\`),
\`width\`, \`height\` and \`source\` (the original file under \`pbc/\`). The set only grows:
progress is stored by item id, so a rebuild keeps every item already listed (its id, file and
box) and gives a new cell the next free id of its class. Immature granulocytes carry their stage
in \`source\`: \`PMY_\` promyelocyte, \`MY_\` myelocyte, \`MMY_\` metamyelocyte, \`IG_\` unstaged.
`;
}

main().catch((err: unknown) => fail((err as Error).message));
