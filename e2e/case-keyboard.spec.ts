import { openReady } from '@testkit/app-page';
import { fileFromDisk } from '@testkit/drop-files';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails past `most` presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('from the keyboard alone: choose an image, go to its case, reclassify in the gallery, the queue, the report', async ({
  page,
}) => {
  await openReady(page);
  // The file chooser is the keyboard's way to add images (dropping needs a mouse).
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByTestId('file-input'));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(fileFromDisk('../shared/data/bccd/JPEGImages/BloodImage_00007.jpg'));
  const toCase = page.getByRole('link', { name: 'Count, correct and export the differential' });
  await expect(toCase).toBeVisible({ timeout: 150_000 });
  await tabTo(page, toCase);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/case$/);
  // A page change puts focus at the new page's start, not on the body.
  await expect(page.locator('main')).toBeFocused();

  const sections = page.getByRole('navigation', { name: 'Case sections' });
  await tabTo(page, sections.getByRole('button', { name: 'Gallery', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cell gallery' })).toBeFocused();
  const firstTile = page.getByTestId('gallery-cell').first();
  await tabTo(page, firstTile);
  const key = await firstTile.getAttribute('data-key');
  const tile = page.locator(`[data-testid="gallery-cell"][data-key="${key}"]`);
  await page.keyboard.press('x');
  await expect(tile).toHaveAttribute('data-final', 'NOT_WBC');
  await expect(tile).toBeFocused();
  await page.keyboard.press('u');
  await expect(tile).not.toHaveAttribute('data-final', 'NOT_WBC');
  await expect(tile).toBeFocused();
  // 6 and 7, the new classes' keys: the tile moves group and keeps focus.
  await page.keyboard.press('6');
  await expect(tile).toHaveAttribute('data-final', 'IG');
  await expect(tile).toBeFocused();
  await page.keyboard.press('7');
  await expect(tile).toHaveAttribute('data-final', 'ERYTHROBLAST');
  await expect(tile).toBeFocused();
  await page.keyboard.press('u');
  await expect(tile).not.toHaveAttribute('data-final', 'ERYTHROBLAST');
  await expect(tile).toBeFocused();

  await tabTo(page, sections.getByRole('button', { name: 'Review queue', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#review-heading')).toBeFocused();
  const queue = page.getByTestId('review-queue');
  if ((await queue.count()) > 0) {
    await tabTo(page, queue);
    const first = await queue.getAttribute('data-key');
    await page.keyboard.press('Enter');
    await expect(queue.or(page.getByTestId('review-summary'))).not.toHaveAttribute('data-key', first ?? '');
  }

  await tabTo(page, sections.getByRole('button', { name: 'Report', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Print report' })).toBeFocused();
});
