import { memo } from 'react';
import { BoxOverlay } from '@/components/box-overlay';
import { HeatmapCanvas } from '@/components/heatmap-canvas';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { useCardHeatmap } from '../hooks/use-card-heatmap';
import type { ResultItem, ViewMode } from '../stores/results-store';
import { CardBody } from './card-body';
import { HeatmapPanel } from './heatmap-panel';

/** One image: thumbnail with its cells boxed, then per cell the class and probabilities, or a message. */
export const ResultCard = memo(function ResultCard({ item, view }: { item: ResultItem; view: ViewMode }) {
  const r = item.result;
  const top = r?.cells[0]?.predicted;
  const heatmap = useCardHeatmap(r);
  return (
    <article
      data-testid="result-card"
      data-name={item.name}
      data-status={item.status}
      data-top-class={top ?? ''}
      aria-label={item.name}
      // Off-screen cards skip layout and paint: a 200-image batch otherwise repaints the whole
      // growing grid on every result (long tasks of 100–250 ms in npm run bench).
      className={`overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm [contain-intrinsic-size:auto_360px] [content-visibility:auto] dark:border-slate-800 dark:bg-slate-900 ${
        view === 'list' ? 'flex flex-col sm:flex-row' : 'flex flex-col'
      }`}
    >
      <div className={`relative bg-slate-100 dark:bg-slate-800 ${view === 'list' ? 'sm:w-56 sm:shrink-0' : ''}`}>
        {r ? (
          <div className="relative">
            <img
              src={r.thumbnailUrl}
              alt={`${item.name}: ${r.cells.length} white cell${r.cells.length === 1 ? '' : 's'} boxed`}
              className="block h-auto w-full"
              width={r.width}
              height={r.height}
            />
            <HeatmapCanvas
              width={r.width}
              height={r.height}
              layers={heatmap.layers}
              opacity={heatmap.opacity}
              visible={heatmap.visible}
              label={`${item.name}: heatmap of where the model found the evidence for each cell's class`}
            />
            <BoxOverlay
              width={r.width}
              height={r.height}
              fontShare={1 / 22}
              boxes={r.cells.map((c, i) => ({
                key: String(i),
                box: c.box,
                stroke: CLASS_COLOURS[c.predicted].stroke,
                line: c.needsReview ? 'review' : c.touchesEdge ? 'edge' : 'solid',
                label: `${i + 1} ${CLASS_NAMES[c.predicted].short}${c.touchesEdge ? ' · cut by edge' : ''}`,
                data: {
                  'data-testid': 'cell-box',
                  'data-box': [c.box.x, c.box.y, c.box.width, c.box.height].map(Math.round).join(','),
                  'data-edge': c.touchesEdge,
                },
              }))}
            />
          </div>
        ) : null}
        {r ? (
          <HeatmapPanel result={r} heatmap={heatmap} name={item.name} />
        ) : (
          <div className="flex aspect-[4/3] items-center justify-center text-sm text-slate-600 dark:text-slate-300">
            {item.status === 'analysing' ? 'Analysing…' : item.status === 'queued' ? 'Waiting…' : 'No preview'}
          </div>
        )}
      </div>
      <CardBody item={item} />
    </article>
  );
});
