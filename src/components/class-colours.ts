import type { CellClass } from '@/core/model-spec';

/**
 * How each class is coloured everywhere in the UI: its probability bar, its box outline and its
 * chip. Colour is never the only cue: the class's name (CLASS_NAMES in core) goes with it.
 */
export const CLASS_COLOURS: Record<
  CellClass,
  { readonly bar: string; readonly stroke: string; readonly chip: string }
> = {
  BASOPHIL: {
    bar: 'bg-amber-500',
    stroke: '#f59e0b',
    chip: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  },
  EOSINOPHIL: {
    bar: 'bg-rose-500',
    stroke: '#f43f5e',
    chip: 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100',
  },
  LYMPHOCYTE: {
    bar: 'bg-violet-500',
    stroke: '#8b5cf6',
    chip: 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100',
  },
  MONOCYTE: {
    bar: 'bg-teal-500',
    stroke: '#14b8a6',
    chip: 'bg-teal-100 text-teal-900 dark:bg-teal-950 dark:text-teal-100',
  },
  NEUTROPHIL: {
    bar: 'bg-sky-500',
    stroke: '#0ea5e9',
    chip: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  },
};
