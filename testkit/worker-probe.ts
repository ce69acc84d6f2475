import type { Page } from '@playwright/test';
import type { WorkerMemory } from '@/worker/debug-worker-api';

interface Hooks {
  memory(): Promise<WorkerMemory>;
  loseContext(): Promise<boolean>;
}

/** window.hematovisionDebug, which the app installs (a chunk loaded after start) when opened with `?debug`. */
async function debugHooks(page: Page): Promise<void> {
  await page.waitForFunction(() => 'hematovisionDebug' in window);
}

export async function workerMemory(page: Page): Promise<WorkerMemory> {
  await debugHooks(page);
  return page.evaluate(() => (window as unknown as { hematovisionDebug: Hooks }).hematovisionDebug.memory());
}

export async function loseWebglContext(page: Page): Promise<boolean> {
  await debugHooks(page);
  return page.evaluate(() => (window as unknown as { hematovisionDebug: Hooks }).hematovisionDebug.loseContext());
}

/** The main thread's JS heap after a full garbage collection, in bytes (Chrome DevTools Protocol). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
