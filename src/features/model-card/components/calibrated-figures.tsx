import { CLASS_NAMES } from '@/core/class-names';
import type { CellClass } from '@/core/model-spec';
import { pct, type CalibratedMetrics } from '@/features/model-card/utils/metrics';
import { Figure, FigureGrid } from './figure';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** "N 60, L 30, M 6, E 3, B 1, IG 1, NRBC 1": the weights the cases were drawn by, in short names. */
function differentialWords(c: CalibratedMetrics): string {
  if (!c.differential) return 'N 60, L 30, M 6, E 3, B 1';
  return Object.entries(c.differential)
    .map(([cls, w]) => `${CLASS_NAMES[cls as CellClass]?.short ?? cls} ${w}`)
    .join(', ');
}

/** A set's figures once calibrated to a case of its own cells, beside the shipped ones above them. */
export function CalibratedFigures({ calibrated: c, shipped }: { calibrated: CalibratedMetrics; shipped: number }) {
  const accuracies = c.draws.map((d) => d.accuracy);
  const cells = c.draws[0]?.cells ?? 0;
  const change = c.accuracy - shipped;
  return (
    <div className="flex flex-col gap-2" data-testid="calibrated">
      <p className="text-sm">
        Calibrated to a case (no label read):{' '}
        {c.cases === 'all'
          ? 'on all of these cells as one case'
          : `${c.draws.length} cases of ${cells} cells drawn from these images as a typical differential (${differentialWords(c)}, over the classes they hold)`}
        , then every image read again.
      </p>
      <FigureGrid>
        <Figure
          label="Accuracy, calibrated"
          value={pct(c.accuracy)}
          testId="calibrated-accuracy"
          note={`cases ${pct(Math.min(...accuracies))}–${pct(Math.max(...accuracies))}; ${change >= 0 ? '+' : '−'}${(100 * Math.abs(change)).toFixed(1)} points`}
        />
        <Figure label="Macro F1, calibrated" value={pct(c.macroF1)} testId="calibrated-macro-f1" />
        <Figure
          label="Calibration error (ECE)"
          value={mean(c.draws.map((d) => d.ece)).toFixed(3)}
          testId="calibrated-ece"
        />
        <Figure
          label="Unmarked cells right"
          value={pct(mean(c.draws.map((d) => d.review.accuracyAboveThreshold)))}
          testId="calibrated-review-accuracy"
          note={`${pct(mean(c.draws.map((d) => d.review.flaggedShare)))} marked for review`}
        />
      </FigureGrid>
    </div>
  );
}
