/**
 * Chooses the TEST images e2e/classify.spec.ts uses, by a fixed rule, and writes
 * e2e/fixtures/test-images.json: per class, walk TEST/<CLASS> in file-name order and keep the
 * first three images whose first found cell the built app classifies right on both WebGL and
 * WASM; record how many were passed over. Rerun after the model changes:
 *   npm run build && npx tsx e2e/tools/select-test-images.ts
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import { dropFiles, fileFromDisk } from '../support/drop-files';
import { ensurePreview, PREVIEW_URL } from '../support/preview-server';
import { CLASSES, TEST_DIR } from '../support/test-images';

const PER_CLASS = 3;
const LOOK_AT = 30;

async function classify(browser: Browser, backend: string, names: string[]): Promise<Map<string, string>> {
  const page = await browser.newPage();
  await page.goto(`${PREVIEW_URL}/?backend=${backend}`);
  await page.getByTestId('model-ready').waitFor({ timeout: 120_000 });
  const files = names.map((n) => fileFromDisk(`${TEST_DIR}/${n}`, n.replace('/', '-')));
  await dropFiles(page, files);
  await page
    .locator('[data-testid="result-card"]:not([data-status="queued"]):not([data-status="analysing"])')
    .nth(files.length - 1)
    .waitFor({ timeout: 300_000 });
  const pairs = await page
    .getByTestId('result-card')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-name') ?? '', e.getAttribute('data-top-class') ?? '']));
  await page.close();
  return new Map(pairs as [string, string][]);
}

const stop = await ensurePreview();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const candidates = CLASSES.flatMap((c) =>
    readdirSync(`${TEST_DIR}/${c}`)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .slice(0, LOOK_AT)
      .map((f) => `${c}/${f}`),
  );
  const webgl = await classify(browser, 'webgl', candidates);
  const wasm = await classify(browser, 'wasm', candidates);
  const images: Record<string, string[]> = {};
  const passedOver: Record<string, number> = {};
  for (const cls of CLASSES) {
    images[cls] = [];
    passedOver[cls] = 0;
    for (const path of candidates.filter((p) => p.startsWith(`${cls}/`))) {
      if (images[cls].length === PER_CLASS) break;
      const name = path.replace('/', '-');
      if (webgl.get(name) === cls && wasm.get(name) === cls) images[cls].push(path.split('/')[1]);
      else passedOver[cls]++;
    }
  }
  const rule =
    `Per class, TEST/<CLASS> in natural file-name order; the first ${PER_CLASS} images the app classifies ` +
    'right on both WebGL and WASM. passedOver counts the images skipped before them.';
  const json = { rule, model: await modelVersion(), passedOver, images };
  writeFileSync('e2e/fixtures/test-images.json', `${JSON.stringify(json, null, 2)}\n`);
  console.log(JSON.stringify(json, null, 2));
} finally {
  await browser.close();
  stop();
}

async function modelVersion(): Promise<string> {
  const m = (await (await fetch(`${PREVIEW_URL}/model/metadata.json`)).json()) as { version: string };
  return m.version;
}
