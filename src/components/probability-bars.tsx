import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { formatPercent } from '@/lib/format/numbers';

/**
 * Every class's probability for one cell as labelled bars, in CELL_CLASSES order; `keyed` puts
 * each class's key before its name. A cell read by an earlier model with fewer classes (a stored
 * case) has no probability for the classes added since: they show a dash, not a guess.
 */
export function ProbabilityBars({
  probabilities,
  keyed = false,
  className = '',
}: {
  probabilities: readonly number[];
  keyed?: boolean;
  className?: string;
}) {
  return (
    <ul className={`grid grid-cols-[max-content_1fr_2.5rem] items-center gap-x-2 text-xs ${className}`}>
      {CELL_CLASSES.map((cls, i) => {
        const p = probabilities.at(i);
        return (
          <li key={cls} className="contents">
            <span>
              {keyed && `${i + 1} `}
              {CLASS_NAMES[cls].label}
            </span>
            <span aria-hidden="true" className="h-1.5 rounded-full bg-slate-200 dark:bg-slate-800">
              {p !== undefined && (
                <span
                  className={`block h-full rounded-full ${CLASS_COLOURS[cls].bar}`}
                  style={{ width: formatPercent(p) }}
                />
              )}
            </span>
            <span
              className="text-right tabular-nums"
              title={p === undefined ? 'Not a class of the model that read this cell' : undefined}
            >
              {p === undefined ? '—' : formatPercent(p)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
