import { useEffect } from 'react';
import { FOCUS_RING } from '@/components/button';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';

/** One answer per class, as buttons and as keys 1, 2, … anywhere on the page while a question is open. */
export function AnswerButtons({ onAnswer, disabled }: { onAnswer: (cls: CellClass) => void; disabled: boolean }) {
  useEffect(() => {
    if (disabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      const n = Number(e.key);
      if (n >= 1 && n <= CELL_CLASSES.length) {
        e.preventDefault();
        onAnswer(CELL_CLASSES[n - 1]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [disabled, onAnswer]);
  return (
    <div
      role="group"
      aria-label={`Your answer (keys 1 to ${CELL_CLASSES.length})`}
      className="grid grid-cols-2 gap-2 sm:grid-cols-[repeat(auto-fill,minmax(9rem,1fr))]"
    >
      {CELL_CLASSES.map((cls, i) => (
        <button
          key={cls}
          type="button"
          disabled={disabled}
          onClick={() => onAnswer(cls)}
          aria-keyshortcuts={String(i + 1)}
          data-testid={`answer-${cls}`}
          className={`flex min-h-11 items-center justify-between gap-2 rounded-md border border-slate-300 px-3 py-2 text-left text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800 ${FOCUS_RING}`}
        >
          <span>{CLASS_NAMES[cls].label}</span>
          {/* A touch screen has no number keys to press: the hint is hidden there. */}
          <kbd
            data-testid="key-hint"
            className="rounded border border-slate-300 px-1.5 text-xs text-slate-600 pointer-coarse:hidden dark:border-slate-600 dark:text-slate-300"
          >
            {i + 1}
          </kbd>
        </button>
      ))}
    </div>
  );
}
