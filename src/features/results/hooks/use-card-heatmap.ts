import { useState } from 'react';
import { CELL_CLASSES } from '@/core/model-spec';
import { useCellHeatmaps } from '@/components/use-cell-heatmaps';
import type { DoneOutcome } from '../stores/results-store';

/**
 * A card's heatmap state: shown or not, opacity, and per cell which class's map is drawn
 * (default: the predicted class). Maps are asked of the worker when the heatmap is switched on.
 */
export function useCardHeatmap(result: DoneOutcome | undefined) {
  const [visible, setVisible] = useState(false);
  const [opacity, setOpacity] = useState(0.6);
  const [chosen, setChosen] = useState<Record<number, number | undefined>>({});
  const classOf = (cell: number) =>
    chosen[cell] ?? CELL_CLASSES.indexOf(result?.cells[cell]?.predicted ?? CELL_CLASSES[0]);
  const wanted = (result?.cells ?? []).map((_, i) => ({ cellIndex: i, classIndex: classOf(i) }));
  const { layers, status } = useCellHeatmaps(result?.analysisId, wanted, visible);
  const choose = (cell: number, cls: number) => setChosen((c) => ({ ...c, [cell]: cls }));
  return { visible, setVisible, opacity, setOpacity, layers, status, classOf, choose };
}
