import { describe, expect, it } from 'vitest';
import { tiffBytes } from '@testkit/tiff-bytes';
import { readHeader, readTiffIfd, tiffFirstIfd } from './read-dimensions';

describe('readHeader', () => {
  it('reads a PNG IHDR', () => {
    const b = new Uint8Array(33);
    b.set([0, 0, 0x2e, 0xe0], 16); // width 12000
    b.set([0, 0, 0, 32], 20);
    b[24] = 8;
    b[25] = 6; // RGBA
    expect(readHeader('png', b)).toEqual({ width: 12000, height: 32, channels: 4, hasAlpha: true });
  });

  it('finds the SOF of a JPEG behind other segments and reads its components', () => {
    const app = [0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4];
    const sof = [0xff, 0xc0, 0x00, 0x11, 8, 0x01, 0xe0, 0x02, 0x80, 4];
    const b = Uint8Array.from([0xff, 0xd8, ...app, ...sof, ...new Array(20).fill(0)]);
    expect(readHeader('jpeg', b)).toEqual({ width: 640, height: 480, channels: 4 });
  });

  it('reads BMP sizes, including bottom-up (negative) heights', () => {
    const b = new Uint8Array(54);
    const view = new DataView(b.buffer);
    view.setInt32(18, 320, true);
    view.setInt32(22, -240, true);
    expect(readHeader('bmp', b)).toEqual({ width: 320, height: 240 });
  });

  it('tells an animated GIF (NETSCAPE2.0 loop block) from a still one', () => {
    const gif = (extra: string) => Uint8Array.from(`GIF89a\x40\x01\xf0\x00\xe6\0\0${extra}`, (c) => c.charCodeAt(0));
    expect(readHeader('gif', gif('\x21\xff\x0bNETSCAPE2.0\x03\x01\0\0\0'))).toEqual({
      width: 320,
      height: 240,
      animated: true,
    });
    expect(readHeader('gif', gif('\x2c'))).toEqual({ width: 320, height: 240, animated: false });
  });

  it('gives up on a header it cannot read', () => {
    expect(readHeader('jpeg', Uint8Array.from([0xff, 0xd8, 0x00, 0x00]))).toBeUndefined();
    expect(readHeader('tiff', new Uint8Array(40))).toBeUndefined();
  });
});

/** A JPEG start, an Exif APP1 setting the orientation (in either byte order), then a 6400×4800 SOF. */
function exifJpeg(orientation: number, littleEndian: boolean): Uint8Array {
  const tiff = new Uint8Array(26);
  const v = new DataView(tiff.buffer);
  tiff.set(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d]);
  v.setUint16(2, 42, littleEndian);
  v.setUint32(4, 8, littleEndian);
  v.setUint16(8, 2, littleEndian); // two entries: ImageWidth first, then Orientation
  v.setUint16(10, 0x0100, littleEndian);
  v.setUint16(12, 3, littleEndian);
  v.setUint32(14, 1, littleEndian);
  v.setUint16(18, 6400, littleEndian);
  const entry = new Uint8Array(12);
  const ev = new DataView(entry.buffer);
  ev.setUint16(0, 0x0112, littleEndian);
  ev.setUint16(2, 3, littleEndian);
  ev.setUint32(4, 1, littleEndian);
  ev.setUint16(8, orientation, littleEndian);
  const ifd = new Uint8Array([...tiff.subarray(0, 22), ...entry, 0, 0, 0, 0]);
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat([...ifd]);
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, 4800 >> 8, 4800 & 0xff, 6400 >> 8, 6400 & 0xff, 3];
  return Uint8Array.from([0xff, 0xd8, ...app1, ...sof, ...new Array(20).fill(0)]);
}

/** RIFF chunks of a WebP: a VP8X header with the given flags, then the chunks given. */
function webp(flags: number, ...chunks: [string, number[]][]): Uint8Array {
  const vp8x = [flags, 0, 0, 0, ...[639, 479].flatMap((n) => [n & 0xff, (n >> 8) & 0xff, 0])];
  const body = [['VP8X', vp8x] as [string, number[]], ...chunks].flatMap(([type, data]) => [
    ...[...type].map((c) => c.charCodeAt(0)),
    data.length & 0xff,
    (data.length >> 8) & 0xff,
    0,
    0,
    ...data,
    ...(data.length % 2 ? [0] : []),
  ]);
  return Uint8Array.from(
    [...'RIFF']
      .map((c) => c.charCodeAt(0))
      .concat(
        [0, 0, 0, 0],
        [...'WEBP'].map((c) => c.charCodeAt(0)),
        body,
      ),
  );
}

/** An ANMF frame at (x, y) of w × h holding the given sub-chunks. */
const anmf = (x: number, y: number, w: number, h: number, ...sub: [string, number[]][]): [string, number[]] => [
  'ANMF',
  [
    ...[x / 2, y / 2, w - 1, h - 1].flatMap((n) => [n & 0xff, (n >> 8) & 0xff, 0]),
    100,
    0,
    0,
    0,
    ...sub.flatMap(([type, data]) => [...[...type].map((c) => c.charCodeAt(0)), data.length, 0, 0, 0, ...data]),
  ],
];

describe('readHeader: orientation and animation', () => {
  it('reads the EXIF orientation of a JPEG in either byte order', () => {
    expect(readHeader('jpeg', exifJpeg(6, false))).toEqual({ width: 6400, height: 4800, channels: 3, orientation: 6 });
    expect(readHeader('jpeg', exifJpeg(8, true))).toMatchObject({ width: 6400, height: 4800, orientation: 8 });
  });

  it('marks an animated WebP, and takes transparency from its first frame rather than the file flag', () => {
    const opaqueFrame = anmf(0, 0, 640, 480, ['VP8 ', new Array(10).fill(0)]);
    // Flags: alpha (0x10) and animation (0x02), as encoders set them for any animation that may blend.
    expect(readHeader('webp', webp(0x12, ['ANIM', [255, 255, 255, 255, 0, 0]], opaqueFrame))).toEqual({
      width: 640,
      height: 480,
      hasAlpha: false,
      animated: true,
    });
    const alphaFrame = anmf(0, 0, 640, 480, ['ALPH', [0, 0]], ['VP8 ', new Array(10).fill(0)]);
    expect(readHeader('webp', webp(0x12, ['ANIM', [0, 0, 0, 0, 0, 0]], alphaFrame))).toMatchObject({
      hasAlpha: true,
      animated: true,
    });
    // A first frame smaller than the canvas leaves the rest transparent.
    const small = anmf(16, 16, 320, 240, ['VP8 ', new Array(10).fill(0)]);
    expect(readHeader('webp', webp(0x12, ['ANIM', [0, 0, 0, 0, 0, 0]], small))).toMatchObject({ hasAlpha: true });
    // A still WebP keeps what its flags say.
    expect(readHeader('webp', webp(0x10, ['ALPH', [0, 0]]))).toEqual({ width: 640, height: 480, hasAlpha: true });
  });

  it('reads the largest image size an AVIF declares (its ispe boxes)', () => {
    const ispe = (w: number, h: number) => [
      0,
      0,
      0,
      20,
      ...'ispe'.split('').map((c) => c.charCodeAt(0)),
      0,
      0,
      0,
      0,
      ...[w, h].flatMap((n) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]),
    ];
    const b = Uint8Array.from([
      0,
      0,
      0,
      0x1c,
      ...'ftypmif1'.split('').map((c) => c.charCodeAt(0)),
      ...new Array(16).fill(0),
      ...ispe(512, 512),
      ...ispe(20000, 16000),
    ]);
    expect(readHeader('avif', b)).toEqual({ width: 20000, height: 16000 });
  });
});

describe('readHeader: TIFF', () => {
  const rgb16 = { width: 64, height: 40, samples: 3, bits: 16, data: new Uint16Array(64 * 40 * 3) } as const;

  it('reads size, samples, bit depth and orientation from the first directory, in either byte order', () => {
    for (const order of ['II', 'MM'] as const) {
      const bytes = tiffBytes([{ ...rgb16, orientation: 6 }], order);
      expect(readHeader('tiff', bytes)).toEqual({
        width: 64,
        height: 40,
        channels: 3,
        hasAlpha: false,
        orientation: 6,
        bitsPerSample: 16,
      });
    }
  });

  it('says grey, alpha and palette apart', () => {
    const grey = { width: 32, height: 32, bits: 8, data: new Uint8Array(32 * 32 * 2) } as const;
    expect(readHeader('tiff', tiffBytes([{ ...grey, samples: 1 }]))).toMatchObject({ channels: 1, hasAlpha: false });
    expect(readHeader('tiff', tiffBytes([{ ...grey, samples: 2 }]))).toMatchObject({ channels: 2, hasAlpha: true });
  });

  it('reads a directory that lies after the pixels from bytes read apart', () => {
    const bytes = tiffBytes([rgb16]);
    const ifd = tiffFirstIfd(bytes) ?? 0;
    expect(ifd).toBeGreaterThan(64 * 40 * 6);
    expect(readHeader('tiff', bytes.subarray(0, 1024))).toBeUndefined();
    expect(readTiffIfd(bytes.subarray(ifd), ifd, ifd, bytes)).toMatchObject({ width: 64, height: 40, channels: 3 });
  });
});
