import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import { flatColourJpeg } from './huge-jpeg';
import { rgbPng } from './png-bytes';

/**
 * Decompression bombs: small files whose headers declare huge images, as an attacker (or a
 * slide scanner's export) would send them. Each is made once and kept in the temp folder.
 */

function cached(name: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const path = join(tmpdir(), `hematovision-bomb-${name}`);
  if (existsSync(path)) return Promise.resolve(readFileSync(path));
  return make().then((bytes) => {
    writeFileSync(path, bytes);
    return bytes;
  });
}

/**
 * A valid black RGB PNG of width × height. Its rows are deflated as a stream, so a 20000² image
 * (1.2 GB of pixels, 1.17 MB of file) never has to exist in memory here.
 */
export function blackPng(width: number, height: number): Promise<Buffer> {
  return cached(`black-${width}x${height}.png`, async () => {
    const deflate = createDeflate({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on('data', (d: Buffer) => parts.push(d));
    const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then black pixels
    for (let y = 0; y < height; y++) {
      if (!deflate.write(row)) await new Promise((r) => deflate.once('drain', r));
    }
    deflate.end();
    await done;
    return rgbPng(width, height, 8, Buffer.concat(parts));
  });
}

/** A 24-bit BMP whose header declares width × height but which carries only `dataBytes` of pixels. */
export function declaredBmp(width: number, height: number, dataBytes = 1024 * 1024): Buffer {
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + dataBytes, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(0, 30); // BI_RGB
  return Buffer.concat([header, Buffer.alloc(dataBytes, 0x80)]);
}

/** A flat-colour JPEG of width × height (valid, a few MB even at 20000²). */
export function bigJpeg(width: number, height: number): Promise<Buffer> {
  return cached(`flat-${width}x${height}.jpg`, () => Promise.resolve(flatColourJpeg(width, height)));
}

/**
 * The JPEG with an Exif APP1 segment, right after its start marker, that sets the orientation
 * (1–8; 6 = the camera was held upright, so the stored pixels must be turned 90° clockwise).
 */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  // Big-endian TIFF header, IFD0 at offset 8 with one entry: 0x0112 Orientation, SHORT, count 1.
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(tiff)]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}
