import { openReady } from '@testkit/app-page';
import { expect, test } from './support/fixtures';
import { workerMemory } from '@testkit/worker-probe';

/** The chunks behind the test and benchmark hooks: the page's and the worker's. */
const DEBUG_CHUNK = /\/assets\/debug-(hooks|api)-[^/]*\.js$/;

test('a visit without ?debug never fetches the debug hooks and the page exposes none', async ({ page, requestLog }) => {
  await openReady(page, '?backend=wasm');
  expect(await page.evaluate(() => 'hematovisionDebug' in window)).toBe(false);
  expect(requestLog.filter((url) => DEBUG_CHUNK.test(url))).toEqual([]);
});

test('with ?debug the hooks reach the worker on a port of their own', async ({ page, requestLog }) => {
  await openReady(page, '?backend=wasm&debug');
  const memory = await workerMemory(page);
  expect(memory.numTensors, 'the loaded model holds tensors').toBeGreaterThan(0);
  // Both halves were fetched on demand: the page's hooks and the worker's.
  expect(requestLog.filter((url) => DEBUG_CHUNK.test(url))).toHaveLength(2);
});
