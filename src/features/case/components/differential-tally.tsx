import { FOCUS_RING } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import { SegmentedControl } from '@/components/segmented-control';
import { CELL_CLASSES } from '@/core/model-spec';
import { formatPercentInterval } from '@/lib/format/binomial-interval';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { TARGETS, type Target } from '@/lib/storage/case-types';
import { useCaseStore } from '../stores/case-store';
import { wholePercents, type Tally } from '@/features/case/utils/tally';

/** The differential's heading: where the end of the review queue leads back to. */
export const TALLY_HEADING_ID = 'tally-heading';

/**
 * The running differential, like a manual cell counter: counts, percentages with their 95 %
 * intervals for the cells counted so far, and progress to the target.
 */
export function DifferentialTally({ t }: { t: Tally }) {
  const target = useCaseStore((s) => s.meta.target);
  const setTarget = useCaseStore((s) => s.setTarget);
  const percents = wholePercents(t.counts);
  const reached = t.counted >= target;
  return (
    <section aria-labelledby={TALLY_HEADING_ID} data-testid="tally" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={TALLY_HEADING_ID} tabIndex={-1} className={`text-base font-semibold ${FOCUS_RING}`}>
          Differential
        </h3>
        <SegmentedControl
          label="Target cell count"
          value={String(target) as `${Target}`}
          options={TARGETS.map((n) => ({ value: String(n) as `${Target}`, label: `${n} cells` }))}
          onChange={(v) => setTarget(Number(v) as Target)}
        />
      </div>
      <div className="flex items-center gap-3">
        <span className="shrink-0 text-sm tabular-nums" data-testid="tally-progress" aria-live="polite">
          {t.counted} / {target} cells{reached ? ' — target reached' : ''}
        </span>
        <ProgressBar value={Math.min(t.counted, target)} max={target} label="Cells counted toward the target" />
      </div>
      <table className="w-full max-w-md text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1 font-medium">
              Class
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Count
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              %
            </th>
            <th scope="col" className="py-1 pl-2 text-right font-medium">
              95 % interval
            </th>
          </tr>
        </thead>
        <tbody>
          {CELL_CLASSES.map((c) => (
            <tr key={c} data-testid={`tally-${c}`} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 text-left font-normal">
                <span
                  className={`mr-2 inline-block h-2.5 w-2.5 rounded-full ${CLASS_COLOURS[c].bar}`}
                  aria-hidden="true"
                />
                {CLASS_NAMES[c].label}
              </th>
              <td className="py-1 text-right tabular-nums" data-testid="tally-count">
                {t.counts[c]}
              </td>
              <td className="py-1 text-right tabular-nums" data-testid="tally-percent">
                {t.counted > 0 ? `${percents[c]}%` : '–'}
              </td>
              <td
                className="py-1 pl-2 text-right text-slate-600 tabular-nums dark:text-slate-400"
                data-testid="tally-interval"
              >
                {t.counted > 0 ? `${formatPercentInterval(t.intervals[c])}%` : '–'}
              </td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-semibold dark:border-slate-700">
            <th scope="row" className="py-1 text-left">
              White cells counted
            </th>
            <td className="py-1 text-right tabular-nums">{t.counted}</td>
            <td className="py-1 text-right tabular-nums">{t.counted > 0 ? '100%' : '–'}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {t.counted > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="tally-interval-note">
          95 % interval: where each class's true share lies, given the {t.counted} cell{t.counted === 1 ? '' : 's'}{' '}
          counted (exact binomial limits, as tabulated by Rümke). {reached ? '' : 'More cells narrow it.'}
        </p>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="tally-excluded">
        Not counted (not a white cell / unclassifiable): <strong className="tabular-nums">{t.excluded}</strong>.
        Reviewed by you: <strong className="tabular-nums">{t.reviewed}</strong>, of them corrected:{' '}
        <strong className="tabular-nums">{t.corrected}</strong>.
      </p>
    </section>
  );
}
