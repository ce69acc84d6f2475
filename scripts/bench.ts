/**
 * Benchmarks the built app in headless Debian Chromium, our model beside the seed's architecture
 * (MobileNetV2 α=1.0, 224×224, random weights) through the same worker path and backend.
 *
 *   npm run bench [-- --dist DIR] [--port 4185] [--images 100] [--batch 200] [--warmup 5]
 *                 [--backends webgl,wasm] [--out reports/bench.json] [--skip-build]
 *
 * Builds the app into --dist (vite build), serves it with vite preview on --port, and for each
 * backend (?backend=…&debug) measures: model bytes, load and warm-up time; per-image latency,
 * median and p95 over --images images after --warmup, split into the worker's preprocessing
 * (pixels, thumbnail; for the seed also the 224 px resize) and analysis (ours: localisation, crops
 * and the classifier; the seed: its inference); a --batch-image drop end to end with the
 * main-thread long tasks (> 50 ms) and peak JS heap during it. Also the gzipped JS loaded before
 * the first interaction. Prints a table, writes JSON; the last line is `ratio webgl=<x> wasm=<y>`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import { dropBatch, loadFiles, modelInfo, PAGE_INIT, timeImages, type Payload } from './lib/bench-page';
import { initialJs } from './lib/initial-js';
import { buildInto, startPreview } from './lib/serve-build';
import { median, quantile } from './lib/stats';
import { arg } from './lib/cli-arg';

const TEST_DIR = '../shared/data/blood-cells/TEST';
const dist = arg('dist', join(tmpdir(), 'hematovision-bench', 'dist'));
// Not 4190: browsers and Node's fetch refuse it (the Fetch standard's blocked "sieve" port).
const port = Number(arg('port', '4185'));
const nImages = Number(arg('images', '100'));
const nBatch = Number(arg('batch', '200'));
const nWarm = Number(arg('warmup', '5'));
const backends = arg('backends', 'webgl,wasm').split(',');
const outPath = arg('out', 'reports/bench.json');

if (!process.argv.includes('--skip-build')) buildInto(dist);
const preview = await startPreview(dist, port);
const base = preview.url;

/** TEST images taken round-robin over the classes, in file-name order: a fixed, mixed set. */
function testImages(count: number): Payload[] {
  const lists = readdirSync(TEST_DIR)
    .sort()
    .map((cls) =>
      readdirSync(join(TEST_DIR, cls))
        .sort()
        .map((f) => join(TEST_DIR, cls, f)),
    );
  const out: Payload[] = [];
  for (let i = 0; out.length < count; i++) {
    const path = lists[i % lists.length][Math.floor(i / lists.length)];
    out.push({ name: path.split('/').slice(-2).join('-'), base64: readFileSync(path).toString('base64') });
  }
  return out;
}

const summary = (xs: number[]) => ({ median: median(xs), p95: quantile(xs, 0.95) });
const images = testImages(Math.max(nImages + nWarm, nBatch));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});
const results: Record<string, unknown>[] = [];
try {
  for (const requested of backends) {
    const page = await browser.newPage();
    await page.addInitScript(PAGE_INIT);
    const t0 = Date.now();
    await page.goto(`${base}/?backend=${requested}&debug`);
    await page.getByTestId('model-ready').waitFor({ timeout: 300_000 });
    const readyMs = Date.now() - t0;
    const info = await modelInfo(page);
    await loadFiles(page, images);
    console.log(`${info.backend}: model ready in ${readyMs} ms; timing ${nImages} images, ours then seed …`);
    await timeImages(page, 'ours', 0, nWarm);
    const ours = await timeImages(page, 'ours', nWarm, nImages);
    const seedWarm = await timeImages(page, 'seed', 0, nWarm);
    const seed = await timeImages(page, 'seed', nWarm, nImages);
    console.log(`${info.backend}: dropping a batch of ${nBatch} …`);
    const batch = await dropBatch(page, nBatch);
    results.push({
      backend: info.backend,
      modelBytes: info.totalBytes,
      pageToReadyMs: readyMs,
      loadMs: info.loadMs,
      warmUpMs: info.warmUpMs,
      ours: {
        totalMs: summary(ours.map((r) => r.totalMs)),
        preprocessMs: summary(ours.map((r) => r.decodeMs ?? NaN)),
        analyseMs: summary(ours.map((r) => r.analyseMs ?? NaN)),
        explainMs: summary(ours.map((r) => ('explainMs' in r ? (r.explainMs ?? NaN) : NaN))),
        failed: ours.filter((r) => 'status' in r && r.status !== 'done').length,
      },
      seed: {
        buildMs: 'buildMs' in seedWarm[0] ? seedWarm[0].buildMs : NaN,
        firstInferenceMs: seedWarm[0].analyseMs,
        totalMs: summary(seed.map((r) => r.totalMs)),
        preprocessMs: summary(seed.map((r) => r.decodeMs ?? NaN)),
        inferenceMs: summary(seed.map((r) => r.analyseMs ?? NaN)),
      },
      batch: {
        images: nBatch,
        ms: batch.ms,
        imagesPerSecond: (nBatch * 1000) / batch.ms,
        done: batch.done,
        errors: batch.errors,
        longTasksOver50ms: batch.longTasks.length,
        longestTaskMs: Math.max(0, ...batch.longTasks.map((t) => t.ms)),
        longTasks: batch.longTasks,
        peakJsHeapBytes: batch.peakHeapBytes,
      },
    });
    await page.close();
  }
} finally {
  await browser.close();
  preview.stop();
}

const js = initialJs(dist);
const report = {
  date: new Date().toISOString(),
  images: nImages,
  warmup: nWarm,
  jsBeforeInteractionGzip: js.totalGzip,
  results,
};
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);

const f = (n: unknown, d = 0) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '–');
type Row = (typeof results)[number] & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const rows: [string, (r: Row) => string][] = [
  ['model bytes', (r) => f(r.modelBytes)],
  ['page → model ready, ms', (r) => f(r.pageToReadyMs)],
  ['model load (fetch + build), ms', (r) => f(r.loadMs)],
  ['warm-up, ms', (r) => f(r.warmUpMs)],
  [`ours per image, median / p95 ms`, (r) => `${f(r.ours.totalMs.median)} / ${f(r.ours.totalMs.p95)}`],
  ['  preprocessing (worker)', (r) => `${f(r.ours.preprocessMs.median)} / ${f(r.ours.preprocessMs.p95)}`],
  ['  localise + classify (worker)', (r) => `${f(r.ours.analyseMs.median)} / ${f(r.ours.analyseMs.p95)}`],
  ['  heatmaps (worker)', (r) => `${f(r.ours.explainMs.median)} / ${f(r.ours.explainMs.p95)}`],
  ['seed per image, median / p95 ms', (r) => `${f(r.seed.totalMs.median)} / ${f(r.seed.totalMs.p95)}`],
  ['  preprocessing (worker)', (r) => `${f(r.seed.preprocessMs.median)} / ${f(r.seed.preprocessMs.p95)}`],
  ['  inference (worker)', (r) => `${f(r.seed.inferenceMs.median)} / ${f(r.seed.inferenceMs.p95)}`],
  ['seed build / first inference, ms', (r) => `${f(r.seed.buildMs)} / ${f(r.seed.firstInferenceMs)}`],
  [`batch of ${nBatch}: drop → last result, ms`, (r) => f(r.batch.ms)],
  ['  images per second', (r) => f(r.batch.imagesPerSecond, 2)],
  ['  done / errors', (r) => `${r.batch.done} / ${r.batch.errors}`],
  ['  long tasks > 50 ms (longest, ms)', (r) => `${r.batch.longTasksOver50ms} (${f(r.batch.longestTaskMs)})`],
  ['  peak JS heap (main thread), MB', (r) => f(r.batch.peakJsHeapBytes / 1e6, 1)],
];
console.log(`\n${''.padEnd(40)}${results.map((r) => String(r.backend).padStart(18)).join('')}`);
for (const [label, cell] of rows)
  console.log(`${label.padEnd(40)}${results.map((r) => cell(r as Row).padStart(18)).join('')}`);
console.log(`JS before first interaction: ${(js.totalGzip / 1024).toFixed(1)} KB gzipped`);
console.log(`JSON: ${outPath}`);
const ratio = (b: string) => {
  const r = results.find((x) => x.backend === b) as Row | undefined;
  return r ? (r.ours.totalMs.median / r.seed.totalMs.median).toFixed(3) : 'n/a';
};
console.log(`ratio webgl=${ratio('webgl')} wasm=${ratio('wasm')}`);
