import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';
import type { CellClass } from '../src/core/model-spec';
import { CLASSES } from '@testkit/test-images';

const manifest = JSON.parse(readFileSync('public/practice/manifest.json', 'utf8')) as {
  items: { id: string; label: CellClass }[];
};
const truthOf = new Map(manifest.items.map((i) => [i.id, i.label]));

test('the proficiency test: fifty cells without feedback, a certificate that prints alone, progress carried to another device', async ({
  page,
  browser,
}) => {
  await page.goto('/#/practice/test');
  await page.getByTestId('start-test').click();

  // Every basophil is called an eosinophil and every nucleated red cell a lymphocyte, the look-alike
  // a student most often takes it for; the rest, immature granulocytes included, are named right.
  const misread: Partial<Record<CellClass, CellClass>> = { BASOPHIL: 'EOSINOPHIL', ERYTHROBLAST: 'LYMPHOCYTE' };
  const given: { truth: CellClass; answer: CellClass }[] = [];
  for (let n = 0; n < 50; n++) {
    await expect(page.getByTestId('test-position')).toHaveText(`Cell ${n + 1} of 50`);
    const truth = truthOf.get((await page.getByTestId('test-question').getAttribute('data-item-id'))!)!;
    const answer = misread[truth] ?? truth;
    await page.keyboard.press(String(CLASSES.indexOf(answer) + 1));
    given.push({ truth, answer });
    // No feedback until the end.
    await expect(page.getByTestId('feedback')).toHaveCount(0);
    if (n === 24) {
      // The next cell shows once the answer is stored: what the page has shown survives a reload.
      await expect(page.getByTestId('test-position')).toHaveText('Cell 26 of 50');
      await page.reload();
      await expect(page.getByTestId('test-position')).toHaveText('Cell 26 of 50');
    }
  }
  // Fifty over the seven classes: eight of the first, seven of each other.
  const asked = (cls: CellClass) => (cls === CLASSES[0] ? 8 : 7);
  for (const cls of CLASSES) expect(given.filter((g) => g.truth === cls)).toHaveLength(asked(cls));
  const wrong = given.filter((g) => g.answer !== g.truth).length;
  expect(wrong).toBe(asked('BASOPHIL') + asked('ERYTHROBLAST'));

  const certificate = page.getByTestId('certificate');
  await expect(certificate.getByTestId('certificate-score')).toHaveText(`${50 - wrong} of 50`);
  for (const cls of CLASSES)
    await expect(certificate.locator(`tr[data-class="${cls}"] [data-metric="right"]`)).toHaveText(
      `${misread[cls] ? 0 : asked(cls)} of ${asked(cls)}`,
    );
  // Now the feedback: every basophil and nucleated red cell misread, to look at again.
  const misses = page.getByTestId('test-misses').getByTestId('miss');
  await expect(misses).toHaveCount(wrong);
  await expect(page.getByTestId('test-misses').getByTestId('hints-BASOPHIL')).toHaveCount(asked('BASOPHIL'));
  await expect(page.getByTestId('test-misses').getByTestId('hints-ERYTHROBLAST')).toHaveCount(asked('ERYTHROBLAST'));
  await certificate.getByTestId('certificate-name').fill('Ada Student');
  await expectNoAxeViolations(page, 'certificate');

  // Printed, the certificate is all there is: the app's navigation and buttons are hidden.
  await page.emulateMedia({ media: 'print' });
  await expect(certificate).toBeVisible();
  await expect(certificate).toContainText('Ada Student');
  await expect(page.getByRole('navigation', { name: 'Practice' })).toBeHidden();
  await expect(page.getByTestId('print-certificate')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // After a reload the test is in the history, the name with it.
  await page.reload();
  await expect(page.getByTestId('test-history')).toContainText(`${50 - wrong} of 50`);
  await page.getByTestId('test-history').getByRole('button', { name: 'Certificate' }).click();
  await expect(page.getByTestId('certificate-name')).toHaveValue('Ada Student');

  // Progress: one point, as CSV and as a file that another device imports once.
  await page.getByTestId('practice-mode-progress').click();
  await expect(page.getByTestId('progress')).toHaveAttribute('data-points', '1');
  for (const cls of ['BASOPHIL', 'IG', 'ERYTHROBLAST'])
    await expect(page.getByTestId('progress-chart').locator(`g[data-class="${cls}"]`)).toHaveAttribute(
      'data-points',
      '1',
    );
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('progress-csv').click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('finished_utc,kind,class,cells,right,right_percent');
  expect(csv.find((r) => r.includes(',test,BASOPHIL,'))).toMatch(/,test,BASOPHIL,8,0,0\.0$/);
  expect(csv.find((r) => r.includes(',test,IG,'))).toMatch(/,test,IG,7,7,100\.0$/);
  expect(csv.find((r) => r.includes(',test,ERYTHROBLAST,'))).toMatch(/,test,ERYTHROBLAST,7,0,0\.0$/);
  expect(csv.find((r) => r.includes(',test,ALL,'))).toMatch(/,test,ALL,50,35,70\.0$/);
  const fileDownload = page.waitForEvent('download');
  await page.getByTestId('progress-save').click();
  const saved = (await (await fileDownload).path())!;
  await expectNoAxeViolations(page, 'progress');

  const other = await browser.newContext();
  try {
    const device = await other.newPage();
    await device.goto(page.url());
    await expect(device.getByTestId('progress')).toHaveAttribute('data-points', '0');
    await device.getByTestId('progress-import').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"hematovision-practice-progress","version":1,"answers":[]}'),
    });
    await expect(device.getByTestId('progress-notice')).toContainText('sessions is not a list');
    await device.getByTestId('progress-import').setInputFiles(saved);
    await expect(device.getByTestId('progress')).toHaveAttribute('data-points', '1');
    await expect(device.getByTestId('progress-notice')).toContainText('1 result added');
    await device.getByTestId('progress-import').setInputFiles(saved);
    await expect(device.getByTestId('progress-notice')).toContainText('nothing new');
    await expect(device.getByTestId('progress')).toHaveAttribute('data-points', '1');
    await device.reload();
    await expect(device.getByTestId('progress-row')).toHaveCount(1);
  } finally {
    await other.close();
  }
});
