import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

// These tests are about the service worker; every other test blocks it (playwright.config.ts).
// Each test gets a fresh context, so each starts as a first visit.
test.use({ serviceWorkers: 'allow' });

const [{ cls, file }] = knownGoodImages();

/**
 * Requests that could reach a network: blob: and data: URLs are read from memory. The tab's
 * icon is left out too: the browser fetches it for its own tab strip whenever it likes (it
 * races with the first drop), and it is the app's own file, sent nothing. So is the app's
 * network check while the network is gone (a bodiless HEAD for its own start page, on its own
 * clock); `networkChecksCarryNothing` holds it to that.
 */
const network = (urls: string[]) =>
  urls.filter(
    (u) => !u.startsWith('blob:') && !u.startsWith('data:') && !u.endsWith('/icons/icon.svg') && !isNetworkCheck(u),
  );

const isNetworkCheck = (url: string) => new URL(url).search === '?network-check';

/** Every network check the page makes is a HEAD request for the start page, with no body. */
function networkChecksCarryNothing(page: Page): string[] {
  const wrong: string[] = [];
  page.on('request', (req) => {
    if (!isNetworkCheck(req.url())) return;
    if (req.method() !== 'HEAD' || req.postData() !== null || new URL(req.url()).pathname !== '/')
      wrong.push(`${req.method()} ${req.url()} ${req.postData()}`);
  });
  return wrong;
}

/**
 * Chromium 150 reads navigator.onLine `true` in a page its service worker served while the
 * network is gone, and fires no 'offline' or 'online' event there. This makes every Chromium do so from
 * the next document on, so that what the test proves holds whatever the browser says.
 */
async function browserClaimsOnline(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true });
    for (const type of ['online', 'offline'])
      window.addEventListener(type, (e) => e.stopImmediatePropagation(), { capture: true });
  });
}

/** Drops the image and checks its class; returns every request made from the drop to the result. */
/** Drops one known-good image (another one for a second drop into the same case: the page holds back a file it has). */
async function classify(page: Page, requestLog: string[], image = { cls, file }): Promise<string[]> {
  const from = requestLog.length;
  await page.getByRole('link', { name: 'Analyse' }).click();
  await dropFiles(page, [image.file]);
  await waitForAllFinished(page, 1);
  await expect(card(page, image.file.name).getByTestId('cell').first()).toHaveAttribute('data-class', image.cls);
  return network(requestLog.slice(from));
}

async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    view,
  ).toEqual([]);
}

/** Script path and query of the worker controlling the page, and of the one waiting, if any. */
async function serviceWorkers(page: Page): Promise<{ controller?: string; waiting?: string }> {
  return page.evaluate(async () => {
    const script = (worker?: ServiceWorker | null) =>
      worker ? new URL(worker.scriptURL).pathname + new URL(worker.scriptURL).search : undefined;
    const registration = await navigator.serviceWorker.getRegistration();
    return { controller: script(navigator.serviceWorker.controller), waiting: script(registration?.waiting) };
  });
}

async function waitReadyOffline(page: Page): Promise<void> {
  await expect(page.getByTestId('offline-status')).toHaveText('Ready offline', { timeout: 120_000 });
}

test('after one visit it loads, loads the model and classifies with the network gone', async ({
  page,
  context,
  requestLog,
}) => {
  const wrongChecks = networkChecksCarryNothing(page);
  await openReady(page);
  await waitReadyOffline(page);
  await expect(page.getByTestId('network-offline')).toHaveCount(0);
  // The log sees the service worker's own requests too: only its precaching fetches the
  // threaded WASM binary, which the page never uses (it is not cross-origin isolated).
  expect(requestLog.some((u) => u.endsWith('/tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm'))).toBe(true);
  expect(await classify(page, requestLog), 'requests while analysing, online').toEqual([]);

  await context.setOffline(true);
  await browserClaimsOnline(page);
  const reload = requestLog.length;
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine), 'the browser claims a network').toBe(true);
  // The page still tells the user the network is gone: it learns that from a request that failed.
  await expect(page.getByTestId('network-offline')).toBeVisible();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgl');
  await expect(page.getByTestId('offline-status')).toHaveText('Ready offline');
  // The cache is named after the model version, so a new model never mixes with the old one.
  const version = await page.evaluate(
    async () => ((await (await fetch('/model/metadata.json')).json()) as { version: string }).version,
  );
  expect(await page.evaluate(() => caches.keys())).toContainEqual(
    expect.stringMatching(new RegExp(`^hematovision-model-${version.replace(/\./g, '\\.')}-precache-`)),
  );
  // The log sees what the service worker answers from its cache (the model, the worker's
  // chunk), so the empty list below means nothing was asked for at all, not merely nothing
  // that reached the network.
  const loaded = requestLog.slice(reload);
  expect(loaded.some((u) => u.endsWith('/model/group1-shard1of2.bin'))).toBe(true);
  expect(loaded.some((u) => /\/assets\/analysis\.worker-[\w-]+\.js$/.test(u))).toBe(true);
  expect(await classify(page, requestLog, knownGoodImages()[1]), 'requests while analysing, offline').toEqual([]);

  // The network returns (the browser, as above, says nothing): the page notices by itself.
  await context.setOffline(false);
  await expect(page.getByTestId('network-offline')).toHaveCount(0, { timeout: 90_000 });
  expect(wrongChecks).toEqual([]);
});

test('a first visit cut off while downloading the model finishes by itself, without Retry; then it works offline', async ({
  page,
  context,
}) => {
  // The model's shards fail as on a dropped connection, for the page's analysis worker and for
  // the service worker's first download alike (context.route sees both), until each has
  // failed twice: the second failure can only come from a try the app made by itself.
  const failed = { page: 0, serviceWorker: 0 };
  let cut = true;
  await context.route('**/model/*.bin', (route) => {
    if (!cut) return route.continue();
    failed[route.request().serviceWorker() ? 'serviceWorker' : 'page']++;
    return route.abort('internetdisconnected');
  });
  await page.goto('/');
  // It says where the download stopped and that it goes on by itself; nothing to retry by hand.
  await expect(page.getByTestId('model-interrupted')).toContainText(
    /^The network dropped at .+ of .+; it will continue when the connection returns\.$/,
  );
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'interrupted');
  await expect.poll(() => failed.page, { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => failed.serviceWorker, { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
  expect(await page.getByTestId('model-ready').count()).toBe(0);

  cut = false;
  // Nothing is clicked from here on.
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 150_000 });
  await waitReadyOffline(page);

  // What was saved is complete: with the network gone, a reload still loads the app and the model.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('network-offline')).toBeVisible();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('offline-status')).toHaveText('Ready offline');
});

test('"Delete all local data" asks first, empties IndexedDB, says what it removed; offline use survives', async ({
  page,
  context,
  requestLog,
}) => {
  await openReady(page);
  await waitReadyOffline(page);
  await classify(page, requestLog);
  // Practice progress as src/lib/storage/practice-storage.ts keeps it: three answers and one session.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hematovision-practice');
        open.onupgradeneeded = () => open.result.createObjectStore('progress');
        open.onsuccess = () => {
          const answers = ['a', 'b', 'c'].map((itemId, at) => ({ itemId, truth: 'MONOCYTE', answer: 'MONOCYTE', at }));
          const tx = open.result.transaction('progress', 'readwrite');
          tx.objectStore('progress').put(answers, 'answers');
          tx.objectStore('progress').put([{ startedAt: 0, endedAt: 1, size: 3, correct: 3, answers }], 'sessions');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // The practice page loads it and keeps its database open: the wipe must still delete it.
  const nav = page.getByRole('navigation', { name: 'Pages' });
  await nav.getByRole('link', { name: 'Practice' }).click();
  await expect(page.getByTestId('reset-progress')).toBeVisible();
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
  const before = await databases();
  expect(before).toContain('hematovision-practice');

  await nav.getByRole('link', { name: 'Privacy' }).click();
  const open = page.getByRole('button', { name: 'Delete all local data…' });
  const dialog = page.getByRole('dialog', { name: 'Delete all local data?' });
  // Escape cancels: nothing is deleted, focus returns to the button.
  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  expect(await databases()).toEqual(before);
  // Focus stays in the dialog: Tab past the last button comes back to the first.
  await open.click();
  await expectNoAxeViolations(page, 'confirmation dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete everything' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();

  const report = page.getByTestId('wipe-report');
  await expect(report).toBeVisible();
  for (const name of before.filter((n) => n?.startsWith('hematovision'))) {
    await expect(report.locator(`[data-database="${name}"]`)).toBeVisible();
  }
  await expect(report.locator('[data-database="hematovision-practice"]')).toContainText(
    '3 practice answers, 1 session (2 records)',
  );
  await expect(page.getByTestId('wipe-memory')).toContainText('1 image');
  expect(await databases()).toEqual([]);
  await expectNoAxeViolations(page, 'deletion report');
  await nav.getByRole('link', { name: 'Practice' }).click();
  await expect(page.getByTestId('start-session')).toBeVisible();
  await expect(page.getByTestId('reset-progress')).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  // Still on the practice page: its practice set comes from the offline cache too.
  await expect(page.getByTestId('start-session')).toBeVisible();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await classify(page, requestLog);
});

test('a new version waits for the user: "Update available — reload" switches to it', async ({ page }) => {
  await openReady(page);
  await waitReadyOffline(page);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  // The page's own registration of /sw.js must be done first (it says "Ready offline" once it is):
  // one that landed after the one below would replace the new version with the old.
  await waitReadyOffline(page);
  // A new deployment, as the browser sees one: a different service worker script for the scope.
  // (Playwright cannot route the script's own update check, so the URL changes, not its bytes.)
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?next-build', { scope: '/' }));
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toContainText('Update available — reload');
  // Until the click the new version only waits: the old one still controls the page.
  expect(await serviceWorkers(page)).toEqual({ controller: '/sw.js', waiting: '/sw.js?next-build' });
  // The page the reload brings is the new deployment's, and a real one registers its own script,
  // the one already installed. Left as it is, it would register /sw.js, which the browser takes
  // for yet another new version next to /sw.js?next-build: it installs it and the prompt comes
  // back a moment after "Ready offline", before or after the check below depending on timing.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (url, options) {
      const deployed = new URL(String(url), location.href).href === new URL('/sw.js', location.href).href;
      return register.call(this, deployed ? '/sw.js?next-build' : url, options);
    };
  });
  await Promise.all([
    page.waitForEvent('load', { timeout: 60_000 }),
    prompt.getByRole('button', { name: 'Reload' }).click(),
  ]);
  await waitReadyOffline(page);
  await expect(prompt).toHaveCount(0);
  // The new version controls the page and nothing waits behind it.
  expect(await serviceWorkers(page)).toEqual({ controller: '/sw.js?next-build' });
});
