import { useMemo } from 'react';
import { formatPercent } from '@/lib/format/numbers';
import { visibleItems } from '@/features/results/utils/select-items';
import { useResultsStore } from '../stores/results-store';
import type { ReviewPromise } from '../utils/review-promise';
import { BatchProgress } from './batch-progress';
import { ClassSummary } from './class-summary';
import { ResultCard } from './result-card';
import { ResultsToolbar } from './results-toolbar';

/** Everything about the analysed images: progress, summary, what the review mark promises, controls and the cards. */
export function ResultsPanel({ review }: { review?: ReviewPromise }) {
  const { items, view, sort, filter } = useResultsStore();
  const shown = useMemo(() => visibleItems(items, filter, sort), [items, filter, sort]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-4">
      <h2 id="results-heading" className="text-lg font-semibold">
        Results
      </h2>
      <BatchProgress />
      <ClassSummary />
      {review && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="review-rule" data-source={review.source}>
          <strong data-testid="review-promise">{review.promise}</strong> A cell is marked <strong>Review</strong>{' '}
          (dashed box) when the model gives its class less than {formatPercent(review.threshold, 1)}: check marked cells
          yourself; unmarked ones can still be wrong.
        </p>
      )}
      <ResultsToolbar />
      {shown.length === 0 && <p className="text-sm">No image matches this filter.</p>}
      <div
        data-testid="results"
        className={
          view === 'grid'
            ? 'grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4'
            : 'flex flex-col gap-3'
        }
      >
        {shown.map((item) => (
          <ResultCard key={item.id} item={item} view={view} />
        ))}
      </div>
    </section>
  );
}
