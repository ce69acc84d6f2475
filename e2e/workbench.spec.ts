import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';
import { CLASSES } from '@testkit/test-images';

/**
 * A case written straight into the page's IndexedDB, its classes chosen here: the gallery, the
 * viewer and undo are tested on known classes, whatever the shipped model would say. Each
 * picture is a 320×240 field standing for a 640×480 analysed image, as a case keeps a smaller
 * copy of each image than it analysed.
 */
const SEEDED = [
  {
    file: 'fixtures/fields/BloodImage_00007.jpg',
    cells: [
      { cls: 'NEUTROPHIL', box: [193, 92, 194, 193] },
      { cls: 'NEUTROPHIL', box: [20, 300, 100, 100] },
      { cls: 'LYMPHOCYTE', box: [500, 20, 100, 100] },
    ],
  },
  {
    file: 'fixtures/fields/BloodImage_00031.jpg',
    cells: [
      { cls: 'NEUTROPHIL', box: [127, 143, 143, 130] },
      { cls: 'LYMPHOCYTE', box: [287, 364, 150, 116] },
      { cls: 'MONOCYTE', box: [450, 200, 100, 100] },
    ],
  },
];
const keyOf = (cls: string) => String(CLASSES.indexOf(cls as (typeof CLASSES)[number]) + 1);

/** Stores the seeded case and opens it; the first `flagged` cells are marked for review. */
async function seedCase(page: Page, flagged = 0): Promise<void> {
  await page.goto('/#/case');
  const images = SEEDED.map((s) => ({
    name: s.file.split('/').pop() ?? s.file,
    jpeg: readFileSync(s.file).toString('base64'),
    cells: s.cells,
  }));
  await page.evaluate(
    async ({ images, classes, flagged }) => {
      const blobOf = (b64: string) =>
        new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
      const caseId = 'seeded-case';
      const records = await Promise.all(
        images.map(async (im, n) => {
          const thumbnail = blobOf(im.jpeg);
          const bitmap = await createImageBitmap(thumbnail);
          const k = bitmap.width / 640;
          const cellImages = await Promise.all(
            im.cells.map(async ({ box: [x, y, w, h] }) => {
              const canvas = new OffscreenCanvas(96, 96);
              canvas.getContext('2d')?.drawImage(bitmap, x * k, y * k, w * k, h * k, 0, 0, 96, 96);
              return canvas.convertToBlob({ type: 'image/jpeg' });
            }),
          );
          const cells = im.cells.map(({ cls, box: [x, y, width, height] }, k) => {
            const box = { x, y, width, height };
            const probabilities = classes.map((c) => (c === cls ? 0.9 : 0.1 / (classes.length - 1)));
            return {
              box,
              nucleus: box,
              touchesEdge: false,
              probabilities,
              predicted: cls,
              confidence: 0.9,
              needsReview: n === 0 && k < flagged,
            };
          });
          return {
            id: `seeded-image-${n}`,
            caseId,
            name: im.name,
            width: 640,
            height: 480,
            analysedAt: Date.now(),
            modelVersion: 'seeded',
            cells,
            thumbnail,
            cellImages,
          };
        }),
      );
      const meta = {
        id: caseId,
        name: 'Seeded slide',
        createdAt: Date.now(),
        updatedAt: Date.now(),
        target: 100,
        imageIds: records.map((r) => r.id),
        decisions: {},
        cellCount: records.reduce((s, r) => s + r.cells.length, 0),
        bytes: 0,
      };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hematovision-cases', 2);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('case-records', { keyPath: 'id' });
          db.createObjectStore('image-records', { keyPath: 'id' }).createIndex('caseId', 'caseId');
          db.createObjectStore('settings');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['case-records', 'image-records', 'settings'], 'readwrite');
          tx.objectStore('case-records').put(meta);
          for (const r of records) tx.objectStore('image-records').put(r);
          tx.objectStore('settings').put(caseId, 'current-case');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { images, classes: [...CLASSES], flagged },
  );
  await page.reload();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('gallery-cell')).toHaveCount(6);
}

const group = (page: Page, cls: string) => page.locator(`[data-testid="gallery-group"][data-class="${cls}"]`);
const groupCount = (page: Page, cls: string) => group(page, cls).getByTestId('gallery-count');
const tallyCount = (page: Page, cls: string) => page.getByTestId(`tally-${cls}`).getByTestId('tally-count');

async function numberOf(locator: Locator, attribute: string): Promise<number> {
  return Number(await locator.getAttribute(attribute));
}

test('the gallery groups the case by class and reclassifies several cells at once, by key and by drag, with undo and redo', async ({
  page,
}) => {
  await seedCase(page);
  await expect(groupCount(page, 'NEUTROPHIL')).toHaveText('3');
  await expect(groupCount(page, 'LYMPHOCYTE')).toHaveText('2');
  await expect(groupCount(page, 'MONOCYTE')).toHaveText('1');
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('0');

  // Two neutrophils, picked by click and Ctrl+click, become eosinophils with one key.
  const neutrophils = group(page, 'NEUTROPHIL').getByTestId('gallery-cell');
  await neutrophils.nth(0).click();
  await neutrophils.nth(2).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('gallery-selected')).toHaveText('2 selected');
  await page.keyboard.press(keyOf('EOSINOPHIL'));
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('2');
  await expect(groupCount(page, 'NEUTROPHIL')).toHaveText('1');
  await expect(tallyCount(page, 'EOSINOPHIL')).toHaveText('2');
  await expect(group(page, 'EOSINOPHIL').locator('[aria-selected="true"]')).toHaveCount(2);

  // Undo takes both back in one step; redo gives them the class again.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('0');
  await expect(groupCount(page, 'NEUTROPHIL')).toHaveText('3');
  await expect(page.getByTestId('undo-status')).toContainText('Undone: Eosinophil for 2 cells');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('2');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('0');
  await page.keyboard.press('Control+y');
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('2');

  // Both lymphocytes, a run picked with Shift+click, dragged onto the monocytes.
  const lymphocytes = group(page, 'LYMPHOCYTE').getByTestId('gallery-cell');
  await lymphocytes.nth(0).click();
  await lymphocytes.nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('gallery-selected')).toHaveText('2 selected');
  await lymphocytes.nth(1).dragTo(group(page, 'MONOCYTE'));
  await expect(groupCount(page, 'MONOCYTE')).toHaveText('3');
  await expect(groupCount(page, 'LYMPHOCYTE')).toHaveText('0');
  await expect(tallyCount(page, 'MONOCYTE')).toHaveText('3');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(groupCount(page, 'LYMPHOCYTE')).toHaveText('2');

  // From the keyboard alone: Shift+arrow widens the selection, 0 sets both aside.
  const monocyte = group(page, 'MONOCYTE').getByTestId('gallery-cell').first();
  await monocyte.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('gallery-selected')).toHaveText('2 selected');
  await page.keyboard.press('0');
  await expect(groupCount(page, 'NOT_WBC')).toHaveText('2');
  await expect(page.getByTestId('tally-progress')).toContainText('4 / 100 cells');

  // The decisions are the stored case's: a reload shows them.
  await page.reload();
  await expect(groupCount(page, 'NOT_WBC')).toHaveText('2');
  await expect(groupCount(page, 'EOSINOPHIL')).toHaveText('2');
});

test('a class key pressed right before a reload is kept, twenty times over, and so are undo and redo', async ({
  page,
}) => {
  await seedCase(page);
  // Leaving while a write is in flight asks first; the test answers as a user who means to reload.
  page.on('dialog', (dialog) => void dialog.accept());
  const tile = page.locator('[data-testid="gallery-cell"][data-key="seeded-image-0#0"]');
  // Every key from 1 to 7; the last two cycles set a basophil, then a neutrophil.
  const order = ['EOSINOPHIL', 'IG', 'LYMPHOCYTE', 'ERYTHROBLAST', 'BASOPHIL', 'NEUTROPHIL', 'MONOCYTE'];
  for (let i = 0; i < 20; i++) {
    const cls = order[i % order.length];
    await tile.focus();
    await page.keyboard.press(keyOf(cls));
    // No pause: the reload races the write.
    await page.reload();
    await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
    await expect(tile, `cycle ${i + 1}`).toHaveAttribute('data-final', cls);
  }
  // The history came through the reloads: undo and redo go on where they were, across one more.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute(
    'title',
    /^Undo: Neutrophil for 1 cell/,
  );
  await tile.focus();
  await page.keyboard.press('ControlOrMeta+z');
  await page.reload();
  await expect(tile).toHaveAttribute('data-final', 'BASOPHIL');
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toHaveAttribute(
    'title',
    /^Redo: Neutrophil for 1 cell/,
  );
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(tile).toHaveAttribute('data-final', 'NEUTROPHIL');
  // U gives a cell back the model's class in the gallery too.
  await tile.focus();
  await page.keyboard.press(keyOf('LYMPHOCYTE'));
  await expect(tile).toHaveAttribute('data-final', 'LYMPHOCYTE');
  await page.keyboard.press('u');
  await expect(tile).toHaveAttribute('data-final', 'NEUTROPHIL');
  await expect(tile).toBeFocused();
});

test('keys 6 and 7 make a cell an immature granulocyte or a nucleated red cell, kept across a reload', async ({
  page,
}) => {
  await seedCase(page);
  const tile = (key: string) => page.locator(`[data-testid="gallery-cell"][data-key="${key}"]`);
  await expect(groupCount(page, 'IG')).toHaveText('0');
  await expect(groupCount(page, 'ERYTHROBLAST')).toHaveText('0');

  await tile('seeded-image-0#0').focus();
  await page.keyboard.press('6');
  await expect(tile('seeded-image-0#0')).toHaveAttribute('data-final', 'IG');
  await expect(groupCount(page, 'IG')).toHaveText('1');
  await tile('seeded-image-0#2').focus();
  await page.keyboard.press('7');
  await expect(tile('seeded-image-0#2')).toHaveAttribute('data-final', 'ERYTHROBLAST');
  await expect(groupCount(page, 'ERYTHROBLAST')).toHaveText('1');
  await expect(groupCount(page, 'LYMPHOCYTE')).toHaveText('1');
  // A nucleated red cell is not a white cell, and its group says how it is counted.
  await expect(group(page, 'ERYTHROBLAST')).toContainText('not a white cell: counted per 100 white cells');
  await expect(group(page, 'IG')).not.toContainText('per 100 white cells');
  await expectNoAxeViolations(page, 'case with an immature granulocyte and a nucleated red cell');

  await page.reload();
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-restored', 'true');
  await expect(tile('seeded-image-0#0')).toHaveAttribute('data-final', 'IG');
  await expect(tile('seeded-image-0#2')).toHaveAttribute('data-final', 'ERYTHROBLAST');
  await expect(groupCount(page, 'IG')).toHaveText('1');
  await expect(groupCount(page, 'ERYTHROBLAST')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute(
    'title',
    /^Undo: Nucleated red cell for 1 cell/,
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'dark case with an immature granulocyte and a nucleated red cell');
});

test('the Case page fits: the differential and the first gallery row in view on arrival, each section one step away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await seedCase(page, 2);
  // A new visit may first ask whether to go on with the case: going on puts focus on its differential.
  const choice = page.getByTestId('case-choice');
  if ((await choice.count()) > 0) {
    await choice.getByRole('button', { name: 'Continue this case' }).click();
    await expect(page.getByRole('heading', { name: 'Differential' })).toBeFocused();
  }
  const inView = async (locator: Locator) => {
    const box = await locator.boundingBox();
    expect(box, 'laid out').not.toBeNull();
    return box !== null && box.y >= 0 && box.y + box.height <= 900;
  };
  expect(await inView(page.getByRole('heading', { name: 'Differential' })), 'the differential heading').toBe(true);
  expect(await inView(page.getByTestId('tally-LYMPHOCYTE')), 'the differential table').toBe(true);
  expect(await inView(page.getByTestId('gallery-cell').first()), 'the first gallery row').toBe(true);

  // The section bar stays in view and leads to each section, focus with it.
  const sections = page.getByRole('navigation', { name: 'Case sections' });
  await page.mouse.wheel(0, 5000);
  for (const [name, target] of [
    ['Review queue', page.locator('#review-heading')],
    ['Fields', page.getByRole('heading', { name: 'Images and cells' })],
    ['Gallery', page.getByRole('heading', { name: 'Cell gallery' })],
    ['Report', page.getByRole('button', { name: 'Print report' })],
    ['Differential', page.getByRole('heading', { name: 'Differential' })],
  ] as const) {
    expect(await inView(sections), `the section bar, before ${name}`).toBe(true);
    await sections.getByRole('button', { name, exact: true }).click();
    await expect(target).toBeFocused();
    expect(await inView(target), name).toBe(true);
  }

  // The queue's summary leads back into it with focus on the panel: J and Enter work at once.
  const queue = page.getByTestId('review-queue');
  await queue.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.getByTestId('review-summary-left')).toHaveText('2');
  await page.getByRole('button', { name: 'Review the 2 left' }).click();
  await expect(queue).toBeFocused();
  await page.keyboard.press(keyOf('MONOCYTE'));
  await expect(page.getByTestId('review-position')).toContainText('2 / 2');
  await page.keyboard.press('k');
  await expect(page.getByTestId('review-final')).toHaveText('Monocyte');
  // U gives the cell back the model's class here too.
  await page.keyboard.press('u');
  await expect(page.getByTestId('review-final')).toHaveText('Neutrophil');
  await expect(page.locator('[data-testid="gallery-cell"][data-key="seeded-image-0#0"]')).toHaveAttribute(
    'aria-label',
    'Cell 1 of BloodImage_00007.jpg: Neutrophil, flagged for review',
  );

  // With nothing selected the gallery's picker shows no class as chosen.
  await expect(page.getByTestId('gallery-selected')).toHaveText('0 selected');
  await expect(page.getByTestId('gallery-actions').locator('[aria-pressed="true"]')).toHaveCount(0);
});

test('an image opens large: zoom and pan by wheel, drag and keys; a removed box leaves the count, and undo brings it back', async ({
  page,
}) => {
  await seedCase(page);
  const open = page.getByRole('button', { name: 'Open BloodImage_00007.jpg large' });
  await open.click();
  const viewer = page.getByTestId('field-viewer');
  await expect(viewer).toBeVisible();
  const view = viewer.getByTestId('zoom-view');
  await expect(view).toHaveAttribute('data-scale', '1.000');

  // Keys: + zooms about the centre, the arrows move, 0 fits again.
  await view.focus();
  await page.keyboard.press('+');
  await expect.poll(() => numberOf(view, 'data-scale')).toBeGreaterThan(1.2);
  const x0 = await numberOf(view, 'data-x');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => numberOf(view, 'data-x')).toBeLessThan(x0);
  await page.keyboard.press('0');
  await expect(view).toHaveAttribute('data-scale', '1.000');

  // The wheel zooms about the pointer, a drag pans the picture.
  const box = (await view.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => numberOf(view, 'data-scale')).toBeGreaterThan(1.5);
  const scale = await numberOf(view, 'data-scale');
  const before = { x: await numberOf(view, 'data-x'), y: await numberOf(view, 'data-y') };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => numberOf(view, 'data-x')).toBeCloseTo(Math.min(0, before.x + 40), 0);
  await expect.poll(() => numberOf(view, 'data-y')).toBeCloseTo(Math.min(0, before.y + 30), 0);
  expect(await numberOf(view, 'data-scale')).toBe(scale);
  const content = viewer.getByTestId('zoom-content');
  await expect(content).toHaveAttribute('style', new RegExp(`scale\\(${scale.toString().slice(0, 4)}`));

  // Remove a box that is not a white cell: it leaves the image, the gallery and the count.
  await expect(viewer.getByTestId('viewer-cell')).toHaveCount(3);
  await viewer.getByTestId('viewer-cell').nth(1).getByRole('button', { name: 'Remove box' }).click();
  await expect(viewer.getByTestId('viewer-cell')).toHaveCount(2);
  await expect(viewer.getByTestId('viewer-box')).toHaveCount(2);
  await expect(page.getByTestId('tally-progress')).toContainText('5 / 100 cells');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(viewer.getByTestId('viewer-cell')).toHaveCount(3);
  await expect(page.getByTestId('tally-progress')).toContainText('6 / 100 cells');
  await viewer.getByRole('button', { name: 'Redo' }).click();
  await expect(viewer.getByTestId('viewer-cell')).toHaveCount(2);

  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByTestId('gallery-cell')).toHaveCount(5);
  await expect(page.getByTestId('case-box')).toHaveCount(5);

  // A cell opened from the gallery starts zoomed onto it.
  await page.getByTestId('gallery-cell').first().dblclick();
  await expect(viewer).toBeVisible();
  await expect.poll(() => numberOf(viewer.getByTestId('zoom-view'), 'data-scale')).toBeGreaterThan(1);
  // Tab stays inside the dialog.
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
});

test('a box drawn round a missed cell is classified, joins the case marked as added by hand, and leaves with undo', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await seedCase(page);
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Open BloodImage_00031.jpg large' }).click();
  const viewer = page.getByTestId('field-viewer');
  await viewer.getByRole('button', { name: 'Draw a missed cell' }).click();
  const layer = viewer.getByTestId('box-drawing');
  const area = (await layer.boundingBox())!;
  // Round the field's lower-right white cell (BCCD's box), which the seeded case leaves out.
  const at = (x: number, y: number) => [area.x + (x / 640) * area.width, area.y + (y / 480) * area.height] as const;
  await page.mouse.move(...at(404, 256));
  await page.mouse.down();
  await page.mouse.move(...at(480, 320), { steps: 4 });
  await page.mouse.move(...at(560, 380), { steps: 4 });
  await page.mouse.up();
  await expect(viewer.getByTestId('viewer-status')).toContainText('Added by hand', { timeout: 60_000 });
  const added = viewer.locator('[data-testid="viewer-cell"][data-hand="true"]');
  await expect(added).toHaveCount(1);
  const cls = (await added.getAttribute('data-final')) ?? '';
  expect(CLASSES).toContain(cls);
  await expect(viewer.locator('[data-testid="viewer-box"][data-hand="true"]')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('tally-progress')).toContainText('7 / 100 cells');
  await expect(page.locator('[data-testid="gallery-cell"][data-hand="true"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="gallery-cell"][data-hand="true"] img')).toHaveCount(1);
  await expect(page.getByTestId('hand-badge')).toHaveCount(1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\r\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((r) => r.split(','));
  const hand = rows.filter((r) => r[header.indexOf('added_by_hand')] === 'yes');
  expect(hand).toHaveLength(1);
  expect(hand[0][header.indexOf('image')]).toBe('BloodImage_00031.jpg');
  expect(hand[0][header.indexOf('final_class')]).toBe(cls);
  expect(Number(hand[0][header.indexOf('box_x')])).toBeCloseTo(404, -1);
  expect(rows.filter((r) => r[header.indexOf('added_by_hand')] === 'no')).toHaveLength(6);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByTestId('tally-progress')).toContainText('6 / 100 cells');
  await expect(page.locator('[data-testid="gallery-cell"][data-hand="true"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(page.locator('[data-testid="gallery-cell"][data-hand="true"]')).toHaveCount(1);
  // Stored with the case: it comes back after a reload.
  await page.reload();
  await expect(page.locator('[data-testid="gallery-cell"][data-hand="true"]')).toHaveCount(1);
});

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`the gallery and the opened image have no axe violations, light and dark, on a ${device}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await seedCase(page);
    for (const theme of ['Light', 'Dark']) {
      await page.getByRole('button', { name: theme, exact: true }).click();
      await expect(page.locator('html')).toHaveClass(theme === 'Dark' ? /dark/ : /^(?!.*dark)/);
      const neutrophils = group(page, 'NEUTROPHIL').getByTestId('gallery-cell');
      await neutrophils.nth(0).click();
      await neutrophils.nth(1).click({ modifiers: ['Shift'] });
      await expectNoAxeViolations(page, `${theme.toLowerCase()} gallery, ${device}`);
      await neutrophils.nth(0).dblclick();
      await expect(page.getByTestId('field-viewer')).toBeVisible();
      await expectNoAxeViolations(page, `${theme.toLowerCase()} image viewer, ${device}`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('field-viewer')).toBeHidden();
    }
  });
}
