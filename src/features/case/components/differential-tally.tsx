import { FOCUS_RING } from '@/components/button';
import { ProgressBar } from '@/components/progress-bar';
import { SegmentedControl } from '@/components/segmented-control';
import { formatPercentInterval } from '@/lib/format/binomial-interval';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { TARGETS, type Target } from '@/lib/storage/case-types';
import { useCaseStore } from '../stores/case-store';
import type { Tally } from '@/features/case/utils/tally';
import { formatPerHundred } from '@/lib/differential/white-cell-differential';
import { ReviewFlagsNote } from './review-flags-note';
import { NucleatedCellCount } from './nucleated-cell-count';

/** The differential's heading: where the end of the review queue leads back to. */
export const TALLY_HEADING_ID = 'tally-heading';

/**
 * The running differential, like a manual cell counter, counted as a lab reports it: the flags for
 * review first, then the white cells' counts, percentages with their 95 % intervals for the white
 * cells counted so far, and progress to the target; the nucleated red cells beside them, per 100
 * white cells, outside the percentages.
 */
export function DifferentialTally({ t }: { t: Tally }) {
  const target = useCaseStore((s) => s.meta.target);
  const setTarget = useCaseStore((s) => s.setTarget);
  const reached = t.whiteCells >= target;
  const some = t.whiteCells > 0;
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
      <ReviewFlagsNote flags={t.flags} />
      <div className="flex items-center gap-3">
        <span className="shrink-0 text-sm tabular-nums" data-testid="tally-progress" aria-live="polite">
          {t.whiteCells} / {target} cells{reached ? ' — target reached' : ''}
        </span>
        <ProgressBar
          value={Math.min(t.whiteCells, target)}
          max={target}
          label="White cells counted toward the target"
        />
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
          {t.white.map((r) => (
            <tr key={r.cls} data-testid={`tally-${r.cls}`} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 text-left font-normal">
                <span
                  className={`mr-2 inline-block h-2.5 w-2.5 rounded-full ${CLASS_COLOURS[r.cls].bar}`}
                  aria-hidden="true"
                />
                {CLASS_NAMES[r.cls].label}
              </th>
              <td className="py-1 text-right tabular-nums" data-testid="tally-count">
                {r.count}
              </td>
              <td className="py-1 text-right tabular-nums" data-testid="tally-percent">
                {some ? `${r.percent}%` : '–'}
              </td>
              <td
                className="py-1 pl-2 text-right text-slate-600 tabular-nums dark:text-slate-400"
                data-testid="tally-interval"
              >
                {some ? `${formatPercentInterval(r.interval)}%` : '–'}
              </td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-semibold dark:border-slate-700" data-testid="tally-white-cells">
            <th scope="row" className="py-1 text-left">
              White cells counted
            </th>
            <td className="py-1 text-right tabular-nums">{t.whiteCells}</td>
            <td className="py-1 text-right tabular-nums">{some ? '100%' : '–'}</td>
            <td />
          </tr>
          {/* Not white cells: counted beside the differential, per 100 white cells, never in its percentages. */}
          {t.perHundred.map((r) => (
            <tr key={r.cls} data-testid={`tally-${r.cls}`} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 text-left font-normal">
                <span
                  className={`mr-2 inline-block h-2.5 w-2.5 rounded-full ${CLASS_COLOURS[r.cls].bar}`}
                  aria-hidden="true"
                />
                {CLASS_NAMES[r.cls].label} (NRBC)
              </th>
              <td className="py-1 text-right tabular-nums" data-testid="tally-count">
                {r.count}
              </td>
              <td colSpan={2} className="py-1 pl-2 text-right tabular-nums" data-testid="tally-per-100">
                {r.perHundredWhite === null ? '–' : formatPerHundred(r.perHundredWhite)} per 100 WBC
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NucleatedCellCount d={t} />
      {some && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="tally-interval-note">
          Percentages are of the white cells; nucleated red cells (NRBC) are not white cells and are counted per 100
          white cells beside them. 95 % interval: where each class's true share lies, given the {t.whiteCells} white
          cell{t.whiteCells === 1 ? '' : 's'} counted (exact binomial limits, as tabulated by Rümke).{' '}
          {reached ? '' : 'More cells narrow it.'}
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
