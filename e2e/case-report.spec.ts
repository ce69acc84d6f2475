import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openReady } from '@testkit/app-page';
import { expectNoAxeViolations } from './support/axe-check';
import { csvRows } from '@testkit/csv-rows';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { CLASSES, TEST_DIR } from '@testkit/test-images';

const keyOf = (cls: string) => String(CLASSES.indexOf(cls as (typeof CLASSES)[number]) + 1);

/** A cell as the worker stores it, read as `predicted` at `confidence`, flagged for review or not. */
function storedCell(predicted: string, confidence: number, needsReview: boolean, x: number) {
  const rest = (1 - confidence) / (CLASSES.length - 1);
  return {
    box: { x, y: 40, width: 60, height: 60 },
    nucleus: { x: x + 10, y: 50, width: 40, height: 40 },
    touchesEdge: false,
    probabilities: CLASSES.map((c) => (c === predicted ? confidence : rest)),
    predicted,
    confidence,
    needsReview,
  };
}

/**
 * Leaves in IndexedDB what an earlier visit would have left: one open case, "Slide 4", of four
 * cells on one image, three of them flagged for review (or the cells and name given). Written
 * straight into the case database, so which cells the queue holds does not hang on what the model
 * reads.
 */
async function leaveOpenCase(
  page: Page,
  cells = [
    storedCell('NEUTROPHIL', 0.45, true, 10),
    storedCell('NEUTROPHIL', 0.5, true, 90),
    storedCell('LYMPHOCYTE', 0.55, true, 170),
    storedCell('MONOCYTE', 0.97, false, 250),
  ],
  name = 'Slide 4',
): Promise<void> {
  await page.evaluate(
    ({ cells, name }) =>
      new Promise<void>((resolve, reject) => {
        const picture = async (side: number) => {
          const canvas = new OffscreenCanvas(side, side);
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = '#c8a2c8';
          ctx.fillRect(0, 0, side, side);
          return canvas.convertToBlob({ type: 'image/jpeg' });
        };
        void Promise.all([picture(96), ...cells.map(() => picture(64))]).then(([thumbnail, ...cellImages]) => {
          const open = indexedDB.open('hematovision-cases');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['case-records', 'image-records', 'settings'], 'readwrite');
            const at = Date.UTC(2025, 5, 2, 8, 15);
            tx.objectStore('image-records').put({
              id: 'image-1',
              caseId: 'case-slide-4',
              name: 'slide-4-field-1.jpg',
              width: 320,
              height: 240,
              analysedAt: at,
              modelVersion: 'test-model',
              cells,
              thumbnail,
              cellImages,
            });
            tx.objectStore('case-records').put({
              id: 'case-slide-4',
              name,
              createdAt: at,
              updatedAt: at,
              target: 100,
              imageIds: ['image-1'],
              decisions: {},
              cellCount: cells.length,
              bytes: 1000,
            });
            tx.objectStore('settings').put('case-slide-4', 'current-case');
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        });
      }),
    { cells, name },
  );
}

async function downloadText(page: Page, button: string): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\r\n')
    .map((r) => r.split(','));
}

test('confirming in the review queue is recorded: reviewed in the CSV and the report, a summary at the end, each percentage with its interval, a report that says the count is short', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#/case');
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await leaveOpenCase(page);
  await page.reload();

  const choice = page.getByTestId('case-choice');
  await expect(choice).toContainText('Slide 4');
  await expect(choice).toContainText('1 image, 4 cells');
  await expectNoAxeViolations(page, 'case choice');
  await choice.getByRole('button', { name: 'Continue this case' }).click();
  await expect(choice).toHaveCount(0);
  await expect(page.getByTestId('case-cell')).toHaveCount(4);

  // Three flagged cells: confirm, correct, confirm.
  const queue = page.getByTestId('review-queue');
  await expect(queue).toHaveAttribute('data-key', 'image-1#0');
  await queue.focus();
  await page.keyboard.press('Enter');
  await expect(queue).toHaveAttribute('data-key', 'image-1#1');
  await page.keyboard.press(keyOf('EOSINOPHIL'));
  await expect(queue).toHaveAttribute('data-key', 'image-1#2');
  await page.keyboard.press('Enter');

  const summary = page.getByTestId('review-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'Review queue finished' })).toBeFocused();
  await expect(summary.getByTestId('review-summary-flagged')).toHaveText('3');
  await expect(summary.getByTestId('review-summary-reviewed')).toHaveText('3');
  await expect(summary.getByTestId('review-summary-confirmed')).toHaveText('2');
  await expect(summary.getByTestId('review-summary-corrected')).toHaveText('1');
  await expect(summary.getByTestId('review-summary-left')).toHaveText('0');
  await expectNoAxeViolations(page, 'review summary');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page, 'review summary and differential on a phone');
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectNoAxeViolations(page, 'review summary and differential on a phone, dark');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectNoAxeViolations(page, 'review summary and differential, dark');
  await page.getByRole('button', { name: 'Light', exact: true }).click();

  // Each percentage carries its 95 % interval for the 4 cells counted: 1 of 4 is 25 %, 0.6–80.6 %.
  const row = (cls: string) => page.getByTestId(`tally-${cls}`);
  await expect(row('NEUTROPHIL').getByTestId('tally-percent')).toHaveText('25%');
  await expect(row('NEUTROPHIL').getByTestId('tally-interval')).toHaveText('0.6–80.6%');
  await expect(row('EOSINOPHIL').getByTestId('tally-interval')).toHaveText('0.6–80.6%');
  await expect(row('BASOPHIL').getByTestId('tally-interval')).toHaveText('0.0–60.2%');

  // The way back: the differential, focused.
  await summary.getByRole('button', { name: 'Back to the case' }).click();
  await expect(page.getByRole('heading', { name: 'Differential' })).toBeFocused();

  // The cells' CSV names case and analysis date on every row, and which cells were reviewed.
  const [header, ...rows] = await downloadText(page, 'Export CSV');
  const col = (name: string) => header.indexOf(name);
  expect(rows).toHaveLength(4);
  expect(rows.map((r) => [r[col('case_id')], r[col('case_name')], r[col('analysed_at')]])).toEqual(
    Array.from({ length: 4 }, () => ['case-slide-4', 'Slide 4', '2025-06-02T08:15:00.000Z']),
  );
  expect(rows.map((r) => [r[col('reviewed')], r[col('corrected')], r[col('final_class')]])).toEqual([
    ['yes', 'no', 'NEUTROPHIL'],
    ['yes', 'yes', 'EOSINOPHIL'],
    ['yes', 'no', 'LYMPHOCYTE'],
    ['no', 'no', 'MONOCYTE'],
  ]);

  // The differential's CSV: counts, percentages and intervals.
  const [dHeader, ...dRows] = await downloadText(page, 'Export differential CSV');
  const neutrophils = dRows.find((r) => r[dHeader.indexOf('class')] === 'NEUTROPHIL') ?? [];
  expect(
    ['count', 'percent', 'ci95_low_percent', 'ci95_high_percent', 'white_cells_counted', 'target', 'reviewed'].map(
      (name) => neutrophils[dHeader.indexOf(name)],
    ),
  ).toEqual(['1', '25', '0.6', '80.6', '4', '100', '3']);

  // Reviewed cells survive a reload, which carries on with the case this tab chose without asking.
  await page.reload();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('case-choice')).toHaveCount(0);
  await expect(page.locator('[data-testid="case-cell"][data-key="image-1#0"]')).toHaveAttribute(
    'data-final',
    'NEUTROPHIL',
  );
  await expect(page.getByText('3 cells flagged, 3 reviewed.')).toBeVisible();

  // The printed report: the short count said in words, the intervals, what was reviewed, lines to sign.
  await page.emulateMedia({ media: 'print' });
  const report = page.getByTestId('case-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('report-below-target')).toContainText('4 cells counted, below the target of 100');
  await expect(report.getByTestId('report-differential')).toContainText('0.6–80.6%');
  await expect(report).toContainText('Reviewed by a person: 3 (2 confirmed, 1 corrected)');
  await expect(report.locator('figcaption', { hasText: '✓' })).toHaveCount(3);
  const signOff = report.getByTestId('report-sign-off');
  for (const line of ['Reviewer', 'Date', 'Signature']) await expect(signOff).toContainText(line);
  await page.emulateMedia({ media: 'screen' });
});

test('a new visit asks whether to continue the open case or start a new one; images analysed meanwhile wait for the answer', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const field = fileFromDisk('../shared/data/bccd/JPEGImages/BloodImage_00007.jpg');
  const single = (cls: string, n: number) => {
    const name = readdirSorted(`${TEST_DIR}/${cls}`)[n];
    return fileFromDisk(`${TEST_DIR}/${cls}/${name}`, `${cls}-${name}`);
  };
  await openReady(page, '#/case');
  // A first visit with nothing stored asks nothing.
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('case-choice')).toHaveCount(0);
  await dropFiles(page, [field]);
  const images = page.getByTestId('case-image');
  await expect(images).toHaveCount(1, { timeout: 150_000 });
  const cells = await page.getByTestId('case-cell').count();
  expect(cells, 'white cells found in the field').toBeGreaterThan(0);

  // Continue: the same case, and what is analysed next joins it.
  await page.reload();
  const choice = page.getByTestId('case-choice');
  await expect(choice).toContainText(`1 image, ${cells} cell`);
  await choice.getByRole('button', { name: 'Continue this case' }).click();
  await expect(choice).toHaveCount(0);
  await expect(images).toHaveCount(1);
  await dropFiles(page, [single('LYMPHOCYTE', 0)]);
  await expect(images).toHaveCount(2, { timeout: 150_000 });
  await expect(page.getByTestId('history-entry')).toHaveCount(1);

  // A reload of this tab carries on with its answer: the question is asked once a tab.
  await page.reload();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await expect(images).toHaveCount(2);
  await expect(choice).toHaveCount(0);

  // The next visit, a tab of its own, asks again; an image analysed before the answer waits for it.
  const visit = await page.context().newPage();
  await page.close();
  page = visit;
  await page.goto('/#/case');
  await expect(page.getByTestId('case-choice')).toContainText('2 images');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page, 'case choice on a phone');
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectNoAxeViolations(page, 'case choice on a phone, dark');
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await dropFiles(page, [single('NEUTROPHIL', 0)]);
  await expect(page.getByTestId('case-choice')).toContainText('1 analysed image waits for your answer', {
    timeout: 150_000,
  });
  await expect(page.getByTestId('case-image')).toHaveCount(2);

  // Start a new case: empty but for the image that waited; the old case stays in the history.
  await page.getByTestId('case-choice').getByRole('button', { name: 'Start a new case' }).click();
  await expect(page.getByTestId('case-choice')).toHaveCount(0);
  await expect(page.getByTestId('case-image')).toHaveCount(1);
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(page.getByTestId('case-image').first()).toHaveAttribute('data-name', /^NEUTROPHIL-/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectNoAxeViolations(page, 'case page after starting a new case, dark');
});

test('immature granulocytes and nucleated red cells set by keys 6 and 7 and the class picker: the differential over white cells, NRBC per 100 WBC, the flags at the top of the page and the printed report, the CSV and JSON', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Ten confident cells on one field: six neutrophils, two lymphocytes, a monocyte, an eosinophil.
  const read = ['NEUTROPHIL', 'NEUTROPHIL', 'NEUTROPHIL', 'NEUTROPHIL', 'NEUTROPHIL', 'NEUTROPHIL'];
  const cells = [...read, 'LYMPHOCYTE', 'LYMPHOCYTE', 'MONOCYTE', 'EOSINOPHIL'].map((cls, i) =>
    storedCell(cls, 0.95, false, 10 + i * 30),
  );
  await page.goto('/#/case');
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await leaveOpenCase(page, cells, 'Slide 9');
  await page.reload();
  await page.getByTestId('case-choice').getByRole('button', { name: 'Continue this case' }).click();
  await expect(page.getByTestId('case-cell')).toHaveCount(10);
  const flags = page.getByTestId('case-flags');
  await expect(flags).toHaveCount(0);

  // The first neutrophil is an immature granulocyte (key 6), the first lymphocyte a nucleated red
  // cell (key 7), and the monocyte one too (the class picker).
  const cell = (n: number) => page.locator(`[data-testid="case-cell"][data-key="image-1#${n}"]`);
  expect([keyOf('IG'), keyOf('ERYTHROBLAST')]).toEqual(['6', '7']);
  await cell(0).focus();
  await page.keyboard.press('6');
  await expect(cell(0)).toHaveAttribute('data-final', 'IG');
  await cell(6).focus();
  await page.keyboard.press('7');
  await expect(cell(6)).toHaveAttribute('data-final', 'ERYTHROBLAST');
  await cell(8).locator('[data-choice="ERYTHROBLAST"]').click();
  await expect(cell(8)).toHaveAttribute('data-final', 'ERYTHROBLAST');

  // 8 white cells (5 neutrophils, 1 immature granulocyte, 1 lymphocyte, 1 eosinophil), 2 NRBC beside them.
  const row = (cls: string) => page.getByTestId(`tally-${cls}`);
  await expect(page.getByTestId('tally-progress')).toContainText('8 / 100 cells');
  await expect(page.getByTestId('tally-white-cells')).toContainText('8');
  await expect(row('IG').getByTestId('tally-count')).toHaveText('1');
  // 1 of 8: 0.3–52.7 %, the interval of 8 white cells, not of the 10 nucleated ones.
  await expect(row('IG').getByTestId('tally-interval')).toHaveText('0.3–52.7%');
  await expect(row('NEUTROPHIL').getByTestId('tally-percent')).toHaveText('62%');
  await expect(row('ERYTHROBLAST').getByTestId('tally-count')).toHaveText('2');
  await expect(row('ERYTHROBLAST').getByTestId('tally-percent')).toHaveCount(0);
  await expect(row('ERYTHROBLAST').getByTestId('tally-per-100')).toHaveText('25 per 100 WBC');
  const tally = page.getByTestId('tally');
  await expect(tally.getByTestId('nucleated-summary')).toHaveText(
    '10 cells counted: 8 white cells, 2 NRBC (25 per 100 WBC).',
  );
  await expect(tally.getByTestId('wbc-correction')).toContainText(
    'corrected WBC = counted WBC × 100 / (100 + NRBC per 100 WBC)',
  );
  await expect(tally.getByTestId('wbc-correction')).toContainText('80.0 %');

  // The flags, at the top of the differential.
  await expect(flags.getByTestId('review-flag')).toHaveText([
    'Immature granulocytes 12.5 % (≥ 2 %): review the smear',
    'Nucleated red cells present: 25 per 100 WBC',
  ]);
  await expect(flags).toContainText('a flag, not a diagnosis');
  await expectNoAxeViolations(page, 'differential with flags');

  // Stored: after a reload the flags and the count are the same.
  await page.reload();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await expect(flags.getByTestId('review-flag')).toHaveCount(2);
  await expect(row('ERYTHROBLAST').getByTestId('tally-per-100')).toHaveText('25 per 100 WBC');

  // The differential's CSV: the seven classes, the white-cell total, NRBC per 100 WBC and the flags.
  const [dHeader, ...dRows] = csvRows((await downloadFile(page, 'Export differential CSV')).trim());
  const col = (name: string) => dHeader.indexOf(name);
  const byClass = new Map(dRows.map((r) => [r[col('class')], r]));
  for (const cls of CLASSES) expect(byClass.has(cls), cls).toBe(true);
  const fields = (cls: string, ...names: string[]) => names.map((n) => byClass.get(cls)?.[col(n)]);
  // 12.5 % four times over: the largest remainders go to the classes first in the spec's order.
  expect(fields('IG', 'count', 'percent', 'ci95_low_percent', 'ci95_high_percent')).toEqual(['1', '12', '0.3', '52.7']);
  expect(fields('WHITE_CELLS', 'count', 'percent')).toEqual(['8', '100']);
  expect(fields('ERYTHROBLAST', 'count', 'percent', 'per_100_wbc')).toEqual(['2', '', '25.0']);
  expect(fields('NEUTROPHIL', 'white_cells_counted', 'nucleated_cells_counted', 'nrbc_per_100_wbc')).toEqual([
    '8',
    '10',
    '25.0',
  ]);
  expect(byClass.get('NEUTROPHIL')?.[col('flags')]).toBe(
    'Immature granulocytes 12.5 % (≥ 2 %): review the smear; Nucleated red cells present: 25 per 100 WBC',
  );

  // The JSON: the same figures, and how each cell was counted.
  const json = JSON.parse(await downloadFile(page, 'Export JSON'));
  expect(json.differential).toMatchObject({
    counted: 8,
    nucleatedCells: 10,
    counts: { IG: 1, ERYTHROBLAST: 2, NEUTROPHIL: 5 },
    per100WhiteCells: { ERYTHROBLAST: 25 },
    whiteShareOfNucleatedPercent: 80,
  });
  expect(json.differential.flags.map((f: { text: string }) => f.text)).toEqual([
    'Immature granulocytes 12.5 % (≥ 2 %): review the smear',
    'Nucleated red cells present: 25 per 100 WBC',
  ]);
  expect(json.differential.percent).not.toHaveProperty('ERYTHROBLAST');
  expect(json.images[0].cells[8]).toMatchObject({
    predicted: 'MONOCYTE',
    final: 'ERYTHROBLAST',
    countedAs: 'per 100 WBC',
  });

  // The printed report: the flags at its top, the NRBC beside the differential, how it is counted.
  await page.emulateMedia({ media: 'print' });
  const report = page.getByTestId('case-report');
  await expect(report).toBeVisible();
  const reportFlags = report.getByTestId('report-flags');
  await expect(reportFlags.getByTestId('review-flag')).toHaveText([
    'Immature granulocytes 12.5 % (≥ 2 %): review the smear',
    'Nucleated red cells present: 25 per 100 WBC',
  ]);
  // At the top: above the differential.
  const flagsBox = await reportFlags.boundingBox();
  const tableBox = await report.getByTestId('report-differential').boundingBox();
  expect(flagsBox!.y).toBeLessThan(tableBox!.y);
  await expect(report.getByTestId('report-differential')).toContainText('Differential of 8 white cells');
  await expect(report.getByTestId('report-ERYTHROBLAST')).toContainText('25 per 100 WBC');
  await expect(report.getByTestId('nucleated-summary')).toHaveText(
    '10 cells counted: 8 white cells, 2 NRBC (25 per 100 WBC).',
  );
  await expect(report.getByTestId('report-how-counted')).toContainText(
    'corrected WBC = counted WBC × 100 / (100 + NRBC per 100 WBC)',
  );
  await page.emulateMedia({ media: 'screen' });

  // A nucleated red cell set aside as not a white cell leaves the count; with one NRBC left the flag stays.
  await cell(8).focus();
  await page.keyboard.press('x');
  await expect(cell(8)).toHaveAttribute('data-final', 'NOT_WBC');
  await expect(flags.getByTestId('review-flag')).toHaveText([
    'Immature granulocytes 12.5 % (≥ 2 %): review the smear',
    'Nucleated red cells present: 12.5 per 100 WBC',
  ]);
});

async function downloadFile(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

function readdirSorted(dir: string): string[] {
  return readdirSync(dir).sort();
}
