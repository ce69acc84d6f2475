import { useEffect } from 'react';
import { useCaseStore } from '../features/case/stores/case-store';
import { useModelStore } from '../features/model/stores/model-store';
import { useResultsStore } from '../features/results/stores/results-store';
import { effectiveModelVersion } from '../lib/effective-model-version';
import { saveToCase } from './case-save-log';

/** Result items already in a case (module-level: StrictMode runs effects twice). */
const taken = new Set<number>();

/**
 * Every analysed image joins the current case (and so the local history), wherever it was
 * dropped; an image that could not be stored is noted for the notice. Restores the stored case first.
 */
export function useCaseIntake(): void {
  useEffect(() => {
    void useCaseStore.getState().restore();
    return useResultsStore.subscribe((s) => {
      for (const it of s.items) {
        const r = it.result;
        if (it.status !== 'done' || !r || taken.has(it.id)) continue;
        taken.add(it.id);
        if (!r.thumbnail || !r.cellImages) continue;
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
        };
        void saveToCase(it.name, () => useCaseStore.getState().addImage(image));
      }
    });
  }, []);
}
