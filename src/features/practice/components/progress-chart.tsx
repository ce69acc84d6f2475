import { CLASS_COLOURS } from '@/components/class-colours';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import type { ProgressPoint } from '@/features/practice/utils/progress';

const WIDTH = 640;
const HEIGHT = 240;
/** Large enough to read when the chart is scaled down to a phone's width. */
const FONT = 16;
const PAD = { left: 52, right: 12, top: 12, bottom: 32 };

/**
 * Share right per class over time, one line per class, a point for each finished session, drill
 * or test that showed that class (in order, evenly spaced: a gap of weeks and one of minutes
 * look alike, which is what a tutor reading progress wants). Inline SVG, drawn in the class
 * colours with each line named in the legend.
 */
export function ProgressChart({ points }: { points: readonly ProgressPoint[] }) {
  const x = (i: number) =>
    PAD.left + (points.length <= 1 ? 0.5 : i / (points.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (share: number) => PAD.top + (1 - share) * (HEIGHT - PAD.top - PAD.bottom);
  const description = CELL_CLASSES.map((cls) => {
    const shown = points.filter((p) => p.perClass[cls].asked > 0);
    if (shown.length === 0) return `${CLASS_NAMES[cls].label}: not yet shown.`;
    const first = shown[0].perClass[cls];
    const last = shown[shown.length - 1].perClass[cls];
    return `${CLASS_NAMES[cls].label}: ${Math.round((100 * first.correct) / first.asked)}% right at first, ${Math.round((100 * last.correct) / last.asked)}% most recently.`;
  }).join(' ');
  return (
    <figure className="flex flex-col gap-2" data-testid="progress-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Share right per class over ${points.length} finished sessions, drills and tests. ${description}`}
        className="w-full max-w-2xl text-slate-500"
      >
        {[0, 0.25, 0.5, 0.75, 1].map((share) => (
          <g key={share}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(share)}
              y2={y(share)}
              stroke="currentColor"
              strokeOpacity={0.25}
            />
            <text x={PAD.left - 6} y={y(share) + 5} textAnchor="end" fontSize={FONT} fill="currentColor">
              {share * 100}%
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} fontSize={FONT} fill="currentColor">
          first
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" fontSize={FONT} fill="currentColor">
          latest
        </text>
        {CELL_CLASSES.map((cls) => {
          const shown = points.map((p, i) => ({ p: p.perClass[cls], i })).filter(({ p }) => p.asked > 0);
          const coords = shown.map(({ p, i }) => [x(i), y(p.correct / p.asked)] as const);
          return (
            <g key={cls} data-class={cls} data-points={coords.length}>
              {coords.length > 1 && (
                <polyline
                  points={coords.map(([cx, cy]) => `${cx},${cy}`).join(' ')}
                  fill="none"
                  stroke={CLASS_COLOURS[cls].stroke}
                  strokeWidth={2}
                />
              )}
              {coords.map(([cx, cy], n) => (
                <circle key={n} cx={cx} cy={cy} r={3.5} fill={CLASS_COLOURS[cls].stroke} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {CELL_CLASSES.map((cls) => (
          <span key={cls} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-2 w-4 rounded"
              style={{ background: CLASS_COLOURS[cls].stroke }}
            />
            {CLASS_NAMES[cls].label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
