import { CELL_CLASSES } from '../../../core/model-spec';
import type { SavedAdaptation } from '../../../worker/worker-api';

/** What the saved adaptation was made from, and for which model. */
export function AdaptationSummary({ saved }: { saved: SavedAdaptation }) {
  const total = saved.cellsPerClass.reduce((a, b) => a + b, 0);
  const per = CELL_CLASSES.map((c, i) => `${c.toLowerCase()} ${saved.cellsPerClass[i]}`).join(', ');
  return (
    <p className="text-sm" data-testid="adaptation-summary" data-cells={total} data-id={saved.id}>
      In use: adapted on {total} labelled cells ({per}) on {new Date(saved.createdAt).toLocaleString()}, for model{' '}
      {saved.modelVersion}; results record the version {saved.modelVersion}+{saved.id}. Temperature{' '}
      {saved.adapted.temperature.toFixed(2)}, fitted on held-out halves of your cells.
    </p>
  );
}
