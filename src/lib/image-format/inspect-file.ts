import { planIntake, type IntakePlan } from './plan-intake';
import { readHeader, readTiffIfd, tiffFirstIfd, type HeaderInfo } from './read-dimensions';
import { sniffKind } from './sniff-kind';

/** Bytes read from the start of a file: enough for JPEG headers behind a large EXIF block. */
const HEAD_BYTES = 256 * 1024;
const TAIL_BYTES = 1024;
/** Bytes read at a TIFF's first image directory when it lies beyond the head (after the pixels). */
const TIFF_IFD_BYTES = 64 * 1024;

/** Reads a file's header and tail (never the whole file) and plans its decoding. */
export async function inspectFile(file: Blob & { name?: string }): Promise<IntakePlan> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const kind = sniffKind(head.subarray(0, 4096));
  let hasJpegEnd: boolean | undefined;
  if (kind === 'jpeg') {
    const tail = new Uint8Array(await file.slice(Math.max(0, file.size - TAIL_BYTES)).arrayBuffer());
    hasJpegEnd = containsEndMarker(tail);
  }
  let header = readHeader(kind, head);
  if (kind === 'tiff' && !header) header = await readFarTiffIfd(file, head);
  return planIntake({ name: file.name ?? '', size: file.size, kind, header, hasJpegEnd });
}

async function readFarTiffIfd(file: Blob, head: Uint8Array): Promise<HeaderInfo | undefined> {
  const ifd = tiffFirstIfd(head);
  if (ifd === undefined || ifd < head.length || ifd >= file.size) return undefined;
  const bytes = new Uint8Array(await file.slice(ifd, ifd + TIFF_IFD_BYTES).arrayBuffer());
  return readTiffIfd(bytes, ifd, ifd, head);
}

export function containsEndMarker(tail: Uint8Array): boolean {
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
  return false;
}
