import { CLASS_NAMES } from '@/core/class-names';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';

/**
 * Other names a lab gives a class's folder, singular: the stages a lab may sort immature
 * granulocytes into, and the names of a nucleated red cell. The stage abbreviations (PMY, MY, MMY)
 * are left out: "my" is too common a folder name to mean a myelocyte.
 */
const OTHER_NAMES: Partial<Record<CellClass, readonly string[]>> = {
  IG: ['promyelocyte', 'myelocyte', 'metamyelocyte'],
  ERYTHROBLAST: ['nrbc', 'nucleated red blood cell', 'nucleated rbc', 'nucleated red', 'normoblast'],
};

/** "Nucleated_Red-Cells (NRBC)" → "nucleated red cell": lower case, one space between words, singular. */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[\s_.-]+/g, ' ')
    .trim()
    .replace(/s$/, '');
}

/** Every name a class's folder may have, normalised: its code, its name, its short name, and OTHER_NAMES. */
const CLASS_OF_NAME = new Map<string, CellClass>(
  CELL_CLASSES.flatMap((c) =>
    [c, CLASS_NAMES[c].label, CLASS_NAMES[c].short, ...(OTHER_NAMES[c] ?? [])].map(
      (name) => [normalise(name), c] as const,
    ),
  ).filter(([name]) => name.length > 0),
);

/**
 * The class a file's folder names, for a lab's labelled folder ("lab/Eosinophils/001.jpg" →
 * EOSINOPHIL, "lab/Metamyelocytes/7.jpg" → IG, "lab/NRBC/3.jpg" → ERYTHROBLAST): the innermost
 * folder whose name, in any case, singular or plural, with spaces, underscores or hyphens, is a
 * class's code, name or short name, or another name a lab gives it. Undefined when no folder is.
 */
export function classFromPath(path: string): CellClass | undefined {
  const folders = path.split('/').slice(0, -1).reverse();
  for (const folder of folders) {
    const found = CLASS_OF_NAME.get(normalise(folder));
    if (found) return found;
  }
  return undefined;
}
