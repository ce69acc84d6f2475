/**
 * Measures adapting in the built app in headless Chromium: 50 labelled cells of
 * ../shared/data/lisc/adapt (10 per class) through the Adapt page, from the click to the
 * adapted model's figures on screen (reading the cells, fitting the folds, refitting the mark).
 * Starts `vite preview` unless one already runs (PW_PORT, PW_DIST as for Playwright).
 *
 *   npm run build && npm run measure:adaptation [-- --backend webgl|wasm|cpu --per-class 10 --runs 1]
 */
import { readdirSync } from 'node:fs';
import { CELL_CLASSES } from '@/core/model-spec';
import { arg } from '../lib/cli-arg';
import { withReadyAppPage } from '../lib/ready-app-page';

const ADAPT_DIR = '../shared/data/lisc/adapt';
const backend = arg('backend', 'webgl');
const perClass = Number(arg('per-class', '10'));
const runs = Number(arg('runs', '1'));

await withReadyAppPage(backend, async (page, running) => {
  await page.goto(`${page.url().split('#')[0]}#/adapt`);
  for (const cls of CELL_CLASSES) {
    const files = readdirSync(`${ADAPT_DIR}/${cls}`)
      .sort()
      .slice(0, perClass)
      .map((f) => `${ADAPT_DIR}/${cls}/${f}`);
    await page.getByTestId(`adapt-files-${cls}`).setInputFiles(files);
  }
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i > 0) await page.getByTestId('adapt-discard').click();
    const t0 = Date.now();
    await page.getByTestId('adapt-run').click();
    await page.getByTestId('adapt-proposal').waitFor({ timeout: 600_000 });
    seconds.push((Date.now() - t0) / 1000);
  }
  const cells = await page.getByTestId('own-cells-adapted').getAttribute('data-cells');
  const right = await page.getByTestId('own-cells-adapted').getAttribute('data-right');
  const shipped = await page.getByTestId('own-cells-shipped').getAttribute('data-right');
  console.log(`backend: ${running}`);
  console.log(
    `adapting on ${CELL_CLASSES.length * perClass} images (${cells} cells found), click → figures, s: ${seconds.map((s) => s.toFixed(1)).join(', ')}`,
  );
  console.log(`own cells right, cross-validated: adapted ${right} of ${cells}, shipped ${shipped} of ${cells}`);
});
