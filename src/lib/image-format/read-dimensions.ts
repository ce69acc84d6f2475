import type { FileKind } from './sniff-kind';

/** What an image header says about its pixels, read without decoding them. */
export interface HeaderInfo {
  readonly width: number;
  readonly height: number;
  /** Colour channels in the file: 1 grey, 2 grey+alpha, 3 colour, 4 CMYK (JPEG) or RGBA (PNG). */
  readonly channels?: number;
  readonly hasAlpha?: boolean;
  /** GIF: the file loops through frames (it carries the NETSCAPE2.0 looping block). */
  readonly animated?: boolean;
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, 4096));
const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** Reads width, height and channels from the header of a decodable format, or undefined. */
export function readHeader(kind: FileKind, b: Uint8Array): HeaderInfo | undefined {
  if (kind === 'png' && b.length >= 26) {
    const colourType = b[25];
    const channels = [1, 0, 3, 3, 2, 0, 4][colourType] || 3;
    return { width: u32be(b, 16), height: u32be(b, 20), channels, hasAlpha: colourType === 4 || colourType === 6 };
  }
  if (kind === 'jpeg') return readJpeg(b);
  if (kind === 'gif' && b.length >= 10) {
    return { width: u16le(b, 6), height: u16le(b, 8), animated: ascii(b).includes('NETSCAPE2.0') };
  }
  if (kind === 'bmp') return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  if (kind === 'webp') return readWebp(b);
  return undefined;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(b: Uint8Array): HeaderInfo | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (SOF.has(marker)) return { height: u16be(b, i + 5), width: u16be(b, i + 7), channels: b[i + 9] };
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}

function readWebp(b: Uint8Array): HeaderInfo | undefined {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X' && b.length >= 30) {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, hasAlpha: (b[20] & 0x10) !== 0 };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, hasAlpha: ((bits >> 28) & 1) === 1 };
  }
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return undefined;
}
