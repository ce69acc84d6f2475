import { relative } from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '@/core/rgba-image';
import { listClassFolders, type LabelledFile } from './class-folders';
import { readSplitPartition } from './split-partition';

/** A format a cell image is re-encoded as, with the settings cameras and browsers commonly use. */
export interface ReencodeFormat {
  readonly name: string;
  readonly encode: (image: RgbaImage) => Promise<Buffer>;
}

const raw = (image: RgbaImage) =>
  sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
    raw: { width: image.width, height: image.height, channels: 4 },
  }).removeAlpha();

/** JPEG at 4:2:0 chroma as cameras and browsers write it; lossy WebP at 80 and AVIF at 50 (libvips' defaults). */
export const REENCODE_FORMATS: readonly ReencodeFormat[] = [
  { name: 'JPEG q95', encode: (i) => raw(i).jpeg({ quality: 95, chromaSubsampling: '4:2:0' }).toBuffer() },
  { name: 'JPEG q75', encode: (i) => raw(i).jpeg({ quality: 75, chromaSubsampling: '4:2:0' }).toBuffer() },
  { name: 'PNG', encode: (i) => raw(i).png().toBuffer() },
  { name: 'WebP', encode: (i) => raw(i).webp({ quality: 80 }).toBuffer() },
  { name: 'AVIF', encode: (i) => raw(i).avif({ quality: 50 }).toBuffer() },
];

/**
 * Formats compared only between decoders (npm run measure:format-decoders): GIF (a 256-colour
 * palette, dithered as libvips does), which the app reads too, and JPEG without chroma
 * subsampling, which tells the decoders' chroma upsampling from the rest of their work.
 */
export const DECODER_ONLY_FORMATS: readonly ReencodeFormat[] = [
  { name: 'GIF', encode: (i) => raw(i).gif().toBuffer() },
  { name: 'JPEG q95 4:4:4', encode: (i) => raw(i).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer() },
];

/** The cells re-encoded: LISC eval (a lab never trained on) and PBC's test partition. */
export const CELL_SETS: Record<string, () => LabelledFile[]> = {
  lisc: () => listClassFolders('../shared/data/lisc/eval'),
  pbc: () => {
    const dir = '../shared/data/pbc';
    const test = readSplitPartition('training/splits/pbc.csv', 'test');
    return listClassFolders(dir).filter((f) => test.has(relative(dir, f.path)));
  },
};

/** `perClass` files of each class, spread evenly over the class's sorted files; all when 0. */
export function sampleFiles(files: readonly LabelledFile[], perClass: number): LabelledFile[] {
  if (perClass <= 0) return [...files];
  const byClass = new Map<string, LabelledFile[]>();
  for (const f of files) byClass.set(f.label, [...(byClass.get(f.label) ?? []), f]);
  return [...byClass.values()].flatMap((list) => {
    const n = Math.min(perClass, list.length);
    return Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]);
  });
}
