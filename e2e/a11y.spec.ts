import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openReady, waitForAllFinished } from '@testkit/app-page';
import { badFiles } from './support/bad-files';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages, TEST_DIR } from '@testkit/test-images';

async function expectNoViolations(page: Page, view: string) {
  // Colours are judged at rest, not halfway through a CSS transition.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations in the ${view} view`).toEqual([]);
}

test('the main views have no axe violations, in light and dark mode', async ({ page }) => {
  await openReady(page);
  await expectNoViolations(page, 'empty');

  const good = knownGoodImages().slice(0, 4);
  const bad = badFiles(`${TEST_DIR}/LYMPHOCYTE/_0_1050.jpeg`, 'e2e/fixtures/cmyk-lymphocyte.jpg').filter(
    (f) => f.name === 'grayscale.png' || f.name === 'photo.heic',
  );
  await dropFiles(page, [...good.map((g) => g.file), ...bad]);
  await waitForAllFinished(page, good.length + bad.length);
  await expectNoViolations(page, 'results grid');

  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoViolations(page, 'results list');

  await page.getByRole('button', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectNoViolations(page, 'dark results list');
});

test('the model error view has no axe violations', async ({ page }) => {
  await page.route('**/model/metadata.json', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('/');
  await expect(page.getByTestId('model-error')).toBeVisible();
  await expectNoViolations(page, 'model error');
});
