/**
 * Chooses the images the e2e tests use, by a fixed rule, and writes e2e/fixtures/test-images.json:
 * per class, walk its image folder (classImageDir: blood-cells TEST, or PBC's test partition for
 * basophils) in file-name order and keep the first three images whose first found cell the built
 * app classifies right on both WebGL and WASM; record how many were passed over. Rerun after the
 * model changes:
 *   npm run build && npx tsx e2e/tools/select-test-images.ts
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { ensurePreview, PREVIEW_URL } from '@testkit/preview-server';
import { classImageCandidates, classImageDir, CLASSES } from '@testkit/test-images';

const PER_CLASS = 3;
const LOOK_AT = 30;

async function classify(browser: Browser, backend: string, names: string[]): Promise<Map<string, string>> {
  const page = await browser.newPage();
  await page.goto(`${PREVIEW_URL}/?backend=${backend}`);
  await page.getByTestId('model-ready').waitFor({ timeout: 120_000 });
  const files = names.map((n) => {
    const [cls, file] = n.split('/');
    return fileFromDisk(`${classImageDir(cls as (typeof CLASSES)[number])}/${file}`, n.replace('/', '-'));
  });
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
    (classImageCandidates(c).length ? classImageCandidates(c) : readdirSync(classImageDir(c)))
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
    `Per class, blood-cells TEST/<CLASS> (basophils: PBC's test partition) in natural file-name order; the first ${PER_CLASS} ` +
    'images the app classifies right on both WebGL and WASM. passedOver counts the images skipped before them.';
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
