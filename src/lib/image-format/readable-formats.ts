import type { FileKind } from './sniff-kind';

/**
 * The formats the app reads, in the order messages name them: the one list that the intake plan,
 * the refusal messages and the file picker take them from.
 */
export const READABLE_FORMATS = [
  { kind: 'jpeg', name: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  { kind: 'png', name: 'PNG', extensions: ['.png'] },
  { kind: 'tiff', name: 'TIFF', extensions: ['.tif', '.tiff'] },
  { kind: 'bmp', name: 'BMP', extensions: ['.bmp'] },
  { kind: 'webp', name: 'WebP', extensions: ['.webp'] },
  { kind: 'avif', name: 'AVIF', extensions: ['.avif'] },
  { kind: 'gif', name: 'GIF', extensions: ['.gif'] },
] as const satisfies readonly { kind: FileKind; name: string; extensions: readonly string[] }[];

export type ReadableKind = (typeof READABLE_FORMATS)[number]['kind'];

export function isReadable(kind: FileKind): kind is ReadableKind {
  return READABLE_FORMATS.some((f) => f.kind === kind);
}

/** A readable format's name as messages write it ("WebP"). */
export function formatName(kind: ReadableKind): string {
  return READABLE_FORMATS.find((f) => f.kind === kind)?.name ?? kind.toUpperCase();
}

/** "JPEG, PNG, TIFF, BMP, WebP, AVIF or GIF". */
export const READABLE_FORMAT_LIST = `${READABLE_FORMATS.slice(0, -1)
  .map((f) => f.name)
  .join(', ')} or ${READABLE_FORMATS[READABLE_FORMATS.length - 1].name}`;

/** Every readable file name ending, for a file input's accept list (".jpg,.jpeg,…"). */
export const READABLE_EXTENSIONS: readonly string[] = READABLE_FORMATS.flatMap((f) => f.extensions);
