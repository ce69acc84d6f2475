import { TableHead } from '@/components/table-head';
import { useId } from 'react';
import { Button } from '@/components/button';
import { SegmentedControl } from '@/components/segmented-control';
import { CELL_CLASSES } from '@/core/model-spec';
import { DRILL_SIZES, isDrillSeed, type DrillSize } from '@/features/practice/utils/drill';
import { formatDuration } from '@/features/practice/utils/scoring';
import { practiceHref } from '../hooks/use-practice-route';
import { useDrillStore } from '../stores/drill-store';
import { usePracticeStore } from '../stores/practice-store';

/** What a drill is, its size and code (a link to share), Start; past drills below. */
export function DrillStart() {
  const { seed, size, setSeed, setSize, start } = useDrillStore();
  const drills = usePracticeStore((s) => s.progress.drills);
  const codeId = useId();
  const valid = isDrillSeed(seed);
  const link = `${window.location.origin}${window.location.pathname}${practiceHref('drill', { seed, cells: String(size) })}`;
  const begin = () => {
    if (!valid) return;
    window.history.replaceState(null, '', practiceHref('drill', { seed, cells: String(size) }));
    void start();
  };
  return (
    <section aria-labelledby="drill-title" className="flex flex-col gap-4" data-testid="drill-start">
      <h2 id="drill-title" className="text-lg font-semibold">
        Count drill
      </h2>
      <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-200">
        A manual differential, as at the bench: move through a slide’s worth of white cells (whole smear fields and
        single cells, in no particular order) and tally each outlined cell{' '}
        <span className="pointer-coarse:hidden">with keys 1–{CELL_CLASSES.length} or a click</span>
        <span className="hidden pointer-coarse:inline">by tapping its class</span>; undo takes the last one back. Then
        see your differential beside the key’s, whether each difference is within what sampling alone gives a count of
        this size, and every cell you misread. As a lab counts, the percentages are of the white cells (immature
        granulocytes among them), and a nucleated red cell met on the way is tallied too, beside them, per 100 white
        cells. Two students with the same code count the same cells.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <SegmentedControl<string>
          label="Cells to count"
          value={String(size)}
          options={DRILL_SIZES.map((n) => ({ value: String(n), label: `${n} white cells` }))}
          onChange={(v) => setSize(Number(v) as DrillSize)}
        />
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={codeId} className="font-medium">
            Drill code
          </label>
          <input
            id={codeId}
            value={seed}
            onChange={(e) => setSeed(e.target.value.trim().toLowerCase())}
            aria-invalid={!valid}
            maxLength={24}
            spellCheck={false}
            autoCapitalize="off"
            data-testid="drill-code"
            className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <Button variant="primary" onClick={begin} disabled={!valid} data-testid="start-drill">
          Start the drill
        </Button>
      </div>
      {valid ? (
        <p className="text-sm break-all text-slate-600 dark:text-slate-300">
          Share this drill: <span data-testid="drill-link">{link}</span>
        </p>
      ) : (
        <p className="text-sm text-red-700 dark:text-red-300">A code is 1 to 24 letters, digits or dashes.</p>
      )}
      {drills.length > 0 && (
        <table className="max-w-xl text-sm tabular-nums" data-testid="drill-history">
          <caption className="mb-1 text-left font-semibold">Your drills</caption>
          <TableHead
            columns={[
              { label: 'When' },
              { label: 'Code' },
              { label: 'Right', numeric: true },
              { label: 'Time', numeric: true },
            ]}
          />
          <tbody>
            {[...drills].reverse().map((d) => (
              <tr key={`${d.seed}@${d.startedAt}`} className="border-b border-slate-200 dark:border-slate-800">
                <td className="pr-4">{new Date(d.startedAt).toLocaleString()}</td>
                <td className="pr-4 font-mono">{d.seed}</td>
                <td className="pr-4 text-right">{`${d.answers.filter((a) => a.answer === a.truth).length} / ${d.answers.length}`}</td>
                <td className="text-right">{formatDuration(d.endedAt - d.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
