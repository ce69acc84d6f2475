import { card } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

test('a missing shard gives a clear error, and Retry loads the model once it is back', async ({ page }) => {
  let block = true;
  await page.route('**/model/group1-shard1of2.bin', (route) =>
    block ? route.fulfill({ status: 404, body: 'gone' }) : route.continue(),
  );
  await page.goto('/');
  const error = page.getByTestId('model-error');
  await expect(error).toContainText('group1-shard1of2.bin');
  await expect(error).toContainText('missing');
  await expect(page.getByTestId('model-ready')).toHaveCount(0);

  block = false;
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
});

test('a corrupted shard is refused by its checksum', async ({ page }) => {
  await page.route('**/model/group1-shard1of2.bin', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[1000] ^= 0xff;
    await route.fulfill({ response, body });
  });
  await page.goto('/');
  await expect(page.getByTestId('model-error')).toContainText(/group1-shard1of2\.bin.*checksum/);
});

test('a model.json that is not JSON is named in the error; nothing is analysed until Retry loads the model', async ({
  page,
}) => {
  let broken = true;
  await page.route('**/model/model.json', (route) =>
    broken
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '<html>502 Bad Gateway</html>' })
      : route.continue(),
  );
  await page.goto('/');
  const error = page.getByTestId('model-error');
  await expect(error).toContainText('model.json is not valid JSON');
  await expect(page.getByTestId('model-ready')).toHaveCount(0);
  // An image dropped now is not analysed by a half-loaded model: its card says why.
  const [{ file }] = knownGoodImages();
  await dropFiles(page, [file]);
  await expect(card(page, file.name)).toHaveAttribute('data-status', 'error');
  await expect(card(page, file.name).getByTestId('card-message')).toContainText('the model could not be loaded');
  await expect(card(page, file.name).getByTestId('cell')).toHaveCount(0);

  broken = false;
  await page.getByTestId('model-error').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
});

test('the progress bar counts the model bytes exactly', async ({ page }) => {
  const values: string[] = [];
  await page.exposeFunction('recordProgress', (v: string) => values.push(v));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Model download"]');
      const rec = (window as unknown as { recordProgress: (v: string) => void }).recordProgress;
      if (bar) rec(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto('/');
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  const metadata = (await (await page.request.get('/model/metadata.json')).json()) as { totalBytes: number };
  expect(values).toContain(`${metadata.totalBytes}/${metadata.totalBytes}`);
});
