import type { Page } from '@playwright/test';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { knownGoodImages } from '@testkit/test-images';
import { expect, test } from './support/fixtures';

const [{ cls, file }] = knownGoodImages();

/** The WASM binaries the page's workers fetch. */
function wasmBinaries(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) names.push(r.url().slice(r.url().lastIndexOf('/') + 1));
  });
  return names;
}

test('served cross-origin isolated, WASM runs its threaded build and classifies as it does on one thread', async ({
  page,
}) => {
  const binaries = wasmBinaries(page);
  await openReady(page, '?backend=wasm');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(binaries).toEqual(['tfjs-backend-wasm-threaded-simd.wasm']);
  // tfjs computes on half the logical cores (at least one, at most eight): the badge says how many.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const expected = Math.min(8, Math.max(1, Math.floor(cores / 2)));
  await expect(page.getByTestId('wasm-threads')).toHaveAttribute('data-threads', String(expected));
  await dropFiles(page, [file]);
  await waitForAllFinished(page, 1);
  await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);

  // ?threads=off: the single-threaded build, same reading.
  binaries.length = 0;
  await openReady(page, '?backend=wasm&threads=off');
  expect(binaries).toEqual(['tfjs-backend-wasm-simd.wasm']);
  await expect(page.getByTestId('wasm-threads')).toHaveAttribute('data-threads', '1');
  await expect(page.getByTestId('wasm-threads')).toHaveText('(one thread)');
  await dropFiles(page, [file]);
  // The same bytes are in the open case already: the page asks before reading them again.
  await page.getByTestId('duplicate-files').getByRole('button', { name: 'Add it anyway' }).click();
  await waitForAllFinished(page, 1);
  await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
});

test('a host that sends no isolation headers gets single-threaded WASM that still works', async ({ page }) => {
  // Every response loses COOP and COEP, as from a host that cannot set headers.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  const binaries = wasmBinaries(page);
  await openReady(page, '?backend=wasm');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(binaries).toEqual(['tfjs-backend-wasm-simd.wasm']);
  await expect(page.getByTestId('wasm-threads')).toHaveAttribute('data-threads', '1');
  await dropFiles(page, [file]);
  await waitForAllFinished(page, 1);
  await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
});
