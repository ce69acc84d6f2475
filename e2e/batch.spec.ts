import { readdirSync } from 'node:fs';
import { openReady } from '@testkit/app-page';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages, TEST_DIR } from '@testkit/test-images';

test('a batch shows "n / total", cancel stops it at once, and the next drop works', async ({ page }) => {
  await openReady(page);
  const names = readdirSync(`${TEST_DIR}/NEUTROPHIL`).slice(0, 80);
  await dropFiles(
    page,
    names.map((n) => fileFromDisk(`${TEST_DIR}/NEUTROPHIL/${n}`)),
  );
  await expect(page.getByTestId('batch-progress')).toContainText(/Analysed \d+ \/ 80/);
  await page.getByTestId('batch-progress').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('batch-progress')).toHaveCount(0);
  const cancelled = page.locator('[data-testid="result-card"][data-status="cancelled"]');
  await expect(cancelled.first()).toBeVisible();
  await expect(page.locator('[data-testid="result-card"][data-status="queued"]')).toHaveCount(0);

  // The worker restarts lazily: the model loads again and a new drop is classified.
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  const { cls, file } = knownGoodImages()[0];
  await dropFiles(page, [file]);
  const card = page.locator(`[data-testid="result-card"][data-name="${file.name}"]`);
  await expect(card).toHaveAttribute('data-status', 'done');
  await expect(card.getByTestId('cell').first()).toHaveAttribute('data-class', cls);

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByTestId('result-card')).toHaveCount(0);
});
