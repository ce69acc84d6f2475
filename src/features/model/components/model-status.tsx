import { Button } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { formatBytes } from '@/lib/format/numbers';
import { isNetworkFailure } from '@/features/model/utils/network-failure';
import { useModelStore } from '../stores/model-store';
import { BackendBadge } from './backend-badge';

/**
 * Model loading progress, its error with a retry (and, for a download the network cut off, that it
 * resumes by itself), or the ready state with the running backend.
 */
export function ModelStatus() {
  const model = useModelStore((s) => s.model);
  if (model.status === 'ready') return <BackendBadge info={model.info} />;
  if (model.status === 'error') {
    return (
      <div role="alert" data-testid="model-error" className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-red-700 dark:text-red-300">The model could not be loaded: {model.message}</span>
        {isNetworkFailure(model.message) && (
          <span data-testid="model-auto-retry">It will try again by itself when the network is back.</span>
        )}
        <Button variant="primary" onClick={() => void analysisClient.retry().catch(() => {})}>
          Retry
        </Button>
      </div>
    );
  }
  const loaded = model.status === 'loading' ? model.loadedBytes : 0;
  const total = model.status === 'loading' ? model.totalBytes : 0;
  const text = total > 0 ? `${formatBytes(loaded)} of ${formatBytes(total)}` : 'Starting…';
  const warming = total > 0 && loaded >= total;
  return (
    <div className="flex min-w-56 flex-col gap-1 text-sm" data-testid="model-loading">
      <span>{warming ? 'Warming up the model…' : `Loading model — ${text}`}</span>
      <ProgressBar value={loaded} max={Math.max(total, 1)} label="Model download" valueText={text} />
    </div>
  );
}
