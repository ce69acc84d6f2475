import { useEffect, useState } from 'react';
import type { HeatmapLayer } from './heatmap-canvas';
import type { ExplainResult } from '@/worker/worker-api';
import { analysisClient } from '@/lib/worker-client/analysis-client';

/** Maps already asked for, by image, cell and class: toggling or switching back costs nothing. */
const cache = new Map<string, Promise<ExplainResult | undefined>>();
const MAX_CACHED = 1000;

function cellHeatmap(analysisId: string, cellIndex: number, classIndex: number): Promise<ExplainResult | undefined> {
  const key = `${analysisId}/${cellIndex}/${classIndex}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = analysisClient.explainCell(analysisId, cellIndex, classIndex).catch(() => undefined);
    cache.set(key, pending);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return pending;
}

export type HeatmapStatus = 'off' | 'loading' | 'ready' | 'unavailable';

/**
 * The heatmap layers for some cells of an analysed image, each for a chosen class, asked of the
 * worker only while `enabled` (the heatmap is switched on). 'unavailable' when the worker no
 * longer holds the image (it was restarted since).
 */
export function useCellHeatmaps(
  analysisId: string | undefined,
  wanted: readonly { cellIndex: number; classIndex: number }[],
  enabled: boolean,
): { layers: HeatmapLayer[]; status: HeatmapStatus } {
  const key = wanted.map((w) => `${w.cellIndex}:${w.classIndex}`).join(',');
  const [state, setState] = useState<{ key: string; layers: HeatmapLayer[]; status: HeatmapStatus }>({
    key: '',
    layers: [],
    status: 'off',
  });
  const fullKey = `${analysisId}|${key}`;
  useEffect(() => {
    if (!enabled || !analysisId) return;
    let live = true;
    const requests = key
      .split(',')
      .filter(Boolean)
      .map((w) => w.split(':').map(Number));
    void Promise.all(requests.map(([cell, cls]) => cellHeatmap(analysisId, cell, cls))).then((results) => {
      if (!live) return;
      const layers = results.filter((r): r is ExplainResult => r !== undefined);
      setState({ key: fullKey, layers, status: layers.length === results.length ? 'ready' : 'unavailable' });
    });
    return () => {
      live = false;
    };
  }, [analysisId, key, enabled, fullKey]);
  if (!enabled) return { layers: [], status: 'off' };
  if (!analysisId) return { layers: [], status: 'unavailable' };
  return state.key === fullKey ? state : { layers: state.layers, status: 'loading' };
}
