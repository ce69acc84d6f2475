import UTIF from 'utif2';
import { downscaleToFit } from './resample';
import type { RgbaImage } from './rgba-image';

/** A TIFF that cannot be read, with a sentence that says why. */
export class TiffError extends Error {}

export interface TiffLimits {
  /** Most pixels the page may hold: it is decoded whole. */
  readonly maxPixels: number;
  /** The decoded picture is reduced (area-averaged) so that neither side exceeds this. */
  readonly maxSide: number;
}

/** What decoding learnt that the page tells the user. */
export interface TiffFacts {
  /** Full-resolution pages in the file (reduced-resolution previews not counted); the first is read. */
  readonly pages: number;
  readonly bitsPerSample: number;
  /** At 16 bits: the sample value that became 255 (the data's robust maximum). */
  readonly scaledFrom?: number;
  /** The picture's size as shown (orientation applied), before any reduction. */
  readonly width: number;
  readonly height: number;
}

export interface DecodedTiff {
  /** Opaque RGBA (transparency placed on white), upright, at most limits.maxSide a side. */
  readonly image: RgbaImage;
  readonly facts: TiffFacts;
}

/** Share of 16-bit colour samples allowed above the value that becomes 255 (a few hot pixels). */
const CLIPPED_SHARE = 0.001;

const tag = (ifd: UTIF.IFD, id: number): number[] | undefined => ifd[`t${id}`] as number[] | undefined;
const first = (ifd: UTIF.IFD, id: number, fallback: number): number => tag(ifd, id)?.[0] ?? fallback;

/**
 * Decodes the first full-resolution page of a TIFF (utif2 undoes the compression: none, LZW,
 * Deflate, PackBits, JPEG; strips or tiles; predictor 2). 8-bit samples are kept; 16-bit samples
 * are scaled so the data's robust maximum becomes 255 with zero kept at zero, so a 12-bit camera's
 * file is not left dark and a full-range one is not truncated. The Orientation tag is applied.
 */
export function decodeTiff(bytes: Uint8Array, limits: TiffLimits): DecodedTiff {
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : bytes.slice().buffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer);
  } catch {
    throw new TiffError('This TIFF is damaged: its directory of images could not be read.');
  }
  const pages = ifds.filter((ifd) => tag(ifd, 256) && (first(ifd, 254, 0) & 1) === 0);
  const page = pages[0];
  if (!page) throw new TiffError('This TIFF holds no image.');
  const width = first(page, 256, 0);
  const height = first(page, 257, 0);
  if (width === 0 || height === 0) throw new TiffError('The TIFF gives a size of zero pixels.');
  if (width * height > limits.maxPixels) {
    throw new TiffError(`This TIFF is ${width}×${height} pixels: too large to decode whole in a browser.`);
  }
  const bits = first(page, 258, 1);
  const samples = first(page, 277, 1);
  if (first(page, 284, 1) === 2) {
    throw new TiffError('This TIFF stores each colour in a separate plane, which is not read. Save it as RGB.');
  }
  if (bits > 16 || (bits > 8 && bits < 16)) {
    throw new TiffError(`This TIFF has ${bits}-bit samples, which are not read. Save it with 8 or 16 bits.`);
  }
  try {
    UTIF.decodeImage(buffer, page);
  } catch (err) {
    if (err instanceof RangeError) throw new TiffError('This TIFF is too large to decode in this browser’s memory.');
    throw new TiffError('The TIFF could not be decoded: the file is damaged or incomplete.');
  }
  if (!page.data || page.data.length === 0)
    throw new TiffError('The TIFF could not be decoded: its pixels are missing.');
  const { rgba, scaledFrom } = toRgba(page, width, height, bits, samples);
  const orientation = first(page, 274, 1);
  const upright = orient({ data: rgba, width, height }, orientation >= 1 && orientation <= 8 ? orientation : 1);
  const { image } = downscaleToFit(upright, limits.maxSide);
  const facts = { pages: pages.length, bitsPerSample: bits, width: upright.width, height: upright.height };
  return { image, facts: scaledFrom === undefined ? facts : { ...facts, scaledFrom } };
}

/** The page's samples as opaque RGBA bytes. */
function toRgba(
  page: UTIF.IFD,
  width: number,
  height: number,
  bits: number,
  samples: number,
): { rgba: Uint8Array; scaledFrom?: number } {
  const photometric = first(page, 262, samples >= 3 ? 2 : 1);
  const own = (bits === 8 || bits === 16) && (photometric <= 1 || (photometric === 2 && samples >= 3));
  if (!own) {
    // Palette, CMYK, YCbCr and bilevel pages: utif2's own conversion to 8-bit RGBA.
    return { rgba: onWhite(UTIF.toRGBA8(page), width * height) };
  }
  const colours = photometric === 2 ? 3 : 1;
  const hasAlpha = samples > colours;
  const raw = page.data;
  const values = bits === 16 ? new Uint16Array(raw.buffer, raw.byteOffset, Math.floor(raw.length / 2)) : raw;
  const pixels = width * height;
  if (values.length < pixels * samples) throw new TiffError('The TIFF could not be decoded: its pixels are cut short.');
  const top = bits === 16 ? robustMaximum(values, samples, colours, pixels) : 255;
  const scale = 255 / Math.max(1, top);
  const alphaScale = bits === 16 ? 1 / 65535 : 1 / 255;
  const invert = photometric === 0;
  const rgba = new Uint8Array(pixels * 4);
  for (let p = 0, v = 0, o = 0; p < pixels; p++, v += samples, o += 4) {
    const alpha = hasAlpha ? values[v + colours] * alphaScale : 1;
    for (let c = 0; c < 3; c++) {
      let level = Math.min(255, values[v + (colours === 3 ? c : 0)] * scale);
      if (invert) level = 255 - level;
      rgba[o + c] = Math.round(level * alpha + 255 * (1 - alpha));
    }
    rgba[o + 3] = 255;
  }
  return bits === 16 ? { rgba, scaledFrom: top } : { rgba };
}

/** The 16-bit colour sample value that all but CLIPPED_SHARE of the colour samples lie at or below. */
function robustMaximum(values: ArrayLike<number>, samples: number, colours: number, pixels: number): number {
  const counts = new Uint32Array(65536);
  for (let p = 0, v = 0; p < pixels; p++, v += samples) {
    for (let c = 0; c < colours; c++) counts[values[v + c]]++;
  }
  const allowed = Math.floor(pixels * colours * CLIPPED_SHARE);
  let above = 0;
  for (let level = 65535; level > 0; level--) {
    above += counts[level];
    if (above > allowed) return level;
  }
  return 1;
}

/** utif2's RGBA with any transparency placed on white, as the app shows every image. */
function onWhite(rgba: Uint8Array, pixels: number): Uint8Array {
  for (let p = 0, o = 0; p < pixels; p++, o += 4) {
    const alpha = rgba[o + 3] / 255;
    if (alpha === 1) continue;
    for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(rgba[o + c] * alpha + 255 * (1 - alpha));
    rgba[o + 3] = 255;
  }
  return rgba;
}

/**
 * The picture as it is meant to be seen, for the TIFF/EXIF Orientation values 1–8 (where row 0
 * and column 0 of the stored pixels lie in the picture: 6 is a quarter turn clockwise, 8
 * anticlockwise, 2, 4, 5 and 7 the mirrored ones).
 */
export function orient(image: RgbaImage, orientation: number): RgbaImage {
  if (orientation === 1) return image;
  const { width: w, height: h, data } = image;
  const turned = orientation >= 5;
  const width = turned ? h : w;
  const height = turned ? w : h;
  const out = new Uint8Array(width * height * 4);
  const source: Record<number, (x: number, y: number) => number> = {
    2: (x, y) => y * w + (w - 1 - x),
    3: (x, y) => (h - 1 - y) * w + (w - 1 - x),
    4: (x, y) => (h - 1 - y) * w + x,
    5: (x, y) => x * w + y,
    6: (x, y) => (h - 1 - x) * w + y,
    7: (x, y) => (h - 1 - x) * w + (w - 1 - y),
    8: (x, y) => x * w + (w - 1 - y),
  };
  const from = source[orientation];
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o += 4) {
      const s = from(x, y) * 4;
      out[o] = data[s];
      out[o + 1] = data[s + 1];
      out[o + 2] = data[s + 2];
      out[o + 3] = data[s + 3];
    }
  }
  return { data: out, width, height };
}
