import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

/** Prepended to the worker's script: WebGL contexts cannot be created, as on a machine without WebGL. */
const NO_WEBGL = `{
  const getContext = OffscreenCanvas.prototype.getContext;
  OffscreenCanvas.prototype.getContext = function (type, ...rest) {
    return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest);
  };
}
`;

test('when WebGL cannot start, the worker falls back to WASM and the page says so', async ({ page }) => {
  let patched = false;
  await page.route('**/assets/analysis.worker-*.js', async (route) => {
    const response = await route.fetch();
    patched = true;
    await route.fulfill({ response, body: NO_WEBGL + (await response.text()) });
  });
  await openReady(page);
  expect(patched).toBe(true);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('model-ready')).toContainText('WebGL could not start');
});

/** Prepended to the worker's script: the second image a worker instance reads fails, as on a lost context. */
const FAIL_SECOND_IMAGE = `{
  const getImageData = OffscreenCanvasRenderingContext2D.prototype.getImageData;
  let calls = 0;
  OffscreenCanvasRenderingContext2D.prototype.getImageData = function (...args) {
    if (++calls === 2) throw new Error('injected failure');
    return getImageData.apply(this, args);
  };
}
`;

test('when the worker fails mid-batch it is rebuilt and every image is classified once', async ({ page }) => {
  await page.route('**/assets/analysis.worker-*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: FAIL_SECOND_IMAGE + (await response.text()) });
  });
  let modelLoads = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/model/model.json')) modelLoads++;
  });
  await openReady(page);
  const images = knownGoodImages().filter((_, i) => i % 3 === 0);
  await dropFiles(
    page,
    images.map((i) => i.file),
  );
  await waitForAllFinished(page, images.length);
  for (const { cls, file } of images) {
    await expect(card(page, file.name)).toHaveAttribute('data-status', 'done');
    await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  }
  // Each worker instance fails once on its second image, so the worker was rebuilt at least once.
  expect(modelLoads).toBeGreaterThan(1);
});
