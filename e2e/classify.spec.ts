import { readFileSync } from 'node:fs';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

const images = knownGoodImages();

for (const backend of ['webgl', 'wasm'] as const) {
  test(`TEST images dropped together get the right class on ${backend}`, async ({ page }) => {
    await openReady(page, backend === 'webgl' ? '' : `?backend=${backend}`);
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', backend);
    await dropFiles(
      page,
      images.map((i) => i.file),
    );
    await waitForAllFinished(page, images.length);
    for (const { cls, file } of images) {
      const c = card(page, file.name);
      await expect(c).toHaveAttribute('data-status', 'done');
      const why = `${file.name}: chosen for the model in e2e/fixtures/test-images.json (after a model change, rerun e2e/tools/select-test-images.ts)`;
      await expect(c.getByTestId('cell').first(), why).toHaveAttribute('data-class', cls);
    }
    // The summary counts at least the known cells of each class, and a count filters the cards.
    for (const cls of new Set(images.map((i) => i.cls))) {
      const known = images.filter((i) => i.cls === cls).length;
      const count = Number(await page.getByTestId(`count-${cls}`).locator('strong').textContent());
      expect(count).toBeGreaterThanOrEqual(known);
    }
    // The review rule states the shipped model's own threshold and what its mark promises.
    const { reviewThreshold, reviewTarget } = JSON.parse(readFileSync('public/model/metadata.json', 'utf8'));
    const rule = page.getByTestId('review-rule');
    await expect(rule).toContainText(`less than ${(reviewThreshold * 100).toFixed(1)}%`);
    await expect(rule).toContainText(`right at least ${Math.round(reviewTarget * 100)}% of the time on held-out cells`);
    await page.getByTestId('count-MONOCYTE').click();
    const shown = page.getByTestId('result-card');
    await expect(card(page, images.find((i) => i.cls === 'MONOCYTE')!.file.name)).toBeVisible();
    await expect(card(page, images.find((i) => i.cls === 'EOSINOPHIL')!.file.name)).toHaveCount(0);
    await expect(shown.filter({ has: page.locator('[data-class="MONOCYTE"]') })).toHaveCount(await shown.count());
    await page.getByTestId('count-MONOCYTE').click();
    await expect(shown).toHaveCount(images.length);
  });
}
