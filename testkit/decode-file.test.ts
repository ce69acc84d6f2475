import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageBytes, UnreadableImageError } from './decode-file';
import { tiffBytes } from './tiff-bytes';

const W = 24;
const H = 16;
/** Four flat colours in quarters: few enough for a GIF's palette, plain enough for lossless codecs. */
const QUARTERS = [
  [200, 60, 140],
  [250, 240, 230],
  [90, 40, 150],
  [30, 200, 90],
];
const rgb = Buffer.from(
  Array.from(
    { length: W * H },
    (_, p) => QUARTERS[(p % W < W / 2 ? 0 : 1) + (Math.floor(p / W) < H / 2 ? 0 : 2)],
  ).flat(),
);
const source = () => sharp(rgb, { raw: { width: W, height: H, channels: 3 } });

describe('decodeImageBytes: every format the app reads, in Node', () => {
  it.each([
    ['PNG', () => source().png().toBuffer(), 0],
    ['WebP', () => source().webp({ lossless: true }).toBuffer(), 0],
    ['AVIF', () => source().avif({ lossless: true }).toBuffer(), 2],
    ['GIF', () => source().gif().toBuffer(), 0],
    [
      'TIFF',
      () =>
        Promise.resolve(
          Buffer.from(tiffBytes([{ width: W, height: H, samples: 3, bits: 8, data: rgb, compression: 'lzw' }])),
        ),
      0,
    ],
    ['JPEG', () => source().jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).toBuffer(), 12],
  ] as const)('%s', async (_, encode, tolerance) => {
    const image = await decodeImageBytes(await encode(), 'quarters');
    expect([image.width, image.height]).toEqual([W, H]);
    let worst = 0;
    for (let p = 0; p < W * H; p++) {
      for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(image.data[p * 4 + c] - rgb[p * 3 + c]));
    }
    expect(worst).toBeLessThanOrEqual(tolerance);
  });

  it('refuses bytes of no format it reads', async () => {
    await expect(decodeImageBytes(Buffer.from('%PDF-1.4 not an image'), 'doc.pdf')).rejects.toThrow(
      UnreadableImageError,
    );
  });
});
