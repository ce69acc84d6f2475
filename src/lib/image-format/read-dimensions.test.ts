import { describe, expect, it } from 'vitest';
import { readHeader } from './read-dimensions';

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
