import { useEffect, useState } from 'react';
import { loadAdaptation } from '@/lib/storage/adaptation-storage';
import { useModelStore } from '@/features/model/stores/model-store';
import { reviewPromise, type AdaptedReviewFigures, type ReviewPromise } from '@/features/results/utils/review-promise';

/**
 * What the review mark of the model in use promises. The figure of an adapted model lives in its
 * saved record, not in the model's metadata, so it is read from storage whenever the adaptation
 * in use changes.
 */
export function useReviewPromise(): ReviewPromise | undefined {
  const info = useModelStore((s) => (s.model.status === 'ready' ? s.model.info : undefined));
  const adaptationId = info?.adaptationId;
  const [adapted, setAdapted] = useState<{ id: string; figures: AdaptedReviewFigures } | undefined>();
  useEffect(() => {
    if (!adaptationId) return;
    let live = true;
    void loadAdaptation().then((saved) => {
      if (live && saved?.id === adaptationId) setAdapted({ id: saved.id, figures: saved.adapted });
    });
    return () => {
      live = false;
    };
  }, [adaptationId]);
  if (!info) return undefined;
  if (!adaptationId) return reviewPromise(info);
  // Until the record is read, say the shipped figure rather than nothing.
  return reviewPromise(info, adapted?.id === adaptationId ? adapted.figures : {});
}
