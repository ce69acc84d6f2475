import { describe, expect, it } from 'vitest';
import { sniffKind } from './sniff-kind';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffKind', () => {
  it.each([
    ['empty', bytes()],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', bytes('GIF89a')],
    ['bmp', bytes('BM', new Array(30).fill(0))],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypmif1')],
    ['avif', bytes([0, 0, 0, 0x18], 'ftypavif')],
    // Many encoders (libavif among them) write the generic HEIF brand first and AVIF among the compatible ones.
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf')],
    ['heic', bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1heicmiaf')],
    // A brand past the end of the ftyp box belongs to the next box, not to the file's brands.
    ['heic', bytes([0, 0, 0, 0x14], 'ftypmif1', [0, 0, 0, 0], 'heic', [0, 0, 0, 0x0c], 'avif')],
    ['tiff', bytes([0x49, 0x49, 0x2a, 0x00])],
    ['tiff', bytes([0x4d, 0x4d, 0x00, 0x2a])],
    ['pdf', bytes('%PDF-1.7')],
    ['zip', bytes([0x50, 0x4b, 0x03, 0x04])],
    ['svg', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">')],
    ['text', bytes('Hello, this is only text.\n')],
    ['unknown', bytes([0x13, 0x37, 0x00, 0xfe])],
  ] as const)('names %s', (kind, head) => {
    expect(sniffKind(head)).toBe(kind);
  });
});
