import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { FilePayload } from '@testkit/drop-files';
import { flatColourJpeg } from '@testkit/huge-jpeg';

export interface BadFile extends FilePayload {
  /** A fragment of the message its card must show. */
  readonly expect: RegExp;
  /** True when the file is still analysed (with a note), false when it is refused. */
  readonly analysed: boolean;
}

const png = (width: number, height: number, data: Uint8Array, colorType: 0 | 2 | 6 = 6) => {
  const img = new PNG({ width, height, colorType, inputColorType: 6, inputHasAlpha: true });
  img.data = Buffer.from(data);
  return PNG.sync.write(img, { colorType, inputColorType: 6, inputHasAlpha: true });
};

/** Every kind of bad input from issue 3, generated here from one real TEST image. */
export function badFiles(goodJpegPath: string, cmykPath: string): BadFile[] {
  const good = readFileSync(goodJpegPath);
  const rgba = jpeg.decode(good, { useTArray: true, formatAsRGBA: true });
  const { width, height } = rgba;
  const grey = Uint8Array.from(rgba.data, (_, i) => {
    const p = i - (i % 4);
    return i % 4 === 3 ? 255 : Math.round(0.299 * rgba.data[p] + 0.587 * rgba.data[p + 1] + 0.114 * rgba.data[p + 2]);
  });
  // Alpha: an opaque image with a transparent frame 8 pixels wide.
  const alpha = Uint8Array.from(rgba.data, (v, i) => {
    if (i % 4 !== 3) return v;
    const x = (i >> 2) % width;
    const y = Math.floor((i >> 2) / width);
    return x < 8 || y < 8 || x >= width - 8 || y >= height - 8 ? 0 : 255;
  });
  const corrupt = Buffer.from(good);
  const dht = corrupt.indexOf(Buffer.from([0xff, 0xc4]));
  corrupt.fill(0xee, dht + 4, dht + 40); // garble the Huffman table: the scan cannot be decoded
  const heic = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    Buffer.alloc(200, 7),
  ]);
  const tiff = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), Buffer.alloc(200, 1)]);
  const text = Buffer.from('Patient list\nThis is a plain text file that was renamed to .jpg by mistake.\n'.repeat(5));
  const bin = (name: string, mimeType: string, buffer: Buffer, expect: RegExp, analysed = false): BadFile => ({
    name,
    mimeType,
    buffer,
    expect,
    analysed,
  });
  return [
    bin(
      'notes.docx',
      'application/octet-stream',
      Buffer.from([0x13, 0x37, 0x00, 0xfe, 0x81, 0x02, 0x99, 0x00]),
      /not a recognised image format/i,
    ),
    bin('corrupt.jpg', 'image/jpeg', corrupt, /could not be decoded/i),
    bin('truncated.jpg', 'image/jpeg', good.subarray(0, Math.floor(good.length / 2)), /truncated/i),
    bin('empty.jpg', 'image/jpeg', Buffer.alloc(0), /empty \(0 bytes\)/i),
    bin('huge-12000.jpg', 'image/jpeg', flatColourJpeg(12000, 12000), /12000×12000.*reduced size 4096×4096/i, true),
    bin('one-pixel.png', 'image/png', png(1, 1, new Uint8Array([200, 100, 150, 255])), /only 1×1 pixels/i),
    bin('grayscale.png', 'image/png', png(width, height, grey, 0), /grayscale/i, true),
    bin('alpha.png', 'image/png', png(width, height, alpha, 6), /transparen/i, true),
    bin('cmyk.jpg', 'image/jpeg', readFileSync(cmykPath), /CMYK/, true),
    bin('photo.heic', 'image/heic', heic, /HEIC/),
    bin('scan.tiff', 'image/tiff', tiff, /could not be decoded/i),
    bin('report.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), /PDF/),
    bin('text-renamed.jpg', 'image/jpeg', text, /text file, not an image/i),
  ];
}
