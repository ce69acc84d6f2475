import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { putAdaptationRecord } from './support/adaptation-record';
import { expectNoAxeViolations } from './support/axe-check';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { CLASSES } from '@testkit/test-images';

const ADAPT_DIR = '../shared/data/lisc/adapt';
const firstImages = (cls: string, n: number) =>
  readdirSync(`${ADAPT_DIR}/${cls}`)
    .sort()
    .slice(0, n)
    .map((f) => `${ADAPT_DIR}/${cls}/${f}`);

/** The class the app gives a LISC lymphocyte, on a fresh Analyse page. */
async function classOfLymphocyte(page: Page, base: string): Promise<string | null> {
  await page.goto(base);
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  const file = fileFromDisk(firstImages('LYMPHOCYTE', 1)[0]);
  await dropFiles(page, [file]);
  await waitForAllFinished(page, 1);
  return card(page, file.name).getAttribute('data-top-class');
}

for (const backend of ['webgl', 'wasm'] as const) {
  test(`adapting on labelled images changes what the app reads, survives a reload, and resets (${backend})`, async ({
    page,
  }) => {
    const base = backend === 'webgl' ? '/' : '/?backend=wasm';
    test.setTimeout(180_000);
    await openReady(page, base.slice(1));
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend);
    expect(await classOfLymphocyte(page, base)).toBe('LYMPHOCYTE');

    // A lab whose labels swap lymphocytes and monocytes: if the adapted head is really used, the
    // same lymphocyte must now read as a monocyte.
    await page.goto(`${base}#/adapt`);
    const swapped: Record<string, string> = { LYMPHOCYTE: 'MONOCYTE', MONOCYTE: 'LYMPHOCYTE' };
    for (const cls of CLASSES) {
      await page.getByTestId(`adapt-files-${swapped[cls] ?? cls}`).setInputFiles(firstImages(cls, 4));
    }
    await expect(page.getByTestId('adapt-count-EOSINOPHIL')).toHaveText('4 chosen');
    if (backend === 'webgl') await expectNoAxeViolations(page, 'adapt page');
    await page.getByTestId('adapt-run').click();
    await expect(page.getByTestId('adapt-proposal')).toBeVisible({ timeout: 60_000 });
    // Shown before it is used: the adapted model's cross-validated figure beside the shipped one.
    await expect(page.getByTestId('own-cells-adapted')).toHaveAttribute('data-cells', String(4 * CLASSES.length));
    await expect(page.getByTestId('own-cells-shipped')).toHaveAttribute('data-cells', String(4 * CLASSES.length));
    await expect(page.getByTestId('adapted-badge')).toHaveCount(0);
    await page.getByTestId('adapt-keep').click();
    await expect(page.getByTestId('adapt-done')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('adaptation-summary')).toHaveAttribute('data-cells', String(4 * CLASSES.length));
    await expect(page.getByTestId('adapted-badge')).toBeVisible();
    const id = await page.getByTestId('adaptation-summary').getAttribute('data-id');
    expect(id).toMatch(/^lab\.[0-9a-f]{8}$/);
    await expect(page.getByTestId('adapted-badge')).toHaveAttribute('title', `Adapted weights ${id}`);

    expect(await classOfLymphocyte(page, base)).toBe('MONOCYTE');
    await page.reload();
    await expect(page.getByTestId('adapted-badge')).toBeVisible({ timeout: 120_000 });
    expect(await classOfLymphocyte(page, base)).toBe('MONOCYTE');

    await page.goto(`${base}#/adapt`);
    // Dropping the adaptation asks first; Cancel keeps it.
    await page.getByTestId('adapt-reset').click();
    const dialog = page.getByRole('dialog', { name: 'Use the shipped model again?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('adapted-badge')).toBeVisible();
    await page.getByTestId('adapt-reset').click();
    await dialog.getByRole('button', { name: 'Delete the adaptation' }).click();
    await expect(page.getByTestId('adapted-badge')).toHaveCount(0);
    expect(await classOfLymphocyte(page, base)).toBe('LYMPHOCYTE');
  });
}

test('cells corrected in a case adapt the model, without their images being chosen again', async ({ page }) => {
  test.setTimeout(240_000);
  await openReady(page, '#/case');
  const cells = page.getByTestId('case-cell');
  // The same lab whose labels swap lymphocytes and monocytes, this time told cell by cell in a case.
  let done = 0;
  let from = 0;
  for (const [cls, told] of [
    ['LYMPHOCYTE', 'MONOCYTE'],
    ['MONOCYTE', 'LYMPHOCYTE'],
  ]) {
    const files = firstImages(cls, 4);
    await dropFiles(
      page,
      files.map((f) => fileFromDisk(f)),
    );
    done += files.length;
    await expect(page.getByTestId('case-image')).toHaveCount(done, { timeout: 150_000 });
    const n = await cells.count();
    if (cls === 'LYMPHOCYTE') await expect(cells.first()).toHaveAttribute('data-predicted', 'LYMPHOCYTE');
    for (let i = from; i < n; i++) {
      await cells.nth(i).locator(`[data-choice=${told}]`).click();
      await expect(cells.nth(i)).toHaveAttribute('data-final', told);
    }
    from = n;
  }
  const reviewed = await cells.count();
  await expect(page.getByTestId('reviewed-cells-hint')).toContainText(`${reviewed} cells reviewed in this case`);

  await page.getByTestId('reviewed-cells-hint').getByRole('link', { name: 'Adapt' }).click();
  const offer = page.getByTestId('reviewed-cells');
  await expect(offer).toHaveAttribute('data-cells', String(reviewed));
  await page.getByTestId('adapt-run-reviewed').click();
  await page.getByTestId('adapt-keep').click({ timeout: 60_000 });
  await expect(page.getByTestId('adapt-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('adaptation-summary')).toHaveAttribute('data-cells', String(reviewed));
  await expect(page.getByTestId('adapted-badge')).toBeVisible();
  expect(await classOfLymphocyte(page, '/')).toBe('MONOCYTE');
});

test('adapting shows progress and can be cancelled; a finished one can be discarded or kept with a refitted review mark', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openReady(page);
  await page.goto('/#/adapt');
  for (const cls of CLASSES) await page.getByTestId(`adapt-files-${cls}`).setInputFiles(firstImages(cls, 10));

  // Cancel while it reads: it stops, and nothing is proposed or used.
  await page.getByTestId('adapt-run').click();
  const progress = page.getByTestId('adapt-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('adapt-progress-text')).toContainText(
    /of \d+ images read · (about \d+ s left|estimating)/,
    {
      timeout: 60_000,
    },
  );
  await page.getByTestId('adapt-cancel').click();
  await expect(page.getByTestId('adapt-cancelled')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('adapt-proposal')).toHaveCount(0);
  await expect(page.getByTestId('adapted-badge')).toHaveCount(0);

  // Run to the end: figures on the lab's own cells, then Discard leaves the shipped model in use.
  await page.getByTestId('adapt-run').click();
  await expect(page.getByTestId('adapt-proposal')).toBeVisible({ timeout: 120_000 });
  const cells = Number(await page.getByTestId('own-cells-adapted').getAttribute('data-cells'));
  expect(cells).toBeGreaterThan(40);
  await expect(page.getByTestId('own-cells-shipped')).toHaveAttribute('data-cells', String(cells));
  const promise = page.getByTestId('adapted-review-promise');
  await expect(promise).toContainText(/held-out folds of your cells/);
  await expectNoAxeViolations(page, 'adaptation proposal');
  await page.getByTestId('adapt-discard').click();
  await expect(page.getByTestId('adapt-discarded')).toBeVisible();
  await expect(page.getByTestId('adapted-badge')).toHaveCount(0);

  // Kept: the Adapt page and the Analyse page state the refitted mark, and cards name the model.
  await page.getByTestId('adapt-run').click();
  await page.getByTestId('adapt-keep').click({ timeout: 120_000 });
  await expect(page.getByTestId('adapted-badge')).toBeVisible();
  const summary = page.getByTestId('adaptation-summary');
  const threshold = Number(await summary.getByTestId('adapted-review-promise').getAttribute('data-threshold'));
  const id = await summary.getAttribute('data-id');
  await page.goto('/');
  // A cell of the same lab that was not adapted on (lisc/adapt holds 10 per class).
  const evalDir = '../shared/data/lisc/eval/LYMPHOCYTE';
  const file = fileFromDisk(`${evalDir}/${readdirSync(evalDir).sort()[0]}`);
  await dropFiles(page, [file]);
  await waitForAllFinished(page, 1);
  await expect(card(page, file.name).getByTestId('card-model')).toHaveAttribute('data-model-kind', 'adapted');
  await expect(card(page, file.name).getByTestId('card-model')).toContainText(id!);
  await expect(page.getByTestId('review-rule')).toHaveAttribute('data-source', 'adapted');
  await expect(page.getByTestId('review-rule')).toContainText(`${(threshold * 100).toFixed(1)}%`);
});

test('a labelled folder fills the classes from its sub-folder names and says what it left out', async ({ page }) => {
  const root = join(mkdtempSync(join(tmpdir(), 'lab-')), 'our-lab');
  for (const [folder, cls] of [
    ['Lymphocytes', 'LYMPHOCYTE'],
    ['monocyte', 'MONOCYTE'],
  ]) {
    mkdirSync(join(root, folder), { recursive: true });
    for (const f of firstImages(cls, 3)) copyFileSync(f, join(root, folder, f.split('/').pop()!));
  }
  copyFileSync(firstImages('EOSINOPHIL', 1)[0], join(root, 'unsorted.jpg'));

  await openReady(page);
  await page.goto('/#/adapt');
  await page.getByTestId('adapt-folder').setInputFiles(root);
  await expect(page.getByTestId('adapt-count-LYMPHOCYTE')).toHaveText('3 chosen');
  await expect(page.getByTestId('adapt-count-MONOCYTE')).toHaveText('3 chosen');
  await expect(page.getByTestId('adapt-count-EOSINOPHIL')).toHaveText('0 chosen');
  await expect(page.getByTestId('adapt-left-out')).toContainText('1 file(s)');
  await expect(page.getByTestId('adapt-run')).toBeEnabled();
});

test('an adaptation made for another model version is not used, and the page says so', async ({ page }) => {
  await openReady(page);
  // What an older release would have left on the device (the app has created the store by now).
  await putAdaptationRecord(page, {
    modelVersion: '0.retired',
    id: 'lab.00000000',
    classes: 4,
    cellsPerClass: [3, 3, 0, 0],
  });
  await page.reload();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await page.goto('/#/adapt');
  await expect(page.getByTestId('adaptation-stale')).toContainText('made for model 0.retired');
  await expect(page.getByTestId('adapted-badge')).toHaveCount(0);
  expect(await classOfLymphocyte(page, '/')).toBe('LYMPHOCYTE');
});
