import { formatBytes } from '@/lib/format/numbers';
import { modelVersionLabel } from '@/lib/format/model-version-label';
import { useMetrics } from '../hooks/use-metrics';
import { pct, type ModelMetrics } from '@/features/model-card/utils/metrics';
import { Figure, FigureGrid } from './figure';
import { PlainSummarySection } from './plain-summary-section';
import { ProfileFigures } from './profile-figures';
import type { LabProfile } from '@/lib/storage/adaptation-storage';
import { SplitSection } from './split-section';

/**
 * The model card: what the model is, how well it does on which images, and when not to trust it;
 * with the figures of the lab profile the open case is read by, when it is.
 */
export function ModelCardPage({ caseProfile }: { caseProfile?: LabProfile }) {
  const state = useMetrics();
  if (state.status === 'loading') return <p className="text-sm">Loading the model card…</p>;
  if (state.status === 'error')
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        The model card could not be loaded ({state.message}).
      </p>
    );
  return <ModelCard m={state.metrics} caseProfile={caseProfile} />;
}

function ModelCard({ m, caseProfile }: { m: ModelMetrics; caseProfile?: LabProfile }) {
  return (
    <article className="flex flex-col gap-8" data-testid="model-card" aria-labelledby="model-card-title">
      <header className="flex flex-col gap-2">
        <h2 id="model-card-title" className="text-xl font-semibold">
          Model card
        </h2>
        <PlainSummarySection m={m} />
        <p className="text-sm text-slate-700 dark:text-slate-200">{m.architecture}</p>
        <FigureGrid>
          <Figure label="Model version" value={modelVersionLabel(m.modelVersion)} testId="model-version" />
          <Figure
            label="Download size"
            value={formatBytes(m.modelBytes)}
            testId="model-bytes"
            note={`${m.modelBytes.toLocaleString('en')} bytes`}
          />
          <Figure label="Cost per cell" value={`${m.gflopsPerCell} GFLOPs`} testId="gflops" />
          {m.calibration && (
            <Figure
              label="Temperature"
              value={m.calibration.temperature.toFixed(2)}
              testId="temperature"
              note="fitted on validation only"
            />
          )}
          {m.calibration && (
            <Figure
              label="Review threshold"
              value={pct(m.calibration.reviewThreshold)}
              testId="review-threshold"
              note={reviewNote(m)}
            />
          )}
        </FigureGrid>
        {caseProfile && <ProfileFigures profile={caseProfile} m={m} />}
      </header>
      <SplitSection
        id="test"
        title="Test images of the training lab"
        intro={`${m.test.lab ?? 'Held-out images from the training dataset'}, evaluated once after the model was fixed:`}
        split={m.test}
        falseCallTarget={m.falseCallTarget}
      />
      {m.pbc && (
        <SplitSection
          id="pbc"
          title="The second training lab's held-out cells"
          intro={`${m.pbc.lab ?? 'PBC'}:`}
          split={m.pbc}
          falseCallTarget={m.falseCallTarget}
        />
      )}
      {m.lisc && (
        <SplitSection
          id="lisc"
          title="A lab never seen in training"
          intro={`${m.lisc.lab ?? 'LISC'}: another lab, stain, microscope and camera (zero-shot):`}
          split={m.lisc}
          falseCallTarget={m.falseCallTarget}
        />
      )}
      {m.liscAdapted && (
        <SplitSection
          id="liscAdapted"
          title="That lab, after adapting"
          intro={`The same images after adapting to that lab on the Adapt page's method (${m.liscAdapted.adaptedOn}):`}
          split={m.liscAdapted}
          falseCallTarget={m.falseCallTarget}
        />
      )}
      <section aria-labelledby="finding-title" className="flex flex-col gap-3">
        <h2 id="finding-title" className="text-lg font-semibold">
          Finding cells and saying “no white cell”
        </h2>
        <FigureGrid>
          {typeof m.detection?.recall === 'number' && (
            <Figure
              label="White cells found (recall)"
              value={pct(m.detection.recall)}
              testId="detection-recall"
              note={detectionNote(m)}
            />
          )}
          {typeof m.detection?.precision === 'number' && (
            <Figure
              label="Boxes that are white cells (precision)"
              value={pct(m.detection.precision)}
              testId="detection-precision"
            />
          )}
          {m.noWhiteCell && (
            <>
              <Figure
                label="Images without a white cell rejected"
                value={pct(m.noWhiteCell.negativesRejected)}
                testId="negatives-rejected"
                note={m.noWhiteCell.negativeSet}
              />
              <Figure
                label="Test images wrongly rejected"
                value={pct(m.noWhiteCell.testImagesRejected)}
                testId="test-rejected"
              />
            </>
          )}
          {m.heatmap && (
            <Figure
              label="Heatmap inside the cell's box"
              value={pct(m.heatmap.meanMassInsideBox)}
              testId="heatmap-mass"
              note={`mean share of the map's mass; ${m.heatmap.method ?? ''}`}
            />
          )}
        </FigureGrid>
      </section>
      <section aria-labelledby="data-title" className="flex max-w-3xl flex-col gap-3 text-sm">
        <h2 id="data-title" className="text-lg font-semibold">
          Training data, validation and use
        </h2>
        {m.trainingData && <Para title="Training data" text={m.trainingData} />}
        {m.validation && <Para title="Validation" text={m.validation.method} />}
        {m.intendedUse && <Para title="Intended use" text={m.intendedUse} />}
        {m.limits && (
          <div>
            <h3 className="font-semibold">Known limits</h3>
            <ul className="list-disc pl-5" data-testid="limits">
              {m.limits.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </article>
  );
}

function reviewNote(m: ModelMetrics): string {
  const target = m.calibration?.reviewTarget;
  return typeof target === 'number'
    ? `cells below it are flagged; fitted so that unmarked validation cells of each training lab were right at least ${pct(target)} of the time`
    : 'cells below it are flagged for review';
}

function detectionNote(m: ModelMetrics): string | undefined {
  const d = m.detection;
  if (!d) return undefined;
  return typeof d.whiteCells === 'number'
    ? `${d.whiteCells} annotated white cells in ${d.fields} BCCD fields`
    : undefined;
}

function Para({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <h3 className="font-semibold">{title}</h3>
      <p className="text-slate-700 dark:text-slate-200">{text}</p>
    </div>
  );
}
