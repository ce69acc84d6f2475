import { Button } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import type { AdaptationProgress } from '@/worker/worker-api';

/** An adaptation under way: cells read, time left, and a Cancel that stops the work. */
export function AdaptationProgressView({
  progress,
  msLeft,
  cancelling,
  onCancel,
}: {
  progress?: AdaptationProgress;
  msLeft?: number;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const what = !progress
    ? 'Reading your images…'
    : progress.stage === 'reading'
      ? `${progress.cellsDone} of ${progress.cells} images read`
      : `All ${progress.cells} cells read; fitting and checking the adapted model on held-out folds`;
  const left =
    msLeft === undefined ? 'estimating the time left' : `about ${Math.max(1, Math.ceil(msLeft / 1000))} s left`;
  return (
    <section
      aria-label="Adapting"
      className="flex flex-col gap-2 rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700"
      data-testid="adapt-progress"
      data-stage={progress?.stage ?? 'starting'}
      data-cells-done={progress?.cellsDone ?? 0}
    >
      <ProgressBar
        value={Math.round((progress?.fraction ?? 0) * 100)}
        max={100}
        label="Adapting the model"
        valueText={`${what}, ${left}`}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" data-testid="adapt-progress-text">
          {cancelling ? 'Cancelling…' : `${what} · ${left}`}
        </p>
        <Button onClick={onCancel} disabled={cancelling} data-testid="adapt-cancel">
          Cancel
        </Button>
      </div>
    </section>
  );
}
