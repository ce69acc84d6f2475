import { CELL_CLASSES } from '@/core/model-spec';
import type { SavedAdaptation } from '@/worker/worker-api';
import { modelVersionLabel } from '@/lib/format/model-version-label';
import { ReviewMarkPromise } from './own-cells-figures';

/** What the saved adaptation was made from, and for which model. */
export function AdaptationSummary({ saved, modelVersion }: { saved: SavedAdaptation; modelVersion?: string }) {
  const total = saved.cellsPerClass.reduce((a, b) => a + b, 0);
  if (modelVersion && modelVersion !== saved.modelVersion) {
    return (
      <p role="status" className="text-sm text-amber-800 dark:text-amber-200" data-testid="adaptation-stale">
        Not in use: your adaptation ({total} cells) was made for model {modelVersionLabel(saved.modelVersion)}, and the
        app now runs model {modelVersionLabel(modelVersion)}. Adapt again on your images to use it with this model.
      </p>
    );
  }
  const per = CELL_CLASSES.map((c, i) => `${c.toLowerCase()} ${saved.cellsPerClass[i]}`).join(', ');
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="adaptation-summary" data-cells={total} data-id={saved.id}>
      <p>
        In use: adapted on {total} labelled cells ({per}) on {new Date(saved.createdAt).toLocaleString()}, for model{' '}
        {modelVersionLabel(saved.modelVersion)}; results record the version{' '}
        {modelVersionLabel(`${saved.modelVersion}+${saved.id}`)}. Temperature {saved.adapted.temperature.toFixed(2)}
        {saved.adapted.ownCells ? `, fitted on ${saved.adapted.ownCells.folds} held-out folds of your cells.` : '.'}
      </p>
      <ReviewMarkPromise adapted={saved.adapted} />
    </div>
  );
}
