import { Button } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { formatBytes } from '@/lib/format/numbers';
import { isNetworkFailure } from '@/features/model/utils/network-failure';
import { useModelStore } from '../stores/model-store';
import { BackendBadge } from './backend-badge';

/**
 * Model loading progress, a download the network cut off (it resumes by itself), an error with a
 * retry, or the ready state with the running backend.
 */
export function ModelStatus() {
  const model = useModelStore((s) => s.model);
  if (model.status === 'ready') return <BackendBadge info={model.info} />;
  if (model.status === 'interrupted') return <DownloadInterrupted {...model} />;
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

/** Where the network cut the download off; nothing to click: it goes on when the network is back. */
function DownloadInterrupted({ loadedBytes, totalBytes }: { loadedBytes: number; totalBytes: number }) {
  const where =
    totalBytes > 0
      ? `at ${formatBytes(loadedBytes)} of ${formatBytes(totalBytes)}`
      : 'before the model began to download';
  return (
    <div role="status" data-testid="model-interrupted" className="flex min-w-56 flex-col gap-1 text-sm">
      <span className="text-amber-800 dark:text-amber-200">
        The network dropped {where}; it will continue when the connection returns.
      </span>
      <ProgressBar value={loadedBytes} max={Math.max(totalBytes, 1)} label="Model download" valueText={where} />
    </div>
  );
}
