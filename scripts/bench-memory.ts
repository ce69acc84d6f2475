/**
 * Classifies 1,000 images in one page session — 10 drops of 100, the known-good TEST images
 * under new names — and prints, after each drop, the worker's live tensors (tf.memory()) and
 * the page's JS heap after a full GC. Fails if the tensors ever differ from the baseline.
 *
 *   npm run bench:memory [-- --dist DIR] [--port 4191] [--backend wasm] [--batches 10] [--per-batch 100]
 *                        [--out reports/bench-memory.json] [--skip-build]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { openReady } from '../e2e/support/app-page';
import { runMemoryBatches } from '../e2e/support/memory-run';
import { knownGoodImages } from '../e2e/support/test-images';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { buildInto, startPreview } from './lib/serve-build';
import { arg } from './lib/cli-arg';

const dist = arg('dist', join(tmpdir(), 'hematovision-bench', 'dist'));
const backend = arg('backend', 'wasm');
const batches = Number(arg('batches', '10'));
const perBatch = Number(arg('per-batch', '100'));
const outPath = arg('out', 'reports/bench-memory.json');

if (!process.argv.includes('--skip-build')) buildInto(dist);
const preview = await startPreview(dist, Number(arg('port', '4191')));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
let report;
try {
  const page = await browser.newPage({ baseURL: preview.url });
  await openReady(page, `?backend=${backend}&debug`);
  const files = knownGoodImages().map((g) => g.file);
  report = { backend, batches, perBatch, ...(await runMemoryBatches(page, files, batches, perBatch)) };
} finally {
  await browser.close();
  preview.stop();
}
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
const mb = (n: number) => (n / 1e6).toFixed(2).padStart(10);
console.log(`backend ${backend}; after each drop of ${perBatch}:`);
console.log('images   tensors  tensor MB   heap MB');
for (const r of [report.baseline, ...report.rows]) {
  console.log(
    `${String(r.images).padStart(6)} ${String(r.numTensors).padStart(9)} ${mb(r.tensorBytes)} ${mb(r.heapBytes)}`,
  );
}
const leaked = report.rows.filter((r) => r.numTensors !== report.baseline.numTensors);
const growth = report.rows.at(-1)!.heapBytes - report.rows[0].heapBytes;
console.log(`heap change from the first drop to the last: ${(growth / 1e6).toFixed(2)} MB`);
if (leaked.length > 0) {
  console.error(`tensors leaked: ${leaked.map((r) => `${r.numTensors} after ${r.images}`).join(', ')}`);
  process.exit(1);
}
