import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';
import type { CellClass } from '../src/core/model-spec';
import { CLASSES } from '@testkit/test-images';

/** Counted beside the differential, per 100 white cells, never in its percentages. */
const NOT_WHITE: readonly CellClass[] = ['ERYTHROBLAST'];

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
  // Drill bench-5 holds an immature granulocyte and two nucleated red cells among its 100 white cells.
  await page.goto('/#/practice/drill?seed=bench-5&cells=100');
  await expect(page.getByTestId('drill-code')).toHaveValue('bench-5');
  await expect(page.getByTestId('drill-link')).toContainText('#/practice/drill?seed=bench-5&cells=100');
  await expectNoAxeViolations(page, 'drill start');
  await page.getByTestId('start-drill').tap();

  // 100 white cells, and the nucleated red cells met on the way tallied beside them.
  const position = page.getByTestId('drill-position');
  await expect(position).toHaveText(/^Cell 1 of \d+$/);
  const total = Number((await position.textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(100);

  // The first ten neutrophils are tallied as lymphocytes; every other cell as the key has it.
  const given: { id: string; truth: CellClass; answer: CellClass }[] = [];
  let neutrophilsMisread = 0;
  const firstIds: string[] = [];
  for (let n = 0; n < total; n++) {
    await expect(position).toHaveText(`Cell ${n + 1} of ${total}`);
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
      await expect(position).toHaveText(`Cell 5 of ${total}`);
      await page.getByTestId('tally-undo').tap();
      await expect(position).toHaveText(`Cell 4 of ${total}`);
      expect((await currentCell(page)).id).toBe(cell.id);
    }
    if (n === 1) {
      const image = page.getByTestId('drill-counter').getByRole('img');
      await expect(image).toBeInViewport();
      await expect(page.getByTestId(`tally-${CLASSES[CLASSES.length - 1]}`)).toBeInViewport();
      // A key for every class, each a target a finger can hit: at least 44 × 44 px.
      for (const cls of CLASSES) {
        const box = (await page.getByTestId(`tally-${cls}`).boundingBox())!;
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      }
      await expectNoAxeViolations(page, 'drill counter');
    }
    await page.getByTestId(`tally-${answer}`).tap();
    given.push({ ...cell, answer });
    if (n === 49) {
      // Halfway, once the page shows the next cell (its sign that the tally is stored), the page
      // is reloaded: the drill resumes at that cell with the counts kept.
      await expect(position).toHaveText(`Cell 51 of ${total}`);
      await page.reload();
      await expect(position).toHaveText(`Cell 51 of ${total}`);
      for (const cls of ['LYMPHOCYTE', 'ERYTHROBLAST'] as const) {
        const tallied = given.filter((g) => g.answer === cls).length;
        await expect(page.getByTestId(`tally-${cls}`).getByTestId('tally-count')).toHaveText(String(tallied));
      }
    }
  }
  expect(given.some((g) => g.id.startsWith('bccd-'))).toBe(true);
  expect(given.some((g) => g.id.startsWith('pbc:'))).toBe(true);
  expect(given.filter((g) => g.truth === 'IG').length).toBeGreaterThan(0);
  const nucleatedRed = given.filter((g) => g.truth === 'ERYTHROBLAST').length;
  expect(nucleatedRed).toBe(total - 100);

  const report = page.getByTestId('drill-report');
  const wrong = given.filter((g) => g.answer !== g.truth);
  await expect(report.getByTestId('drill-score')).toHaveText(`${total - wrong.length} of ${total}`);
  // Percentages of the 100 white cells (immature granulocytes among them), so each is its count.
  for (const cls of CLASSES.filter((c) => !NOT_WHITE.includes(c))) {
    const row = report.locator(`[data-testid="drill-differential"] tr[data-class="${cls}"]`);
    await expect(row.locator('[data-metric="key"]')).toHaveText(`${given.filter((g) => g.truth === cls).length}%`);
    await expect(row.locator('[data-metric="student"]')).toHaveText(`${given.filter((g) => g.answer === cls).length}%`);
  }
  // Nucleated red cells beside the differential, per 100 white cells.
  const beside = report.locator('[data-testid="drill-per-hundred"] tr[data-class="ERYTHROBLAST"]');
  await expect(beside.locator('[data-metric="key"]')).toHaveText(`${nucleatedRed} per 100 WBC`);
  await expect(beside.locator('[data-metric="student"]')).toHaveText(`${nucleatedRed} per 100 WBC`);
  await expect(beside.locator('[data-metric="difference"]')).toHaveText('none');
  const misses = report.getByTestId('drill-misses').getByTestId('miss');
  await expect(misses).toHaveCount(wrong.length);
  await expect(misses.first().getByTestId('hints-NEUTROPHIL')).toBeVisible();
  await expectNoAxeViolations(page, 'drill report');

  // The same code is the same drill; another code another.
  await page.getByRole('button', { name: 'This drill again' }).tap();
  await expect(page.getByTestId('drill-code')).toHaveValue('bench-5');
  await page.getByTestId('start-drill').tap();
  expect((await currentCell(page)).id).toBe(firstIds[0]);
  await page.getByTestId('stop-drill').tap();
  await page.getByTestId('drill-code').fill('bench-2');
  await page.getByTestId('start-drill').tap();
  const other: string[] = [];
  for (let n = 0; n < 5; n++) {
    other.push((await currentCell(page)).id);
    await page.getByTestId(`tally-${(await currentCell(page)).truth}`).tap();
    await expect(position).toHaveText(new RegExp(`^Cell ${n + 2} of \\d+$`));
  }
  expect(other).not.toEqual(firstIds);
});
