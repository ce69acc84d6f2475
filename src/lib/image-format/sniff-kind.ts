/** What a file really is, judged from its first bytes rather than its name or MIME type. */
export type FileKind =
  | 'empty'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'bmp'
  | 'webp'
  | 'avif'
  | 'heic'
  | 'tiff'
  | 'pdf'
  | 'svg'
  | 'zip'
  | 'text'
  | 'unknown';

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const starts = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/** Names a file from its magic bytes; `head` is its first few hundred bytes (or fewer). */
export function sniffKind(head: Uint8Array): FileKind {
  if (head.length === 0) return 'empty';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return 'bmp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (HEIF_BRANDS.includes(brand)) return 'heic';
  }
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (looksLikeText(head)) return /<svg[\s>]/i.test(ascii(head, 0, Math.min(head.length, 1024))) ? 'svg' : 'text';
  return 'unknown';
}

/** True when the bytes are printable ASCII / UTF-8 with whitespace: a text file. */
function looksLikeText(head: Uint8Array): boolean {
  let bad = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) bad++;
  }
  return bad <= head.length * 0.02;
}
