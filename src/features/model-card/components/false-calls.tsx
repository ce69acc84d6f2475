import { CLASS_NAMES } from '@/core/class-names';
import type { FalseCalls } from '@/core/evaluation-figures';
import { pct, type CalibratedMetrics } from '@/features/model-card/utils/metrics';
import { Figure, FigureGrid } from './figure';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * A lab's cells called a class the lab holds none of: on a lab without immature granulocytes or
 * nucleated red cells, every such call is a false alarm a reviewer pays for. Shown against the
 * target, shipped and, where measured, calibrated to a case.
 */
export function FalseCallFigures({
  falseCalls: f,
  images,
  target,
  calibrated,
}: {
  falseCalls: FalseCalls;
  images: number;
  target?: number;
  calibrated?: CalibratedMetrics;
}) {
  const names = f.classes.map((c) => `${CLASS_NAMES[c].label.toLowerCase()}s`);
  const calibratedShares = calibrated?.draws.flatMap((d) => (d.falseCalls ? [d.falseCalls.share] : [])) ?? [];
  const met = target === undefined ? undefined : f.share <= target;
  return (
    <div className="flex flex-col gap-2" data-testid="false-calls">
      <p className="text-sm">
        This lab holds no {names.slice(0, -1).join(', ')}
        {names.length > 1 ? ' or ' : ''}
        {names[names.length - 1]}: every cell called one is a false alarm.{' '}
        {target !== undefined && (
          <span data-testid="false-calls-verdict" data-met={met}>
            The aim is at most {pct(target)} of its cells: {met ? 'met' : 'missed'}.
          </span>
        )}
      </p>
      <FigureGrid>
        <Figure
          label="Called a class it has none of"
          value={pct(f.share)}
          testId="false-calls-share"
          note={`${f.count} of ${images} images`}
        />
        {f.classes.map((c) => (
          <Figure
            key={c}
            label={`Called ${CLASS_NAMES[c].label.toLowerCase()}`}
            value={String(f.perClass[c]?.count ?? 0)}
            testId={`false-calls-${c}`}
            note={pct(f.perClass[c]?.share ?? 0)}
          />
        ))}
        {calibratedShares.length > 0 && (
          <Figure
            label="Called one, calibrated"
            value={pct(mean(calibratedShares))}
            testId="false-calls-calibrated"
            note={`mean of ${calibratedShares.length} cases; ${pct(Math.min(...calibratedShares))}–${pct(Math.max(...calibratedShares))}`}
          />
        )}
      </FigureGrid>
    </div>
  );
}
