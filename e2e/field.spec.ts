import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { card, openReady, waitForAllFinished } from './support/app-page';
import { dropFiles, fileFromDisk } from './support/drop-files';
import { expect, test } from './support/fixtures';

const BCCD = '../shared/data/bccd';

/** The annotated white-cell boxes of a BCCD field, from its Pascal VOC XML. */
function wbcBoxes(id: string) {
  const xml = readFileSync(`${BCCD}/Annotations/${id}.xml`, 'utf8');
  const n = (obj: string, tag: string) => Number(new RegExp(`<${tag}>([\\d.]+)</${tag}>`).exec(obj)?.[1]);
  return [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)]
    .map((m) => m[1])
    .filter((o) => /<name>WBC<\/name>/.test(o))
    .map((o) => ({
      x: n(o, 'xmin'),
      y: n(o, 'ymin'),
      width: n(o, 'xmax') - n(o, 'xmin'),
      height: n(o, 'ymax') - n(o, 'ymin'),
    }));
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
  const [truth] = wbcBoxes(id);
  const best = Math.max(
    ...boxes.map((b) => {
      const [x, y, width, height] = b.split(',').map(Number);
      return iou({ x, y, width, height }, truth);
    }),
  );
  expect(best, `best IoU of ${boxes.join(' | ')} with the annotated WBC`).toBeGreaterThanOrEqual(0.5);
  await expect(c.locator('svg rect')).toHaveCount(boxes.length);
  await expect(c.getByTestId('card-note').filter({ hasText: 'Wide field' })).toHaveCount(0);
});

/** Four BCCD fields side by side as one 1280×960 JPEG: the slide seen through a lower objective. */
function wideField(ids: readonly string[]) {
  const data = Buffer.alloc(1280 * 960 * 4);
  const truth: { x: number; y: number; width: number; height: number }[] = [];
  for (const [k, id] of ids.entries()) {
    const field = jpeg.decode(readFileSync(`${BCCD}/JPEGImages/${id}.jpg`), { useTArray: true });
    const [ox, oy] = [(k % 2) * 640, Math.floor(k / 2) * 480];
    for (let y = 0; y < 480; y++)
      data.set(field.data.subarray(y * 640 * 4, (y + 1) * 640 * 4), ((oy + y) * 1280 + ox) * 4);
    truth.push(...wbcBoxes(id).map((b) => ({ ...b, x: b.x + ox, y: b.y + oy })));
  }
  return { buffer: Buffer.from(jpeg.encode({ data, width: 1280, height: 960 }, 92).data), truth };
}

// Cell finding that keeps a BCCD field's size rules finds none of these four cells.
test('a wide field of four BCCD fields gets a box around each of its white cells', async ({ page }) => {
  const { buffer, truth } = wideField(['BloodImage_00033', 'BloodImage_00041', 'BloodImage_00057', 'BloodImage_00058']);
  await openReady(page);
  await dropFiles(page, [{ name: 'wide-field.jpg', mimeType: 'image/jpeg', buffer }]);
  await waitForAllFinished(page, 1);
  const c = card(page, 'wide-field.jpg');
  await expect(c).toHaveAttribute('data-status', 'done');
  const boxes = (
    await c.getByTestId('cell-box').evaluateAll((els) => els.map((e) => e.getAttribute('data-box') ?? ''))
  ).map((b) => {
    const [x, y, width, height] = b.split(',').map(Number);
    return { x, y, width, height };
  });
  const found = truth.filter((t) => boxes.some((b) => iou(b, t) >= 0.5));
  expect(found.length, `annotated white cells boxed at IoU ≥ 0.5 among ${boxes.length} boxes`).toBe(truth.length);
  await expect(c.getByTestId('card-note')).toContainText(/Wide field: its red cells look \d\.\d× smaller/);
});
