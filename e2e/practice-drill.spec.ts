import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';
import type { CellClass } from '../src/core/model-spec';
import { CLASSES } from '@testkit/test-images';

const practice = JSON.parse(readFileSync('public/practice/manifest.json', 'utf8')) as {
  items: { id: string; label: CellClass }[];
};
const fields = JSON.parse(readFileSync('public/drill-fields/manifest.json', 'utf8')) as {
  fields: { id: string; cells: { label: CellClass }[] }[];
};
/** The key's class of every drill cell id: "pbc:<item>" or "<field>#<n>". */
const truthOf = new Map<string, CellClass>([
  ...practice.items.map((i) => [`pbc:${i.id}`, i.label] as [string, CellClass]),
  ...fields.fields.flatMap((f) => f.cells.map((c, n) => [`${f.id}#${n}`, c.label] as [string, CellClass])),
]);

async function currentCell(page: Page): Promise<{ id: string; truth: CellClass }> {
  const id = (await page.getByTestId('drill-counter').getAttribute('data-cell-id'))!;
  return { id, truth: truthOf.get(id)! };
}

// A phone: the drill is tallied by tapping.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('a 100-cell drill on a phone: tap to tally, undo, resume after a reload, then the differential and the misses', async ({
  page,
}) => {
  await page.goto('/#/practice/drill?seed=bench-1&cells=100');
  await expect(page.getByTestId('drill-code')).toHaveValue('bench-1');
  await expect(page.getByTestId('drill-link')).toContainText('#/practice/drill?seed=bench-1&cells=100');
  await expectNoAxeViolations(page, 'drill start');
  await page.getByTestId('start-drill').tap();

  // The first ten neutrophils are tallied as lymphocytes; every other cell as the key has it.
  const given: { id: string; truth: CellClass; answer: CellClass }[] = [];
  let neutrophilsMisread = 0;
  const firstIds: string[] = [];
  for (let n = 0; n < 100; n++) {
    await expect(page.getByTestId('drill-position')).toHaveText(`Cell ${n + 1} of 100`);
    const cell = await currentCell(page);
    if (n < 5) firstIds.push(cell.id);
    let answer = cell.truth;
    if (cell.truth === 'NEUTROPHIL' && neutrophilsMisread < 10) {
      answer = 'LYMPHOCYTE';
      neutrophilsMisread++;
    }
    if (n === 3) {
      // A slip, taken back: undo returns to this cell with its count as before.
      const wrong = CLASSES[(CLASSES.indexOf(cell.truth) + 1) % CLASSES.length];
      await page.getByTestId(`tally-${wrong}`).tap();
      await expect(page.getByTestId('drill-position')).toHaveText('Cell 5 of 100');
      await page.getByTestId('tally-undo').tap();
      await expect(page.getByTestId('drill-position')).toHaveText('Cell 4 of 100');
      expect((await currentCell(page)).id).toBe(cell.id);
    }
    if (n === 1) {
      const image = page.getByTestId('drill-counter').getByRole('img');
      await expect(image).toBeInViewport();
      await expect(page.getByTestId(`tally-${CLASSES[CLASSES.length - 1]}`)).toBeInViewport();
      await expectNoAxeViolations(page, 'drill counter');
    }
    await page.getByTestId(`tally-${answer}`).tap();
    given.push({ ...cell, answer });
    if (n === 49) {
      // Halfway, once the page shows the next cell (its sign that the tally is stored), the page
      // is reloaded: the drill resumes at that cell with the counts kept.
      await expect(page.getByTestId('drill-position')).toHaveText('Cell 51 of 100');
      await page.reload();
      await expect(page.getByTestId('drill-position')).toHaveText('Cell 51 of 100');
      const tallied = given.filter((g) => g.answer === 'LYMPHOCYTE').length;
      await expect(page.getByTestId('tally-LYMPHOCYTE').getByTestId('tally-count')).toHaveText(String(tallied));
    }
  }
  expect(given.some((g) => g.id.startsWith('bccd-'))).toBe(true);
  expect(given.some((g) => g.id.startsWith('pbc:'))).toBe(true);

  const report = page.getByTestId('drill-report');
  const wrong = given.filter((g) => g.answer !== g.truth);
  await expect(report.getByTestId('drill-score')).toHaveText(`${100 - wrong.length} of 100`);
  for (const cls of CLASSES) {
    const row = report.locator(`[data-testid="drill-differential"] tr[data-class="${cls}"]`);
    await expect(row.locator('[data-metric="key"]')).toHaveText(`${given.filter((g) => g.truth === cls).length}%`);
    await expect(row.locator('[data-metric="student"]')).toHaveText(`${given.filter((g) => g.answer === cls).length}%`);
  }
  const misses = report.getByTestId('drill-misses').getByTestId('miss');
  await expect(misses).toHaveCount(wrong.length);
  await expect(misses.first().getByTestId('hints-NEUTROPHIL')).toBeVisible();
  await expectNoAxeViolations(page, 'drill report');

  // The same code is the same drill; another code another.
  await page.getByRole('button', { name: 'This drill again' }).tap();
  await expect(page.getByTestId('drill-code')).toHaveValue('bench-1');
  await page.getByTestId('start-drill').tap();
  expect((await currentCell(page)).id).toBe(firstIds[0]);
  await page.getByTestId('stop-drill').tap();
  await page.getByTestId('drill-code').fill('bench-2');
  await page.getByTestId('start-drill').tap();
  const other: string[] = [];
  for (let n = 0; n < 5; n++) {
    other.push((await currentCell(page)).id);
    await page.getByTestId(`tally-${(await currentCell(page)).truth}`).tap();
    await expect(page.getByTestId('drill-position')).toHaveText(`Cell ${n + 2} of 100`);
  }
  expect(other).not.toEqual(firstIds);
});
