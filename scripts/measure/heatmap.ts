/**
 * Measures, in the built app in headless Chromium, how long a card's heatmap takes to appear
 * after its switch is pressed (the worker explains the cell from the crop it kept), for TEST
 * images of every class. The map is made once per cell and class; this is that first time.
 *
 *   npm run build && npx tsx scripts/measure/heatmap.ts [--backend webgl|wasm|cpu] [--images 8]
 *   (PW_PORT / PW_DIST pick the preview server and build, as for the e2e tests.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { median } from '../lib/stats';
import { CELL_CLASSES } from '@/core/model-spec';
import { arg } from '../lib/cli-arg';
import { withReadyAppPage } from '../lib/ready-app-page';

const TEST_DIR = '../shared/data/blood-cells/TEST';
const backend = arg('backend', 'webgl');
const nImages = Number(arg('images', '8'));

await withReadyAppPage(backend, async (page, running) => {
  const files = Array.from({ length: nImages }, (_, i) => {
    const cls = CELL_CLASSES[i % CELL_CLASSES.length];
    const name = readdirSync(`${TEST_DIR}/${cls}`).sort()[Math.floor(i / CELL_CLASSES.length) + 10];
    return { name: `${cls}-${name}`, base64: readFileSync(`${TEST_DIR}/${cls}/${name}`).toString('base64') };
  });
  await page.getByTestId('drop-zone').evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  const done = page.locator('[data-testid="result-card"][data-status="done"]');
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll(
        '[data-testid="result-card"][data-status="done"], [data-testid="result-card"][data-status="error"]',
      ).length === n,
    files.length,
    { timeout: 300_000 },
  );
  console.log(`analysed ${await done.count()} images`);
  const times: number[] = [];
  for (const c of await done.all()) {
    if ((await c.getByTestId('heatmap-panel').count()) === 0) continue; // no cell found
    const ms = await c.evaluate(
      (card) =>
        new Promise<number>((resolve, reject) => {
          const panel = card.querySelector('[data-testid="heatmap-panel"]')!;
          const t0 = performance.now();
          (card.querySelector('[data-testid="heatmap-toggle"]') as HTMLButtonElement).click();
          // Polled rather than observed: the status attribute may change within the click's own task.
          const timer = setInterval(() => {
            const status = panel.getAttribute('data-heatmap-status');
            if (status === 'loading' || status === 'off') return;
            clearInterval(timer);
            if (status === 'ready') resolve(performance.now() - t0);
            else reject(new Error(`heatmap ${status}`));
          }, 2);
        }),
    );
    times.push(ms);
  }
  console.log(`backend: ${running}`);
  console.log(`switch → heatmap drawn, ms: ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`median: ${median(times).toFixed(0)} ms over ${times.length} cards`);
});
