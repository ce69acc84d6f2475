/**
 * Measures what a case costs in the browser's storage per cell, in the built app in headless
 * Chromium: drops LISC eval cells (five of each class) and one BCCD field on the Case page, then
 * reads the stored image records back from IndexedDB and prints the bytes per cell of each part:
 * the cell's picture (JPEG), its pooled features, and its crop as the classifier read it (kept so
 * that the case can be calibrated to its own cells and read again after a reload).
 *
 *   npx vite build --outDir /tmp/dist && PW_DIST=/tmp/dist npm run measure:case-storage [-- --per-class 5]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { arg } from '../lib/cli-arg';
import { withReadyAppPage } from '../lib/ready-app-page';

const LISC = '../shared/data/lisc/eval';
const FIELD = '../shared/data/bccd/JPEGImages/BloodImage_00031.jpg';
const perClass = Number(arg('per-class', '5'));

const files = [
  ...readdirSync(LISC)
    .sort()
    .flatMap((cls) =>
      readdirSync(`${LISC}/${cls}`)
        .sort()
        .slice(0, perClass)
        .map((f) => `${LISC}/${cls}/${f}`),
    ),
  FIELD,
];

await withReadyAppPage('webgl', async (page) => {
  await page.evaluate(() => (location.hash = '#/case'));
  await page.getByTestId('case-page').waitFor();
  const payload = files.map((f) => ({ name: f.split('/').pop() ?? f, base64: readFileSync(f).toString('base64') }));
  await page.getByTestId('drop-zone').evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'image/jpeg' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, payload);
  await page
    .getByTestId('case-image')
    .nth(files.length - 1)
    .waitFor({ state: 'attached', timeout: 600_000 });
  const sizes = await page.evaluate(
    () =>
      new Promise<{
        images: number;
        cells: number;
        thumbnails: number;
        pictures: number;
        features: number;
        crops: number;
      }>((resolve, reject) => {
        const open = indexedDB.open('hematovision-cases');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('image-records').objectStore('image-records').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const records = all.result as {
              cells: unknown[];
              thumbnail: Blob;
              cellImages: Blob[];
              cellFeatures?: Float32Array[];
              cellCrops?: Uint8Array[];
            }[];
            // (No named helper functions in here: tsx would wrap them in a __name the page lacks.)
            const total = { images: records.length, cells: 0, thumbnails: 0, pictures: 0, features: 0, crops: 0 };
            for (const r of records) {
              total.cells += r.cells.length;
              total.thumbnails += r.thumbnail.size;
              for (const blob of r.cellImages) total.pictures += blob.size;
              for (const f of r.cellFeatures ?? []) total.features += f.byteLength;
              for (const c of r.cellCrops ?? []) total.crops += c.byteLength;
            }
            resolve(total);
          };
        };
      }),
  );
  const perCell = (bytes: number) => `${(bytes / sizes.cells / 1024).toFixed(1)} KB`;
  const total = sizes.thumbnails + sizes.pictures + sizes.features + sizes.crops;
  console.log(`${sizes.images} images, ${sizes.cells} cells stored`);
  console.log(
    `per cell: picture ${perCell(sizes.pictures)}, features ${perCell(sizes.features)}, crop ${perCell(sizes.crops)}`,
  );
  console.log(
    `per cell with the images' thumbnails: ${perCell(total)}; crops are ${((100 * sizes.crops) / total).toFixed(0)} % of it`,
  );
});
