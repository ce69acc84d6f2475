import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';

export interface LabelledFile {
  readonly path: string;
  readonly label: CellClass;
}

/** Every format the app reads (src/lib/image-format/readable-formats.ts); testkit/decode-file.ts decodes each. */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.bmp', '.webp', '.avif', '.gif']);

/**
 * Lists a dataset laid out as one folder per class (EOSINOPHIL or eosinophil …), sorted so that
 * every run sees the same order. Throws with a readable message when the layout is wrong.
 */
export function listClassFolders(dir: string): LabelledFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`no such folder: ${dir}`);
  const files: LabelledFile[] = [];
  let classFolders = 0;
  for (const entry of readdirSync(dir).sort()) {
    const label = CELL_CLASSES.find((c) => c === entry.toUpperCase());
    if (!label || !statSync(join(dir, entry)).isDirectory()) continue;
    classFolders++;
    for (const name of readdirSync(join(dir, entry)).sort()) {
      if (IMAGE_EXTENSIONS.has(extname(name).toLowerCase())) files.push({ path: join(dir, entry, name), label });
    }
  }
  if (classFolders === 0) {
    throw new Error(`${dir} has no class folders (expected ${CELL_CLASSES.join(', ')}, any case)`);
  }
  if (files.length === 0)
    throw new Error(`${dir} has class folders but no images (${[...IMAGE_EXTENSIONS].join(', ')})`);
  return files;
}
