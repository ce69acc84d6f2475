import { CELL_CLASSES, type CellClass } from './model-spec';

/** What each class is called everywhere: its name, and a short one where room is scarce (a box's label, a table head). */
export const CLASS_NAMES: Record<CellClass, { readonly label: string; readonly short: string }> = {
  BASOPHIL: { label: 'Basophil', short: 'Baso' },
  EOSINOPHIL: { label: 'Eosinophil', short: 'Eos' },
  LYMPHOCYTE: { label: 'Lymphocyte', short: 'Lym' },
  MONOCYTE: { label: 'Monocyte', short: 'Mono' },
  NEUTROPHIL: { label: 'Neutrophil', short: 'Neu' },
};

/** Every class the model knows, as a sentence's plural list: "Basophils, eosinophils, … and neutrophils". */
export function classListInWords(): string {
  const names = CELL_CLASSES.map((c) => `${CLASS_NAMES[c].label.toLowerCase()}s`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  return list.charAt(0).toUpperCase() + list.slice(1);
}
