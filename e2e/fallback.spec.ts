import { openReady } from './support/app-page';
import { expect, test } from './support/fixtures';

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
