import { readFileSync, readdirSync } from 'node:fs';
import { openReady } from '@testkit/app-page';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { CLASSES } from '@testkit/test-images';
import { putLabProfileRecords } from './support/adaptation-record';
import { expect, test } from './support/fixtures';

const metadata = JSON.parse(readFileSync('public/model/metadata.json', 'utf8')) as { version: string };
const LISC = '../shared/data/lisc/eval';
const liscImages = (cls: string, n: number) =>
  readdirSync(`${LISC}/${cls}`)
    .sort()
    .slice(0, n)
    .map((f) => fileFromDisk(`${LISC}/${cls}/${f}`));

/** Two labs' profiles whose heads read every cell as one class each, at a probability of about 1. */
const LAB_A = { id: 'lab.0000000a', name: 'Lab A, Wright stain', readsAs: CLASSES.indexOf('EOSINOPHIL') };
const LAB_B = { id: 'lab.0000000b', name: 'Lab B, Giemsa', readsAs: CLASSES.indexOf('BASOPHIL') };

test('a case switched between two lab profiles is read by each, keeps its decisions, and practice stays shipped', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openReady(page, '#/case');
  await putLabProfileRecords(
    page,
    [LAB_A, LAB_B].map((p) => ({ ...p, modelVersion: metadata.version, classes: CLASSES.length })),
  );
  await page.reload();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  const files = [...liscImages('LYMPHOCYTE', 2), ...liscImages('NEUTROPHIL', 1)];
  await dropFiles(page, files);
  const cells = page.getByTestId('case-cell');
  await expect(page.getByTestId('case-image')).toHaveCount(files.length, { timeout: 150_000 });
  const n = await cells.count();
  expect(n).toBeGreaterThanOrEqual(files.length);
  // The reviewer's decision on the first cell: a monocyte, whatever any model reads.
  await cells.first().locator('[data-choice=MONOCYTE]').click();
  await expect(cells.first()).toHaveAttribute('data-final', 'MONOCYTE');

  const picker = page.getByTestId('case-profile');
  await expect(picker.locator('option')).toHaveText([
    'The shipped model',
    `Lab profile: ${LAB_A.name}`,
    `Lab profile: ${LAB_B.name}`,
  ]);
  for (const [lab, cls] of [
    [LAB_A, 'EOSINOPHIL'],
    [LAB_B, 'BASOPHIL'],
  ] as const) {
    await picker.selectOption({ label: `Lab profile: ${lab.name}` });
    await expect(picker).toHaveAttribute('data-profile-id', lab.id);
    for (let i = 0; i < n; i++) await expect(cells.nth(i)).toHaveAttribute('data-predicted', cls);
    // The decision stays; every other cell follows the profile.
    await expect(cells.first()).toHaveAttribute('data-final', 'MONOCYTE');
    await expect(cells.nth(1)).toHaveAttribute('data-final', cls);
  }

  // Stored, not only shown: after a reload the case is still read by Lab B, the decision kept.
  await page.reload();
  await page.getByTestId('case-choice').getByRole('button', { name: 'Continue this case' }).click();
  await expect(picker).toHaveAttribute('data-profile-id', LAB_B.id);
  await expect(cells).toHaveCount(n);
  for (let i = 1; i < n; i++) await expect(cells.nth(i)).toHaveAttribute('data-predicted', 'BASOPHIL');
  await expect(cells.first()).toHaveAttribute('data-final', 'MONOCYTE');

  // The model card shows the profile's figures beside the shipped model's.
  await page.goto('/#/model');
  await expect(page.getByTestId('profile-figures')).toHaveAttribute('data-id', LAB_B.id);
  await expect(page.getByTestId('profile-temperature')).toHaveText('1.00');
  await expect(page.getByTestId('profile-review-threshold')).toHaveText('50.0%');

  // Practice reads with the shipped model while the case uses Lab B: a profile that reads every cell
  // as a basophil at about 100 % would show here as "Basophil (100%)".
  await page.goto('/#/practice');
  await page.getByTestId('start-session').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('question-number')).toContainText('Question 1 of');
  await page.keyboard.press('1');
  const opinion = page.getByTestId('feedback').getByTestId('model-opinion');
  await expect(opinion).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(opinion).not.toContainText('Basophil (100%)');

  // Back to the shipped model: the case reads as it first did, the decision still kept.
  await page.goto('/#/case');
  await picker.selectOption({ label: 'The shipped model' });
  await expect(picker).toHaveAttribute('data-profile-id', '');
  await expect(cells.nth(1)).not.toHaveAttribute('data-predicted', 'BASOPHIL');
  await expect(cells.first()).toHaveAttribute('data-final', 'MONOCYTE');
});

test('every open tab learns of a profile kept, renamed or deleted in another', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openReady(page, '#/adapt');
  const other = await context.newPage();
  await other.goto('/#/adapt');
  await expect(other.getByTestId('lab-profiles-none')).toBeVisible({ timeout: 60_000 });
  // A profile file exported elsewhere, imported in the first tab.
  const exported = {
    format: 'hematovision-lab-profile',
    formatVersion: 1,
    name: 'Lab C, May-Grünwald',
    id: 'lab.0000000c',
    modelVersion: metadata.version,
    createdAt: '2026-12-01T09:00:00.000Z',
    cellsPerClass: CLASSES.map(() => 3),
    adapted: {
      head: {
        features: 512,
        classes: CLASSES.length,
        kernel: new Array(512 * CLASSES.length).fill(0),
        bias: CLASSES.map(() => 0),
      },
      temperature: 1,
    },
  };
  await page.getByTestId('lab-profile-import').setInputFiles({
    name: 'lab-c.hematovision-profile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByTestId('lab-profile-imported')).toContainText('Imported “Lab C, May-Grünwald”');
  await expect(other.getByTestId('lab-profile')).toHaveAttribute('data-name', 'Lab C, May-Grünwald');

  await other.getByTestId('lab-profile-rename-input').fill('Lab C, new scope');
  await other.getByTestId('lab-profile-rename').click();
  await expect(page.getByTestId('lab-profile')).toHaveAttribute('data-name', 'Lab C, new scope');

  // Exported again, it is the same profile: its file reads back into what was imported, renamed.
  const download = page.waitForEvent('download');
  await page.getByTestId('lab-profile-export').click();
  const file = await (await download).path();
  const written = JSON.parse(readFileSync(file, 'utf8')) as typeof exported;
  expect(written).toEqual({ ...exported, name: 'Lab C, new scope' });

  await page.getByTestId('lab-profile-delete').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the profile' }).click();
  await expect(other.getByTestId('lab-profiles-none')).toBeVisible();
});
