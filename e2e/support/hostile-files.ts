import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { rgbPng } from '@testkit/png-bytes';
import type { BadFile } from './bad-files';

/** The SVG's script and onload both set this global if they ever run. */
export const SVG_SCRIPT_GLOBAL = '__svgScriptRan';

/** An RGB PNG with 16 bits per channel (as scientific cameras write), from 8-bit RGBA pixels. */
function png16(width: number, height: number, rgba: Uint8Array): Buffer {
  const rows = Buffer.alloc(height * (1 + width * 6));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 6);
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) rows.writeUInt16BE(rgba[(y * width + x) * 4 + c] * 257, row + 1 + x * 6 + c * 2);
    }
  }
  return rgbPng(width, height, 16, deflateSync(rows));
}

/**
 * A looping two-frame GIF of the image: 125-colour palette (5 levels per channel), LZW with a
 * 7-bit minimum code size so that every code is one byte, and a clear code every 100 pixels so
 * the code width never grows. The second frame is the first with its colours inverted.
 */
function animatedGif(width: number, height: number, rgba: Uint8Array): Buffer {
  const level = (v: number) => Math.round(v / 63.75);
  const palette = Buffer.alloc(128 * 3);
  for (let i = 0; i < 125; i++)
    palette.set([Math.floor(i / 25) * 63.75, (Math.floor(i / 5) % 5) * 63.75, (i % 5) * 63.75], i * 3);
  const frame = (invert: boolean) => {
    const codes: number[] = [];
    for (let p = 0; p < width * height; p++) {
      if (p % 100 === 0) codes.push(128); // clear
      const [r, g, b] = [0, 1, 2].map((c) => (invert ? 255 - rgba[p * 4 + c] : rgba[p * 4 + c]));
      codes.push(level(r) * 25 + level(g) * 5 + level(b));
    }
    codes.push(129); // end of information
    const blocks: number[] = [];
    for (let i = 0; i < codes.length; i += 255) {
      const part = codes.slice(i, i + 255);
      blocks.push(part.length, ...part);
    }
    const size = [width & 0xff, width >> 8, height & 0xff, height >> 8];
    return [0x21, 0xf9, 4, 0, 50, 0, 0, 0, 0x2c, 0, 0, 0, 0, ...size, 0, 7, ...blocks, 0];
  };
  const head = Buffer.from([
    ...Buffer.from('GIF89a'),
    width & 0xff,
    width >> 8,
    height & 0xff,
    height >> 8,
    0xe6,
    0,
    0,
  ]);
  const loop = Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0]);
  return Buffer.concat([head, palette, loop, Buffer.from(frame(false)), Buffer.from(frame(true)), Buffer.from([0x3b])]);
}

/** A valid PNG of the image whose compressed pixel data is garbled in the middle. */
function corruptPng(width: number, height: number, rgba: Uint8Array): Buffer {
  const img = new PNG({ width, height });
  img.data = Buffer.from(rgba);
  const good = PNG.sync.write(img);
  const idat = good.indexOf(Buffer.from('IDAT', 'latin1'));
  const bad = Buffer.from(good);
  bad.fill(0xee, idat + 40, idat + 400);
  return bad;
}

/** The hostile files issue 8 adds to issue 3's bad inputs, generated from one real TEST image. */
export function hostileFiles(goodJpegPath: string): BadFile[] {
  const { width, height, data } = jpeg.decode(readFileSync(goodJpegPath), { useTArray: true, formatAsRGBA: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" onload="window.${SVG_SCRIPT_GLOBAL}=1">
  <script>window.${SVG_SCRIPT_GLOBAL} = 1; try { parent.${SVG_SCRIPT_GLOBAL} = 1; } catch (e) {}</script>
  <circle cx="160" cy="120" r="40" fill="purple"/></svg>`;
  return [
    {
      name: 'corrupt.png',
      mimeType: 'image/png',
      buffer: corruptPng(width, height, data),
      expect: /could not be decoded/i,
      analysed: false,
    },
    {
      name: 'camera-16bit.png',
      mimeType: 'image/png',
      buffer: png16(width, height, data),
      expect: /.*/,
      analysed: true,
    },
    {
      name: 'animated.gif',
      mimeType: 'image/gif',
      buffer: animatedGif(width, height, data),
      expect: /Animated GIF: only its first frame/,
      analysed: true,
    },
    {
      name: 'drawing.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from(svg),
      expect: /SVG drawings are not analysed/,
      analysed: false,
    },
  ];
}
