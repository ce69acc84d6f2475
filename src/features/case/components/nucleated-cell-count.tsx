import type { WhiteCellDifferential } from '@/lib/differential/white-cell-differential';
import { correctionText, countSummaryText } from '@/features/case/utils/count-summary';

/**
 * Under the differential when it has nucleated red cells beside it: the nucleated cells counted
 * and how they split ("100 cells counted: 92 white cells, 8 NRBC (8.7 per 100 WBC)"), and the
 * correction a lab makes to a white count that took them for white cells.
 */
export function NucleatedCellCount({ d, printed = false }: { d: WhiteCellDifferential; printed?: boolean }) {
  const summary = countSummaryText(d);
  const correction = correctionText(d);
  if (!summary) return null;
  return (
    <div className="flex flex-col gap-1" data-testid={printed ? 'report-nucleated' : 'tally-nucleated'}>
      <p className="text-sm font-medium" data-testid="nucleated-summary">
        {summary}.
      </p>
      {correction && (
        <p className={`text-xs ${printed ? '' : 'text-slate-600 dark:text-slate-400'}`} data-testid="wbc-correction">
          {correction}
        </p>
      )}
    </div>
  );
}
