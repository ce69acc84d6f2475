import { useCallback, useEffect, useState } from 'react';
import type { LabelledFeatures } from '../../../core/head-adaptation';
import { loadAdaptation } from '../../../lib/adaptation-storage';
import { analysisClient } from '../../../lib/analysis-client';
import type { NewAdaptation, SavedAdaptation } from '../../../worker/worker-api';

export type AdaptationRun =
  | { readonly status: 'idle' }
  | { readonly status: 'adapting' }
  | { readonly status: 'done'; readonly skipped: number; readonly ms: number }
  | { readonly status: 'error'; readonly message: string };

/** The adaptation saved on this device, and adapting or resetting it through the analysis client. */
export function useAdaptation() {
  const [saved, setSaved] = useState<SavedAdaptation | undefined>();
  const [run, setRun] = useState<AdaptationRun>({ status: 'idle' });
  // The loaded model's version: a saved adaptation made for another version is not in use.
  const [modelVersion, setModelVersion] = useState<string | undefined>();
  useEffect(
    () => analysisClient.subscribe((state) => state.status === 'ready' && setModelVersion(state.info.version)),
    [],
  );
  useEffect(() => {
    let live = true;
    loadAdaptation().then((s) => live && setSaved(s));
    return () => {
      live = false;
    };
  }, []);

  const perform = useCallback(async (start: () => Promise<NewAdaptation>) => {
    setRun({ status: 'adapting' });
    try {
      const { skipped, ms, ...result } = await start();
      setSaved(result);
      setRun({ status: 'done', skipped, ms });
    } catch (err) {
      setRun({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }, []);
  const adapt = useCallback(
    (files: { file: File; label: number }[]) => perform(() => analysisClient.adapt(files)),
    [perform],
  );
  const adaptOnReviewed = useCallback(
    (examples: LabelledFeatures[]) => perform(() => analysisClient.adaptOnReviewedCells(examples)),
    [perform],
  );

  const reset = useCallback(async () => {
    await analysisClient.resetAdaptation();
    setSaved(undefined);
    setRun({ status: 'idle' });
  }, []);

  return { saved, modelVersion, run, adapt, adaptOnReviewed, reset };
}
