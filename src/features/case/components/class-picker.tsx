import { FOCUS_RING } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';

const CHOICES: readonly FinalClass[] = [...CELL_CLASSES, NOT_WBC];

/**
 * The classes a cell can be given, and "not a white cell", as a row of toggle buttons. In the cell
 * list they are click targets only (`focusable` false): keyboard users press a class's number, 0 or
 * X on the focused cell, which keeps the list at one tab stop instead of one per class per cell.
 */
export function ClassPicker({
  value,
  label,
  onChange,
  focusable = false,
}: {
  /** The class shown as chosen; none for several cells of different classes. */
  value: FinalClass | undefined;
  label: string;
  onChange: (value: FinalClass) => void;
  focusable?: boolean;
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1">
      {CHOICES.map((c, i) => (
        <button
          key={c}
          type="button"
          tabIndex={focusable ? 0 : -1}
          aria-pressed={c === value}
          title={`${FINAL_STYLE[c].label} (key ${c === NOT_WBC ? '0 or X' : i + 1})`}
          data-choice={c}
          onClick={(e) => {
            e.stopPropagation();
            onChange(c);
          }}
          className={`rounded border px-1.5 py-0.5 text-xs ${FOCUS_RING} ${
            c === value
              ? `border-slate-800 font-semibold dark:border-slate-100 ${FINAL_STYLE[c].chip}`
              : 'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
          }`}
        >
          {FINAL_STYLE[c].short}
        </button>
      ))}
    </div>
  );
}
