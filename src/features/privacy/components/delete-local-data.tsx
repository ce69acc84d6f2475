import { useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import type { WipeReport } from '@/lib/storage/wipe-local-data';
import { WipeReportView } from './wipe-report-view';

type Phase =
  | { step: 'idle' | 'confirming' | 'deleting' }
  | { step: 'done'; report: WipeReport }
  | { step: 'failed'; message: string };

/** One button that deletes everything the app stored on this device, after a confirmation. */
export function DeleteLocalData({ onDeleteAll }: { onDeleteAll: () => Promise<WipeReport> }) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const confirm = () => {
    setPhase({ step: 'deleting' });
    onDeleteAll().then(
      (report) => setPhase({ step: 'done', report }),
      (err: unknown) => setPhase({ step: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  };
  return (
    <section aria-labelledby="delete-data-heading" className="flex flex-col gap-3">
      <h2 id="delete-data-heading" className="text-lg font-semibold">
        Delete all local data
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Removes every saved case and its images, practice progress and the results on the Analyse page from this device.
        The app itself stays saved, so it still works offline.
      </p>
      <div>
        <Button
          variant="destructive"
          disabled={phase.step === 'deleting'}
          onClick={() => setPhase({ step: 'confirming' })}
          data-testid="delete-all-data"
        >
          {phase.step === 'deleting' ? 'Deleting…' : 'Delete all local data…'}
        </Button>
      </div>
      <ConfirmDialog
        open={phase.step === 'confirming'}
        title="Delete all local data?"
        confirmLabel="Delete everything"
        onConfirm={confirm}
        onCancel={() => setPhase({ step: 'idle' })}
      >
        Every saved case with its images and corrections, your practice progress and the results on the Analyse page
        will be deleted from this device. This cannot be undone.
      </ConfirmDialog>
      <div aria-live="polite" data-testid="wipe-result">
        {phase.step === 'done' && <WipeReportView report={phase.report} />}
        {phase.step === 'failed' && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Deleting failed: {phase.message}
          </p>
        )}
      </div>
    </section>
  );
}
