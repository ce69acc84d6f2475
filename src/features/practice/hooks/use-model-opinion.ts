import { useEffect, useState } from 'react';
import type { AnalysedCell } from '@/core/analyse';
import type { Box } from '@/core/rgba-image';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { practiceImageUrl, type PracticeItem } from '@/lib/network/practice-manifest';

export type ModelOpinion =
  | { status: 'pending' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'done'; cell: AnalysedCell; cellIndex: number; analysisId?: string };

/** One answer per item: the set is fixed, so asking the model twice would give the same thing. */
const opinions = new Map<string, Promise<ModelOpinion>>();

/**
 * What the model makes of a practice item's outlined cell: the image goes through the same
 * worker as dropped files, and the found cell nearest the manifest's box is the one reported.
 * Started when the question appears, so the answer is usually ready when the student has answered.
 */
export function useModelOpinion(item: PracticeItem | undefined): ModelOpinion {
  const [state, setState] = useState<{ id?: string; opinion: ModelOpinion }>({ opinion: { status: 'pending' } });
  useEffect(() => {
    if (!item) return;
    let live = true;
    let pending = opinions.get(item.id);
    if (!pending) {
      pending = askModel(item);
      opinions.set(item.id, pending);
    }
    void pending.then((opinion) => {
      if (opinion.status === 'error') opinions.delete(item.id);
      if (live) setState({ id: item.id, opinion });
    });
    return () => {
      live = false;
    };
  }, [item]);
  return item && state.id === item.id ? state.opinion : { status: 'pending' };
}

async function askModel(item: PracticeItem): Promise<ModelOpinion> {
  try {
    const blob = await (await fetch(practiceImageUrl(item))).blob();
    const outcome = await analysisClient.analyse(new File([blob], item.file, { type: blob.type || 'image/jpeg' }));
    if (outcome.status === 'cancelled') return { status: 'error', message: 'The model was stopped.' };
    if (outcome.status === 'error') return { status: 'error', message: outcome.message };
    URL.revokeObjectURL(outcome.thumbnailUrl);
    if (outcome.cells.length === 0) return { status: 'none' };
    const i = nearest(
      outcome.cells.map((c) => c.box),
      item.box,
    );
    return { status: 'done', cell: outcome.cells[i], cellIndex: i, analysisId: outcome.analysisId };
  } catch (err) {
    return { status: 'error', message: (err as Error).message };
  }
}

function nearest(boxes: readonly Box[], target: Box): number {
  const centre = (b: Box) => [b.x + b.width / 2, b.y + b.height / 2];
  const [tx, ty] = centre(target);
  let best = 0;
  boxes.forEach((b, i) => {
    const [x, y] = centre(b);
    const [bx, by] = centre(boxes[best]);
    if ((x - tx) ** 2 + (y - ty) ** 2 < (bx - tx) ** 2 + (by - ty) ** 2) best = i;
  });
  return best;
}
