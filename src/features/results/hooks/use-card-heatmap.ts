import { useMemo, useState } from 'react';
import type { HeatmapLayer } from '../../../components/heatmap-canvas';
import { CELL_CLASSES } from '../../../core/model-spec';
import type { DoneOutcome } from '../stores/results-store';

/**
 * A card's heatmap state: shown or not, opacity, and per cell which class's map is drawn
 * (undefined = the predicted class). The maps came with the result, so nothing is recomputed.
 */
export function useCardHeatmap(result: DoneOutcome | undefined) {
  const [visible, setVisible] = useState(false);
  const [opacity, setOpacity] = useState(0.6);
  const [chosen, setChosen] = useState<Record<number, number | undefined>>({});
  const layers = useMemo<HeatmapLayer[]>(() => {
    if (!result?.heatmaps) return [];
    return result.heatmaps.map((h, i) => {
      const cls = chosen[i] ?? CELL_CLASSES.indexOf(result.cells[i].predicted);
      return { region: h.region, side: h.side, map: h.maps[cls] };
    });
  }, [result, chosen]);
  const classOf = (cell: number) =>
    chosen[cell] ?? CELL_CLASSES.indexOf(result?.cells[cell]?.predicted ?? CELL_CLASSES[0]);
  const choose = (cell: number, cls: number) => setChosen((c) => ({ ...c, [cell]: cls }));
  return { visible, setVisible, opacity, setOpacity, layers, classOf, choose };
}
