import { CELL_CLASSES, type CellClass } from '../core/model-spec';

/** How each class is named and coloured everywhere in the UI (colour is never the only cue). */
export const CLASS_STYLE: Record<
  CellClass,
  { label: string; short: string; bar: string; stroke: string; chip: string }
> = {
  BASOPHIL: {
    label: 'Basophil',
    short: 'Baso',
    bar: 'bg-amber-500',
    stroke: '#f59e0b',
    chip: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  },
  EOSINOPHIL: {
    label: 'Eosinophil',
    short: 'Eos',
    bar: 'bg-rose-500',
    stroke: '#f43f5e',
    chip: 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100',
  },
  LYMPHOCYTE: {
    label: 'Lymphocyte',
    short: 'Lym',
    bar: 'bg-violet-500',
    stroke: '#8b5cf6',
    chip: 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100',
  },
  MONOCYTE: {
    label: 'Monocyte',
    short: 'Mono',
    bar: 'bg-teal-500',
    stroke: '#14b8a6',
    chip: 'bg-teal-100 text-teal-900 dark:bg-teal-950 dark:text-teal-100',
  },
  NEUTROPHIL: {
    label: 'Neutrophil',
    short: 'Neu',
    bar: 'bg-sky-500',
    stroke: '#0ea5e9',
    chip: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  },
};

/** Every class the model knows, as a sentence's plural list: "Basophils, eosinophils, … and neutrophils". */
export function classListInWords(): string {
  const names = CELL_CLASSES.map((c) => `${CLASS_STYLE[c].label.toLowerCase()}s`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  return list.charAt(0).toUpperCase() + list.slice(1);
}

/** A share as a percentage; decimals for a threshold that whole percents would round onto a shown confidence. */
export function formatPercent(p: number, decimals = 0): string {
  return decimals === 0 ? `${Math.round(p * 100)}%` : `${(p * 100).toFixed(decimals)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
