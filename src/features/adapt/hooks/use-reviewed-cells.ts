import { useEffect, useState } from 'react';
import { loadReviewedCells, type ReviewedCells } from '@/lib/storage/reviewed-cells';

/** The cells reviewed in this browser's stored cases that the loaded model can adapt on. */
export function useReviewedCells(modelVersion: string | undefined): ReviewedCells | undefined {
  const [cells, setCells] = useState<ReviewedCells>();
  useEffect(() => {
    if (!modelVersion) return;
    let live = true;
    loadReviewedCells(modelVersion)
      .then((r) => live && setCells(r))
      // No readable case storage (private mode): there is simply nothing to offer.
      .catch(() => live && setCells(undefined));
    return () => {
      live = false;
    };
  }, [modelVersion]);
  return cells;
}
