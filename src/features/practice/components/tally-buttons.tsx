import { useEffect } from 'react';
import { FOCUS_RING } from '@/components/button';
import { classForKey } from '@/components/class-keys';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { NOT_WBC } from '@/lib/storage/case-types';

/**
 * A cell counter: one key per class with its running count, as on a bench counter, and undo.
 * The Case page's keys (1, 2, … in class order) tally; Backspace or Ctrl+Z takes the last back.
 */
export function TallyButtons({
  tallies,
  onTally,
  onUndo,
}: {
  tallies: readonly CellClass[];
  onTally: (cls: CellClass) => void;
  onUndo: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      if (e.key === 'Backspace' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z')) {
        e.preventDefault();
        onUndo();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      const cls = classForKey(e.key);
      // 0 and X set a case's cell aside as no cell to count; every cell in a drill is one to count.
      if (cls && cls !== NOT_WBC) {
        e.preventDefault();
        onTally(cls);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onTally, onUndo]);
  return (
    <div className="flex flex-col gap-2">
      <div
        role="group"
        aria-label={`Tally this cell (keys 1 to ${CELL_CLASSES.length})`}
        className="grid grid-cols-2 gap-2 sm:grid-cols-[repeat(auto-fill,minmax(9rem,1fr))]"
      >
        {CELL_CLASSES.map((cls, i) => (
          <button
            key={cls}
            type="button"
            onClick={() => onTally(cls)}
            aria-keyshortcuts={String(i + 1)}
            data-testid={`tally-${cls}`}
            className={`flex min-h-11 items-center justify-between gap-2 rounded-md border border-slate-300 px-3 py-2 text-left text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800 ${FOCUS_RING}`}
          >
            <span>
              {CLASS_NAMES[cls].label}{' '}
              <span className="tabular-nums text-slate-600 dark:text-slate-300" data-testid="tally-count">
                {tallies.filter((t) => t === cls).length}
              </span>
            </span>
            <kbd className="rounded border border-slate-300 px-1.5 text-xs text-slate-600 pointer-coarse:hidden dark:border-slate-600 dark:text-slate-300">
              {i + 1}
            </kbd>
          </button>
        ))}
      </div>
      <div>
        <button
          type="button"
          onClick={onUndo}
          disabled={tallies.length === 0}
          aria-keyshortcuts="Backspace Control+Z"
          data-testid="tally-undo"
          className={`min-h-11 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800 ${FOCUS_RING}`}
        >
          Undo last tally
        </button>
      </div>
    </div>
  );
}
