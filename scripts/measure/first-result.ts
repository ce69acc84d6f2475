/**
 * Measures, in the built app in headless Chromium, the time from dropping one TEST image to its
 * result card, after the model is loaded and warm. Starts `vite preview` unless one already runs.
 *
 *   npm run build && npx tsx scripts/measure/first-result.ts [--backend webgl|wasm|cpu] [--runs 5]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { arg } from '../lib/cli-arg';
import { withReadyAppPage } from '../lib/ready-app-page';

const TEST_DIR = '../shared/data/blood-cells/TEST';
const backend = arg('backend', 'webgl');
const runs = Number(arg('runs', '5'));

await withReadyAppPage(backend, async (page, running) => {
  const dir = `${TEST_DIR}/LYMPHOCYTE`;
  const names = readdirSync(dir).slice(0, runs);
  const times: number[] = [];
  for (const [i, name] of names.entries()) {
    const base64 = readFileSync(`${dir}/${name}`).toString('base64');
    const ms = await page.getByTestId('drop-zone').evaluate(
      (zone, { base64, name, index }) =>
        new Promise<number>((resolve) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name, { type: 'image/jpeg' }));
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            // (No named helper functions in here: tsx would wrap them in a __name the page lacks.)
            if (document.querySelectorAll('[data-testid="result-card"][data-status="done"]').length <= index) return;
            observer.disconnect();
            resolve(performance.now() - t0);
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }),
      { base64, name: `${i}-${name}`, index: i },
    );
    times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`backend: ${running}`);
  console.log(`drop → result, ms: ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`first: ${times[0].toFixed(0)} ms, median: ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
});
