import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { formatBytes } from '@/lib/format/numbers';
import { cellsInCase } from '@/lib/storage/case-edits';
import { storageEstimate } from '@/lib/storage/case-storage';
import { useCaseStore } from '../stores/case-store';

const cellWord = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;

/** Cases kept in this browser: open one, delete one (after a second click), see the storage used. */
export function CaseHistory() {
  const history = useCaseStore((s) => s.history);
  const currentId = useCaseStore((s) => s.meta.id);
  const openCase = useCaseStore((s) => s.openCase);
  const deleteCase = useCaseStore((s) => s.deleteCase);
  const [confirming, setConfirming] = useState<string>();
  const [usage, setUsage] = useState<{ usage: number; quota: number }>();
  useEffect(() => {
    let live = true;
    void storageEstimate().then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, [history]);
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2 print:hidden">
      <h3 id="history-heading" className="text-base font-semibold">
        Cases on this device
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="storage-used">
        Kept in this browser only (IndexedDB), never uploaded.
        {usage && ` This app uses ${formatBytes(usage.usage)} of this browser's storage.`}
      </p>
      {history.length === 0 ? (
        <p className="text-sm">No case stored yet: analysed images are kept from the first one on.</p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-slate-200 text-sm dark:divide-slate-800"
          data-testid="case-history"
        >
          {history.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="history-entry">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">
                  {m.name}
                  {m.id === currentId && <span className="ml-2 text-xs font-normal">(open)</span>}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {new Date(m.updatedAt).toLocaleString()} · {m.imageIds.length} image
                  {m.imageIds.length === 1 ? '' : 's'} · {cellWord(cellsInCase(m))} · {formatBytes(m.bytes)}
                </p>
              </div>
              {m.id !== currentId && <Button onClick={() => void openCase(m.id)}>Open</Button>}
              {confirming === m.id ? (
                <>
                  <Button
                    variant="destructive"
                    onClick={() => void deleteCase(m.id).then(() => setConfirming(undefined))}
                  >
                    Delete “{m.name}” for good
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirming(undefined)}>
                    Keep
                  </Button>
                </>
              ) : (
                <Button variant="ghost" onClick={() => setConfirming(m.id)} aria-label={`Delete case ${m.name}`}>
                  Delete
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
