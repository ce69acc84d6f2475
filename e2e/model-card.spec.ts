import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';

/** The page's own rule for shares (src/features/model-card/metrics.ts): one decimal place. */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Reliability bins the page draws: with predictions, at a confidence a 4-class top probability can have. */
const drawn = (bins: { count: number; confidence: number }[]) =>
  bins.filter((b) => b.count > 0 && b.confidence >= 0.25).length;

test('the model card shows the figures in metrics.json', async ({ page }) => {
  const m = JSON.parse(readFileSync('public/model/metrics.json', 'utf8'));
  await page.goto('/#/model');
  const cardPage = page.getByTestId('model-card');
  await expect(cardPage.getByTestId('model-version')).toHaveText(m.modelVersion);
  await expect(cardPage.getByTestId('gflops')).toHaveText(`${m.gflopsPerCell} GFLOPs`);
  await expect(cardPage.getByText(`${m.modelBytes.toLocaleString('en')} bytes`)).toBeVisible();
  await expect(cardPage.getByTestId('review-threshold')).toHaveText(pct(m.calibration.reviewThreshold));

  for (const [id, split] of [
    ['test', m.test],
    ['labB', m.labB],
  ]) {
    const s = page.getByTestId(`split-${id}`);
    await expect(s.getByTestId('accuracy')).toHaveText(pct(split.accuracy));
    await expect(s.getByText(`95% interval ${pct(split.accuracyCI95[0])}–${pct(split.accuracyCI95[1])}`)).toBeVisible();
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
    if (split.review) {
      await expect(s.getByTestId('review-flagged')).toHaveText(pct(split.review.flaggedShare));
      await expect(s.getByTestId('review-accuracy')).toHaveText(pct(split.review.accuracyAboveThreshold));
    }
  }
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
