import { Button } from '@/components/button';
import { applyUpdate } from '@/features/offline/utils/register-offline-cache';
import { useOfflineStore } from '../stores/offline-store';

/**
 * Offered when a new version (app or model) is installed and waiting. Nothing changes until the
 * user reloads, so a batch being analysed is never interrupted by an update.
 */
export function UpdatePrompt() {
  const waiting = useOfflineStore((s) => s.updateWaiting);
  const dismiss = useOfflineStore((s) => s.setUpdateWaiting);
  if (!waiting) return null;
  return (
    <div
      role="status"
      data-testid="update-prompt"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
    >
      <span>Update available — reload to use the new version.</span>
      <Button variant="primary" onClick={applyUpdate}>
        Reload
      </Button>
      <Button variant="ghost" onClick={() => dismiss(false)}>
        Later
      </Button>
    </div>
  );
}
