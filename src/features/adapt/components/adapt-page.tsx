import { useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CELL_CLASSES } from '@/core/model-spec';
import { enoughToAdapt, MIN_PER_CLASS } from '@/features/adapt/utils/enough-to-adapt';
import { useAdaptation } from '../hooks/use-adaptation';
import { AdaptationProgressView } from './adaptation-progress';
import { AdaptationProposal } from './adaptation-proposal';
import { AdaptationSummary } from './adaptation-summary';
import { ClassFilePicker } from './class-file-picker';
import { FolderIntake } from './folder-intake';
import { ReviewedCellsIntake } from './reviewed-cells-intake';

/** Adapting the classifier to a lab's own stain and microscope, on this device. */
export function AdaptPage() {
  const { saved, modelVersion, run, adapt, adaptOnReviewed, cancel, keep, discard, reset } = useAdaptation();
  const [chosen, setChosen] = useState<File[][]>(CELL_CLASSES.map(() => []));
  const [confirmingDrop, setConfirmingDrop] = useState(false);
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
          re-fits its last layer to them, here in your browser. The images never leave this device; the adapted layer is
          saved in this browser and used for every analysis until you reset it.
        </p>
        <p className="text-slate-600 dark:text-slate-400">
          Choose at least {MIN_PER_CLASS} images in two classes or more (25 per class is what the Model card&apos;s
          figure for another lab used); classes count alike whatever their number of images. In each image the largest
          white cell found is taken as the labelled one. Adapting starts from the shipped model every time.
        </p>
        <p className="text-slate-600 dark:text-slate-400">
          Before anything is used you see how the adapted model reads your own cells — each cell read by a model adapted
          without it — beside the shipped model on the same cells, and what its review mark then promises: the mark is
          refitted on those held-out cells for the same target as the shipped model&apos;s.
        </p>
      </section>
      <FolderIntake
        onFolder={({ perClass, leftOut }) => {
          setChosen((prev) => prev.map((files, i) => (perClass[i].length > 0 ? perClass[i] : files)));
          setLeftOut(leftOut);
        }}
      />
      {leftOut > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-200" data-testid="adapt-left-out">
          {leftOut} file(s) were not in a folder named after a class and are left out.
        </p>
      )}
      <section className="grid gap-3 sm:grid-cols-2" aria-label="Labelled images per class">
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
        {saved && (
          <Button onClick={() => setConfirmingDrop(true)} disabled={busy} data-testid="adapt-reset">
            Use the shipped model again
          </Button>
        )}
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
        <AdaptationProposal adaptation={run.adaptation} onKeep={() => void keep(run.adaptation)} onDiscard={discard} />
      )}
      <div aria-live="polite" className="text-sm">
        {run.status === 'kept' && (
          <p data-testid="adapt-done">
            Adapted model kept: it reads every analysis from now on.
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
      <ConfirmDialog
        open={confirmingDrop}
        title="Use the shipped model again?"
        confirmLabel="Delete the adaptation"
        onCancel={() => setConfirmingDrop(false)}
        onConfirm={() => {
          setConfirmingDrop(false);
          void reset();
        }}
      >
        The adapted model is deleted from this browser and every analysis from now on is read by the shipped model. To
        use an adaptation again you would adapt again on your labelled images.
      </ConfirmDialog>
      {saved ? (
        <AdaptationSummary saved={saved} modelVersion={modelVersion} />
      ) : (
        <p className="text-sm">In use: the shipped model.</p>
      )}
    </div>
  );
}
