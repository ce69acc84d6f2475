import { CELL_CLASSES } from '@/core/model-spec';
import type { ReliabilityBin } from '@/features/model-card/utils/metrics';

const SIZE = 240;

/**
 * Bins drawn: those with predictions, whose mean top probability is a real one. An n-class
 * softmax never puts its top class below 1/n, so a bin there holds the images where no cell was
 * found (scored at confidence 0 by the evaluation), which are not predictions at all.
 */
export function plotted(bins: readonly ReliabilityBin[]): ReliabilityBin[] {
  return bins.filter((b) => b.count > 0 && b.confidence >= 1 / CELL_CLASSES.length);
}
const PAD = 32;

/**
 * Reliability diagram: for each confidence bin, the share of predictions that were right, drawn
 * against the diagonal a perfectly calibrated model follows (see `plotted` for the bins left
 * out); the dot's size grows with the bin's count.
 */
export function ReliabilityDiagram({
  after,
  before,
  label,
}: {
  after: readonly ReliabilityBin[];
  before?: readonly ReliabilityBin[];
  label: string;
}) {
  const x = (v: number) => PAD + v * SIZE;
  const y = (v: number) => PAD + (1 - v) * SIZE;
  const max = Math.max(1, ...after.map((b) => b.count), ...(before ?? []).map((b) => b.count));
  const series = (bins: readonly ReliabilityBin[], colour: string, name: string, dashed: boolean) => {
    const used = plotted(bins);
    return (
      <g data-series={name}>
        <polyline
          fill="none"
          stroke={colour}
          strokeWidth={2}
          strokeDasharray={dashed ? '5 4' : undefined}
          points={used.map((b) => `${x(b.confidence)},${y(b.accuracy)}`).join(' ')}
        />
        {used.map((b) => (
          <circle
            key={b.lower}
            cx={x(b.confidence)}
            cy={y(b.accuracy)}
            r={2 + 5 * Math.sqrt(b.count / max)}
            fill={colour}
          >
            <title>{`${name}: confidence ${Math.round(b.confidence * 100)}%, right ${Math.round(b.accuracy * 100)}% of ${b.count}`}</title>
          </circle>
        ))}
      </g>
    );
  };
  return (
    <figure className="flex flex-col gap-1">
      <svg
        viewBox={`0 0 ${SIZE + 2 * PAD} ${SIZE + 2 * PAD}`}
        className="w-full max-w-xs text-slate-500 dark:text-slate-400"
        role="img"
        aria-label={label}
        data-testid="reliability"
      >
        <rect x={PAD} y={PAD} width={SIZE} height={SIZE} fill="none" stroke="currentColor" strokeWidth={1} />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="currentColor" strokeDasharray="2 3" />
        {[0, 0.5, 1].map((t) => (
          <g key={t} fontSize={10} fill="currentColor">
            <text x={x(t)} y={PAD + SIZE + 14} textAnchor="middle">{`${t * 100}%`}</text>
            <text x={PAD - 4} y={y(t) + 3} textAnchor="end">{`${t * 100}%`}</text>
          </g>
        ))}
        <text x={PAD + SIZE / 2} y={SIZE + 2 * PAD - 2} textAnchor="middle" fontSize={11} fill="currentColor">
          Confidence
        </text>
        <text
          x={10}
          y={PAD + SIZE / 2}
          textAnchor="middle"
          fontSize={11}
          fill="currentColor"
          transform={`rotate(-90 10 ${PAD + SIZE / 2})`}
        >
          Share right
        </text>
        {before && series(before, '#ea580c', 'Before temperature scaling', true)}
        {series(after, '#2563eb', 'After temperature scaling', false)}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-300">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 bg-blue-600 align-middle" />
          After temperature scaling
        </span>
        {before && (
          <span>
            <span
              aria-hidden="true"
              className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed border-orange-600 align-middle"
            />
            Before
          </span>
        )}
        <span>Diagonal: perfectly calibrated. Images without a cell found are left out.</span>
      </figcaption>
    </figure>
  );
}
