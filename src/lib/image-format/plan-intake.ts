import type { HeaderInfo } from './read-dimensions';
import { formatName, isReadable, READABLE_EXTENSIONS, READABLE_FORMAT_LIST } from './readable-formats';
import type { FileKind } from './sniff-kind';

/** Longest side the analysis works at; bigger photos are decoded at reduced size. */
export const MAX_ANALYSIS_SIDE = 4096;
/** Beyond this many pixels a browser cannot reliably decode the image at all. */
export const MAX_DECODABLE_PIXELS = 400e6;
/**
 * Most pixels a format that is decoded whole (PNG, TIFF, BMP, GIF, WebP, AVIF) may declare: Chromium
 * decodes such a file at full size before reducing it, at about 6.5 bytes a pixel, so that the
 * renderer's peak stays within 1 GB with the model loaded (`npm run bench:memory` measures it).
 * A JPEG is drawn smaller while decoding (at 1/2, 1/4 or 1/8 scale), so it may go up to
 * MAX_DECODABLE_PIXELS.
 */
export const FULL_DECODE_MAX_PIXELS = 100e6;
const SCALED_DECODE_KINDS: ReadonlySet<FileKind> = new Set(['jpeg']);
/** A white cell needs at least this many pixels across; smaller images cannot show one. */
export const MIN_SIDE = 32;

export interface FileFacts {
  readonly name: string;
  readonly size: number;
  readonly kind: FileKind;
  readonly header?: HeaderInfo;
  /** For JPEG: whether the end-of-image marker is present near the end of the file. */
  readonly hasJpegEnd?: boolean;
}

export type IntakePlan =
  | { readonly ok: false; readonly message: string }
  | {
      readonly ok: true;
      /** The size to decode at, in the picture's orientation as shown (EXIF applied). */
      readonly resize?: { width: number; height: number };
      /** The format can be decoded straight to the reduced size (JPEG's DCT scaling), never whole. */
      readonly scaledDecode?: boolean;
      /** Browsers cannot decode it: its bytes go to the app's own decoder in a worker (TIFF). */
      readonly workerDecode?: boolean;
      /** Notes to show with the result; decoding adds what only it learns (a TIFF's pages). */
      readonly notes: string[];
    };

const REFUSALS: Partial<Record<FileKind, string>> = {
  empty: 'This file is empty (0 bytes).',
  heic: 'HEIC/HEIF photos cannot be decoded in the browser. Export it as JPEG or PNG and drop it again.',
  pdf: 'This is a PDF document, not an image. Export the page as PNG or JPEG.',
  svg: `SVG drawings are not analysed — only microscope photos (${READABLE_FORMAT_LIST}).`,
  zip: 'This is a ZIP archive. Unpack it and drop the images inside.',
};
const UNREADABLE = `Not a recognised image format. Use ${READABLE_FORMAT_LIST}.`;
/** TIFF sample sizes the decoder reads (1, 2 and 4 are bilevel and palette pages). */
const TIFF_BITS = new Set([1, 2, 4, 8, 16]);

/** Decides, from a file's header alone, whether and how to decode it, and what to tell the user. */
export function planIntake(f: FileFacts): IntakePlan {
  if (f.kind === 'text') return { ok: false, message: textMessage(f.name) };
  const refusal = REFUSALS[f.kind];
  if (refusal) return { ok: false, message: refusal };
  if (!isReadable(f.kind)) return { ok: false, message: UNREADABLE };
  const tiffRefusal = f.kind === 'tiff' ? refuseTiff(f.header) : undefined;
  if (tiffRefusal) return { ok: false, message: tiffRefusal };
  const inWorker = f.kind === 'tiff' ? { workerDecode: true } : {};
  if (f.kind === 'jpeg' && f.hasJpegEnd === false) {
    return {
      ok: false,
      message: 'This JPEG is truncated — the file ends before the image does. Copy or export it again.',
    };
  }
  const h = f.header;
  if (!h) return { ok: true, ...inWorker, notes: [] };
  if (h.width === 0 || h.height === 0) return { ok: false, message: 'The image header gives a size of zero pixels.' };
  if (Math.min(h.width, h.height) < MIN_SIDE) {
    return { ok: false, message: `The image is only ${h.width}×${h.height} pixels — too small to show a white cell.` };
  }
  if (h.width * h.height > MAX_DECODABLE_PIXELS) {
    return { ok: false, message: `The image is ${h.width}×${h.height} pixels — too large to decode in a browser.` };
  }
  const scaledDecode = SCALED_DECODE_KINDS.has(f.kind);
  if (!scaledDecode && h.width * h.height > FULL_DECODE_MAX_PIXELS) {
    const format = formatName(f.kind);
    const mp = (n: number) => `${Math.round(n / 1e6)} megapixels`;
    return {
      ok: false,
      message:
        `This ${format} is ${h.width}×${h.height} pixels (${mp(h.width * h.height)}): a ${format} is decoded ` +
        `whole, so above ${mp(FULL_DECODE_MAX_PIXELS)} it would exhaust the browser's memory. ` +
        'Save it smaller, or as JPEG, and drop it again.',
    };
  }
  const notes = headerNotes(f.kind, h);
  // The browser applies the EXIF orientation before it resizes: plan in the picture's own shape.
  const turned = (h.orientation ?? 1) >= 5;
  const width = turned ? h.height : h.width;
  const height = turned ? h.width : h.height;
  const scale = MAX_ANALYSIS_SIDE / Math.max(width, height);
  if (scale >= 1) return { ok: true, ...inWorker, notes };
  const resize = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  notes.push(`Large image (${width}×${height}): analysed at reduced size ${resize.width}×${resize.height}.`);
  return scaledDecode ? { ok: true, resize, scaledDecode, notes } : { ok: true, resize, ...inWorker, notes };
}

/** What the TIFF decoder cannot read, said before the file is read whole. */
function refuseTiff(h: HeaderInfo | undefined): string | undefined {
  if (h?.separatePlanes) return 'This TIFF stores each colour in a separate plane, which is not read. Save it as RGB.';
  if (h?.bitsPerSample !== undefined && !TIFF_BITS.has(h.bitsPerSample)) {
    return `This TIFF has ${h.bitsPerSample}-bit samples, which are not read. Save it with 8 or 16 bits per channel.`;
  }
  return undefined;
}

export const GRAYSCALE_NOTE =
  'Grayscale image: the stain colours that locate and classify white cells are missing, so results are unreliable.';

function headerNotes(kind: FileKind, h: HeaderInfo): string[] {
  const notes: string[] = [];
  if (kind === 'jpeg' && h.channels === 4) {
    notes.push('CMYK JPEG (a print colour space): converted to RGB, so colours may differ from the microscope.');
  }
  if (h.channels === 1 || h.channels === 2) notes.push(GRAYSCALE_NOTE);
  if (h.hasAlpha) notes.push('The image has transparency: transparent areas were placed on white.');
  if (h.animated && isReadable(kind)) notes.push(`Animated ${formatName(kind)}: only its first frame was analysed.`);
  return notes;
}

function textMessage(name: string): string {
  const ending = READABLE_EXTENSIONS.find((e) => name.toLowerCase().endsWith(e));
  const ext = ending && name.slice(-ending.length);
  return ext ? `This is a text file, not an image — despite its ${ext} name.` : 'This is a text file, not an image.';
}
