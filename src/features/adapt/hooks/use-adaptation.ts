import { useCallback, useRef, useState } from 'react';
import { useLoadedModelVersion } from '@/components/use-loaded-model-version';
import type { LabelledFeatures } from '@/core/head-adaptation';
import { labProfiles } from '@/lib/storage/adaptation-storage';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import type { AdaptationProgress, NewAdaptation } from '@/worker/worker-api';

export type AdaptationRun =
  | { readonly status: 'idle' }
  | {
      readonly status: 'adapting';
      readonly startedAt: number;
      readonly progress?: AdaptationProgress;
      /** Estimated from the share done so far and the time it took; absent until a first share is done. */
      readonly msLeft?: number;
      readonly cancelling: boolean;
    }
  /** Made, not yet in use: the user sees its figures and keeps or discards it. */
  | { readonly status: 'proposed'; readonly adaptation: NewAdaptation }
  | { readonly status: 'kept'; readonly name: string; readonly skipped: number; readonly ms: number }
  | { readonly status: 'discarded' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly message: string };

/** Adapting through the analysis client, then keeping the result as a named lab profile or discarding it. */
export function useAdaptation() {
  const [run, setRun] = useState<AdaptationRun>({ status: 'idle' });
  const cancelled = useRef(false);
  // The loaded model's version: a profile made for another version cannot read a case.
  const modelVersion = useLoadedModelVersion();

  const perform = useCallback(
    async (start: (onProgress: (p: AdaptationProgress) => void) => Promise<NewAdaptation>) => {
      cancelled.current = false;
      const startedAt = performance.now();
      setRun({ status: 'adapting', startedAt, cancelling: false });
      const onProgress = (progress: AdaptationProgress) => {
        const elapsed = performance.now() - startedAt;
        const msLeft = progress.fraction > 0.02 ? (elapsed * (1 - progress.fraction)) / progress.fraction : undefined;
        setRun((r) => (r.status === 'adapting' ? { ...r, progress, msLeft } : r));
      };
      try {
        const adaptation = await start(onProgress);
        setRun(cancelled.current ? { status: 'cancelled' } : { status: 'proposed', adaptation });
      } catch (err) {
        setRun(
          cancelled.current
            ? { status: 'cancelled' }
            : { status: 'error', message: err instanceof Error ? err.message : String(err) },
        );
      }
    },
    [],
  );
  const adapt = useCallback(
    (files: { file: File; label: number }[]) => perform((onProgress) => analysisClient.adapt(files, onProgress)),
    [perform],
  );
  const adaptOnReviewed = useCallback(
    (examples: LabelledFeatures[]) =>
      perform((onProgress) => analysisClient.adaptOnReviewedCells(examples, onProgress)),
    [perform],
  );
  const cancel = useCallback(async () => {
    cancelled.current = true;
    setRun((r) => (r.status === 'adapting' ? { ...r, cancelling: true } : r));
    await analysisClient.cancelAdaptation();
  }, []);

  const keep = useCallback(async (adaptation: NewAdaptation, name: string) => {
    const { skipped, ms, ...kept } = adaptation;
    try {
      await labProfiles.save({ ...kept, name });
      setRun({ status: 'kept', name, skipped, ms });
    } catch (err) {
      setRun({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }, []);
  const discard = useCallback(() => setRun({ status: 'discarded' }), []);

  return { modelVersion, run, adapt, adaptOnReviewed, cancel, keep, discard };
}
