import { TableHead } from '@/components/table-head';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { countWords } from '@/lib/format/count-words';
import { downloadBlob } from '@/lib/files/download-blob';
import { mergePracticeProgress } from '@/lib/storage/practice-storage';
import { kindName, progressCsv, progressPoints } from '@/features/practice/utils/progress';
import { parseProgressFile, progressFile } from '@/features/practice/utils/progress-file';
import { usePracticeStore } from '../stores/practice-store';
import { ProgressChart } from './progress-chart';

/**
 * Progress a tutor can read: share right per class over time (chart and table), as CSV, as a
 * printed page, and as a file to carry to another device and import there. Nothing leaves the
 * device unless the student saves a file.
 */
export function ProgressPanel() {
  const progress = usePracticeStore((s) => s.progress);
  const phase = usePracticeStore((s) => s.phase);
  const init = usePracticeStore((s) => s.init);
  const refresh = usePracticeStore((s) => s.refreshProgress);
  const [notice, setNotice] = useState<{ error: boolean; text: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => void init(), [init]);
  const points = progressPoints(progress);
  const day = new Date().toISOString().slice(0, 10);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const incoming = parseProgressFile(await file.text());
      const before = progressPoints(usePracticeStore.getState().progress).length;
      await mergePracticeProgress(incoming);
      await refresh();
      const added = progressPoints(usePracticeStore.getState().progress).length - before;
      setNotice({
        error: false,
        text: `${file.name}: ${added === 0 ? 'nothing new, all of it was here already' : `${countWords(added, 'result')} added`}.`,
      });
    } catch (err) {
      setNotice({ error: true, text: (err as Error).message });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  if (phase === 'loading') return <p className="text-sm">Loading your progress…</p>;
  return (
    <div className="flex flex-col gap-4">
      <section
        aria-labelledby="progress-title"
        className="practice-print flex flex-col gap-4"
        data-testid="progress"
        data-points={points.length}
      >
        <h2 id="progress-title" className="text-lg font-semibold">
          Progress
        </h2>
        {points.length === 0 ? (
          <p className="text-sm">Nothing finished yet: a quiz session, a count drill or the test shows here.</p>
        ) : (
          <>
            <ProgressChart points={points} />
            <div className="overflow-x-auto">
              <table className="text-sm tabular-nums" data-testid="progress-table">
                <caption className="mb-1 text-left font-semibold">Share right, per class</caption>
                <TableHead
                  gap="pr-3"
                  columns={[
                    { label: 'Finished' },
                    { label: 'What' },
                    ...CELL_CLASSES.map((cls) => ({ key: cls, label: CLASS_NAMES[cls].short, numeric: true })),
                    { label: 'All', numeric: true },
                  ]}
                />
                <tbody>
                  {[...points].reverse().map((p) => (
                    <tr
                      key={`${p.kind}@${p.startedAt}`}
                      className="border-b border-slate-200 dark:border-slate-800"
                      data-testid="progress-row"
                    >
                      <td className="pr-3">{new Date(p.endedAt).toLocaleString()}</td>
                      <td className="pr-3">{kindName(p.kind)}</td>
                      {CELL_CLASSES.map((cls) => {
                        const { asked, correct } = p.perClass[cls];
                        return (
                          <td key={cls} className="pr-3 text-right">
                            {asked > 0 ? `${correct}/${asked}` : '—'}
                          </td>
                        );
                      })}
                      <td className="text-right">{`${p.correct}/${p.asked}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <Button
          disabled={points.length === 0}
          onClick={() =>
            downloadBlob(new Blob([progressCsv(points)], { type: 'text/csv' }), `hematovision-progress-${day}.csv`)
          }
          data-testid="progress-csv"
        >
          Download CSV
        </Button>
        <Button disabled={points.length === 0} onClick={() => window.print()}>
          Print
        </Button>
        <Button
          onClick={() =>
            downloadBlob(
              new Blob([progressFile(usePracticeStore.getState().progress)], { type: 'application/json' }),
              `hematovision-progress-${day}.json`,
            )
          }
          data-testid="progress-save"
        >
          Save progress file
        </Button>
        <Button onClick={() => fileInput.current?.click()}>Import a progress file…</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="hidden"
          aria-label="Import a progress file"
          data-testid="progress-import"
          onChange={(e) => void onImport(e.target.files?.[0])}
        />
      </div>
      {notice && (
        <p
          role={notice.error ? 'alert' : 'status'}
          data-testid="progress-notice"
          className={`text-sm ${notice.error ? 'text-red-700 dark:text-red-300' : ''}`}
        >
          {notice.text}
        </p>
      )}
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300 print:hidden">
        Your progress stays in this browser. The progress file holds all of it, to carry to another device and import
        there (what is already there is kept once); nothing leaves this device unless you save a file.
      </p>
    </div>
  );
}
