import { useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { CLASS_NAMES } from '@/core/class-names';
import { formatPercent } from '@/lib/format/numbers';
import { drillDifferential } from '@/features/practice/utils/drill-differential';
import { formatDuration } from '@/features/practice/utils/scoring';
import { useDrillStore } from '../stores/drill-store';
import { MissList } from './miss-list';

/**
 * The finished drill: the student's differential beside the key's, each difference judged against
 * the exact 95 % interval of a count of this size, and every misread cell with what to look for.
 */
export function DrillReport() {
  const { result, cells, again } = useDrillStore();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  if (!result) return null;
  const d = drillDifferential(result.answers);
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const misses = result.answers.filter((a) => a.answer !== a.truth);
  const beyond = d.rows.filter((r) => !r.withinSampling);
  return (
    <section aria-labelledby="drill-report-title" className="flex flex-col gap-5" data-testid="drill-report">
      <div>
        {/* Focus starts at the report's top (read first, announced), not at the buttons below the misses. */}
        <h2 id="drill-report-title" className="text-lg font-semibold" tabIndex={-1} ref={title}>
          Drill <span className="font-mono">{result.seed}</span> finished
        </h2>
        <p className="text-sm">
          You named <strong data-testid="drill-score">{`${d.correct} of ${d.total}`}</strong> cells as the key does, in{' '}
          {formatDuration(result.endedAt - result.startedAt)}.
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="text-sm tabular-nums" data-testid="drill-differential">
          <caption className="mb-1 text-left font-semibold">Your differential and the key’s</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left align-bottom dark:border-slate-700">
              <th scope="col" className="pr-3">
                Class
              </th>
              <th scope="col" className="pr-3 text-right">
                Key
              </th>
              <th scope="col" className="pr-3 text-right">
                You
              </th>
              <th scope="col" className="pr-3 text-right">
                95 % range, {d.total} cells
              </th>
              <th scope="col">Your difference</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr
                key={r.cls}
                data-class={r.cls}
                data-within={r.withinSampling}
                className="border-b border-slate-200 dark:border-slate-800"
              >
                <th scope="row" className="pr-3 text-left font-medium">
                  {CLASS_NAMES[r.cls].label}
                </th>
                <td className="pr-3 text-right" data-metric="key">
                  {formatPercent(r.keyCount / d.total)}
                </td>
                <td className="pr-3 text-right" data-metric="student">
                  {formatPercent(r.studentCount / d.total)}
                </td>
                <td className="pr-3 text-right">
                  {formatPercent(r.interval.low, 1)}–{formatPercent(r.interval.high, 1)}
                </td>
                <td className={r.withinSampling ? '' : 'font-semibold text-red-700 dark:text-red-300'}>
                  {r.studentCount === r.keyCount ? 'none' : r.withinSampling ? 'within sampling' : 'beyond sampling'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-200">
        Two counts of {d.total} cells from the same slide differ by chance alone: the interval is how far the true share
        may lie from the key’s count. A difference inside it would hide among that chance;{' '}
        {beyond.length === 0
          ? 'none of yours lies outside it.'
          : `outside it, as for ${beyond.map((r) => CLASS_NAMES[r.cls].label.toLowerCase() + 's').join(' and ')} here, the misreading itself would change the report.`}
      </p>
      <MissList
        testId="drill-misses"
        misses={misses.flatMap((a) => {
          const cell = cellById.get(a.itemId);
          return cell ? [{ ...cell, truth: a.truth, answer: a.answer }] : [];
        })}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => again(false)} data-testid="new-drill">
          A new drill
        </Button>
        <Button onClick={() => again(true)}>This drill again</Button>
      </div>
    </section>
  );
}
