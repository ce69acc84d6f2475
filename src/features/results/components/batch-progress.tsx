import { Button } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import { cancelBatch } from '@/features/results/utils/batch-runner';
import { useResultsStore } from '../stores/results-store';

/** "37 / 200" while a batch runs, with a cancel button that stops it at once. */
export function BatchProgress() {
  const { total, finished } = useResultsStore((s) => s.batch);
  if (total === 0 || finished >= total) return null;
  const text = `${finished} / ${total}`;
  return (
    <div className="flex items-center gap-3" data-testid="batch-progress">
      <span className="text-sm font-medium tabular-nums" aria-live="polite">
        Analysed {text}
      </span>
      <div className="flex-1">
        <ProgressBar value={finished} max={total} label="Batch progress" valueText={text} />
      </div>
      <Button onClick={cancelBatch}>Cancel</Button>
    </div>
  );
}
