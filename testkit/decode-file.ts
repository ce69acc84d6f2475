import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '@/core/rgba-image';
import { decodeBmp } from './decode-bmp';

/** Raised for a file that is not a readable JPEG, PNG or BMP image. */
export class UnreadableImageError extends Error {}

/** Decodes a JPEG, PNG or BMP file to RGBA in pure JavaScript, the way Node scripts need it. */
export async function decodeImageFile(path: string): Promise<RgbaImage> {
  const bytes = await readFile(path);
  try {
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
  throw new UnreadableImageError(`${path}: not a JPEG, PNG or BMP image`);
}
