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
 * and again under new names, each with its name in a JPEG comment so that no drop repeats bytes
 * the page would hold back as a duplicate), reading the worker's tensors and the page's heap after each batch,
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
    const drop = Array.from({ length: perBatch }, (_, i) => {
      const name = `b${b}-${i}.jpeg`;
      return { ...files[i % files.length], name, buffer: withJpegComment(files[i % files.length].buffer, name) };
    });
    await dropFiles(page, drop);
    await waitForAllFinished(page, perBatch);
    rows.push(await read(b, b * perBatch));
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByTestId('result-card').first().waitFor({ state: 'detached' });
  }
  return { baseline, rows };
}

/** The JPEG with a comment segment (FF FE) holding `text` right after its start marker: the same picture, other bytes. */
function withJpegComment(jpeg: Buffer, text: string): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const body = Buffer.from(text, 'latin1');
  const header = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}
