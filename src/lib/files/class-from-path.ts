import { CELL_CLASSES, type CellClass } from '@/core/model-spec';

/**
 * The class a file's folder names, for a lab's labelled folder ("lab/Eosinophils/001.jpg" →
 * EOSINOPHIL): the innermost folder whose name, in any case and singular or plural, is a class.
 * Undefined when no folder does.
 */
export function classFromPath(path: string): CellClass | undefined {
  const folders = path.split('/').slice(0, -1).reverse();
  for (const folder of folders) {
    const name = folder.trim().toUpperCase().replace(/S$/, '');
    const found = CELL_CLASSES.find((c) => c === name);
    if (found) return found;
  }
  return undefined;
}
