import jpeg from 'jpeg-js';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { bccdMosaic } from '@testkit/bccd-mosaic';
import { readVocBoxes } from '@testkit/voc';
import { boxIoU } from '../src/core/rgba-image';
import { expect, test } from './support/fixtures';

const BCCD = '../shared/data/bccd';

test('a whole BCCD field gets a box around its white cell', async ({ page }) => {
  const id = 'BloodImage_00007';
  await openReady(page);
  await dropFiles(page, [fileFromDisk(`${BCCD}/JPEGImages/${id}.jpg`)]);
  await waitForAllFinished(page, 1);
  const c = card(page, `${id}.jpg`);
  await expect(c).toHaveAttribute('data-status', 'done');
  const boxes = await c.getByTestId('cell-box').evaluateAll((els) => els.map((e) => e.getAttribute('data-box') ?? ''));
  expect(boxes.length).toBeGreaterThan(0);
  const [truth] = await readVocBoxes(`${BCCD}/Annotations/${id}.xml`, 'WBC');
  const best = Math.max(
    ...boxes.map((b) => {
      const [x, y, width, height] = b.split(',').map(Number);
      return boxIoU({ x, y, width, height }, truth);
    }),
  );
  expect(best, `best IoU of ${boxes.join(' | ')} with the annotated WBC`).toBeGreaterThanOrEqual(0.5);
  await expect(c.locator('svg rect')).toHaveCount(boxes.length);
  await expect(c.getByTestId('card-note').filter({ hasText: 'Wide field' })).toHaveCount(0);
});

/** Four BCCD fields side by side as one 1280×960 JPEG: the slide seen through a lower objective. */
async function wideField(ids: readonly string[]) {
  const { image, truth } = await bccdMosaic(BCCD, [...ids], 2);
  return { buffer: Buffer.from(jpeg.encode({ ...image, data: Buffer.from(image.data.buffer) }, 92).data), truth };
}

// Cell finding that keeps a BCCD field's size rules finds none of these four cells.
test('a wide field of four BCCD fields gets a box around each of its white cells', async ({ page }) => {
  const { buffer, truth } = await wideField([
    'BloodImage_00033',
    'BloodImage_00041',
    'BloodImage_00057',
    'BloodImage_00058',
  ]);
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
  const found = truth.filter((t) => boxes.some((b) => boxIoU(b, t) >= 0.5));
  expect(found.length, `annotated white cells boxed at IoU ≥ 0.5 among ${boxes.length} boxes`).toBe(truth.length);
  await expect(c.getByTestId('card-note')).toContainText(/Wide field: its red cells look \d\.\d× smaller/);
});
