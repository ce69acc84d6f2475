import { ProbabilityBars } from '@/components/probability-bars';
import { CLASS_NAMES } from '@/core/class-names';
import { formatPercent } from '@/lib/format/numbers';
import type { ModelOpinion } from '../hooks/use-model-opinion';

/** "What the model thought" in the feedback: its class for the outlined cell and its probability for every class. */
export function ModelOpinionView({ opinion }: { opinion: ModelOpinion }) {
  if (opinion.status === 'pending')
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="model-opinion" data-status="pending">
        The model is looking at this cell…
      </p>
    );
  if (opinion.status === 'none' || opinion.status === 'error')
    return (
      <p
        className="text-sm text-slate-600 dark:text-slate-300"
        data-testid="model-opinion"
        data-status={opinion.status}
      >
        {opinion.status === 'none'
          ? 'The model found no white blood cell in this image.'
          : `The model could not look at this image: ${opinion.message}`}
      </p>
    );
  const { cell } = opinion;
  return (
    <div
      className="flex flex-col gap-1 text-sm"
      data-testid="model-opinion"
      data-status="done"
      data-class={cell.predicted}
    >
      <p>
        The model thought: <strong>{CLASS_NAMES[cell.predicted].label}</strong> ({formatPercent(cell.confidence)})
        {cell.needsReview && (
          <span className="text-amber-800 dark:text-amber-200"> — unsure, below its review threshold</span>
        )}
      </p>
      <ProbabilityBars probabilities={cell.probabilities} className="max-w-sm" />
    </div>
  );
}
