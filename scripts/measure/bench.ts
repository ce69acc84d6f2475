/**
 * Benchmarks the built app in headless Debian Chromium, our pipeline beside the seed's (MobileNetV2
 * α=1.0, 224×224, random weights, the whole field resized to its input) through the same worker
 * and backend.
 *
 *   npm run bench [-- --dist DIR] [--port 4185] [--images 40] [--repeats 3] [--batch 100]
 *                 [--warmup 5] [--backends webgl,wasm] [--out reports/bench.json] [--skip-build]
 *
 * Builds the app into --dist (vite build), serves it with vite preview on --port, and for each
 * backend (?backend=…&debug) runs each of --images TEST images through ours and the seed's back to
 * back, alternating which goes first, --repeats times (each repeat flips the order), so load on the
 * machine falls on both alike. Reports the median of the per-pair ratios (ours / seed) with its
 * IQR over pairs and the min–max of the repeats' medians, and the same per stage: decode (file to
 * pixels), localise, crop, classify, cell pictures, thumbnail, and the rest (messages, transfer).
 * Then drops a --batch-image batch end to end, with the main-thread long tasks (> 50 ms) and
 * peak JS heap; on WASM, the batch runs on tfjs's threaded build (the preview server sends the
 * cross-origin isolation headers) and again on its single-threaded build (`?threads=off`), in
 * images per second. Also the gzipped JS loaded before the first interaction. Prints tables,
 * writes JSON; the last line is `ratio webgl=<x> wasm=<y>`. Page loads are tried up to three
 * times; the preview server and the browser are stopped on any failure or signal, and a run that
 * does not finish writes no JSON.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';
import type { TimedImage, TimedSeedImage } from '@/lib/worker-client/debug-hooks';
import type { Browser } from '@playwright/test';
import {
  dropBatch,
  loadFiles,
  modelInfo,
  openReadyPage,
  timePairs,
  type BatchRun,
  type Payload,
  type TimedPair,
} from '../lib/bench-page';
import { arg } from '../lib/cli-arg';
import { fail } from '../lib/fail';
import { initialJs } from '../lib/initial-js';
import { buildInto, startPreview } from '../lib/serve-build';
import { Shutdown } from '../lib/shutdown';
import { pairRatios, repeatedMedian, type RepeatedMedian } from '../lib/stats';

const TEST_DIR = '../shared/data/blood-cells/TEST';
const dist = arg('dist', join(tmpdir(), 'hematovision-bench', 'dist'));
// Not 4190: browsers and Node's fetch refuse it (the Fetch standard's blocked "sieve" port).
const port = Number(arg('port', '4185'));
const nImages = Number(arg('images', '40'));
const nRepeats = Number(arg('repeats', '3'));
const nBatch = Number(arg('batch', '100'));
const nWarm = Number(arg('warmup', '5'));
const backends = arg('backends', 'webgl,wasm').split(',');
const outPath = arg('out', 'reports/bench.json');

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

const STAGES = ['decode', 'localise', 'crop', 'classify', 'cellPictures', 'thumbnail', 'other'] as const;
type Stage = (typeof STAGES)[number];
type StageMs = Record<Stage, number>;

/** Our image's time per stage; decode runs from the File to the worker's pixels. */
function ourStages(t: TimedImage): StageMs | undefined {
  const s = t.stages;
  if (t.status !== 'done' || !s) return undefined;
  const named = {
    decode: t.pageMs + s.pixelsMs,
    localise: s.localiseMs,
    crop: s.cropMs,
    classify: s.classifyMs,
    cellPictures: s.cellPicturesMs,
    thumbnail: s.thumbnailMs,
  };
  return { ...named, other: t.totalMs - Object.values(named).reduce((a, b) => a + b, 0) };
}

/** The seed's image per stage: it finds no cells and cuts no pictures; its crop is the resize to 224. */
function seedStages(t: TimedSeedImage): StageMs {
  const named = {
    decode: t.pageMs + t.pixelsMs,
    localise: 0,
    crop: t.cropMs,
    classify: t.classifyMs,
    cellPictures: 0,
    thumbnail: t.thumbnailMs,
  };
  return { ...named, other: t.totalMs - Object.values(named).reduce((a, b) => a + b, 0) };
}

interface StageSummary {
  readonly ours: RepeatedMedian;
  readonly seed: RepeatedMedian;
  /** Per-pair ours / seed, for the stages the seed has. */
  readonly ratio?: RepeatedMedian;
}

/** Totals and stages of paired runs (one array per repeat), pairs where ours failed left out. */
function summarisePairs(repeats: readonly TimedPair[][]) {
  const kept = repeats.map((pairs) =>
    pairs.flatMap((p) => {
      const ours = ourStages(p.ours);
      return ours ? [{ ours, seed: seedStages(p.seed), oursTotal: p.ours.totalMs, seedTotal: p.seed.totalMs }] : [];
    }),
  );
  const stages = {} as Record<Stage, StageSummary>;
  for (const stage of STAGES) {
    const ours = kept.map((ps) => ps.map((p) => p.ours[stage]));
    const seed = kept.map((ps) => ps.map((p) => p.seed[stage]));
    const seedHasIt = seed.flat().some((v) => v > 0) && stage !== 'other';
    stages[stage] = {
      ours: repeatedMedian(ours),
      seed: repeatedMedian(seed),
      ...(seedHasIt ? { ratio: repeatedMedian(ours.map((o, r) => pairRatios(o, seed[r]))) } : {}),
    };
  }
  return {
    pairsPerRepeat: repeats.map((ps) => ps.length),
    failed: repeats.flat().length - kept.flat().length,
    ratio: repeatedMedian(
      kept.map((ps) =>
        pairRatios(
          ps.map((p) => p.oursTotal),
          ps.map((p) => p.seedTotal),
        ),
      ),
    ),
    total: {
      ours: repeatedMedian(kept.map((ps) => ps.map((p) => p.oursTotal))),
      seed: repeatedMedian(kept.map((ps) => ps.map((p) => p.seedTotal))),
    },
    stages,
  };
}

/** A dropped batch as the report keeps it. */
function batchSummary(run: BatchRun, wasmThreads?: number) {
  return {
    images: nBatch,
    ms: run.ms,
    imagesPerSecond: (nBatch * 1000) / run.ms,
    ...(wasmThreads === undefined ? {} : { wasmThreads }),
    done: run.done,
    errors: run.errors,
    longTasksOver50ms: run.longTasks.length,
    longestTaskMs: Math.max(0, ...run.longTasks.map((t) => t.ms)),
    longTasks: run.longTasks,
    peakJsHeapBytes: run.peakHeapBytes,
  };
}

/** Every backend's pairs and batch; on WASM the batch again on the single-threaded build. */
async function measure(browser: Browser, base: string, images: Payload[]): Promise<Record<string, unknown>[]> {
  const results: Record<string, unknown>[] = [];
  for (const requested of backends) {
    const { page, readyMs } = await openReadyPage(browser, `${base}/?backend=${requested}&debug`);
    const info = await modelInfo(page);
    await loadFiles(page, images);
    const threads = info.wasmThreads === undefined ? '' : ` (${info.wasmThreads} WASM thread(s))`;
    console.log(
      `${info.backend}${threads}: model ready in ${readyMs} ms; ${nRepeats} × ${nImages} pairs, ours and seed interleaved …`,
    );
    const warm = await timePairs(page, images.length - nWarm, nWarm, false);
    const repeats: TimedPair[][] = [];
    for (let r = 0; r < nRepeats; r++) repeats.push(await timePairs(page, 0, nImages, r % 2 === 1));
    const paired = summarisePairs(repeats);
    console.log(`${info.backend}: ratio per repeat ${paired.ratio.repeats.map((x) => x.toFixed(3)).join(', ')}`);
    let batch: ReturnType<typeof batchSummary> | undefined;
    let batchOneThread: ReturnType<typeof batchSummary> | undefined;
    if (nBatch > 0) {
      console.log(`${info.backend}: dropping a batch of ${nBatch} …`);
      batch = batchSummary(await dropBatch(page, nBatch), info.wasmThreads);
    }
    await page.close();
    if (nBatch > 0 && info.backend === 'wasm') {
      // The same batch on tfjs's single-threaded build, in a page of its own.
      const single = await openReadyPage(browser, `${base}/?backend=wasm&threads=off&debug`);
      await loadFiles(single.page, images);
      console.log(`wasm: dropping a batch of ${nBatch} on the single-threaded build …`);
      batchOneThread = batchSummary(await dropBatch(single.page, nBatch), (await modelInfo(single.page)).wasmThreads);
      await single.page.close();
    }
    results.push({
      backend: info.backend,
      wasmThreads: info.wasmThreads,
      modelBytes: info.totalBytes,
      pageToReadyMs: readyMs,
      loadMs: info.loadMs,
      warmUpMs: info.warmUpMs,
      seedBuildMs: warm.find((p) => p.seed.buildMs > 0)?.seed.buildMs ?? 0,
      ...paired,
      batch,
      batchOneThread,
    });
  }
  return results;
}

// The preview server and the browser are stopped however the run ends: finished, failed or
// interrupted (Shutdown.onSignals). A run that does not finish writes no report.
const shutdown = new Shutdown();
shutdown.onSignals();
let results: Record<string, unknown>[] = [];
try {
  if (!process.argv.includes('--skip-build')) buildInto(dist);
  const preview = await startPreview(dist, port);
  shutdown.add('the preview server', preview.stop);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  shutdown.add('the browser', () => browser.close());
  results = await measure(browser, preview.url, testImages(Math.max(nImages + nWarm, nBatch)));
} catch (err) {
  await shutdown.run();
  fail(`the benchmark stopped, no report written: ${(err as Error).message.split('\n')[0]}`);
}
await shutdown.run();

const js = initialJs(dist);
const report = {
  date: new Date().toISOString(),
  images: nImages,
  repeats: nRepeats,
  warmup: nWarm,
  jsBeforeInteractionGzip: js.totalGzip,
  results,
};
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);

type Result = ReturnType<typeof summarisePairs> & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const f = (n: unknown, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '–');
const spread = (m: RepeatedMedian, d = 1) => `${f(m.median, d)} (${f(m.range[0], d)}–${f(m.range[1], d)})`;
const LABELS: Record<Stage, string> = {
  decode: 'decode (file → pixels)',
  localise: 'localise',
  crop: 'crop (seed: resize to 224)',
  classify: 'classify',
  cellPictures: 'cell pictures',
  thumbnail: 'thumbnail',
  other: 'other (messages, transfer)',
};
for (const r of results as Result[]) {
  console.log(
    `\n${r.backend}: ${r.pairsPerRepeat.join(' + ')} pairs, ${r.failed} failed; ms per image, median (min–max of repeats)`,
  );
  console.log(`${''.padEnd(30)}${'ours'.padStart(20)}${'seed'.padStart(20)}${'ours / seed'.padStart(24)}`);
  const row = (label: string, s: StageSummary) =>
    console.log(
      `${label.padEnd(30)}${spread(s.ours).padStart(20)}${spread(s.seed).padStart(20)}${(s.ratio ? spread(s.ratio, 3) : '').padStart(24)}`,
    );
  for (const stage of STAGES) row(LABELS[stage], r.stages[stage]);
  row('per image', { ...r.total, ratio: r.ratio });
  console.log(
    `  per-pair ratio: median ${f(r.ratio.median, 3)}, IQR ${f(r.ratio.iqr[0], 3)}–${f(r.ratio.iqr[1], 3)}, repeats ${r.ratio.repeats.map((x) => f(x, 3)).join(' / ')}`,
  );
  console.log(
    `  model ${f(r.modelBytes, 0)} B; page → ready ${f(r.pageToReadyMs, 0)} ms; load ${f(r.loadMs, 0)} ms; warm-up ${f(r.warmUpMs, 0)} ms; seed build ${f(r.seedBuildMs, 0)} ms`,
  );
  for (const [label, b] of [
    [r.backend === 'wasm' ? `threaded build, ${r.wasmThreads} thread(s)` : '', r.batch],
    ['single-threaded build', r.batchOneThread],
  ] as const) {
    if (!b) continue;
    console.log(
      `  batch of ${b.images}${label ? ` (${label})` : ''}: ${f(b.ms, 0)} ms, ${f(b.imagesPerSecond, 2)} images/s, ` +
        `${b.done} done / ${b.errors} errors, ${b.longTasksOver50ms} long tasks > 50 ms (longest ${f(b.longestTaskMs, 0)} ms), ` +
        `peak heap ${f(b.peakJsHeapBytes / 1e6)} MB`,
    );
  }
}
console.log(`JS before first interaction: ${(js.totalGzip / 1024).toFixed(1)} KB gzipped`);
console.log(`JSON: ${outPath}`);
const ratio = (b: string) => {
  const r = (results as Result[]).find((x) => x.backend === b);
  return r ? r.ratio.median.toFixed(3) : 'n/a';
};
console.log(`ratio webgl=${ratio('webgl')} wasm=${ratio('wasm')}`);
