import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { CaseCell } from '@/features/case/utils/case-cells';

/** Points out that the cells the user reviewed here can adapt the model to their lab. */
export function ReviewedCellsHint({ cells }: { cells: readonly CaseCell[] }) {
  const reviewed = cells.filter((c) => c.decided && CELL_CLASSES.includes(c.final as CellClass)).length;
  if (reviewed === 0) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="reviewed-cells-hint">
      {reviewed} cell{reviewed === 1 ? '' : 's'} reviewed in this case. Reviewed cells can adapt the model to your
      lab&apos;s stain and microscope, on this device:{' '}
      <a href="#/adapt" className="font-medium text-blue-700 underline dark:text-blue-300">
        Adapt
      </a>
      .
    </p>
  );
}
