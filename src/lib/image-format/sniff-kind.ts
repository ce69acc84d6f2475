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
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];
const AVIF_BRANDS = ['avif', 'avis'];

/** Names a file from its magic bytes; `head` is its first few hundred bytes (or fewer). */
export function sniffKind(head: Uint8Array): FileKind {
  if (head.length === 0) return 'empty';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return 'bmp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brands = ftypBrands(head);
    // AVIF is HEIF with AV1 pictures: files branded with the generic HEIF brand (mif1) list avif among the rest.
    if (brands.some((b) => AVIF_BRANDS.includes(b))) return 'avif';
    if (brands.some((b) => HEIF_BRANDS.includes(b))) return 'heic';
  }
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (looksLikeText(head)) return /<svg[\s>]/i.test(ascii(head, 0, Math.min(head.length, 1024))) ? 'svg' : 'text';
  return 'unknown';
}

/** The major brand, then the compatible brands, of an ISO media file's leading ftyp box. */
function ftypBrands(head: Uint8Array): string[] {
  const end = Math.min(head.length, u32be(head, 0));
  const brands = [ascii(head, 8, 12)];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(head, i, i + 4));
  return brands;
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
