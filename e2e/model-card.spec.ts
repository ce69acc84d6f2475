import { readFileSync } from 'node:fs';
import { CLASS_NAMES, classListInWords } from '@/core/class-names';
import { CELL_CLASSES, WHITE_CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';

/** The page's own rule for shares (src/features/model-card/utils/metrics.ts): one decimal place. */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Reliability bins the page draws: with predictions, at a confidence a top probability can have. */
const drawn = (bins: { count: number; confidence: number }[]) =>
  bins.filter((b) => b.count > 0 && b.confidence >= 1 / CELL_CLASSES.length).length;

test('the model card shows the figures in metrics.json', async ({ page }) => {
  const m = JSON.parse(readFileSync('public/model/metrics.json', 'utf8'));
  await page.goto('/#/model');
  const cardPage = page.getByTestId('model-card');
  const [, generation, hash] = /^(\d+)\.([0-9a-f]+)$/.exec(m.modelVersion)!;
  await expect(cardPage.getByTestId('model-version')).toHaveText(`v${generation} · ${hash}`);
  await expect(cardPage.getByTestId('gflops')).toHaveText(`${m.gflopsPerCell} GFLOPs`);
  await expect(cardPage.getByText(`${m.modelBytes.toLocaleString('en')} bytes`)).toBeVisible();
  await expect(cardPage.getByTestId('review-threshold')).toHaveText(pct(m.calibration.reviewThreshold));

  for (const [id, split] of [
    ['test', m.test],
    ['pbc', m.pbc],
    ['lisc', m.lisc],
    ['liscAdapted', m.liscAdapted],
  ]) {
    const s = page.getByTestId(`split-${id}`);
    await expect(s.getByTestId('accuracy')).toHaveText(pct(split.accuracy));
    await expect(s.getByText(`95% interval ${pct(split.accuracyCI95[0])}–${pct(split.accuracyCI95[1])}`)).toBeVisible();
    if (split.accuracyCI95By?.by === 'source cell')
      await expect(s.getByText(`resampling its ${split.accuracyCI95By.groups} source cells`)).toBeVisible();
    await expect(s.getByTestId('ece')).toHaveText(split.ece.toFixed(3));
    for (const cls of split.classes) {
      const row = s.locator(`[data-testid="class-table"] tr[data-class="${cls}"]`);
      for (const metric of ['precision', 'recall', 'f1'])
        await expect(row.locator(`[data-metric="${metric}"]`)).toHaveText(pct(split.perClass[cls][metric]));
      await expect(row.locator('[data-metric="support"]')).toHaveText(String(split.perClass[cls].support));
    }
    await expect(s.getByTestId('confusion-cell')).toHaveText(split.confusion.flat().map(String));
    await expect(s.getByRole('img', { name: /Reliability diagram/ }).locator('circle')).toHaveCount(
      drawn(split.reliability) + drawn(split.reliabilityBeforeCalibration ?? []),
    );
    if (split.calibrated) {
      await expect(s.getByTestId('calibrated-accuracy')).toHaveText(pct(split.calibrated.accuracy));
      await expect(s.getByTestId('calibrated-macro-f1')).toHaveText(pct(split.calibrated.macroF1));
    }
    if (split.review) {
      await expect(s.getByTestId('review-flagged')).toHaveText(pct(split.review.flaggedShare));
      await expect(s.getByTestId('review-accuracy')).toHaveText(pct(split.review.accuracyAboveThreshold));
    }
    // A lab without some of the model's classes (no IG or NRBC) shows its cells called them.
    const falseCalls = s.getByTestId('false-calls');
    if (!split.falseCalls) await expect(falseCalls).toHaveCount(0);
    else {
      await expect(falseCalls.getByTestId('false-calls-share')).toHaveText(pct(split.falseCalls.share));
      await expect(falseCalls.getByText(`${split.falseCalls.count} of ${split.images} images`)).toBeVisible();
      for (const cls of split.falseCalls.classes as CellClass[])
        await expect(falseCalls.getByTestId(`false-calls-${cls}`)).toHaveText(
          String(split.falseCalls.perClass[cls].count),
        );
      await expect(falseCalls.getByTestId('false-calls-verdict')).toHaveAttribute(
        'data-met',
        String(split.falseCalls.share <= m.falseCallTarget),
      );
    }
  }
  // Every class of the model has its row where a lab holds it: the PBC test partition holds all.
  await expect(page.getByTestId('split-pbc').locator('[data-testid="class-table"] tr[data-class]')).toHaveCount(
    CELL_CLASSES.length,
  );
  await expect(cardPage.getByTestId('detection-recall')).toHaveText(pct(m.detection.recall));
  await expect(cardPage.getByTestId('negatives-rejected')).toHaveText(pct(m.noWhiteCell.negativesRejected));
  await expect(cardPage.getByTestId('test-rejected')).toHaveText(pct(m.noWhiteCell.testImagesRejected));
  await expect(cardPage.getByTestId('heatmap-mass')).toHaveText(pct(m.heatmap.meanMassInsideBox));
  await expect(cardPage.getByTestId('limits').getByRole('listitem')).toHaveText(m.limits);
  await expectNoAxeViolations(page, 'model card');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectNoAxeViolations(page, 'dark model card');
});

/** Mean over the sets that hold a class: how the summary judges the shipped model (adapted set left out). */
function weakestAndCommonestMistake(m: Record<string, Split | undefined>) {
  const sets = ['test', 'pbc', 'lisc'].flatMap((id) => (m[id] ? [m[id]] : []));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const recalls: Record<string, number[]> = {};
  const mistakes: Record<string, number[]> = {};
  for (const s of sets)
    s.classes.forEach((truth, i) => {
      const support = s.perClass[truth].support;
      if (support === 0) return;
      (recalls[truth] ??= []).push(s.perClass[truth].recall);
      s.classes.forEach((answer, j) => {
        if (i !== j) (mistakes[`${truth} ${answer}`] ??= []).push(s.confusion[i][j] / support);
      });
    });
  const weakest = Object.entries(recalls).sort((a, b) => mean(a[1]) - mean(b[1]))[0];
  const mistake = Object.entries(mistakes).sort((a, b) => mean(b[1]) - mean(a[1]))[0];
  return {
    weakest: { cls: weakest[0], per100: Math.round(mean(weakest[1]) * 100) },
    mistake: { pair: mistake[0].split(' '), per100: Math.round(mean(mistake[1]) * 100) },
  };
}

interface Split {
  accuracy: number;
  classes: string[];
  perClass: Record<string, { recall: number; support: number }>;
  confusion: number[][];
}

test('the model card opens with a plain summary whose numbers come from metrics.json', async ({ page }) => {
  const m = JSON.parse(readFileSync('public/model/metrics.json', 'utf8'));
  await page.goto('/#/model');
  const summary = page.getByTestId('plain-summary');
  // First on the page, before any technical figure.
  const first = await page.getByTestId('model-card').locator('section, dl').first().getAttribute('data-testid');
  expect(first).toBe('plain-summary');
  await expect(summary.getByTestId('summary-reads')).toContainText(classListInWords(WHITE_CELL_CLASSES).toLowerCase());
  const falseCallSets = ['test', 'pbc', 'lisc'].filter((id) => m[id]?.falseCalls);
  await expect(summary.locator('[data-testid^="summary-false-calls-"]')).toHaveCount(falseCallSets.length);
  for (const id of falseCallSets) {
    const f = m[id].falseCalls;
    const line = summary.getByTestId(`summary-false-calls-${id}`);
    await expect(line).toContainText(`${Math.round(f.share * 1000) / 10} in 100`);
    for (const cls of f.classes as CellClass[])
      await expect(line).toContainText(`${CLASS_NAMES[cls].label.toLowerCase()}s`);
  }
  const sets = ['test', 'pbc', 'lisc', 'liscAdapted'].filter((id) => m[id]);
  await expect(summary.locator('[data-testid^="summary-lab-"]')).toHaveCount(sets.length);
  for (const id of sets)
    await expect(summary.getByTestId(`summary-lab-${id}`)).toContainText(`${Math.round(m[id].accuracy * 100)} in 100`);
  await expect(summary.getByTestId('summary-lab-test')).toContainText("training lab's held-out images");
  if (m.lisc) await expect(summary.getByTestId('summary-lab-lisc')).toContainText('a lab it never saw');

  const { weakest, mistake } = weakestAndCommonestMistake(m);
  await expect(summary.getByTestId('summary-weakest')).toHaveAttribute('data-class', weakest.cls);
  await expect(summary.getByTestId('summary-wrong')).toContainText(`about ${weakest.per100} in 100 named right`);
  await expect(summary.getByTestId('summary-confusion')).toHaveAttribute('data-truth', mistake.pair[0]);
  await expect(summary.getByTestId('summary-confusion')).toHaveAttribute('data-predicted', mistake.pair[1]);
  await expect(summary.getByTestId('summary-wrong')).toContainText(`about ${mistake.per100} in 100`);
  if (m.calibration?.reviewTarget)
    await expect(summary.getByTestId('summary-review')).toContainText(
      `at least ${Math.round(m.calibration.reviewTarget * 100)} in 100`,
    );

  for (const size of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    for (const theme of ['Light', 'Dark']) {
      await page.getByRole('button', { name: theme, exact: true }).click();
      await expectNoAxeViolations(page, `model card summary, ${theme.toLowerCase()}, ${size.width} px`);
    }
  }
});
