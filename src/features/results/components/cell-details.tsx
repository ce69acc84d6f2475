import { ProbabilityBars } from '@/components/probability-bars';
import type { AnalysedCell } from '@/core/analyse';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { formatPercent } from '@/lib/format/numbers';

/** One cell: its number on the thumbnail, the predicted class, a review badge, and every class's probability. */
export function CellDetails({ cell, index }: { cell: AnalysedCell; index: number }) {
  const name = CLASS_NAMES[cell.predicted];
  const colours = CLASS_COLOURS[cell.predicted];
  return (
    <li data-testid="cell" data-class={cell.predicted} data-review={cell.needsReview} className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold text-slate-500 dark:text-slate-400">Cell {index + 1}</span>
        <span className={`rounded px-1.5 py-0.5 text-sm font-semibold ${colours.chip}`} data-testid="cell-class">
          {name.label}
        </span>
        <span className="text-sm tabular-nums">{formatPercent(cell.confidence)}</span>
        {cell.needsReview && (
          <span
            data-testid="review-badge"
            title="The model is not confident about this cell: check it yourself."
            className="rounded border border-amber-600 px-1.5 text-xs font-semibold text-amber-800 dark:border-amber-400 dark:text-amber-200"
          >
            Review
          </span>
        )}
        {cell.touchesEdge && <span className="text-xs text-slate-500 dark:text-slate-400">cut by edge</span>}
      </div>
      <ProbabilityBars probabilities={cell.probabilities} className="max-w-md gap-y-0.5" />
    </li>
  );
}
