import { CLASS_STYLE } from '@/lib/cell-class-style';
import { NOT_WBC, type FinalClass } from '@/lib/case-types';

/** CLASS_STYLE extended with the "not a white cell" choice. */
export const FINAL_STYLE: Record<FinalClass, { label: string; short: string; stroke: string; chip: string }> = {
  ...CLASS_STYLE,
  [NOT_WBC]: {
    label: 'Not a white cell / unclassifiable',
    short: 'Not WBC',
    stroke: '#64748b',
    chip: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
  },
};
