import { deflateSync } from 'node:zlib';

/** How a TIFF page's pixel blocks are compressed: TIFF's Compression tag values. */
export const TIFF_COMPRESSION = { none: 1, lzw: 5, deflate: 8, packbits: 32773 } as const;
export type TiffCompression = keyof typeof TIFF_COMPRESSION;

/** One page (IFD) of a TIFF: interleaved samples, row by row, `samples` to a pixel. */
export interface TiffPage {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA (unassociated alpha). */
  readonly samples: 1 | 2 | 3 | 4;
  readonly bits: 8 | 16;
  /** width × height × samples values: bytes at 8 bits, 0–65535 at 16. */
  readonly data: Uint8Array | Uint16Array;
  readonly compression?: TiffCompression;
  /** Square tiles of this side (a multiple of 16) instead of strips. */
  readonly tile?: number;
  /** Rows in each strip (default 16). */
  readonly rowsPerStrip?: number;
  /** The Orientation tag (1–8), written only when given. */
  readonly orientation?: number;
  /** Horizontal differencing (Predictor 2) before compression. */
  readonly predictor?: boolean;
}

/**
 * A baseline TIFF of one or more pages, in Intel (II) or Motorola (MM) byte order, written the way
 * cameras and image libraries write them, so the tests hold the app's decoder to real files.
 */
export function tiffBytes(pages: readonly TiffPage[], order: 'II' | 'MM' = 'II'): Uint8Array {
  const out = new ByteSink(order === 'II');
  out.bytes([order.charCodeAt(0), order.charCodeAt(1)]);
  out.u16(42);
  let nextIfdPointer = out.reserve32();
  for (const page of pages) {
    const ifd = writePage(out, page);
    out.patch32(nextIfdPointer, ifd.at);
    nextIfdPointer = ifd.next;
  }
  out.patch32(nextIfdPointer, 0);
  return out.done();
}

const SHORT = 3;
const LONG = 4;

function writePage(out: ByteSink, page: TiffPage): { at: number; next: number } {
  const { width, height, samples, bits } = page;
  const compression = page.compression ?? 'none';
  const blockOffsets: number[] = [];
  const blockCounts: number[] = [];
  for (const block of pixelBlocks(page, out.little)) {
    const encoded = encode(block, compression);
    out.align();
    blockOffsets.push(out.length);
    blockCounts.push(encoded.length);
    out.bytes(encoded);
  }
  const tags: [number, number, number[]][] = [
    [256, LONG, [width]],
    [257, LONG, [height]],
    [258, SHORT, Array<number>(samples).fill(bits)],
    [259, SHORT, [TIFF_COMPRESSION[compression]]],
    [262, SHORT, [samples >= 3 ? 2 : 1]],
    [277, SHORT, [samples]],
    [284, SHORT, [1]],
  ];
  if (page.orientation !== undefined) tags.push([274, SHORT, [page.orientation]]);
  if (page.predictor) tags.push([317, SHORT, [2]]);
  if (samples === 2 || samples === 4) tags.push([338, SHORT, [2]]);
  if (page.tile) {
    tags.push([322, LONG, [page.tile]], [323, LONG, [page.tile]], [324, LONG, blockOffsets], [325, LONG, blockCounts]);
  } else {
    tags.push([273, LONG, blockOffsets], [278, LONG, [rowsPerStrip(page)]], [279, LONG, blockCounts]);
  }
  tags.sort((a, b) => a[0] - b[0]);
  // Values longer than four bytes go before the IFD, which points at them.
  const outside = new Map<number, number>();
  for (const [tag, type, values] of tags) {
    if (values.length * (type === SHORT ? 2 : 4) <= 4) continue;
    out.align();
    outside.set(tag, out.length);
    for (const v of values) {
      if (type === SHORT) out.u16(v);
      else out.u32(v);
    }
  }
  out.align();
  const at = out.length;
  out.u16(tags.length);
  for (const [tag, type, values] of tags) {
    out.u16(tag);
    out.u16(type);
    out.u32(values.length);
    const far = outside.get(tag);
    if (far !== undefined) out.u32(far);
    else if (type === LONG) out.u32(values[0]);
    else {
      out.u16(values[0]);
      out.u16(values[1] ?? 0);
    }
  }
  return { at, next: out.reserve32() };
}

function rowsPerStrip(page: TiffPage): number {
  return Math.min(page.rowsPerStrip ?? 16, page.height);
}

/** The page's strips, or its tiles (padded with zeros past the right and bottom edges), as bytes. */
function pixelBlocks(page: TiffPage, little: boolean): Uint8Array[] {
  const { width, height, samples, bits, data } = page;
  const bytesPerSample = bits / 8;
  const sample = (x: number, y: number, s: number) => data[(y * width + x) * samples + s];
  const block = (x0: number, y0: number, w: number, h: number): Uint8Array => {
    const values = new Uint16Array(w * h * samples);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let s = 0; s < samples; s++) {
          const inside = x0 + x < width && y0 + y < height;
          values[(y * w + x) * samples + s] = inside ? sample(x0 + x, y0 + y, s) : 0;
        }
      }
    }
    if (page.predictor) difference(values, w, h, samples, bits);
    const bytes = new Uint8Array(values.length * bytesPerSample);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => (bits === 8 ? (bytes[i] = v) : view.setUint16(i * 2, v, little)));
    return bytes;
  };
  const blocks: Uint8Array[] = [];
  if (page.tile) {
    for (let y = 0; y < height; y += page.tile) {
      for (let x = 0; x < width; x += page.tile) blocks.push(block(x, y, page.tile, page.tile));
    }
  } else {
    const rows = rowsPerStrip(page);
    for (let y = 0; y < height; y += rows) blocks.push(block(0, y, width, Math.min(rows, height - y)));
  }
  return blocks;
}

/** Predictor 2: each sample becomes its difference from the same sample of the pixel to its left. */
function difference(values: Uint16Array, w: number, h: number, samples: number, bits: number): void {
  const mask = bits === 8 ? 0xff : 0xffff;
  for (let y = 0; y < h; y++) {
    for (let x = w - 1; x > 0; x--) {
      for (let s = 0; s < samples; s++) {
        const i = (y * w + x) * samples + s;
        values[i] = (values[i] - values[i - samples]) & mask;
      }
    }
  }
}

function encode(bytes: Uint8Array, compression: TiffCompression): Uint8Array {
  if (compression === 'lzw') return lzw(bytes);
  if (compression === 'deflate') return new Uint8Array(deflateSync(bytes));
  if (compression === 'packbits') return packBits(bytes);
  return bytes;
}

/** TIFF's LZW: 9- to 12-bit codes, most significant bit first, widths changing one code early. */
export function lzw(input: Uint8Array): Uint8Array {
  const CLEAR = 256;
  const END = 257;
  const out: number[] = [];
  let acc = 0;
  let accBits = 0;
  let width = 9;
  const put = (code: number) => {
    acc = (acc << width) | code;
    accBits += width;
    while (accBits >= 8) {
      out.push((acc >>> (accBits - 8)) & 0xff);
      accBits -= 8;
    }
    acc &= (1 << accBits) - 1;
  };
  let table = new Map<number, number>();
  let next = 258;
  const added = () => {
    next++;
    if (next === 4094) {
      put(CLEAR);
      table = new Map();
      next = 258;
      width = 9;
    } else if (next > (1 << width) - 1) width++;
  };
  put(CLEAR);
  if (input.length === 0) {
    put(END);
    return flush();
  }
  let current = input[0];
  for (let i = 1; i < input.length; i++) {
    const key = current * 256 + input[i];
    const known = table.get(key);
    if (known !== undefined) {
      current = known;
      continue;
    }
    put(current);
    table.set(key, next);
    added();
    current = input[i];
  }
  put(current);
  added();
  put(END);
  return flush();

  function flush(): Uint8Array {
    if (accBits > 0) out.push((acc << (8 - accBits)) & 0xff);
    return Uint8Array.from(out);
  }
}

/** PackBits: runs of two to 128 equal bytes as (1 − n, byte), everything else as literal stretches. */
export function packBits(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < input.length) {
    let run = 1;
    while (i + run < input.length && run < 128 && input[i + run] === input[i]) run++;
    if (run >= 2) {
      out.push(257 - run, input[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < input.length && i - start < 128 && !(i + 1 < input.length && input[i + 1] === input[i])) i++;
    if (i === start) i++;
    out.push(i - start - 1, ...input.subarray(start, i));
  }
  return Uint8Array.from(out);
}

/** A growing buffer of bytes written in one byte order. */
class ByteSink {
  private buffer = new Uint8Array(1024);
  private view = new DataView(this.buffer.buffer);
  length = 0;
  constructor(readonly little: boolean) {}

  bytes(values: ArrayLike<number>): void {
    this.room(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }
  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.length, v, this.little);
    this.length += 2;
  }
  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.length, v, this.little);
    this.length += 4;
  }
  /** Four bytes to fill in later; returns where they are. */
  reserve32(): number {
    this.u32(0);
    return this.length - 4;
  }
  patch32(at: number, v: number): void {
    this.view.setUint32(at, v, this.little);
  }
  /** TIFF wants word-aligned offsets. */
  align(): void {
    if (this.length % 2) this.bytes([0]);
  }
  done(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    bigger.set(this.buffer);
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }
}
