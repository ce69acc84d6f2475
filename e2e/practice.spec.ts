import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';
import { CLASS_NAMES } from '../src/core/class-names';
import type { CellClass } from '../src/core/model-spec';
import { CLASSES } from '@testkit/test-images';

const manifest = JSON.parse(readFileSync('public/practice/manifest.json', 'utf8')) as {
  items: { id: string; label: CellClass }[];
};
const truthOf = new Map(manifest.items.map((i) => [i.id, i.label]));

test('a ten-question session by keyboard scores what was answered and is in the history after a reload', async ({
  page,
}) => {
  await page.goto('/#/practice');
  const start = page.getByTestId('start-session');
  await start.focus();
  await page.keyboard.press('Enter');

  // Every third answer is deliberately wrong (the next class along); the rest are right.
  const given: { truth: string; answer: string }[] = [];
  for (let q = 0; q < 10; q++) {
    const quiz = page.getByTestId('quiz');
    await expect(page.getByTestId('question-number')).toContainText(`Question ${q + 1} of 10`);
    const truth = truthOf.get((await quiz.getAttribute('data-item-id'))!)!;
    const answer = q % 3 === 0 ? CLASSES[(CLASSES.indexOf(truth) + 1) % CLASSES.length] : truth;
    await page.keyboard.press(String(CLASSES.indexOf(answer) + 1));
    const feedback = page.getByTestId('feedback');
    await expect(feedback).toHaveAttribute('data-correct', String(answer === truth));
    await expect(feedback.getByTestId('true-class')).toHaveText(CLASS_NAMES[truth].label.toLowerCase());
    await expect(feedback.getByTestId(`hints-${truth}`)).toBeVisible();
    if (q === 0) {
      // What the model thought, with its heatmap over the image.
      await expect(feedback.getByTestId('model-opinion')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
      await expect(page.getByTestId('heatmap-canvas')).toHaveAttribute('data-visible', 'true');
      await expectNoAxeViolations(page, 'practice feedback');
    }
    given.push({ truth, answer });
    await expect(page.getByTestId('next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }

  const correct = given.filter((g) => g.truth === g.answer).length;
  const summary = page.getByTestId('summary');
  await expect(summary.getByTestId('final-score')).toHaveText(`${correct} / 10`);
  for (const cls of CLASSES) {
    const asked = given.filter((g) => g.truth === cls);
    const row = summary.locator(`[data-testid="per-class"] tr[data-class="${cls}"]`);
    await expect(row.locator('[data-metric="asked"]')).toHaveText(String(asked.length));
    await expect(row.locator('[data-metric="correct"]')).toHaveText(
      String(asked.filter((g) => g.answer === cls).length),
    );
    const confusionRow = summary.locator(`[data-testid="student-confusion"] tr[data-class="${cls}"]`);
    for (const answer of CLASSES)
      await expect(confusionRow.locator(`td[data-answer="${answer}"]`)).toHaveText(
        String(asked.filter((g) => g.answer === answer).length),
      );
  }

  await expectNoAxeViolations(page, 'practice summary');
  await page.reload();
  await expect(page.getByTestId('history-row').first().locator('[data-metric="score"]')).toHaveText(`${correct} / 10`);
  await expect(page.getByTestId('overall-progress')).toContainText('All your answers (10)');
  await expectNoAxeViolations(page, 'practice start with history');
});

test('the atlas shows at least six examples and the facts for each cell type', async ({ page }) => {
  await page.goto('/#/atlas');
  for (const [cls, normal] of [
    ['Basophil', '0–1% of white cells'],
    ['Eosinophil', '1–4% of white cells'],
    ['Lymphocyte', '20–40% of white cells'],
    ['Monocyte', '2–8% of white cells'],
    ['Neutrophil', '40–70% of white cells'],
    ['Immature granulocyte', '0% of white cells'],
    ['Nucleated red cell', '0 per 100 white cells'],
  ]) {
    await page.getByRole('group', { name: 'Cell type' }).getByRole('button', { name: cls, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Atlas: ${cls}` })).toBeVisible();
    // The sixth example shows once the practice set has loaded.
    await expect(page.getByTestId('atlas-examples').getByRole('img').nth(5)).toBeVisible();
    await expect(page.getByTestId('atlas')).toContainText(normal);
  }
  // An immature granulocyte's examples are named by their stages, read from the PBC file names.
  await page.getByRole('group', { name: 'Cell type' }).getByRole('button', { name: 'Immature granulocyte' }).click();
  await expect(page.getByTestId('atlas')).toHaveAttribute('data-class', 'IG');
  const stages = await page.getByTestId('atlas-form').allTextContents();
  expect(new Set(stages)).toEqual(new Set(['promyelocyte', 'myelocyte', 'metamyelocyte']));
  await expect(page.getByTestId('atlas')).toContainText('Golgi zone');
  await page.getByRole('group', { name: 'Cell type' }).getByRole('button', { name: 'Nucleated red cell' }).click();
  await expect(page.getByTestId('atlas')).toHaveAttribute('data-class', 'ERYTHROBLAST');
  await expect(page.getByTestId('atlas')).toContainText('small lymphocyte');
  await expect(page.getByTestId('practice-set-credit')).toContainText('Data in Brief 30 (2020) 105474');
  await expect(page.getByTestId('practice-set-credit').getByRole('link', { name: 'CC BY 4.0' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'dark atlas');
});
