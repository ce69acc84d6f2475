import { useState } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { enoughToAdapt, MIN_PER_CLASS } from '@/features/adapt/utils/enough-to-adapt';
import { useAdaptation } from '../hooks/use-adaptation';
import { AdaptationProgressView } from './adaptation-progress';
import { AdaptationProposal } from './adaptation-proposal';
import { ClassFilePicker } from './class-file-picker';
import { FolderIntake } from './folder-intake';
import { LabProfileList } from './lab-profile-list';
import { ReviewedCellsIntake } from './reviewed-cells-intake';

/** Adapting the classifier to a lab's own stain and microscope, on this device, kept as named lab profiles. */
export function AdaptPage() {
  const { modelVersion, run, adapt, adaptOnReviewed, cancel, keep, discard } = useAdaptation();
  const [chosen, setChosen] = useState<File[][]>(CELL_CLASSES.map(() => []));
  const busy = run.status === 'adapting' || run.status === 'proposed';
  const [leftOut, setLeftOut] = useState(0);
  const enough = enoughToAdapt(chosen.map((f) => f.length));
  const labelled = chosen.flatMap((files, label) => files.map((file) => ({ file, label })));
  return (
    <div className="flex max-w-3xl flex-col gap-6" data-testid="adapt-page">
      <section className="flex flex-col gap-2 text-sm">
        <h2 className="text-lg font-semibold">Adapt the model to your lab</h2>
        <p>
          Stains and microscopes differ. Give the model some images your lab has labelled — one white cell each — and it
          learns your lab&apos;s look, here in your browser; the images never leave this device. You see how well it
          then reads your own cells, and keep it as a <strong>lab profile</strong> under a name of your choosing.
        </p>
        <p>
          A case is read by one profile or by the shipped model: you choose at the top of the case, and switching keeps
          your decisions. Practice and the atlas always use the shipped model.
        </p>
        <p className="text-slate-600 dark:text-slate-400">
          Choose at least {MIN_PER_CLASS} images of two cell types or more; about 25 of each type is what the Model
          card&apos;s figure for another lab used.
        </p>
        <details className="text-slate-600 dark:text-slate-400">
          <summary className={`cursor-pointer ${FOCUS_RING}`}>How adapting works</summary>
          <div className="mt-2 flex flex-col gap-2">
            <p>
              The model re-fits its last layer to your cells, starting from the shipped model every time; cell types
              count alike whatever their number of images. In each image the largest white cell found is taken as the
              labelled one.
            </p>
            <p>
              Before anything is kept you see how the adapted model reads your own cells — each cell read by a model
              adapted without it — beside the shipped model on the same cells. Its confidence (the temperature) and its
              review mark are refitted on those held-out cells, for the same target as the shipped model&apos;s.
            </p>
          </div>
        </details>
      </section>
      <FolderIntake
        onFolder={({ perClass, leftOut }) => {
          setChosen((prev) => prev.map((files, i) => (perClass[i].length > 0 ? perClass[i] : files)));
          setLeftOut(leftOut);
        }}
      />
      {leftOut > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-200" data-testid="adapt-left-out">
          {leftOut} file(s) were not in a folder named after a cell type and are left out.
        </p>
      )}
      <section className="grid gap-3 sm:grid-cols-2" aria-label="Labelled images per cell type">
        {CELL_CLASSES.map((c, i) => (
          <ClassFilePicker
            key={c}
            name={c}
            files={chosen[i]}
            onChange={(files) => setChosen((prev) => prev.map((f, j) => (j === i ? files : f)))}
          />
        ))}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="primary"
          disabled={!enough || busy}
          onClick={() => void adapt(labelled)}
          data-testid="adapt-run"
        >
          {run.status === 'adapting' ? 'Adapting…' : `Adapt on ${labelled.length} images`}
        </Button>
      </div>
      <ReviewedCellsIntake
        modelVersion={modelVersion}
        busy={busy}
        onAdapt={(examples) => void adaptOnReviewed(examples)}
      />
      {run.status === 'adapting' && (
        <AdaptationProgressView
          progress={run.progress}
          msLeft={run.msLeft}
          cancelling={run.cancelling}
          onCancel={() => void cancel()}
        />
      )}
      {run.status === 'proposed' && (
        <AdaptationProposal
          adaptation={run.adaptation}
          onKeep={(name) => void keep(run.adaptation, name)}
          onDiscard={discard}
        />
      )}
      <div aria-live="polite" className="text-sm">
        {run.status === 'kept' && (
          <p data-testid="adapt-done">
            Kept as the lab profile “{run.name}”. Choose it at the top of a case to read that case with it.
            {run.skipped > 0 && ` ${run.skipped} image(s) were skipped: no white cell found or not readable.`}
          </p>
        )}
        {run.status === 'discarded' && <p data-testid="adapt-discarded">Discarded: nothing was saved.</p>}
        {run.status === 'cancelled' && <p data-testid="adapt-cancelled">Adapting was cancelled: nothing was saved.</p>}
        {run.status === 'error' && (
          <p role="alert" className="text-red-800 dark:text-red-200">
            Not adapted: {run.message}
          </p>
        )}
      </div>
      <LabProfileList modelVersion={modelVersion} />
    </div>
  );
}
