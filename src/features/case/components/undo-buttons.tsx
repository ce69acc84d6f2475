import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { useCaseStore } from '../stores/case-store';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

/** Undo and Redo of the case's changes, named for what they would take back or do again. */
export function UndoButtons() {
  const past = useCaseStore((s) => s.past);
  const future = useCaseStore((s) => s.future);
  const undo = useCaseStore((s) => s.undo);
  const redo = useCaseStore((s) => s.redo);
  const [said, setSaid] = useState('');
  const counts = useRef({ past: past.length, future: future.length });
  // Says what an undo or redo did, however it was asked for (a button or the keys).
  useEffect(() => {
    const was = counts.current;
    if (past.length === was.past - 1 && future.length === was.future + 1) setSaid(`Undone: ${future.at(-1)?.label}`);
    else if (past.length === was.past + 1 && future.length === was.future - 1) setSaid(`Redone: ${past.at(-1)?.label}`);
    counts.current = { past: past.length, future: future.length };
  }, [past, future]);
  const last = past.at(-1);
  const next = future.at(-1);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="undo-buttons">
      <Button
        onClick={undo}
        disabled={!last}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={last ? `Undo: ${last.label} (${MOD}+Z)` : 'Nothing to undo'}
      >
        Undo
      </Button>
      <Button
        onClick={redo}
        disabled={!next}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={next ? `Redo: ${next.label} (Shift+${MOD}+Z)` : 'Nothing to redo'}
      >
        Redo
      </Button>
      <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="undo-status">
        {said}
      </span>
    </div>
  );
}
