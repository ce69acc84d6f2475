import { expect, type Page } from '@playwright/test';

/** Opens the app and waits until the model is loaded and warm. */
export async function openReady(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
}

export function card(page: Page, name: string) {
  return page.locator(`[data-testid="result-card"][data-name="${name}"]`);
}

/** Waits until every card has left the queue, i.e. each file has its result or its message. */
export async function waitForAllFinished(page: Page, count: number): Promise<void> {
  const cards = page.getByTestId('result-card');
  await expect(cards).toHaveCount(count);
  await expect(page.locator('[data-testid="result-card"][data-status="queued"]')).toHaveCount(0, { timeout: 150_000 });
  await expect(page.locator('[data-testid="result-card"][data-status="analysing"]')).toHaveCount(0, {
    timeout: 150_000,
  });
}
