import type { CellClass } from '@/core/model-spec';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { decodeImageFile } from '@testkit/decode-file';
import { dropFiles, type FilePayload } from '@testkit/drop-files';
import { classImageDir, knownGoodImages } from '@testkit/test-images';
import { tiffBytes, type TiffPage } from '@testkit/tiff-bytes';
import { expect, test } from './support/fixtures';

/** A microscope camera's TIFF of a known-good image: its RGB samples, widened to 16 bits when asked. */
async function tiffOf(path: string, name: string, page: Partial<TiffPage>, widen?: number): Promise<FilePayload> {
  const { data, width, height } = await decodeImageFile(path);
  const rgb = Uint8Array.from({ length: width * height * 3 }, (_, i) => data[Math.floor(i / 3) * 4 + (i % 3)]);
  const samples = widen ? Uint16Array.from(rgb, (v) => v * widen) : rgb;
  const bytes = tiffBytes([{ width, height, samples: 3, bits: widen ? 16 : 8, data: samples, ...page }]);
  return { name, mimeType: 'image/tiff', buffer: Buffer.from(bytes) };
}

/** knownGoodImages names each file `<class>-<file name>`. */
const sourcePath = (name: string, cls: CellClass) => `${classImageDir(cls)}/${name.slice(cls.length + 1)}`;

test('a 16-bit RGB TIFF and an 8-bit LZW TIFF are analysed like the JPEGs they came from', async ({ page }) => {
  const good = knownGoodImages();
  const [a, b] = [good[0], good[good.length - 1]];
  const sixteen = await tiffOf(sourcePath(a.file.name, a.cls), 'camera-16bit.tif', { compression: 'deflate' }, 16);
  const lzw = await tiffOf(sourcePath(b.file.name, b.cls), 'camera-lzw.tiff', { compression: 'lzw', predictor: true });
  await openReady(page);
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await dropFiles(page, [sixteen, lzw]);
  await waitForAllFinished(page, 2);
  for (const [file, cls] of [
    [sixteen, a.cls],
    [lzw, b.cls],
  ] as const) {
    await expect(card(page, file.name)).toHaveAttribute('data-status', 'done');
    await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  }
  await expect(card(page, sixteen.name).getByTestId('card-note')).toContainText('16-bit TIFF');
  expect(pageErrors).toEqual([]);
});
