import { Button } from '@/components/button';
import { OutlinedImage } from '@/components/outlined-image';
import { CLASS_NAMES } from '@/core/class-names';
import { formatPercent } from '@/lib/format/numbers';
import { drillDifferential } from '@/features/practice/utils/drill-differential';
import { formatDuration } from '@/features/practice/utils/scoring';
import { useDrillStore } from '../stores/drill-store';
import { ClassHints } from './class-hints';

/**
 * The finished drill: the student's differential beside the key's, each difference judged against
 * the exact 95 % interval of a count of this size, and every misread cell with what to look for.
 */
export function DrillReport() {
  const { result, cells, again } = useDrillStore();
  if (!result) return null;
  const d = drillDifferential(result.answers);
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const misses = result.answers.filter((a) => a.answer !== a.truth);
  const beyond = d.rows.filter((r) => !r.withinSampling);
  return (
    <section aria-labelledby="drill-report-title" className="flex flex-col gap-5" data-testid="drill-report">
      <div>
        <h2 id="drill-report-title" className="text-lg font-semibold">
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
                95 % interval of a {d.total}-cell count
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
                  {r.studentCount === r.keyCount
                    ? 'none'
                    : r.withinSampling
                      ? 'within sampling'
                      : 'beyond sampling: a misreading'}
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
      <section aria-labelledby="misses-title" className="flex flex-col gap-3">
        <h3 id="misses-title" className="font-semibold">
          {misses.length === 0 ? 'No misread cells' : `Cells to look at again (${misses.length})`}
        </h3>
        <ul className="flex flex-col gap-4" data-testid="drill-misses">
          {misses.map((a) => {
            const cell = cellById.get(a.itemId);
            return (
              <li
                key={a.itemId}
                className="grid gap-3 border-b border-slate-200 pb-3 sm:grid-cols-[12rem_minmax(0,1fr)] dark:border-slate-800"
                data-testid="drill-miss"
              >
                {cell && (
                  <div className="w-48 max-w-full">
                    <OutlinedImage
                      src={cell.url}
                      width={cell.width}
                      height={cell.height}
                      box={cell.box}
                      alt={`The ${CLASS_NAMES[a.truth].label.toLowerCase()} you tallied as ${withArticle(CLASS_NAMES[a.answer].label.toLowerCase())}`}
                    />
                  </div>
                )}
                <div className="flex flex-col gap-1">
                  <p className="text-sm">
                    Key: <strong>{CLASS_NAMES[a.truth].label}</strong> · you: {CLASS_NAMES[a.answer].label}
                  </p>
                  <ClassHints cls={a.truth} title="Look for" />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => again(false)} autoFocus data-testid="new-drill">
          A new drill
        </Button>
        <Button onClick={() => again(true)}>This drill again</Button>
      </div>
    </section>
  );
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
