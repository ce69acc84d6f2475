import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { runMemoryBatches } from '@testkit/memory-run';
import { knownGoodImages } from '@testkit/test-images';
import { loseWebglContext } from '@testkit/worker-probe';

test('batch after batch, the worker gives back every tensor and the page heap does not grow', async ({ page }) => {
  // The full 1,000 images run in `npm run bench:memory`; here 4 batches of 15 keep the suite fast.
  await openReady(page, '?backend=wasm&debug');
  const files = knownGoodImages().map((g) => g.file);
  const { baseline, rows } = await runMemoryBatches(page, files, 4, 15);
  console.log(JSON.stringify({ baseline, rows }));
  for (const row of rows) expect(row.numTensors, `tensors after batch ${row.batch}`).toBe(baseline.numTensors);
  // After the first batch (code paths warmed, caches filled), the heap stays within 2 MB of it.
  const settled = rows[0].heapBytes;
  for (const row of rows.slice(1)) expect(row.heapBytes, `heap after batch ${row.batch}`).toBeLessThan(settled + 2e6);
});

test('a WebGL context lost mid-batch: the worker is rebuilt and every image is classified once', async ({ page }) => {
  let modelLoads = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/model/model.json')) modelLoads++;
  });
  await openReady(page, '?debug');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  const images = knownGoodImages();
  await dropFiles(
    page,
    images.map((i) => i.file),
  );
  await expect(page.locator('[data-testid="result-card"][data-status="done"]')).not.toHaveCount(0);
  expect(await loseWebglContext(page)).toBe(true);
  await waitForAllFinished(page, images.length);
  for (const { cls, file } of images) {
    await expect(card(page, file.name)).toHaveCount(1);
    await expect(card(page, file.name)).toHaveAttribute('data-status', 'done');
    await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  }
  expect(modelLoads, 'the worker was rebuilt and loaded the model again').toBeGreaterThan(1);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /webgl|wasm/);
});
