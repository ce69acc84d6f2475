import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '@/core/rgba-image';
import { decodeTiff } from '@/core/tiff-image';
import { decodeBmp } from './decode-bmp';

/** Raised for a file that is not a readable JPEG, PNG, TIFF or BMP image. */
export class UnreadableImageError extends Error {}

/** Node holds a TIFF whole, as the browser does a PNG; it is not reduced (nor are the other formats here). */
const NODE_TIFF_LIMITS = { maxPixels: Number.POSITIVE_INFINITY, maxSide: Number.POSITIVE_INFINITY };

/**
 * Decodes a JPEG, PNG, TIFF or BMP file to RGBA in pure JavaScript, the way Node scripts need it.
 * A TIFF goes through the app's own decoder (src/core/tiff-image.ts).
 */
export async function decodeImageFile(path: string): Promise<RgbaImage> {
  const bytes = await readFile(path);
  try {
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
    throw new UnreadableImageError(`${path}: not a readable image (${(err as Error).message})`);
  }
  throw new UnreadableImageError(`${path}: not a JPEG, PNG, TIFF or BMP image`);
}
