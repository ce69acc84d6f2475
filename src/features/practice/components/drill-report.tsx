import { TableHead } from '@/components/table-head';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { CLASS_NAMES } from '@/core/class-names';
import { formatPercent } from '@/lib/format/numbers';
import { formatPerHundred } from '@/lib/differential/white-cell-differential';
import { drillDifferential, type PerHundredRow } from '@/features/practice/utils/drill-differential';
import { formatDuration } from '@/features/practice/utils/scoring';
import { useDrillStore } from '../stores/drill-store';
import { MissList } from './miss-list';

/** "1 per 100 WBC", "—" while the count holds no white cell. */
function perHundredText(n: number | null): string {
  return n === null ? '—' : `${formatPerHundred(n)} per 100 WBC`;
}

/**
 * A difference in nucleated red cells, which any count reports: missing them all drops the
 * report's flag, calling one where the key has none raises a false one.
 */
function perHundredDifference(r: PerHundredRow): string {
  if (r.studentCount === r.keyCount) return 'none';
  if (r.studentCount === 0) return 'missed: the report would not flag them';
  if (r.keyCount === 0) return 'a flag the key does not raise';
  return r.studentCount < r.keyCount ? 'fewer than the key' : 'more than the key';
}

/**
 * The finished drill: the student's differential beside the key's, over the white cells as a lab
 * reports it, each difference judged against the exact 95 % interval of a count of this size,
 * the nucleated red cells per 100 white cells beside it, and every misread cell with what to
 * look for.
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
          <TableHead
            gap="pr-3"
            columns={[
              { label: 'Class' },
              { label: 'Key', numeric: true },
              { label: 'You', numeric: true },
              { label: `95 % range, ${d.keyWhiteCells} white cells`, numeric: true },
              { label: 'Your difference' },
            ]}
          />
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
                  {`${r.keyPercent}%`}
                </td>
                <td className="pr-3 text-right" data-metric="student">
                  {`${r.studentPercent}%`}
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
          {/* Not white cells: beside the differential, never in its percentages. */}
          <tbody data-testid="drill-per-hundred">
            {d.perHundred.map((r) => (
              <tr key={r.cls} data-class={r.cls} className="border-b border-slate-200 dark:border-slate-800">
                <th scope="row" className="pr-3 text-left font-medium">
                  {CLASS_NAMES[r.cls].label}s ({CLASS_NAMES[r.cls].short})
                </th>
                <td className="pr-3 text-right" data-metric="key">
                  {perHundredText(r.keyPerHundred)}
                </td>
                <td className="pr-3 text-right" data-metric="student">
                  {perHundredText(r.studentPerHundred)}
                </td>
                <td className="pr-3 text-right">not in the differential</td>
                <td
                  className={r.studentCount === r.keyCount ? '' : 'font-semibold text-red-700 dark:text-red-300'}
                  data-metric="difference"
                >
                  {perHundredDifference(r)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-200">
        The percentages are of the white cells, immature granulocytes among them; nucleated red cells are counted beside
        them, per 100 white cells. Two counts of {d.keyWhiteCells} white cells from the same slide differ by chance
        alone: the interval is how far the true share may lie from the key’s count. A difference inside it would hide
        among that chance;{' '}
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
