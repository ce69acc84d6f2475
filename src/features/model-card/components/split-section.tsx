import { dec, pct, type LabMetrics } from '@/features/model-card/utils/metrics';
import { CalibratedFigures } from './calibrated-figures';
import { ClassTable } from './class-table';
import { ConfusionGrid } from './confusion-grid';
import { FalseCallFigures } from './false-calls';
import { Figure, FigureGrid } from './figure';
import { ReliabilityDiagram } from './reliability-diagram';

/** Everything measured on one image set: headline figures, per-class table, confusions, calibration. */
export function SplitSection({
  id,
  title,
  intro,
  split,
  falseCallTarget,
}: {
  id: string;
  title: string;
  intro: string;
  split: LabMetrics;
  /** The most of a lab's cells that may be called a class it holds none of. */
  falseCallTarget?: number;
}) {
  const [lo, hi] = split.accuracyCI95;
  const basis = split.accuracyCI95By;
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`split-${id}`} className="flex flex-col gap-4">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {intro} {split.images} images ({split.data}).
        </p>
      </div>
      <FigureGrid>
        <Figure
          label="Accuracy"
          value={pct(split.accuracy)}
          testId="accuracy"
          note={`95% interval ${pct(lo)}–${pct(hi)}${basis?.by === 'source cell' ? `, resampling its ${basis.groups} source cells (over images: ${pct(basis.byImageCI95[0])}–${pct(basis.byImageCI95[1])})` : ''}`}
        />
        <Figure label="Macro F1" value={pct(split.macroF1)} testId="macro-f1" />
        <Figure
          label="Calibration error (ECE)"
          value={dec(split.ece)}
          testId="ece"
          note={
            split.eceBeforeCalibration !== undefined
              ? `before temperature scaling ${dec(split.eceBeforeCalibration)}`
              : undefined
          }
        />
        <Figure
          label="No cell found"
          value={pct(split.noCellFound.length / split.images)}
          testId="no-cell-share"
          note={`${split.noCellFound.length} images`}
        />
      </FigureGrid>
      {split.review && (
        <p className="text-sm" data-testid="review">
          Cells below the review threshold of <strong>{pct(split.review.threshold)}</strong> are flagged:{' '}
          <strong data-testid="review-flagged">{pct(split.review.flaggedShare)}</strong> of these images; the rest are
          right <strong data-testid="review-accuracy">{pct(split.review.accuracyAboveThreshold)}</strong> of the time.
        </p>
      )}
      {split.calibrated && <CalibratedFigures calibrated={split.calibrated} shipped={split.accuracy} />}
      {split.falseCalls && (
        <FalseCallFigures
          falseCalls={split.falseCalls}
          images={split.images}
          target={falseCallTarget}
          calibrated={split.calibrated}
        />
      )}
      <div className="flex flex-wrap items-start gap-8">
        <ClassTable split={split} caption="Per class" />
        <ConfusionGrid split={split} caption="Confusion matrix (rows: true class)" />
        <ReliabilityDiagram
          after={split.reliability}
          before={split.reliabilityBeforeCalibration}
          label={`Reliability diagram for ${title}: share of predictions right against the model's confidence${
            split.reliabilityBeforeCalibration ? ', before and after temperature scaling' : ''
          }. ECE ${dec(split.ece)}.`}
        />
      </div>
    </section>
  );
}
