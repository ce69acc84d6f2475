/**
 * Classifies 1,000 images in one page session — 10 drops of 100, the known-good TEST images
 * under new names — and prints, after each drop, the worker's live tensors (tf.memory()) and
 * the page's JS heap after a full GC. Fails if the tensors ever differ from the baseline.
 *
 * Then drops each image bomb (PNGs of 20000², 16000² and 10000², a BMP declaring 20000², a
 * 20000² JPEG, a 6400×4800 phone photo with EXIF orientation 6) into a fresh browser and prints
 * the renderer's peak resident memory for each. Fails if any file the app accepts peaks above 1 GB.
 *
 *   npm run bench:memory [-- --dist DIR] [--port 4191] [--backend wasm] [--batches 10] [--per-batch 100]
 *                        [--only batches|bombs] [--out reports/bench-memory.json] [--skip-build]
 *
 * With --only, the other part of the report file is kept as it was.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { openReady } from '@testkit/app-page';
import { runMemoryBatches } from '@testkit/memory-run';
import { knownGoodImages } from '@testkit/test-images';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';
import { bombFiles, measureBombs, type BombRow } from '../lib/bomb-memory';
import { buildInto, startPreview } from '../lib/serve-build';
import { arg } from '../lib/cli-arg';

const dist = arg('dist', join(tmpdir(), 'hematovision-bench', 'dist'));
const backend = arg('backend', 'wasm');
const batches = Number(arg('batches', '10'));
const perBatch = Number(arg('per-batch', '100'));
const outPath = arg('out', 'reports/bench-memory.json');
const only = arg('only', 'all');
/** The most a renderer may hold at its peak for any one file the app accepts. */
const RENDERER_BUDGET_BYTES = 1024 ** 3;

type BatchReport = { backend: string; batches: number; perBatch: number } & Awaited<
  ReturnType<typeof runMemoryBatches>
>;
const previous = (existsSync(outPath) ? JSON.parse(readFileSync(outPath, 'utf8')) : {}) as Partial<
  BatchReport & { bombs: BombRow[] }
>;

if (!process.argv.includes('--skip-build')) buildInto(dist);
const preview = await startPreview(dist, Number(arg('port', '4191')));
let batchReport: BatchReport | undefined;
let bombs: BombRow[] | undefined;
try {
  if (only !== 'bombs') batchReport = await measureBatches(preview.url);
  if (only !== 'batches') bombs = await measureBombs(preview.url, backend, await bombFiles());
} finally {
  preview.stop();
}
const { bombs: previousBombs, ...previousBatches } = previous;
const report = { ...(batchReport ?? previousBatches), bombs: bombs ?? previousBombs };
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
if (batchReport) printBatches(batchReport);
if (bombs) printBombs(bombs);

async function measureBatches(url: string): Promise<BatchReport> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ baseURL: url });
    await openReady(page, `?backend=${backend}&debug`);
    const files = knownGoodImages().map((g) => g.file);
    return { backend, batches, perBatch, ...(await runMemoryBatches(page, files, batches, perBatch)) };
  } finally {
    await browser.close();
  }
}

function printBombs(rows: readonly BombRow[]): void {
  const mib = (n: number) => `${(n / 1024 ** 2).toFixed(0)} MiB`.padStart(9);
  console.log(`peak renderer memory per file (VmHWM, backend ${backend}, model loaded first):`);
  console.log('file                                   file size  before     peak  outcome');
  for (const r of rows) {
    const size = `${(r.bytes / 1e6).toFixed(2)} MB`.padStart(9);
    const outcome = r.status === 'done' ? 'analysed' : `refused: ${r.message ?? ''}`;
    console.log(`${r.file.padEnd(38)} ${size} ${mib(r.rendererBeforeBytes)} ${mib(r.rendererPeakBytes)}  ${outcome}`);
  }
  const over = rows.filter((r) => r.status === 'done' && r.rendererPeakBytes > RENDERER_BUDGET_BYTES);
  if (over.length > 0) {
    console.error(`accepted files above the 1 GiB renderer budget: ${over.map((r) => r.file).join(', ')}`);
    process.exitCode = 1;
  }
}

function printBatches(report: BatchReport): void {
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
    process.exitCode = 1;
  }
}
