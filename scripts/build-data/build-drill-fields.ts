import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { Box } from '@/core/rgba-image';
import { fail } from '../lib/fail';
import { cutAround } from '../lib/field-cut';

/**
 * npm run build:drill-fields — writes public/drill-fields/: views of BCCD smear fields for the
 * count drill, each with its labelled white cells. A field is taken only when its label in
 * bccd/labels.csv names as many cells as its annotation has WBC boxes and all of one class, so
 * every box's class is certain. Per class, the first fields by image number up to PER_CLASS (never
 * chosen by how they look). What ships is a cut of the field around its white cells with the red
 * cells about them (CONTEXT), re-encoded: the drill needs a piece of slide to look across, not
 * the dataset's own files.
 */
const BCCD = '../shared/data/bccd';
/** Slide kept on each side of the white cells, as a share of the largest cell's longer side. */
const CONTEXT = 0.6;
/** A cut is never narrower or shorter than this, so a lone small cell still sits among red cells. */
const MIN_SIDE = 240;
const JPEG_QUALITY = 85;
const OUT = 'public/drill-fields';
/**
 * Enough fields that, with the practice set's PBC cells (about 44 a class), a 200-cell drill keeps
 * a normal slide's mix: about 110 neutrophils and 60 lymphocytes. Monocytes, eosinophils and
 * basophils are few on a slide, and PBC has plenty of them.
 */
const PER_CLASS: Partial<Record<CellClass, number>> = {
  NEUTROPHIL: 64,
  LYMPHOCYTE: 20,
  EOSINOPHIL: 10,
  MONOCYTE: 6,
  BASOPHIL: 2,
};

interface DrillField {
  id: string;
  file: string;
  width: number;
  height: number;
  cells: { label: CellClass; box: Box }[];
  source: string;
}

function tag(xml: string, name: string): number {
  const m = new RegExp(`<${name}>\\s*([\\d.]+)\\s*</${name}>`).exec(xml);
  if (!m) throw new Error(`no <${name}>`);
  return Math.round(Number(m[1]));
}

/** The WBC boxes of a Pascal VOC annotation, in file order. */
function whiteCellBoxes(xml: string): Box[] {
  return [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)]
    .map((m) => m[1])
    .filter((o) => /<name>\s*WBC\s*<\/name>/.test(o))
    .map((o) => {
      const [x0, y0, x1, y1] = ['xmin', 'ymin', 'xmax', 'ymax'].map((t) => tag(o, t));
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    });
}

async function main(): Promise<void> {
  if (!existsSync(join(BCCD, 'labels.csv'))) fail(`${BCCD}/labels.csv not found`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const [, ...rows] = readFileSync(join(BCCD, 'labels.csv'), 'utf8').trim().split('\n');
  const taken = new Map<CellClass, number>(CELL_CLASSES.map((c) => [c, 0]));
  const fields: DrillField[] = [];
  for (const row of rows) {
    const m = /^[^,]*,(\d+),"?([^"]*)"?\s*$/.exec(row.trim());
    if (!m) continue;
    const index = Number(m[1]);
    const labels = m[2]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const name = `BloodImage_${String(index).padStart(5, '0')}`;
    const annotation = join(BCCD, 'Annotations', `${name}.xml`);
    const image = join(BCCD, 'JPEGImages', `${name}.jpg`);
    if (labels.length === 0 || !existsSync(annotation) || !existsSync(image)) continue;
    const label = labels[0] as CellClass;
    if (!CELL_CLASSES.includes(label) || labels.some((l) => l !== label)) continue;
    if ((taken.get(label) ?? 0) >= (PER_CLASS[label] ?? 0)) continue;
    const xml = readFileSync(annotation, 'utf8');
    const boxes = whiteCellBoxes(xml);
    if (boxes.length !== labels.length) continue;
    taken.set(label, taken.get(label)! + 1);
    const id = `bccd-${String(index).padStart(5, '0')}`;
    const cut = cutAround(boxes, tag(xml, 'width'), tag(xml, 'height'), { context: CONTEXT, minSide: MIN_SIDE });
    await sharp(image)
      .extract({ left: cut.x, top: cut.y, width: cut.width, height: cut.height })
      .jpeg({ quality: JPEG_QUALITY })
      .toFile(join(OUT, `${id}.jpg`));
    fields.push({
      id,
      file: `${id}.jpg`,
      width: cut.width,
      height: cut.height,
      cells: boxes.map((box) => ({ label, box: { ...box, x: box.x - cut.x, y: box.y - cut.y } })),
      source: `bccd/JPEGImages/${name}.jpg`,
    });
  }
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({ fields }, null, 1) + '\n');
  writeFileSync(join(OUT, 'SOURCES.md'), sources(fields));
  const cells = fields.reduce((n, f) => n + f.cells.length, 0);
  console.log(`${fields.length} fields, ${cells} white cells in ${OUT}`);
}

function sources(fields: readonly DrillField[]): string {
  const perClass = CELL_CLASSES.map(
    (c) => `${c.toLowerCase()} ${fields.filter((f) => f.cells[0].label === c).length}`,
  ).join(', ');
  return `# Count-drill fields: origin and licence

Built by \`npm run build:drill-fields\` (scripts/build-data/build-drill-fields.ts): ${fields.length} pieces
of 640×480 smear fields (by their cells' class: ${perClass}) from
\`../shared/data/bccd/JPEGImages\`: each is the part of its field around the white cells, with
the red cells about them, re-encoded as JPEG (quality ${JPEG_QUALITY}). The white cells' boxes are
BCCD's own annotations (\`Annotations/\`, the WBC objects), moved into the cut, and their classes are
\`labels.csv\`; a field is used only when its label names as many cells as it has WBC boxes, all
of one class, and per class the first fields by image number are taken.

These are the source cells of blood-cells/, which the model was trained on: the drill uses them
to train the student's eye, never to claim anything about the model.

**BCCD Dataset**, GitHub \`Shenggan/BCCD_Dataset\`, © 2017 shenggan, MIT licence
(https://github.com/Shenggan/BCCD_Dataset/blob/master/LICENSE).

Fields: ${fields.map((f) => f.source.replace('bccd/JPEGImages/', '')).join(', ')}.
`;
}

main().catch((err: unknown) => fail((err as Error).message));
