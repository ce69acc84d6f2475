import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '@/core/rgba-image';
import { decodeTiff } from '@/core/tiff-image';
import { decodeBmp } from './decode-bmp';

/** Raised for a file that is not a readable image of a format the app reads. */
export class UnreadableImageError extends Error {}

/** Node holds a TIFF whole, as the browser does a PNG; it is not reduced (nor are the other formats here). */
const NODE_TIFF_LIMITS = { maxPixels: Number.POSITIVE_INFINITY, maxSide: Number.POSITIVE_INFINITY };

/**
 * Decodes an image file of any format the app reads to RGBA, the way Node scripts need it: a TIFF
 * through the app's own decoder (src/core/tiff-image.ts), JPEG, PNG and BMP in pure JavaScript,
 * WebP, AVIF and GIF (its first frame, as the browser) with sharp's libvips, as Node has no other.
 */
export async function decodeImageFile(path: string): Promise<RgbaImage> {
  return decodeImageBytes(await readFile(path), path);
}

/** decodeImageFile for bytes in memory; `label` names them in errors. */
export async function decodeImageBytes(bytes: Buffer, label: string): Promise<RgbaImage> {
  const ascii = (from: number, to: number) => bytes.toString('latin1', from, to);
  try {
    if (ascii(0, 4) === 'GIF8' || (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') || isAvif(bytes)) {
      return await decodeWithSharp(bytes);
    }
    const tiff = (bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d);
    if (tiff) return decodeTiff(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), NODE_TIFF_LIMITS).image;
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
      return { data: img.data, width: img.width, height: img.height };
    }
    if (bytes[0] === 0x89 && bytes[1] === 0x50) {
      const img = PNG.sync.read(bytes);
      return {
        data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length),
        width: img.width,
        height: img.height,
      };
    }
    if (bytes[0] === 0x42 && bytes[1] === 0x4d) return decodeBmp(bytes);
  } catch (err) {
    throw new UnreadableImageError(`${label}: not a readable image (${(err as Error).message})`);
  }
  throw new UnreadableImageError(`${label}: not a JPEG, PNG, TIFF, BMP, WebP, AVIF or GIF image`);
}

/** An ISO media file whose ftyp box lists the avif or avis brand. */
function isAvif(bytes: Buffer): boolean {
  if (bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const end = Math.min(bytes.length, bytes.readUInt32BE(0));
  for (let i = 8; i + 4 <= end; i += 4) {
    if (i === 12) continue; // the minor version, not a brand
    if (['avif', 'avis'].includes(bytes.toString('latin1', i, i + 4))) return true;
  }
  return false;
}

async function decodeWithSharp(bytes: Buffer): Promise<RgbaImage> {
  // Loaded only here: sharp's native library is needed by no other reader.
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
