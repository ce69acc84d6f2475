import { useEffect } from 'react';
import { useCaseStore } from '@/features/case/stores/case-store';
import { useModelStore } from '@/features/model/stores/model-store';
import { useResultsStore } from '@/features/results/stores/results-store';
import { effectiveModelVersion } from '@/lib/format/effective-model-version';
import { choiceOnArrival, settleCaseChoice, useCaseChoice } from '@/app/stores/case-choice-store';
import { saveToCase } from '@/app/stores/case-save-log-store';
import { holdOpenCase, isCaseOpenElsewhere } from '@/app/utils/open-case-lock';
import { takeQueuedHash } from '@/app/utils/add-new-files';
import { openCaseProfile, readForOpenCase } from '@/app/utils/open-case-profile';
import { keptInCase, readBatchWith } from '@/features/results/utils/batch-runner';

/** Result items already in a case (module-level: StrictMode runs effects twice). */
const taken = new Set<number>();

/** Hands every finished analysis not yet in a case to the open case. */
function takeFinished(): void {
  for (const it of useResultsStore.getState().items) {
    const r = it.result;
    if (it.status !== 'done' || !r || taken.has(it.id)) continue;
    taken.add(it.id);
    if (!r.thumbnail || !r.cellImages) {
      keptInCase(it.id);
      continue;
    }
    const model = useModelStore.getState().model;
    const image = {
      name: it.name,
      width: r.width,
      height: r.height,
      analysedAt: Date.now(),
      // The worker names the model that read it: the model state may have changed since.
      modelVersion: r.modelVersion ?? (model.status === 'ready' ? effectiveModelVersion(model.info) : 'unknown'),
      cells: r.cells,
      thumbnail: r.thumbnail,
      cellImages: r.cellImages,
      cellFeatures: r.cellFeatures,
      sha256: takeQueuedHash(it.id),
      cellCrops: r.cellCrops,
    };
    // Until it is stored, the image stays on the unfinished batch's list: a reload before then names it.
    void saveToCase(it.name, async () => {
      await useCaseStore.getState().addImage(await readForOpenCase(image));
      keptInCase(it.id);
    });
  }
}

/**
 * Every analysed image joins the current case (and so the local history), wherever it was
 * dropped; an image that could not be stored is noted for the notice. Restores the stored case
 * first, and on a new visit to a case with cells waits until the user chose to continue it or
 * start a new one.
 */
export function useCaseIntake(): void {
  useEffect(() => {
    // Images dropped anywhere join the open case, so its lab profile reads them.
    readBatchWith(openCaseProfile);
    void useCaseStore
      .getState()
      .restore()
      .then(async () => {
        if (useCaseChoice.getState().state !== 'restoring') return;
        const { meta } = useCaseStore.getState();
        const elsewhere = await isCaseOpenElsewhere(meta.id).catch(() => false);
        useCaseChoice.setState({ state: choiceOnArrival(meta, elsewhere) });
      })
      .catch(settleCaseChoice);
    const settled = () => useCaseChoice.getState().state === 'settled';
    const unsubscribeResults = useResultsStore.subscribe(() => {
      if (settled()) takeFinished();
    });
    const unsubscribeChoice = useCaseChoice.subscribe(() => {
      if (settled()) takeFinished();
    });
    // The case this tab shows, once stored and chosen, is held open for other tabs to see.
    const holdShown = () =>
      holdOpenCase(
        settled() && useCaseStore.getState().meta.imageIds.length > 0 ? useCaseStore.getState().meta.id : undefined,
      );
    const unsubscribeCase = useCaseStore.subscribe(holdShown);
    const unsubscribeHold = useCaseChoice.subscribe(holdShown);
    return () => {
      unsubscribeResults();
      unsubscribeChoice();
      unsubscribeCase();
      unsubscribeHold();
    };
  }, []);
}
