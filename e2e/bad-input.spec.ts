import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { badFiles } from './support/bad-files';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages, TEST_DIR } from '@testkit/test-images';

test('bad inputs get one clear message each; good files in the same drop are classified', async ({ page }) => {
  const bad = badFiles(`${TEST_DIR}/LYMPHOCYTE/_0_1050.jpeg`, 'e2e/fixtures/cmyk-lymphocyte.jpg');
  const good = knownGoodImages().filter((_, i) => i % 3 === 0);
  await openReady(page);
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  const all = [...good.slice(0, 2).map((g) => g.file), ...bad, ...good.slice(2).map((g) => g.file)];
  await dropFiles(page, all);
  await waitForAllFinished(page, all.length);

  for (const f of bad) {
    const c = card(page, f.name);
    await expect(c).toHaveAttribute('data-status', f.analysed ? 'done' : 'error');
    const texts = c.locator('[data-testid="card-message"], [data-testid="card-note"]');
    await expect(texts.filter({ hasText: f.expect }), `${f.name}: ${f.expect}`).toHaveCount(1);
  }
  // A refused file says why in exactly one message.
  for (const f of bad.filter((b) => !b.analysed)) {
    await expect(card(page, f.name).getByTestId('card-message')).toHaveCount(1);
  }
  for (const { cls, file } of good) {
    await expect(card(page, file.name)).toHaveAttribute('data-status', 'done');
    await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  }
  // The CMYK and transparent copies of real cells are still classified.
  await expect(card(page, 'cmyk.jpg').getByTestId('cell')).not.toHaveCount(0);
  await expect(card(page, 'alpha.png').getByTestId('cell')).not.toHaveCount(0);
  expect(pageErrors).toEqual([]);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
});
