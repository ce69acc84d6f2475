import { CELL_CLASSES } from '../core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { formatPercent } from '@/lib/format/numbers';

/** Every class's probability for one cell as labelled bars, in CELL_CLASSES order. */
export function ProbabilityBars({
  probabilities,
  className = '',
}: {
  probabilities: readonly number[];
  className?: string;
}) {
  return (
    <ul className={`grid grid-cols-[5.5rem_1fr_2.5rem] items-center gap-x-2 text-xs ${className}`}>
      {CELL_CLASSES.map((cls, i) => (
        <li key={cls} className="contents">
          <span>{CLASS_NAMES[cls].label}</span>
          <span aria-hidden="true" className="h-1.5 rounded-full bg-slate-200 dark:bg-slate-800">
            <span
              className={`block h-full rounded-full ${CLASS_COLOURS[cls].bar}`}
              style={{ width: formatPercent(probabilities[i]) }}
            />
          </span>
          <span className="text-right tabular-nums">{formatPercent(probabilities[i])}</span>
        </li>
      ))}
    </ul>
  );
}
