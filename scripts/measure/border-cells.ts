import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findWhiteCells } from '@/core/localise';
import { boxIoU, type Box } from '@/core/rgba-image';
import { decodeImageFile } from '@testkit/decode-file';
import { fail } from '../lib/fail';
import { readVocBoxes } from '@testkit/voc';

/**
 * Cells cut by the image border in BCCD: how many its annotators boxed, and whether the share of
 * a found cell that is visible tells the boxed from the unboxed (it would, if a rule for leaving
 * them out were to match the annotation). npx tsx scripts/measure/border-cells.ts [--split test]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/bccd' },
      split: { type: 'string', default: 'trainval' },
    },
  });
  const list = join(values.data!, 'ImageSets', 'Main', `${values.split}.txt`);
  if (!existsSync(list)) fail(`no image list at ${list}: --data must be a BCCD (VOC) folder`);
  const ids = (await readFile(list, 'utf8')).split(/\s+/).filter(Boolean);
  let boxed = 0;
  let boxedAtBorder = 0;
  const visible: { boxed: number[]; unboxed: number[] } = { boxed: [], unboxed: [] };
  for (const id of ids) {
    const image = await decodeImageFile(join(values.data!, 'JPEGImages', `${id}.jpg`));
    const truth = await readVocBoxes(join(values.data!, 'Annotations', `${id}.xml`), 'WBC');
    boxed += truth.length;
    boxedAtBorder += truth.filter((t) => atBorder(t, image.width, image.height)).length;
    for (const cell of findWhiteCells(image).cells.filter((c) => c.touchesEdge)) {
      // Visible share: the box inside the image over the whole cell's square.
      const share = (cell.box.width * cell.box.height) / cell.diameter ** 2;
      const matched = truth.some((t) => boxIoU(t, cell.box) >= 0.5);
      (matched ? visible.boxed : visible.unboxed).push(share);
    }
  }
  const range = (v: number[]) => (v.length ? `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}` : 'none');
  console.log(`split ${values.split}: ${boxed} boxed white cells, ${boxedAtBorder} of them cut by the border`);
  console.log(`found cells cut by the border: ${visible.boxed.length + visible.unboxed.length}`);
  console.log(`  matching a box: ${visible.boxed.length}, visible share ${range(visible.boxed)}`);
  console.log(`  matching none:  ${visible.unboxed.length}, visible share ${range(visible.unboxed)}`);
}

/** Within 2 px of an edge: annotators' boxes stop a pixel or two short of it. */
function atBorder(b: Box, width: number, height: number): boolean {
  return b.x <= 2 || b.y <= 2 || b.x + b.width >= width - 2 || b.y + b.height >= height - 2;
}

main().catch((err: unknown) => fail((err as Error).message));
