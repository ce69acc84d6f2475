import { CELL_CLASSES, type CellClass } from './model-spec';

/** What each class is called everywhere: its name, and a short one where room is scarce (a box's label, a table head). */
export const CLASS_NAMES: Record<CellClass, { readonly label: string; readonly short: string }> = {
  BASOPHIL: { label: 'Basophil', short: 'Baso' },
  EOSINOPHIL: { label: 'Eosinophil', short: 'Eos' },
  LYMPHOCYTE: { label: 'Lymphocyte', short: 'Lym' },
  MONOCYTE: { label: 'Monocyte', short: 'Mono' },
  NEUTROPHIL: { label: 'Neutrophil', short: 'Neu' },
  // Promyelocytes, myelocytes and metamyelocytes: a lab reports them together as "IG".
  IG: { label: 'Immature granulocyte', short: 'IG' },
  // Not a white cell: a lab reports it as NRBC per 100 white cells, so the name says "red cell".
  ERYTHROBLAST: { label: 'Nucleated red cell', short: 'NRBC' },
};

/**
 * Classes as a sentence's plural list: "Basophils, eosinophils, … and nucleated red cells". Every
 * class the model knows unless given some (WHITE_CELL_CLASSES where the sentence says "white cells").
 */
export function classListInWords(classes: readonly CellClass[] = CELL_CLASSES): string {
  const names = classes.map((c) => `${CLASS_NAMES[c].label.toLowerCase()}s`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  return list.charAt(0).toUpperCase() + list.slice(1);
}
