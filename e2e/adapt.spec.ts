import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
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
const firstImages = (cls: string, n: number, dir = ADAPT_DIR, prefix = '') =>
  readdirSync(`${dir}/${cls}`)
    .filter((f) => f.startsWith(prefix))
    .sort()
    .slice(0, n)
    .map((f) => `${dir}/${cls}/${f}`);
/** The classes LISC's adapt set holds: no immature granulocytes or nucleated red cells. */
const LISC_CLASSES = CLASSES.filter((cls) => existsSync(`${ADAPT_DIR}/${cls}`));

/**
 * The class the app gives a LISC lymphocyte, on a freshly loaded Analyse page. `continuing` answers
 * the question a first load of a case with cells asks in a tab; `again` adds the same lymphocyte
 * to a case that already holds it, which the app asks about first.
 */
async function classOfLymphocyte(
  page: Page,
  base: string,
  { continuing = false, again = false } = {},
): Promise<string | null> {
  await page.goto(base);
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  if (continuing) await page.getByTestId('case-choice').getByRole('button', { name: 'Continue this case' }).click();
  const file = fileFromDisk(firstImages('LYMPHOCYTE', 1)[0]);
  await dropFiles(page, [file]);
  if (again) await page.getByRole('button', { name: 'Add it anyway' }).click();
  await waitForAllFinished(page, 1);
  return card(page, file.name).getAttribute('data-top-class');
}

/** Reads the open case with a lab profile (by its name), or the shipped model, from the case header. */
async function readCaseWith(page: Page, base: string, profile: string | undefined): Promise<void> {
  await page.goto(`${base}#/case`);
  const picker = page.getByTestId('case-profile');
  await expect(picker).toBeEnabled({ timeout: 120_000 });
  await picker.selectOption({ label: profile ? `Lab profile: ${profile}` : 'The shipped model' });
  await expect(page.getByTestId('case-profile-status')).not.toContainText('Reading the case again', {
    timeout: 60_000,
  });
}

for (const backend of ['webgl', 'wasm'] as const) {
  test(`a profile adapted on labelled images reads the case that chooses it, survives a reload, and is deleted (${backend})`, async ({
    page,
  }) => {
    const base = backend === 'webgl' ? '/' : '/?backend=wasm';
    test.setTimeout(240_000);
    await openReady(page, base.slice(1));
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend);
    expect(await classOfLymphocyte(page, base)).toBe('LYMPHOCYTE');

    // A lab whose labels swap lymphocytes and monocytes: if the profile's head is really used, the
    // same lymphocyte must now read as a monocyte, in the case that chooses it.
    await page.goto(`${base}#/adapt`);
    const swapped: Record<string, string> = { LYMPHOCYTE: 'MONOCYTE', MONOCYTE: 'LYMPHOCYTE' };
    for (const cls of LISC_CLASSES) {
      await page.getByTestId(`adapt-files-${swapped[cls] ?? cls}`).setInputFiles(firstImages(cls, 4));
    }
    await expect(page.getByTestId('adapt-count-EOSINOPHIL')).toHaveText('4 chosen');
    if (backend === 'webgl') await expectNoAxeViolations(page, 'adapt page');
    await page.getByTestId('adapt-run').click();
    await expect(page.getByTestId('adapt-proposal')).toBeVisible({ timeout: 60_000 });
    // Shown before it is kept: the adapted model's cross-validated figure beside the shipped one.
    await expect(page.getByTestId('own-cells-adapted')).toHaveAttribute('data-cells', String(4 * LISC_CLASSES.length));
    await expect(page.getByTestId('own-cells-shipped')).toHaveAttribute('data-cells', String(4 * LISC_CLASSES.length));
    await page.getByTestId('adapt-profile-name').fill('Swapped lab');
    await page.getByTestId('adapt-keep').click();
    await expect(page.getByTestId('adapt-done')).toContainText('Swapped lab', { timeout: 60_000 });
    const profile = page.getByTestId('lab-profile');
    await expect(profile).toHaveAttribute('data-cells', String(4 * LISC_CLASSES.length));
    await expect(profile).toHaveAttribute('data-name', 'Swapped lab');
    expect(await profile.getAttribute('data-id')).toMatch(/^lab\.[0-9a-f]{8}$/);

    // Kept, not applied: the open case is still read by the shipped model until it chooses the profile.
    expect(await classOfLymphocyte(page, base, { continuing: true, again: true })).toBe('LYMPHOCYTE');
    await readCaseWith(page, base, 'Swapped lab');
    const cells = page.getByTestId('case-cell');
    await expect(cells).toHaveCount(2);
    for (let i = 0; i < 2; i++) await expect(cells.nth(i)).toHaveAttribute('data-predicted', 'MONOCYTE');
    // New images joining that case are read by its profile, after a reload too.
    expect(await classOfLymphocyte(page, base, { again: true })).toBe('MONOCYTE');
    await page.reload();
    await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
    expect(await classOfLymphocyte(page, base, { again: true })).toBe('MONOCYTE');

    await page.goto(`${base}#/adapt`);
    // Deleting the profile asks first; Cancel keeps it.
    await page.getByTestId('lab-profile-delete').click();
    const dialog = page.getByRole('dialog', { name: 'Delete the lab profile “Swapped lab”?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('lab-profile')).toHaveCount(1);
    await page.getByTestId('lab-profile-delete').click();
    await dialog.getByRole('button', { name: 'Delete the profile' }).click();
    await expect(page.getByTestId('lab-profiles-none')).toBeVisible();
    // The case keeps what it read, says its profile is gone, and reads new images with the shipped model.
    expect(await classOfLymphocyte(page, base, { again: true })).toBe('LYMPHOCYTE');
    await page.goto(`${base}#/case`);
    await expect(page.getByTestId('case-profile-status')).toContainText('Its profile was deleted');
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
  await expect(page.getByTestId('lab-profile')).toHaveAttribute('data-cells', String(reviewed));
  // The case that taught it, read by its profile: the model now says what the reviewer said, and
  // every decision is still there.
  await readCaseWith(page, '/', (await page.getByTestId('lab-profile').getAttribute('data-name'))!);
  await expect(cells).toHaveCount(reviewed);
  for (let i = 0; i < reviewed; i++) {
    const final = await cells.nth(i).getAttribute('data-final');
    expect(['MONOCYTE', 'LYMPHOCYTE']).toContain(final);
    await expect(cells.nth(i)).toHaveAttribute('data-predicted', final!);
  }
});

test('adapting shows progress and can be cancelled; a finished one can be discarded or kept with a refitted review mark', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openReady(page);
  await page.goto('/#/adapt');
  for (const cls of LISC_CLASSES) await page.getByTestId(`adapt-files-${cls}`).setInputFiles(firstImages(cls, 10));

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
  await expect(page.getByTestId('lab-profiles-none')).toBeVisible();

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
  await expect(page.getByTestId('lab-profiles-none')).toBeVisible();

  // Kept: its figures are in the profile's details, plain words first.
  await page.getByTestId('adapt-run').click();
  await page.getByTestId('adapt-keep').click({ timeout: 120_000 });
  const profile = page.getByTestId('lab-profile');
  await expect(profile.getByTestId('lab-profile-figures')).toBeHidden();
  await profile.getByText('Figures').click();
  await expect(profile.getByTestId('lab-profile-figures')).toContainText('Temperature');
  const threshold = Number(await profile.getByTestId('adapted-review-promise').getAttribute('data-threshold'));
  const id = await profile.getAttribute('data-id');
  const name = (await profile.getAttribute('data-name'))!;
  // A case read by it: the Analyse page states the refitted mark, and cards name the profile.
  const evalDir = '../shared/data/lisc/eval/LYMPHOCYTE';
  const [first, second] = readdirSync(evalDir)
    .sort()
    .slice(0, 2)
    .map((f) => fileFromDisk(`${evalDir}/${f}`));
  await page.goto('/#/');
  await dropFiles(page, [first]);
  await waitForAllFinished(page, 1);
  await readCaseWith(page, '/', name);
  await page.goto('/#/');
  // A cell of the same lab that was not adapted on (lisc/adapt holds 10 per class).
  await dropFiles(page, [second]);
  await waitForAllFinished(page, 2);
  const file = second;
  await expect(card(page, file.name).getByTestId('card-model')).toHaveAttribute('data-model-kind', 'adapted');
  await expect(card(page, file.name).getByTestId('card-model')).toContainText(id!);
  await expect(card(page, file.name).getByTestId('card-model')).toContainText(name);
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
  // The new classes under names a lab gives them: a stage of immature granulocyte, and NRBC.
  for (const [folder, cls, prefix] of [
    ['Metamyelocytes', 'IG', 'MMY_'],
    ['NRBC', 'ERYTHROBLAST', ''],
  ]) {
    mkdirSync(join(root, folder), { recursive: true });
    for (const f of firstImages(cls, 2, '../shared/data/pbc', prefix)) {
      copyFileSync(f, join(root, folder, f.split('/').pop()!));
    }
  }
  copyFileSync(firstImages('EOSINOPHIL', 1)[0], join(root, 'unsorted.jpg'));

  await openReady(page);
  await page.goto('/#/adapt');
  await page.getByTestId('adapt-folder').setInputFiles(root);
  await expect(page.getByTestId('adapt-count-LYMPHOCYTE')).toHaveText('3 chosen');
  await expect(page.getByTestId('adapt-count-MONOCYTE')).toHaveText('3 chosen');
  await expect(page.getByTestId('adapt-count-EOSINOPHIL')).toHaveText('0 chosen');
  await expect(page.getByTestId('adapt-count-IG')).toHaveText('2 chosen');
  await expect(page.getByTestId('adapt-count-ERYTHROBLAST')).toHaveText('2 chosen');
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
  // Kept by a release before lab profiles: it comes back as a profile, marked as not usable.
  await expect(page.getByTestId('lab-profile')).toHaveAttribute('data-name', /^My lab \(adapted /);
  await expect(page.getByTestId('adaptation-stale')).toContainText('made for model 0.retired');
  expect(await classOfLymphocyte(page, '/')).toBe('LYMPHOCYTE');
  // A case cannot choose it.
  await page.goto('/#/case');
  await expect(page.getByTestId('case-profile').locator('option')).toHaveText(['The shipped model']);
});
