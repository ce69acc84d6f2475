import type { Page } from '@playwright/test';
import { waitForAllFinished } from './app-page';
import { dropFiles, type FilePayload } from './drop-files';
import { heapAfterGc, workerMemory } from './worker-probe';

export interface MemoryRow {
  readonly batch: number;
  readonly images: number;
  readonly numTensors: number;
  readonly tensorBytes: number;
  readonly heapBytes: number;
}

/**
 * Classifies `batches` drops of `perBatch` images in one page session (the same few files again
 * and again under new names), reading the worker's tensors and the page's heap after each batch,
 * then clearing the results as a user starting the next batch would.
 */
export async function runMemoryBatches(
  page: Page,
  files: readonly FilePayload[],
  batches: number,
  perBatch: number,
): Promise<{ baseline: MemoryRow; rows: MemoryRow[] }> {
  const read = async (batch: number, images: number): Promise<MemoryRow> => {
    const m = await workerMemory(page);
    return { batch, images, numTensors: m.numTensors, tensorBytes: m.numBytes, heapBytes: await heapAfterGc(page) };
  };
  const baseline = await read(0, 0);
  const rows: MemoryRow[] = [];
  for (let b = 1; b <= batches; b++) {
    const drop = Array.from({ length: perBatch }, (_, i) => ({ ...files[i % files.length], name: `b${b}-${i}.jpeg` }));
    await dropFiles(page, drop);
    await waitForAllFinished(page, perBatch);
    rows.push(await read(b, b * perBatch));
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByTestId('result-card').first().waitFor({ state: 'detached' });
  }
  return { baseline, rows };
}
