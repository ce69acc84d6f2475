import { chromium, type Page } from '@playwright/test';
import { ensurePreview, PREVIEW_URL } from '@testkit/preview-server';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';

/**
 * Runs `measure` on the built app in headless Chromium with the model loaded on `backend`
 * (`vite preview` started unless one runs), then closes both. `running` is the backend the page
 * reports: a forced backend that cannot start shows up there rather than in silence.
 */
export async function withReadyAppPage(
  backend: string,
  measure: (page: Page, running: string | null) => Promise<void>,
): Promise<void> {
  const stopPreview = await ensurePreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${PREVIEW_URL}/?backend=${backend}`);
    await page.getByTestId('model-ready').waitFor({ timeout: 120_000 });
    await measure(page, await page.getByTestId('backend').getAttribute('data-backend'));
  } finally {
    await browser.close();
    stopPreview();
  }
}
