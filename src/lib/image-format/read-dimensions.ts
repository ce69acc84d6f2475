import type { FileKind } from './sniff-kind';

/** What an image header says about its pixels, read without decoding them. */
export interface HeaderInfo {
  readonly width: number;
  readonly height: number;
  /** Colour channels in the file: 1 grey, 2 grey+alpha, 3 colour, 4 CMYK (JPEG) or RGBA (PNG). */
  readonly channels?: number;
  readonly hasAlpha?: boolean;
  /** GIF: the file loops through frames (NETSCAPE2.0 block); WebP: the VP8X animation flag or an ANIM chunk. */
  readonly animated?: boolean;
  /**
   * JPEG: the EXIF orientation (1–8). From 5 to 8 the stored pixels are turned a quarter turn, so
   * the picture the browser shows is `height` wide and `width` high. TIFF: its Orientation tag.
   */
  readonly orientation?: number;
  /** TIFF: bits in each sample. */
  readonly bitsPerSample?: number;
  /** TIFF: each colour stored in a plane of its own (PlanarConfiguration 2). */
  readonly separatePlanes?: boolean;
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, 4096));
const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
const u32le = (b: Uint8Array, i: number) => i32le(b, i) >>> 0;
const fourCC = (b: Uint8Array, i: number) => String.fromCharCode(...b.subarray(i, i + 4));

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
  if (kind === 'avif') return readIspe(b);
  if (kind === 'tiff') {
    const ifd = tiffFirstIfd(b);
    return ifd === undefined ? undefined : readTiffIfd(b, 0, ifd);
  }
  return undefined;
}

const tiffLittle = (b: Uint8Array) => b[0] === 0x49 && b[1] === 0x49;

/** Where a TIFF's first image directory starts, from its 8-byte header. */
export function tiffFirstIfd(head: Uint8Array): number | undefined {
  if (head.length < 8) return undefined;
  return tiffLittle(head) ? u32le(head, 4) : u32be(head, 4);
}

/**
 * A TIFF's first page as its directory (IFD0, at file offset `ifd`) describes it. `bytes` are the
 * file's from offset `start` (0 when they are the head): IFD0 lies at or after the pixels in many
 * files, so the caller may read it apart. `order` holds the file's first two bytes.
 */
export function readTiffIfd(
  bytes: Uint8Array,
  start: number,
  ifd: number,
  order: Uint8Array = bytes,
): HeaderInfo | undefined {
  const little = tiffLittle(order);
  const u16 = (i: number) => (little ? u16le(bytes, i) : u16be(bytes, i));
  const u32 = (i: number) => (little ? u32le(bytes, i) : u32be(bytes, i));
  const at = ifd - start;
  if (at < 0 || at + 2 > bytes.length) return undefined;
  const tags = new Map<number, number[]>();
  for (let k = 0, e = at + 2; k < u16(at) && e + 12 <= bytes.length; k++, e += 12) {
    const type = u16(e + 2);
    const size = type === 3 ? 2 : type === 4 ? 4 : 0;
    const count = Math.min(4, u32(e + 4));
    if (size === 0 || count === 0) continue;
    // Values of more than four bytes lie elsewhere; they are read when they lie within `bytes`.
    const valueAt = u32(e + 4) * size > 4 ? u32(e + 8) - start : e + 8;
    if (valueAt < 0 || valueAt + count * size > bytes.length) continue;
    const values = Array.from({ length: count }, (_, i) => (size === 2 ? u16(valueAt + 2 * i) : u32(valueAt + 4 * i)));
    tags.set(u16(e), values);
  }
  const width = tags.get(256)?.[0];
  const height = tags.get(257)?.[0];
  if (width === undefined || height === undefined) return undefined;
  const samples = tags.get(277)?.[0] ?? 1;
  const photometric = tags.get(262)?.[0];
  const colours = photometric === 2 ? 3 : 1;
  const orientation = tags.get(274)?.[0];
  return {
    width,
    height,
    // A palette page shows colours from one sample a pixel.
    channels: photometric === 3 ? 3 : samples,
    hasAlpha: tags.has(338) && samples > colours,
    ...(orientation && orientation <= 8 ? { orientation } : {}),
    ...(tags.has(258) ? { bitsPerSample: tags.get(258)?.[0] } : {}),
    ...(tags.get(284)?.[0] === 2 && samples > 1 ? { separatePlanes: true } : {}),
  };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(b: Uint8Array): HeaderInfo | undefined {
  let i = 2;
  let orientation: number | undefined;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (SOF.has(marker)) {
      const size = { height: u16be(b, i + 5), width: u16be(b, i + 7), channels: b[i + 9] };
      return orientation ? { ...size, orientation } : size;
    }
    const length = u16be(b, i + 2);
    if (marker === 0xe1 && fourCC(b, i + 4) === 'Exif') {
      orientation = exifOrientation(b.subarray(i + 10, Math.min(b.length, i + 2 + length))) ?? orientation;
    }
    i += 2 + length;
  }
  return undefined;
}

/** The Orientation tag (0x0112) of IFD0 in an Exif block's TIFF structure, when it holds 1–8. */
function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const u16 = (i: number) => (little ? u16le(tiff, i) : u16be(tiff, i));
  const ifd = little ? u32le(tiff, 4) : u32be(tiff, 4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let k = 0, e = ifd + 2; k < count && e + 12 <= tiff.length; k++, e += 12) {
    if (u16(e) !== 0x0112) continue;
    const value = u16(e + 8);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

function readWebp(b: Uint8Array): HeaderInfo | undefined {
  const chunk = fourCC(b, 12);
  if (chunk === 'VP8X' && b.length >= 30) {
    const width = u24le(b, 24) + 1;
    const height = u24le(b, 27) + 1;
    const chunks = riffChunks(b, 12);
    const animated = (b[20] & 0x02) !== 0 || chunks.some((c) => c.type === 'ANIM');
    if (!animated) return { width, height, hasAlpha: (b[20] & 0x10) !== 0 };
    // Encoders set the alpha flag on most animations (frames may blend), but only the first frame is
    // decoded: it shows transparency when it carries alpha or leaves part of the canvas uncovered.
    const first = chunks.find((c) => c.type === 'ANMF');
    const hasAlpha = first ? frameHasAlpha(b, first.at, first.size, width, height) : (b[20] & 0x10) !== 0;
    return { width, height, hasAlpha, animated };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, hasAlpha: ((bits >> 28) & 1) === 1 };
  }
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return undefined;
}

/** The RIFF chunks from `start` that lie within the bytes read: type, data offset and data size. */
function riffChunks(b: Uint8Array, start: number): { type: string; at: number; size: number }[] {
  const out: { type: string; at: number; size: number }[] = [];
  for (let i = start; i + 8 <= b.length;) {
    const size = u32le(b, i + 4);
    out.push({ type: fourCC(b, i), at: i + 8, size });
    i += 8 + size + (size & 1);
  }
  return out;
}

/** An ANMF frame (16 bytes of placement, then its own chunks) shows alpha or does not cover the canvas. */
function frameHasAlpha(b: Uint8Array, at: number, size: number, width: number, height: number): boolean {
  const x = u24le(b, at) * 2;
  const y = u24le(b, at + 3) * 2;
  const w = u24le(b, at + 6) + 1;
  const h = u24le(b, at + 9) + 1;
  if (x > 0 || y > 0 || w < width || h < height) return true;
  const inner = riffChunks(b.subarray(0, Math.min(b.length, at + size)), at + 16);
  return inner.some(
    (c) => c.type === 'ALPH' || (c.type === 'VP8L' && c.at + 5 <= b.length && ((b[c.at + 4] >> 4) & 1) === 1),
  );
}

/**
 * The largest size among an AVIF's ispe (image spatial extent) boxes: a grid image declares its
 * tiles and the whole picture, and the whole is what the browser decodes.
 */
function readIspe(b: Uint8Array): HeaderInfo | undefined {
  let best: HeaderInfo | undefined;
  for (let i = 4; i + 16 <= b.length; i++) {
    if (b[i] !== 0x69 || fourCC(b, i) !== 'ispe') continue;
    const width = u32be(b, i + 8);
    const height = u32be(b, i + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}
