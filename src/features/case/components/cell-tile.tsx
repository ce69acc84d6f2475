import type { KeyboardEvent } from 'react';
import { FOCUS_RING } from '@/components/button';
import { CLASS_NAMES } from '@/core/class-names';
import { formatPercent } from '@/lib/format/numbers';
import { blobUrl } from '@/features/case/utils/blob-url';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { CLASS_KEYS_HINT, classForKey } from '@/components/class-keys';
import { useCaseStore } from '../stores/case-store';
import { ClassPicker } from './class-picker';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';

export const tileId = (key: string) => `case-cell-${key.replace(/[^\w-]/g, '_')}`;

/**
 * One cell of the case: its picture, number, final class, and what the model said. Focused, it
 * takes a class's number (1, 2, … in CELL_CLASSES order), 0 or X (not a white cell) and U (back to the prediction).
 */
export function CellTile({
  c,
  image,
  active,
  onFocus,
  onKeyDown,
}: {
  c: CaseCell;
  image?: Blob;
  active: boolean;
  onFocus: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const decide = useCaseStore((s) => s.decide);
  const undecide = useCaseStore((s) => s.undecide);
  const n = c.index + 1;
  const final = FINAL_STYLE[c.final];
  const described = `Cell ${n}: ${final.label}${c.corrected ? `, corrected from ${CLASS_NAMES[c.predicted].label}` : ''}${
    c.cell.needsReview ? ', flagged for review' : ''
  }${c.cell.touchesEdge ? ', cut by the image edge' : ''}${c.byHand ? ', added by hand' : ''}`;
  return (
    <li
      id={tileId(c.key)}
      tabIndex={active ? 0 : -1}
      aria-label={described}
      aria-keyshortcuts={`${CLASS_KEYS_HINT} U`}
      data-testid="case-cell"
      data-key={c.key}
      data-final={c.final}
      data-predicted={c.predicted}
      data-corrected={c.corrected}
      data-review={c.cell.needsReview}
      onFocus={onFocus}
      onKeyDown={(e) => {
        const cls = classForKey(e.key);
        if (cls) decide(c.key, cls);
        else if (e.key === 'u' || e.key === 'U') undecide(c.key);
        else return onKeyDown(e);
        e.preventDefault();
      }}
      className={`flex gap-2 rounded-md border p-2 ${FOCUS_RING} ${
        c.corrected
          ? 'border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40'
          : 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900'
      }`}
    >
      {image && <img src={blobUrl(image)} alt="" width={64} height={64} className="h-16 w-16 shrink-0 rounded" />}
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <span className="font-semibold text-slate-600 dark:text-slate-300">#{n}</span>
          <span className={`rounded px-1.5 py-0.5 font-semibold ${final.chip}`} data-testid="case-cell-class">
            {final.label}
          </span>
          {c.corrected && (
            <span data-testid="corrected-badge" className="text-amber-800 dark:text-amber-200">
              corrected · model said {CLASS_NAMES[c.predicted].label} {formatPercent(c.cell.confidence)}
            </span>
          )}
          {!c.corrected && <span className="tabular-nums">{formatPercent(c.cell.confidence)}</span>}
          {c.cell.needsReview && (
            <span className="rounded border border-amber-600 px-1 font-semibold text-amber-800 dark:border-amber-400 dark:text-amber-200">
              {c.decided ? 'Reviewed' : 'Review'}
            </span>
          )}
          {c.cell.touchesEdge && <span className="text-slate-600 dark:text-slate-300">cut by edge</span>}
          {c.byHand && (
            <span className="text-slate-600 dark:text-slate-300" data-testid="hand-badge">
              added by hand
            </span>
          )}
        </div>
        <ClassPicker value={c.final} label={`Class of cell ${n}`} onChange={(v) => decide(c.key, v)} />
      </div>
    </li>
  );
}
