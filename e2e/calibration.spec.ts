import { existsSync, readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openReady } from '@testkit/app-page';
import { csvRows } from '@testkit/csv-rows';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { CLASSES } from '@testkit/test-images';
import { expect, test } from './support/fixtures';

/**
 * A lab the model never trained on: LISC eval cells (one cell each), taken a class at a time in
 * turn, each class's by name (LISC holds the five normal classes), so that any number of them is a mix of them.
 */
const LISC = '../shared/data/lisc/eval';
const byClass = CLASSES.filter((cls) => existsSync(`${LISC}/${cls}`)).map((cls) =>
  readdirSync(`${LISC}/${cls}`)
    .sort()
    .map((f) => `${LISC}/${cls}/${f}`),
);
const IN_TURN = Array.from({ length: Math.max(...byClass.map((c) => c.length)) }, (_, i) =>
  byClass.flatMap((c) => c[i] ?? []),
).flat();

/** How many cells the calibration status says changed class. */
const changedIn = (status: string) => Number(/(\d+) cells? changed class/.exec(status)?.[1]);

/** axe finds nothing in the calibration part of the header, as it is now. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="case-calibration"]').analyze();
  expect(
    violations.map((v) => v.id),
    `axe violations, calibration ${state}`,
  ).toEqual([]);
}

/** The case's cells exported as CSV: its header and rows. */
async function exportedCsv(page: Page): Promise<{ col: (name: string) => number; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV', exact: true }).click(),
  ]);
  const [header, ...rows] = csvRows(readFileSync(await download.path(), 'utf8').trim());
  return { col: (name) => header.indexOf(name), rows };
}

test('a case of an unseen lab is calibrated to its own cells, stays calibrated after a reload, and is undone', async ({
  page,
}) => {
  test.setTimeout(400_000);
  // On WASM, the backend the calibration's speed is measured on: without a GPU, SwiftShader's
  // WebGL compiles a shader program for each step's statistics, far slower.
  await openReady(page, '?backend=wasm#/case');
  const calibration = page.getByTestId('case-calibration');
  const button = page.getByTestId('calibrate-case');

  // Three cells: too few to calibrate on, and the page says why.
  await dropFiles(
    page,
    IN_TURN.slice(0, 3).map((f) => fileFromDisk(f)),
  );
  await expect(page.getByTestId('case-image')).toHaveCount(3, { timeout: 150_000 });
  await expect(button).toBeDisabled();
  const whyNot = page.getByTestId('calibration-why-not');
  await expect(whyNot).toContainText('Calibrating needs at least');
  await expectAccessible(page, 'refused');

  // Just enough cells (the model's measured minimum); one more is added once it is calibrated.
  const least = Number(/at least (\d+) cells/.exec((await whyNot.textContent()) ?? '')?.[1]);
  const cellFiles = IN_TURN.slice(0, least);
  const later = IN_TURN[least];
  await dropFiles(
    page,
    cellFiles.slice(3).map((f) => fileFromDisk(f)),
  );
  await expect(page.getByTestId('case-image')).toHaveCount(cellFiles.length, { timeout: 300_000 });
  const cells = page.getByTestId('case-cell');
  const n = await cells.count();
  await expect(calibration).toHaveAttribute('data-calibrated', 'false');
  await expect(page.getByTestId('calibration-status')).toContainText('not calibrated to this case');
  // Before it is calibrated, the page says what a case should hold: one lab's images.
  await expect(page.getByTestId('calibration-one-lab')).toContainText('mixes labs');
  const shipped = await exportedCsv(page);
  expect(shipped.rows.every((r) => r[shipped.col('calibrated')] === 'no')).toBe(true);

  await button.click();
  await expect(calibration).toHaveAttribute('data-calibrated', 'true', { timeout: 120_000 });
  const status = page.getByTestId('calibration-status');
  await expect(status).toContainText(`Calibrated to this case on ${n} cells`);
  await expect(page.getByTestId('calibration-one-lab')).toHaveCount(0);
  const changed = changedIn((await status.textContent()) ?? '');
  await expectAccessible(page, 'done');

  // The views read the calibrated reading: the export's rows are each calibrated, and as many
  // differ from the shipped model's class as the header says.
  const read = await exportedCsv(page);
  expect(read.rows).toHaveLength(n);
  expect(read.rows.every((r) => r[read.col('calibrated')] === 'yes')).toBe(true);
  expect(read.rows.filter((r) => r[read.col('predicted_class')] !== r[read.col('shipped_class')])).toHaveLength(
    changed,
  );
  expect(read.rows[0][read.col('calibration')]).toMatch(new RegExp(`^calibrated to this case on ${n} cells \\(model `));
  const galleryClasses = async () =>
    (await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-predicted')))).sort();
  expect(await galleryClasses()).toEqual(read.rows.map((r) => r[read.col('predicted_class')]).sort());

  // An image added to the calibrated case is read with the case's statistics too.
  await dropFiles(page, [fileFromDisk(later)]);
  await expect(page.getByTestId('case-image')).toHaveCount(cellFiles.length + 1, { timeout: 150_000 });
  const all = await cells.count();
  await expect(calibration).toHaveAttribute('data-cells-read', String(all));
  const calibratedClasses = await galleryClasses();
  const changedNow = changedIn((await status.textContent()) ?? '');
  const withLater = await exportedCsv(page);
  expect(withLater.rows.every((r) => r[withLater.col('calibrated')] === 'yes')).toBe(true);

  // A reload reads the stored calibration back: no worker call is needed to show it.
  await page.reload();
  await page.getByTestId('case-choice').getByRole('button', { name: 'Continue this case' }).click();
  await expect(page.getByTestId('case-image')).toHaveCount(cellFiles.length + 1);
  await expect(calibration).toHaveAttribute('data-calibrated', 'true');
  await expect(calibration).toHaveAttribute('data-cells-read', String(all));
  await expect(status).toContainText(`Calibrated to this case on ${n} cells`);
  await expect(status).toContainText(`${changedNow} cell${changedNow === 1 ? '' : 's'} changed class`);
  expect(await galleryClasses()).toEqual(calibratedClasses);

  // The printed report and the JSON name the calibration.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-calibration')).toContainText(`calibrated to this case on ${n} cells`);
  await page.emulateMedia({ media: 'screen' });
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    calibration: { calibrated: boolean; cells?: number; modelVersion?: string };
    modelVersions: string[];
  };
  expect(exported.calibration).toMatchObject({ calibrated: true, cells: n, modelVersion: exported.modelVersions[0] });

  // Undo: back to the shipped reading, and the exports say so.
  await page.getByTestId('undo-calibration').click();
  await expect(calibration).toHaveAttribute('data-calibrated', 'false');
  const undone = await exportedCsv(page);
  expect(undone.rows.every((r) => r[undone.col('calibrated')] === 'no')).toBe(true);
  expect(undone.rows.slice(0, n).map((r) => r[undone.col('predicted_class')])).toEqual(
    shipped.rows.map((r) => r[shipped.col('predicted_class')]),
  );
  expect(undone.rows[0][undone.col('calibration')]).toBe('not calibrated to this case (shipped model)');
});
