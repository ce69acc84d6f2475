/**
 * Analyses a 4000×3000 JPEG in the built app in headless Chromium and prints the time from the
 * drop to its result and the peak memory while it ran: the JS heaps of the page and of the
 * analysis worker (CDP Runtime.getHeapUsage: objects, plus ArrayBuffer backing stores where
 * Chromium reports them) and the peak resident memory of the Chromium processes (VmHWM, /proc).
 * The 640×480 field is analysed first, so the renderer's peak before the large image is known.
 *
 * The image: --layout single (default) is BCCD field BloodImage_00065 (fixtures/fields, two white
 * cells) upscaled ×6.25, as a phone photo through an eyepiece; --layout tiled is four fields each
 * upscaled ×3.125 and tiled 2×2.
 *
 *   npx vite build --outDir /tmp/x/dist
 *   PW_PORT=4181 PW_DIST=/tmp/x/dist npx tsx scripts/measure/large-image.ts [--backend webgl] [--layout single|tiled]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { peakResident } from '../lib/chromium-memory';
import jpeg from 'jpeg-js';
import { ensurePreview, PREVIEW_URL } from '@testkit/preview-server';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';
import { arg } from '../lib/cli-arg';

const WIDTH = 4000;
const HEIGHT = 3000;
const SINGLE = 'BloodImage_00065';
const TILED = ['BloodImage_00007', 'BloodImage_00015', 'BloodImage_00031', 'BloodImage_00065'];
const backend = arg('backend', 'webgl');
const layout = arg('layout', 'single');
if (layout !== 'single' && layout !== 'tiled') throw new Error('--layout is single or tiled');
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The field(s) resized bilinearly to fill the frame (one, or four in a 2×2 grid), as one JPEG. */
function largeField(): Buffer {
  const cached = join(tmpdir(), `hematovision-large-${layout}-${WIDTH}x${HEIGHT}.jpg`);
  if (existsSync(cached)) return readFileSync(cached);
  const fields = layout === 'single' ? [SINGLE] : TILED;
  const grid = layout === 'single' ? 1 : 2;
  const out = Buffer.alloc(WIDTH * HEIGHT * 4);
  const tw = WIDTH / grid;
  const th = HEIGHT / grid;
  fields.forEach((id, k) => {
    const src = jpeg.decode(readFileSync(`fixtures/fields/${id}.jpg`), { useTArray: true });
    const ox = (k % grid) * tw;
    const oy = Math.floor(k / grid) * th;
    for (let y = 0; y < th; y++) {
      const sy = Math.min(src.height - 1.001, ((y + 0.5) * src.height) / th - 0.5);
      const y0 = Math.max(0, Math.floor(sy));
      const fy = Math.max(0, sy - y0);
      for (let x = 0; x < tw; x++) {
        const sx = Math.min(src.width - 1.001, ((x + 0.5) * src.width) / tw - 0.5);
        const x0 = Math.max(0, Math.floor(sx));
        const fx = Math.max(0, sx - x0);
        const o = ((oy + y) * WIDTH + ox + x) * 4;
        for (let c = 0; c < 3; c++) {
          const at = (xx: number, yy: number) => src.data[(yy * src.width + xx) * 4 + c];
          const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
          const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
          out[o + c] = top * (1 - fy) + bottom * fy;
        }
        out[o + 3] = 255;
      }
    }
  });
  const encoded = Buffer.from(jpeg.encode({ data: out, width: WIDTH, height: HEIGHT }, 90).data);
  writeFileSync(cached, encoded);
  return encoded;
}

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}
/** JS objects, DOM/embedder objects and ArrayBuffer backing stores (newer Chromium reports the last two). */
const heapBytes = (h: HeapUsage) => h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0);

/** Reads the worker's heap through the browser's CDP connection (Playwright has no worker sessions). */
async function workerHeap(browserSession: CDPSession): Promise<(() => Promise<number | undefined>) | undefined> {
  const { targetInfos } = (await browserSession.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('analysis'));
  if (!worker) return undefined;
  const { sessionId } = (await browserSession.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  })) as { sessionId: string };
  let nextId = 1;
  const waiting = new Map<number, (v: number | undefined) => void>();
  browserSession.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: HeapUsage };
    if (msg.id && waiting.has(msg.id)) waiting.get(msg.id)?.(msg.result && heapBytes(msg.result));
  });
  return () =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      setTimeout(() => resolve(undefined), 2000);
      void browserSession.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
      });
    });
}

const t0 = performance.now();
const large = largeField();
console.log(
  `test image: ${WIDTH}×${HEIGHT} JPEG (${layout}), ${MB(large.length)}, ready in ${(performance.now() - t0).toFixed(0)} ms`,
);
const small = readFileSync(`fixtures/fields/${SINGLE}.jpg`);

const stopPreview = await ensurePreview();
const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rootPid = server.process().pid ?? 0;
const renderersPeak = () =>
  Math.max(
    ...peakResident(rootPid)
      .filter((p) => p.type === 'renderer')
      .map((p) => p.hwm),
  );
try {
  const browser = await chromium.connect(server.wsEndpoint());
  const page = await browser.newPage();
  await page.goto(`${PREVIEW_URL}/?backend=${backend}`);
  await page.getByTestId('model-ready').waitFor({ timeout: 120_000 });
  const running = await page.getByTestId('backend').getAttribute('data-backend');
  const pageSession = await page.context().newCDPSession(page);
  const readWorker = await workerHeap(await browser.newBrowserCDPSession());
  const readPage = async () => heapBytes((await pageSession.send('Runtime.getHeapUsage')) as HeapUsage);

  /** Drops one file, samples both heaps until its card is done; the time in the page, drop to result. */
  const analyse = async (bytes: Buffer, name: string, index: number) => {
    const peak = { page: await readPage(), worker: (await readWorker?.()) ?? 0 };
    const before = { ...peak };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [p, w] = await Promise.all([readPage(), readWorker?.()]);
        peak.page = Math.max(peak.page, p);
        if (w !== undefined) peak.worker = Math.max(peak.worker, w);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const ms = await page.getByTestId('drop-zone').evaluate(
      (zone, { base64, name, index }) =>
        new Promise<number>((resolve) => {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([data], name, { type: 'image/jpeg' }));
          const start = performance.now();
          const observer = new MutationObserver(() => {
            const card = document.querySelectorAll('[data-testid="result-card"]')[index];
            const status = card?.getAttribute('data-status');
            if (status !== 'done' && status !== 'error') return;
            observer.disconnect();
            resolve(status === 'done' ? performance.now() - start : -1);
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }),
      { base64: bytes.toString('base64'), name, index },
    );
    sampling = false;
    await sampler;
    const card = page.getByTestId('result-card').nth(index);
    if (ms < 0) throw new Error(`${name} was not analysed: ${await card.getByTestId('card-message').textContent()}`);
    return { ms, before, peak, cells: await card.getByTestId('cell-box').count() };
  };

  console.log(`backend: ${running}`);
  const report = (label: string, r: Awaited<ReturnType<typeof analyse>>) => {
    console.log(`${label}: ${r.cells} cells, drop → result ${r.ms.toFixed(0)} ms`);
    console.log(`  page JS heap: ${MB(r.before.page)} before, peak ${MB(r.peak.page)}`);
    console.log(
      readWorker
        ? `  worker JS heap: ${MB(r.before.worker)} before, peak ${MB(r.peak.worker)} (sampled between its tasks, ~50 ms)`
        : '  worker JS heap: not measurable (no worker target over CDP)',
    );
    console.log(`  peak resident memory of the largest renderer process so far: ${MB(renderersPeak())}`);
  };
  report(`${SINGLE}.jpg 640×480`, await analyse(small, `${SINGLE}.jpg`, 0));
  report(`large ${WIDTH}×${HEIGHT}`, await analyse(large, `large-${WIDTH}x${HEIGHT}.jpg`, 1));
  const procs = peakResident(rootPid).sort((a, b) => b.hwm - a.hwm);
  console.log('peak resident memory per Chromium process (VmHWM, > 100 MB):');
  for (const p of procs.filter((q) => q.hwm > 100 * 1024 * 1024)) console.log(`  ${p.type} ${p.pid}: ${MB(p.hwm)}`);
  await browser.close();
} finally {
  await server.close();
  stopPreview();
}
