import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/button';
import { cellsInCase } from '@/lib/storage/case-edits';
import { useCaseStore } from '@/features/case/stores/case-store';
import { useResultsStore } from '@/features/results/stores/results-store';
import { settleCaseChoice, useCaseChoice } from '@/app/stores/case-choice-store';
import { MAIN_ID } from '@/app/components/skip-link';
import { TALLY_HEADING_ID } from '@/features/case/components/differential-tally';

/**
 * On a new visit, when the case left open holds cells: continue it, or start a new one. Not
 * modal, so the rest of the page stays usable; images analysed before the answer wait for it
 * and then join the case chosen.
 */
/**
 * Settles the choice. The dialog and the button that has focus go with it: focus moves first to
 * the case's differential where the Case page shows it, else to the page's main content, both on
 * the page already.
 */
function goOn(choose?: () => void): void {
  choose?.();
  (document.getElementById(TALLY_HEADING_ID) ?? document.getElementById(MAIN_ID))?.focus();
  settleCaseChoice();
}

export function CaseChoiceDialog() {
  const asking = useCaseChoice((s) => s.state === 'asking');
  const meta = useCaseStore((s) => s.meta);
  const waiting = useResultsStore((s) => s.items.filter((it) => it.status === 'done').length);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Said to screen readers as it appears, and the next Tab reaches its buttons; never taken from
  // an element the user has already moved to.
  useEffect(() => {
    if (asking && (document.activeElement === document.body || document.activeElement === null)) ref.current?.focus();
  }, [asking]);
  if (!asking) return null;
  const cells = cellsInCase(meta);
  const changed = new Date(meta.updatedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      tabIndex={-1}
      data-testid="case-choice"
      className="flex flex-col gap-3 rounded-xl border border-blue-300 bg-blue-50 p-4 text-slate-900 outline-none dark:border-blue-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Continue the open case, or start a new one?
      </h2>
      <div id={`${id}-body`} className="flex flex-col gap-1 text-sm text-slate-700 dark:text-slate-300">
        <p>
          <strong className="text-slate-900 dark:text-slate-100">{meta.name}</strong> is open from an earlier visit:{' '}
          {meta.imageIds.length} image{meta.imageIds.length === 1 ? '' : 's'}, {cells} cell
          {cells === 1 ? '' : 's'}, last changed {changed}.
        </p>
        <p>
          {waiting > 0
            ? `${waiting} analysed image${waiting === 1 ? ' waits' : 's wait'} for your answer before joining a case.`
            : 'Images you analyse join the case you choose.'}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => goOn()}>
          Continue this case
        </Button>
        <Button onClick={() => goOn(() => useCaseStore.getState().newCase())}>Start a new case</Button>
      </div>
    </div>
  );
}
