import { readFileSync } from 'node:fs';
import { card, openReady, waitForAllFinished } from './support/app-page';
import { dropFiles, fileFromDisk } from './support/drop-files';
import { expect, test } from './support/fixtures';

const BCCD = '../shared/data/bccd';

/** The annotated white-cell box of a BCCD field, from its Pascal VOC XML. */
function wbcBox(id: string) {
  const xml = readFileSync(`${BCCD}/Annotations/${id}.xml`, 'utf8');
  const obj = [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)]
    .map((m) => m[1])
    .find((o) => /<name>WBC<\/name>/.test(o));
  if (!obj) throw new Error(`${id} has no WBC annotation`);
  const n = (tag: string) => Number(new RegExp(`<${tag}>([\\d.]+)</${tag}>`).exec(obj)?.[1]);
  return { x: n('xmin'), y: n('ymin'), width: n('xmax') - n('xmin'), height: n('ymax') - n('ymin') };
}

function iou(a: { x: number; y: number; width: number; height: number }, b: typeof a): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (ix * iy) / (a.width * a.height + b.width * b.height - ix * iy);
}

test('a whole BCCD field gets a box around its white cell', async ({ page }) => {
  const id = 'BloodImage_00007';
  await openReady(page);
  await dropFiles(page, [fileFromDisk(`${BCCD}/JPEGImages/${id}.jpg`)]);
  await waitForAllFinished(page, 1);
  const c = card(page, `${id}.jpg`);
  await expect(c).toHaveAttribute('data-status', 'done');
  const boxes = await c.getByTestId('cell-box').evaluateAll((els) => els.map((e) => e.getAttribute('data-box') ?? ''));
  expect(boxes.length).toBeGreaterThan(0);
  const truth = wbcBox(id);
  const best = Math.max(
    ...boxes.map((b) => {
      const [x, y, width, height] = b.split(',').map(Number);
      return iou({ x, y, width, height }, truth);
    }),
  );
  expect(best, `best IoU of ${boxes.join(' | ')} with the annotated WBC`).toBeGreaterThanOrEqual(0.5);
  await expect(c.locator('svg rect')).toHaveCount(boxes.length);
});
