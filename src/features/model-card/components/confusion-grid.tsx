import { CLASS_NAMES } from '@/core/class-names';
import type { SplitMetrics } from '@/features/model-card/utils/metrics';

const BLUE = ['bg-blue-100', 'bg-blue-200', 'bg-blue-300', 'bg-blue-700', 'bg-blue-800'];
const ORANGE = ['bg-orange-100', 'bg-orange-200', 'bg-orange-300', 'bg-orange-700', 'bg-orange-800'];

/** Opaque steps (text colour set with each) so the numbers keep their contrast in light and dark mode. */
function shade(share: number, diagonal: boolean): string {
  if (share === 0) return '';
  const step = share < 0.1 ? 0 : share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4;
  return `${(diagonal ? BLUE : ORANGE)[step]} ${step >= 3 ? 'text-white' : 'text-slate-900'}`;
}

/**
 * The confusion matrix as a real table whose cells are shaded in steps by their share of the row (the
 * true class): the diagonal in blue, mistakes in orange, so the eye finds the confusions; every
 * cell also carries its count and row share as text.
 */
export function ConfusionGrid({ split, caption }: { split: SplitMetrics; caption: string }) {
  return (
    <table className="text-sm tabular-nums" data-testid="confusion">
      <caption className="mb-1 text-left text-sm font-semibold">{caption}</caption>
      <thead>
        <tr>
          <td />
          <th
            scope="col"
            colSpan={split.classes.length}
            className="pb-1 text-center text-xs font-medium text-slate-600 dark:text-slate-300"
          >
            Predicted
          </th>
        </tr>
        <tr>
          <th scope="col" className="pr-2 text-left text-xs font-medium text-slate-600 dark:text-slate-300">
            True
          </th>
          {split.classes.map((cls) => (
            <th key={cls} scope="col" className="px-1 text-xs font-medium">
              {CLASS_NAMES[cls].short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {split.confusion.map((row, r) => {
          const total = row.reduce((a, b) => a + b, 0) || 1;
          return (
            <tr key={split.classes[r]}>
              <th scope="row" className="pr-2 text-left text-xs font-medium">
                {CLASS_NAMES[split.classes[r]].label}
              </th>
              {row.map((n, c) => {
                const share = n / total;
                return (
                  <td
                    key={c}
                    data-testid="confusion-cell"
                    title={`${CLASS_NAMES[split.classes[r]].label} predicted as ${CLASS_NAMES[split.classes[c]].label}: ${n} (${Math.round(share * 100)}% of the row)`}
                    className={`h-11 w-14 border border-white text-center dark:border-slate-950 ${shade(share, r === c)}`}
                  >
                    {n}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
