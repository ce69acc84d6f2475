import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openReady } from '@testkit/app-page';
import { csvRows } from '@testkit/csv-rows';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { CLASSES } from '@testkit/test-images';

const FIELDS = ['BloodImage_00007', 'BloodImage_00031', 'BloodImage_00065'].map(
  (id) => `../shared/data/bccd/JPEGImages/${id}.jpg`,
);
/** The key that sets a class, as on a manual cell counter: 1, 2, … in the model's class order. */
const keyOf = (cls: string) => String(CLASSES.indexOf(cls as (typeof CLASSES)[number]) + 1);
/** Classes that are not white cells (nucleated red cells): counted per 100 white cells, outside the differential. */
const PER_HUNDRED_WHITE_CELLS: readonly string[] = JSON.parse(
  readFileSync('src/core/model-spec.json', 'utf8'),
).perHundredWhiteCells;

/** The white cells among the case's cells, by their final classes on the page: what the differential counts. */
async function whiteCellsShown(page: Page): Promise<number> {
  const finals = await page
    .getByTestId('case-cell')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-final') ?? ''));
  return finals.filter((c) => c !== 'NOT_WBC' && !PER_HUNDRED_WHITE_CELLS.includes(c)).length;
}

test('three fields make one case: correct a cell by keyboard, tally, CSV, print view, and back after reload', async ({
  page,
}) => {
  await openReady(page, '#/case');
  await dropFiles(
    page,
    FIELDS.map((f) => fileFromDisk(f)),
  );
  await expect(page.getByTestId('case-image')).toHaveCount(3, { timeout: 150_000 });
  const cells = page.getByTestId('case-cell');
  const n = await cells.count();
  expect(n, 'white cells found in the three fields').toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('case-box')).toHaveCount(n);
  // Each cell's picture, made by the worker after the answer, reaches the case.
  await expect(cells.locator('img')).toHaveCount(n);
  // The model may read a cell as a nucleated red cell: counted beside the differential, not in it.
  await expect(page.getByTestId('tally-progress')).toContainText(`${await whiteCellsShown(page)} / 100 cells`);

  // Give the first cell another class with the keyboard: basophil, the class BCCD fields never hold.
  const first = cells.first();
  const before = (await first.getAttribute('data-final')) ?? '';
  const target = before === 'BASOPHIL' ? 'LYMPHOCYTE' : 'BASOPHIL';
  const count = (cls: string) => page.getByTestId(`tally-${cls}`).getByTestId('tally-count');
  const targetBefore = Number(await count(target).textContent());
  const oldBefore = Number(await count(before).textContent());
  await first.focus();
  await page.keyboard.press(keyOf(target));
  await expect(first).toHaveAttribute('data-final', target);
  await expect(first).toHaveAttribute('data-corrected', 'true');
  await expect(first.getByTestId('corrected-badge')).toBeVisible();
  await expect(count(target)).toHaveText(String(targetBefore + 1));
  await expect(count(before)).toHaveText(String(oldBefore - 1));

  // Set the last cell aside as "not a white cell": out of the count, listed apart.
  await page.keyboard.press('End');
  await page.keyboard.press('x');
  await expect(cells.last()).toHaveAttribute('data-final', 'NOT_WBC');
  const white = await whiteCellsShown(page);
  await expect(page.getByTestId('tally-progress')).toContainText(`${white} / 100 cells`);
  await expect(page.getByTestId('tally-excluded')).toContainText('white cell / unclassifiable): 1');

  // CSV: one row per cell, the corrected class in it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const [header, ...rows] = csvRows(readFileSync(await download.path(), 'utf8').trim());
  expect(rows).toHaveLength(n);
  const firstRow = rows[0];
  expect(firstRow[header.indexOf('image')]).toBe('BloodImage_00007.jpg');
  expect(firstRow[header.indexOf('predicted_class')]).toBe(before);
  expect(firstRow[header.indexOf('final_class')]).toBe(target);
  expect(firstRow[header.indexOf('corrected')]).toBe('yes');
  expect(rows.filter((r) => r[header.indexOf('corrected')] === 'yes')).toHaveLength(2);

  // The print view: the report alone, with the differential.
  await page.emulateMedia({ media: 'print' });
  const report = page.getByTestId('case-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('drop-zone')).toBeHidden();
  const table = page.getByTestId('report-differential');
  await expect(table).toContainText(`Differential of ${white} white cells`);
  await expect(
    table.getByRole('row', { name: new RegExp(`^${target.charAt(0)}${target.slice(1).toLowerCase()}`, 'i') }),
  ).toContainText(String(targetBefore + 1));
  await expect(report).toContainText('For education and research; not a diagnostic device');
  await expect(report.locator('img')).toHaveCount(n);
  await page.emulateMedia({ media: 'screen' });

  // Reload: the case comes back from IndexedDB with the decisions, and the new visit asks about it.
  await page.reload();
  await page.getByTestId('case-choice').getByRole('button', { name: 'Continue this case' }).click();
  await expect(page.getByTestId('case-choice')).toHaveCount(0);
  await expect(page.getByTestId('case-image')).toHaveCount(3);
  await expect(cells).toHaveCount(n);
  await expect(cells.first()).toHaveAttribute('data-final', target);
  await expect(cells.last()).toHaveAttribute('data-final', 'NOT_WBC');
  await expect(count(target)).toHaveText(String(targetBefore + 1));
  await expect(page.getByTestId('history-entry')).toHaveCount(1);

  // The review queue steps through the flagged cells only; a class key sets the class and moves on.
  const flagged = await page
    .locator('[data-testid="case-cell"][data-review="true"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  const queue = page.getByTestId('review-queue');
  if (flagged.length < 2) await expect(page.getByTestId('review-empty').or(queue)).toBeVisible();
  else {
    await expect(queue).toHaveAttribute('data-key', flagged[0] ?? '');
    await queue.focus();
    await page.keyboard.press('j');
    await expect(queue).toHaveAttribute('data-key', flagged[1] ?? '');
    await page.keyboard.press('ArrowLeft');
    await expect(queue).toHaveAttribute('data-key', flagged[0] ?? '');
    await page.keyboard.press(keyOf('MONOCYTE'));
    await expect(page.locator(`[data-testid="case-cell"][data-key="${flagged[0]}"]`)).toHaveAttribute(
      'data-final',
      'MONOCYTE',
    );
    await expect(queue).toHaveAttribute('data-key', flagged[1] ?? '');
  }

  // The same file again is not added silently: one line says so, and the case keeps its three images.
  await dropFiles(page, [fileFromDisk(FIELDS[0])]);
  const duplicate = page.getByTestId('duplicate-files');
  await expect(duplicate).toContainText('BloodImage_00007.jpg is already in this case: not added again.');
  await expect(duplicate.getByRole('button', { name: 'Add it anyway' })).toBeVisible();
  await duplicate.getByRole('button', { name: 'Dismiss' }).click();
  await expect(duplicate).toHaveCount(0);
  await expect(page.getByTestId('case-image')).toHaveCount(3);

  // A new case starts empty; the old one stays in the history until deleted.
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(page.getByTestId('case-image')).toHaveCount(0);
  await expect(page.getByTestId('tally-progress')).toContainText('0 / 100 cells');
  const entry = page.getByTestId('history-entry');
  await expect(entry).toHaveCount(1);
  await entry.getByRole('button', { name: /^Delete case/ }).click();
  await entry.getByRole('button', { name: /for good$/ }).click();
  await expect(entry).toHaveCount(0);
});
