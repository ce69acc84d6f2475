import { openReady } from '@testkit/app-page';
import { expect, test } from './support/fixtures';
import { CLASSES } from '@testkit/test-images';

// About the service worker, which every other test blocks (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test('after one visit a practice session runs offline, model feedback included', async ({ page, context }) => {
  await openReady(page);
  await expect(page.getByTestId('offline-status')).toHaveText('Ready offline', { timeout: 120_000 });
  await page.goto('/#/practice');
  await expect(page.getByTestId('start-session')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('start-session').focus();
  await page.keyboard.press('Enter');
  for (let q = 0; q < 10; q++) {
    await expect(page.getByTestId('question-number')).toContainText(`Question ${q + 1} of 10`);
    const image = page.getByTestId('quiz').getByRole('img', { name: /Blood smear/ });
    expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(
      0,
    );
    await page.keyboard.press(String((q % CLASSES.length) + 1));
    if (q === 0)
      await expect(page.getByTestId('model-opinion')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(page.getByTestId('next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('final-score')).toHaveText(/^\d+ \/ 10$/);

  // The count drill's fields and cells come from the offline cache too: one of each is shown.
  await page.goto('/#/practice/drill?seed=offline&cells=100');
  await page.getByTestId('start-drill').click();
  const shown = { field: false, cell: false };
  // 100 white cells and the nucleated red cells met on the way.
  for (let n = 0; n < 100 && !(shown.field && shown.cell); n++) {
    const counter = page.getByTestId('drill-counter');
    await expect(page.getByTestId('drill-position')).toHaveText(new RegExp(`^Cell ${n + 1} of \\d+$`));
    const id = (await counter.getAttribute('data-cell-id'))!;
    const image = counter.getByRole('img');
    expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(
      0,
    );
    shown[id.startsWith('bccd-') ? 'field' : 'cell'] = true;
    await page.keyboard.press('1');
  }
  expect(shown).toEqual({ field: true, cell: true });
});
