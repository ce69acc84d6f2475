import { CELL_CLASSES } from '@/core/model-spec';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';

/**
 * Keys that set a cell's class, as on a manual cell counter: 1, 2, … in CELL_CLASSES order (6 an
 * immature granulocyte, 7 a nucleated red cell), 0 or X to set aside.
 */
export function classForKey(key: string): FinalClass | undefined {
  const n = Number(key);
  if (key.length === 1 && n >= 1 && n <= CELL_CLASSES.length) return CELL_CLASSES[n - 1];
  if (key === '0' || key === 'x' || key === 'X') return NOT_WBC;
  return undefined;
}

/** Those keys as `aria-keyshortcuts` lists them: "1 2 3 4 5 6 7 0 X". */
export const CLASS_KEYS_HINT = `${CELL_CLASSES.map((_, i) => i + 1).join(' ')} 0 X`;
