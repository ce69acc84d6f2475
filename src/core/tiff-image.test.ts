import { describe, expect, it } from 'vitest';
import { tiffBytes, type TiffCompression, type TiffPage } from '@testkit/tiff-bytes';
import { decodeTiff, TiffError } from './tiff-image';

const LIMITS = { maxPixels: 100e6, maxSide: 4096 };
const W = 45;
const H = 37;

/**
 * A smear-like 8-bit colour at (x, y): a white top row (the bright background, so the 16-bit
 * range reaches full scale), then a gradient with a purple blob, so neighbouring samples differ.
 */
function colourAt(x: number, y: number): [number, number, number] {
  if (y === 0) return [255, 255, 255];
  const inBlob = (x - 20) ** 2 + (y - 15) ** 2 < 64;
  return inBlob ? [90 + (x % 7), 40 + (y % 5), 140] : [200 + (x % 50), 180 + (y % 60), 170 + ((x + y) % 80)];
}

/** The page's samples from colourAt: `samples` per pixel, alpha 255 (or full) where there is one. */
function page(samples: 1 | 2 | 3 | 4, bits: 8 | 16, extra: Partial<TiffPage> = {}, widen = 257): TiffPage {
  const data = bits === 8 ? new Uint8Array(W * H * samples) : new Uint16Array(W * H * samples);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [r, g, b] = colourAt(x, y);
      const grey = Math.round((r + g + b) / 3);
      const levels = samples >= 3 ? [r, g, b] : [grey];
      if (samples === 2 || samples === 4) levels.push(255);
      levels.forEach((v, s) => (data[(y * W + x) * samples + s] = bits === 8 ? v : v * widen));
    }
  }
  return { width: W, height: H, samples, bits, data, ...extra };
}

function expectColours(bytes: Uint8Array, grey: boolean, tolerance = 0) {
  const { image } = decodeTiff(bytes, LIMITS);
  expect([image.width, image.height]).toEqual([W, H]);
  let worst = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [r, g, b] = colourAt(x, y);
      const want = grey ? Array<number>(3).fill(Math.round((r + g + b) / 3)) : [r, g, b];
      const o = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(image.data[o + c] - want[c]));
      expect(image.data[o + 3]).toBe(255);
    }
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
}

const COMPRESSIONS: TiffCompression[] = ['none', 'lzw', 'deflate', 'packbits'];

describe('decodeTiff', () => {
  for (const compression of COMPRESSIONS) {
    for (const layout of ['strips', 'tiles'] as const) {
      const tile = layout === 'tiles' ? 16 : undefined;
      it(`reads 8-bit RGB, RGBA, grey and grey+alpha, ${compression}, in ${layout}`, () => {
        for (const samples of [3, 4, 1, 2] as const) {
          expectColours(tiffBytes([page(samples, 8, { compression, tile })]), samples <= 2);
        }
      });
      it(`reads 16-bit RGB, RGBA and grey, ${compression}, in ${layout}, both byte orders`, () => {
        for (const samples of [3, 4, 1] as const) {
          for (const order of ['II', 'MM'] as const) {
            expectColours(tiffBytes([page(samples, 16, { compression, tile })], order), samples <= 2, 1);
          }
        }
      });
    }
  }

  it('undoes the horizontal predictor at 8 and 16 bits', () => {
    expectColours(tiffBytes([page(3, 8, { compression: 'lzw', predictor: true })]), false);
    expectColours(tiffBytes([page(3, 16, { compression: 'deflate', predictor: true })], 'MM'), false, 1);
  });

  it('scales 16 bits by the data’s own range: a 12-bit camera’s file reads like its 8-bit export', () => {
    const twelveBit = page(3, 16, {}, 16);
    expectColours(tiffBytes([twelveBit]), false, 1);
    expect(decodeTiff(tiffBytes([twelveBit]), LIMITS).facts.scaledFrom).toBeLessThanOrEqual(255 * 16);
  });

  it('keeps a 16-bit image’s low byte (no truncation to the high byte)', () => {
    // Levels 0..255 in the low byte only: truncating to the high byte would read all black.
    const data = new Uint16Array(W * H).map((_, i) => i % 256);
    const { image } = decodeTiff(tiffBytes([{ width: W, height: H, samples: 1, bits: 16, data }]), LIMITS);
    const levels = new Set<number>();
    for (let i = 0; i < W * H; i++) levels.add(image.data[i * 4]);
    expect(levels.size).toBeGreaterThan(200);
  });

  it('ignores a few hot pixels when it finds the 16-bit range', () => {
    const p = page(3, 16, {}, 16);
    const data = p.data as Uint16Array;
    data.set([65535, 65535, 65535], 0);
    expectColours(tiffBytes([p]), false, 1);
  });

  it('places transparent pixels on white', () => {
    const p = page(4, 8);
    (p.data as Uint8Array)[3] = 0;
    const { image } = decodeTiff(tiffBytes([p]), LIMITS);
    expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('applies the Orientation tag, each of the eight', () => {
    // Three by two, pixel values 1..6 in reading order: [1 2 3 / 4 5 6].
    const stored = { width: 3, height: 2, samples: 1, bits: 8, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) } as const;
    const shown: Record<number, number[][]> = {
      1: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      2: [
        [3, 2, 1],
        [6, 5, 4],
      ],
      3: [
        [6, 5, 4],
        [3, 2, 1],
      ],
      4: [
        [4, 5, 6],
        [1, 2, 3],
      ],
      5: [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
      6: [
        [4, 1],
        [5, 2],
        [6, 3],
      ],
      7: [
        [6, 3],
        [5, 2],
        [4, 1],
      ],
      8: [
        [3, 6],
        [2, 5],
        [1, 4],
      ],
    };
    for (const [orientation, rows] of Object.entries(shown)) {
      const { image, facts } = decodeTiff(tiffBytes([{ ...stored, orientation: Number(orientation) }]), LIMITS);
      const read = rows.map((row, y) => row.map((_, x) => image.data[(y * image.width + x) * 4]));
      expect({ orientation, read, size: [facts.width, facts.height] }).toEqual({
        orientation,
        read: rows,
        size: [rows[0].length, rows.length],
      });
    }
  });

  it('reads the first page of a multi-page file and counts the pages', () => {
    const grey = page(1, 8);
    const { image, facts } = decodeTiff(tiffBytes([page(3, 8, { compression: 'lzw' }), grey, grey]), LIMITS);
    expect(facts.pages).toBe(3);
    expect([...image.data.subarray(4 * W, 4 * W + 3)]).toEqual(colourAt(0, 1));
  });

  it('reduces a picture wider than maxSide, keeping its shape', () => {
    const { image, facts } = decodeTiff(tiffBytes([page(3, 8)]), { maxPixels: 100e6, maxSide: 15 });
    expect([image.width, image.height, facts.width, facts.height]).toEqual([15, 12, W, H]);
  });

  it('refuses a page over the pixel cap before decoding it', () => {
    expect(() => decodeTiff(tiffBytes([page(3, 8)]), { maxPixels: W * H - 1, maxSide: 4096 })).toThrow(TiffError);
  });

  it('refuses a damaged file with a sentence, never a crash', () => {
    const bytes = tiffBytes([page(3, 8, { compression: 'lzw' })]);
    expect(() => decodeTiff(bytes.subarray(0, 20), LIMITS)).toThrow(TiffError);
    expect(() => decodeTiff(Uint8Array.from([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0xff, 0x7f]), LIMITS)).toThrow(TiffError);
  });
});
