import { readdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { badFiles } from './support/bad-files';
import { dropFiles, fileFromDisk, type FilePayload } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { hostileFiles, SVG_SCRIPT_GLOBAL } from './support/hostile-files';
import { blackPng, declaredBmp } from '@testkit/image-bombs';
import { classImageDir, CLASSES, knownGoodImages, TEST_DIR } from '@testkit/test-images';

const BIG_NAME = 'scan-200mb.jpg';

/** Drops files together with a 200 MB zero-filled "JPEG" made in the page (too big to send from the test). */
async function dropWithHugeFile(page: import('@playwright/test').Page, files: readonly FilePayload[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') }));
  await page.getByTestId('drop-zone').evaluate(
    (el, { list, bigName }) => {
      const dt = new DataTransfer();
      for (const f of list)
        dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.mimeType }));
      dt.items.add(new File([new Uint8Array(200 * 1024 * 1024)], bigName, { type: 'image/jpeg' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { list: payload, bigName: BIG_NAME },
  );
}

test('over 40 files in one drop: each hostile file gets its own message, every good one is classified, nothing runs', async ({
  page,
}) => {
  const good = knownGoodImages();
  const known = new Set(good.map((g) => g.file.name));
  // One more image per class (after the known-good ones): it must be analysed, whatever its class.
  const more = CLASSES.flatMap((cls) =>
    readdirSync(classImageDir(cls))
      .sort()
      .filter((f) => !known.has(`${cls}-${f}`))
      .slice(0, 1)
      .map((f) => fileFromDisk(`${classImageDir(cls)}/${f}`, `more-${cls}-${f}`)),
  );
  const lymphocyte = good.find((g) => g.cls === 'LYMPHOCYTE')!;
  const source = `${TEST_DIR}/LYMPHOCYTE/${lymphocyte.file.name.replace('LYMPHOCYTE-', '')}`;
  const bad = [...badFiles(source, 'e2e/fixtures/cmyk-lymphocyte.jpg'), ...hostileFiles(source)];
  const twins = [good[0], good[good.length - 1]].map((g) => ({ ...g, file: { ...g.file, name: 'same-name.jpeg' } }));
  const files = [...good.map((g) => g.file), ...bad, ...more, ...twins.map((t) => t.file)];
  // Every file and the huge one dropped beside them: 42 with the model's seven classes.
  const dropped = files.length + 1;
  expect(dropped).toBe(35 + CLASSES.length);

  await openReady(page, '?backend=wasm');
  const pageErrors: Error[] = [];
  let crashed = false;
  page.on('pageerror', (e) => pageErrors.push(e));
  page.on('crash', () => (crashed = true));
  await dropWithHugeFile(page, files);
  // The twins hold the same bytes as two known-good images: the page holds them back as
  // duplicates until asked to add them anyway.
  const duplicates = page.getByTestId('duplicate-files');
  await expect(duplicates).toContainText('2 images are already in this case');
  await duplicates.getByRole('button', { name: 'Add them anyway' }).click();
  await waitForAllFinished(page, dropped);

  for (const f of bad) {
    const c = card(page, f.name);
    await expect(c, f.name).toHaveAttribute('data-status', f.analysed ? 'done' : 'error');
    if (f.name === 'camera-16bit.png') continue; // no note: it is an ordinary image, checked below
    const texts = c.locator('[data-testid="card-message"], [data-testid="card-note"]');
    await expect(texts.filter({ hasText: f.expect }), `${f.name}: ${f.expect}`).toHaveCount(1);
  }
  for (const f of bad.filter((b) => !b.analysed))
    await expect(card(page, f.name).getByTestId('card-message')).toHaveCount(1);
  await expect(card(page, BIG_NAME)).toHaveAttribute('data-status', 'error');
  await expect(card(page, BIG_NAME).getByTestId('card-message')).toHaveText(/Not a recognised image format/);
  // A 16-bit PNG of a lymphocyte is read as that lymphocyte. (The GIF's first frame has only 125
  // colours, so whether its cell passes the stain checks is not asserted: it is analysed, with its note.)
  await expect(card(page, 'camera-16bit.png').getByTestId('cell').first()).toHaveAttribute('data-class', 'LYMPHOCYTE');
  for (const { cls, file } of good) {
    await expect(card(page, file.name)).toHaveAttribute('data-status', 'done');
    await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  }
  for (const f of more) await expect(card(page, f.name)).toHaveAttribute('data-status', 'done');
  // Two files with the same name: two cards, each with its own result, in the order dropped.
  const sameName = card(page, 'same-name.jpeg');
  await expect(sameName).toHaveCount(2);
  for (const [i, t] of twins.entries()) {
    await expect(sameName.nth(i).getByTestId('cell').first()).toHaveAttribute('data-class', t.cls);
  }
  // The SVG was never rendered: its script did not run.
  expect(
    await page.evaluate((g) => (window as unknown as Record<string, unknown>)[g], SVG_SCRIPT_GLOBAL),
  ).toBeUndefined();
  expect(pageErrors).toEqual([]);
  expect(crashed).toBe(false);
});

test('500 files dropped at once are all analysed and the page stays responsive', async ({ page }) => {
  const good = knownGoodImages();
  // Plain slide background with no cell: each one goes through the whole worker path quickly.
  const img = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < img.data.length; i += 4) img.data.set([235, 215, 225, 255], i);
  // Each blank differs in its first pixel: identical bytes would be held back as duplicates.
  const blanks = Array.from({ length: 500 - good.length }, (_, i) => {
    img.data.set([235, 200 + (i >> 8), i & 0xff, 255], 0);
    return { name: `blank-${String(i).padStart(3, '0')}.png`, mimeType: 'image/png', buffer: PNG.sync.write(img) };
  });
  await openReady(page, '?backend=wasm');
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await dropFiles(page, [...blanks.slice(0, 250), ...good.map((g) => g.file), ...blanks.slice(250)]);
  await waitForAllFinished(page, 500);
  await expect(page.locator('[data-testid="result-card"][data-status="done"]')).toHaveCount(500);
  for (const { cls, file } of good) {
    await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  }
  await expect(card(page, blanks[blanks.length - 1].name).getByTestId('card-message')).toHaveText(
    'No white blood cell found.',
  );
  // Still responsive: the view switch answers after the batch.
  const list = page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'List' });
  await list.click();
  await expect(list).toHaveAttribute('aria-pressed', 'true');
  expect(pageErrors).toEqual([]);
});

test('a phone photo over 4096 px with EXIF orientation 6 is analysed as the same photo stored upright', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const good = knownGoodImages().find((g) => g.cls === 'LYMPHOCYTE')!;
  await openReady(page, '?backend=wasm');
  // Both photos are made in the page (a 30-megapixel JPEG encodes in a second there): the sensor's
  // pixels 6400×4800 with orientation 6, and the same picture already turned, 4800×6400.
  await page.getByTestId('drop-zone').evaluate(async (zone, base64) => {
    const source = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
    const stored = new OffscreenCanvas(6400, 4800);
    stored.getContext('2d')!.drawImage(source, 0, 0, 6400, 4800);
    const upright = new OffscreenCanvas(4800, 6400);
    const u = upright.getContext('2d')!;
    u.translate(4800, 0);
    u.rotate(Math.PI / 2); // orientation 6: the stored picture turned a quarter clockwise
    u.drawImage(stored, 0, 0);
    const jpeg = async (c: OffscreenCanvas) =>
      new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    const sideways = await jpeg(stored);
    const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
    const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    const app1 = [0xff, 0xe1, 0, body.length + 2, ...body];
    const withExif = new Uint8Array([...sideways.subarray(0, 2), ...app1, ...sideways.subarray(2)]);
    const dt = new DataTransfer();
    dt.items.add(new File([withExif], 'phone-orientation-6.jpg', { type: 'image/jpeg' }));
    dt.items.add(new File([await jpeg(upright)], 'phone-upright.jpg', { type: 'image/jpeg' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, good.file.buffer.toString('base64'));
  await waitForAllFinished(page, 2);

  const analysed = async (name: string) => {
    const c = card(page, name);
    await expect(c).toHaveAttribute('data-status', 'done');
    await expect(c.getByTestId('card-note').filter({ hasText: /4800×6400.*3072×4096/ })).toHaveCount(1);
    const box = c.getByTestId('cell-box').first();
    const viewBox = await box.locator('xpath=ancestor::*[local-name()="svg"][1]').getAttribute('viewBox');
    const [x, y, w, h] = ((await box.getAttribute('data-box')) ?? '').split(',').map(Number);
    return { viewBox, box: { x, y, w, h }, cls: await c.getByTestId('cell').first().getAttribute('data-class') };
  };
  const turned = await analysed('phone-orientation-6.jpg');
  const upright = await analysed('phone-upright.jpg');
  expect(turned.viewBox).toBe('0 0 3072 4096');
  expect(upright.viewBox).toBe('0 0 3072 4096');
  // The same cell in the same place, with the same shape: nothing squashed (a squashed decode gave 814×1490).
  for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(turned.box[k] - upright.box[k])).toBeLessThan(40);
  expect(turned.cls).toBe(upright.cls);
});

test('image bombs are refused before decoding, naming the format, the size and the cap', async ({ page }) => {
  test.setTimeout(240_000);
  const bombs = [
    { name: 'black-20000.png', mimeType: 'image/png', buffer: await blackPng(20000, 20000) },
    { name: 'declares-20000.bmp', mimeType: 'image/bmp', buffer: declaredBmp(20000, 20000) },
  ];
  let crashed = false;
  page.on('crash', () => (crashed = true));
  // Refusal needs no model: the drop zone is enough.
  await page.goto('/?backend=wasm');
  await dropFiles(page, bombs);
  for (const [b, format] of [
    [bombs[0], 'PNG'],
    [bombs[1], 'BMP'],
  ] as const) {
    const c = card(page, b.name);
    await expect(c).toHaveAttribute('data-status', 'error');
    await expect(c.getByTestId('card-message')).toHaveText(
      new RegExp(`${format} is 20000×20000 pixels \\(400 megapixels\\).*above 100 megapixels`),
    );
  }
  expect(crashed).toBe(false);
});
