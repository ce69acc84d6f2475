import type { Browser, Page } from '@playwright/test';
import type { TimedImage, TimedSeedImage } from '@/lib/worker-client/debug-hooks';
import type { ModelInfo } from '@/worker/worker-api';

/** Script run in the page before the app: records main-thread long tasks and a no-op __name for tsx. */
export const PAGE_INIT = `
window.__name = (f) => f;
window.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {}
`;

/**
 * Opens `url` in a fresh page (its own context) and waits until the model is ready; a load that
 * fails (a model error, a page that does not answer in time, a crashed tab) is tried again on a
 * new page, up to `attempts` times. Resolves with the page and how long the good load took.
 */
export async function openReadyPage(
  browser: Browser,
  url: string,
  { attempts = 3, timeoutMs = 300_000 } = {},
): Promise<{ page: Page; readyMs: number }> {
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    try {
      await page.addInitScript(PAGE_INIT);
      const t0 = Date.now();
      await page.goto(url, { timeout: timeoutMs });
      const ready = page.getByTestId('model-ready');
      const error = page.getByTestId('model-error');
      await ready.or(error).first().waitFor({ timeout: timeoutMs });
      if (await error.isVisible()) throw new Error(`the model did not load: ${await error.innerText()}`);
      return { page, readyMs: Date.now() - t0 };
    } catch (err) {
      await page.close().catch(() => {});
      if (attempt >= attempts) throw err;
      console.log(
        `  page load ${attempt} of ${attempts} failed (${(err as Error).message.split('\n')[0]}); trying again`,
      );
    }
  }
}

export interface Payload {
  readonly name: string;
  readonly base64: string;
}

/** Puts the images into the page once as File objects (window.__files), so timing starts from a File as after a drop. */
export async function loadFiles(page: Page, files: readonly Payload[]): Promise<void> {
  await page.evaluate((list) => {
    (window as unknown as { __files: File[] }).__files = list.map(
      (f) => new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: 'image/jpeg' }),
    );
  }, files);
}

interface Hooks {
  info(): Promise<ModelInfo>;
  analyse(file: File): Promise<TimedImage>;
  analyseSeed(file: File): Promise<TimedSeedImage>;
}

/** Waits for window.hematovisionDebug (a chunk the app fetches after start with `?debug`), then reads the model's info. */
export async function modelInfo(page: Page): Promise<ModelInfo> {
  await page.waitForFunction(() => 'hematovisionDebug' in window);
  return page.evaluate(() => (window as unknown as { hematovisionDebug: Hooks }).hematovisionDebug.info());
}

/** One image through our path and through the seed's, back to back. */
export interface TimedPair {
  readonly image: number;
  readonly oursFirst: boolean;
  readonly ours: TimedImage;
  readonly seed: TimedSeedImage;
}

/**
 * Times images `first`..`first + count - 1` through our path and the seed's, image by image, so
 * that load changing on the machine falls on both alike; which goes first alternates from pair
 * to pair, and `flip` swaps the whole order (the next repeat runs each pair the other way round).
 */
export async function timePairs(page: Page, first: number, count: number, flip: boolean): Promise<TimedPair[]> {
  return page.evaluate(
    async ({ first, count, flip }) => {
      const w = window as unknown as { hematovisionDebug: Hooks; __files: File[] };
      const hooks = w.hematovisionDebug;
      const out = [];
      for (let i = first; i < first + count; i++) {
        const file = w.__files[i % w.__files.length];
        const oursFirst = (i % 2 === 0) !== flip;
        let ours: TimedImage;
        let seed: TimedSeedImage;
        if (oursFirst) {
          ours = await hooks.analyse(file);
          seed = await hooks.analyseSeed(file);
        } else {
          seed = await hooks.analyseSeed(file);
          ours = await hooks.analyse(file);
        }
        out.push({ image: i, oursFirst, ours, seed });
      }
      return out;
    },
    { first, count, flip },
  );
}

export interface BatchRun {
  readonly ms: number;
  readonly done: number;
  readonly errors: number;
  /** Each long task: when it began (ms after the drop) and how long it took. */
  readonly longTasks: { at: number; ms: number }[];
  readonly peakHeapBytes: number;
}

/**
 * Drops `count` files on the drop zone and waits for the last result: the batch end to end, as a
 * user sees it. The drop and the reading of the result are short calls; in between, Node polls a
 * flag the page sets when the last card is done, so a long batch on a loaded machine never rests
 * on one call that any hiccup of the page would lose.
 */
export async function dropBatch(page: Page, count: number, timeoutMs = 1_200_000): Promise<BatchRun> {
  await page.getByTestId('drop-zone').evaluate((zone, count) => {
    const w = window as unknown as {
      __files: File[];
      __longTasks: { start: number; ms: number }[];
      __batch?: BatchRun;
    };
    delete w.__batch;
    const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    let peak = heap();
    const sampler = setInterval(() => (peak = Math.max(peak, heap())), 100);
    const dt = new DataTransfer();
    for (let i = 0; i < count; i++) dt.items.add(w.__files[i % w.__files.length]);
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      const done = document.querySelectorAll('[data-testid="result-card"][data-status="done"]').length;
      const errors = document.querySelectorAll('[data-testid="result-card"][data-status="error"]').length;
      if (done + errors < count) return;
      const ms = performance.now() - t0;
      observer.disconnect();
      clearInterval(sampler);
      peak = Math.max(peak, heap());
      const longTasks = w.__longTasks
        .filter((t) => t.start >= t0)
        .map((t) => ({ at: Math.round(t.start - t0), ms: Math.round(t.ms) }));
      w.__batch = { ms, done, errors, longTasks, peakHeapBytes: peak };
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, count);
  await page.waitForFunction(() => '__batch' in window, undefined, { timeout: timeoutMs, polling: 1000 });
  return page.evaluate(() => (window as unknown as { __batch: BatchRun }).__batch);
}
