/**
 * Writes docs/screenshot.png: the built app after a drop of two TEST images per class and a BCCD
 * field. `npm run build && npx tsx e2e/tools/take-screenshot.ts [--dark out.png]`
 */
import { readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { ensurePreview, PREVIEW_URL } from '@testkit/preview-server';
import { classImageDir, CLASSES } from '@testkit/test-images';

const darkIndex = process.argv.indexOf('--dark');
const dark = darkIndex > 0;
const out = dark ? process.argv[darkIndex + 1] : 'docs/screenshot.png';
const stop = await ensurePreview();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: dark ? 'dark' : 'light' });
  await page.goto(PREVIEW_URL);
  await page.getByTestId('model-ready').waitFor({ timeout: 120_000 });
  const files = CLASSES.flatMap((c) =>
    readdirSync(classImageDir(c))
      .slice(0, 2)
      .map((f) => fileFromDisk(`${classImageDir(c)}/${f}`, `${c.toLowerCase()}-${f}`)),
  );
  files.splice(2, 0, fileFromDisk('../shared/data/bccd/JPEGImages/BloodImage_00007.jpg'));
  await dropFiles(page, files);
  await page
    .locator('[data-testid="result-card"][data-status="done"]')
    .nth(files.length - 1)
    .waitFor({ timeout: 120_000 });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  stop();
}
