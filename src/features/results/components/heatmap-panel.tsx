import { FOCUS_RING } from '@/components/button';
import { HeatmapControls } from '@/components/heatmap-controls';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import type { DoneOutcome } from '../stores/results-store';
import type { useCardHeatmap } from '../hooks/use-card-heatmap';

/** Under a card's picture: heatmap switch, opacity, and per cell the class whose evidence is shown. */
export function HeatmapPanel({
  result,
  heatmap,
  name,
}: {
  result: DoneOutcome;
  heatmap: ReturnType<typeof useCardHeatmap>;
  name: string;
}) {
  if (!result.analysisId || result.cells.length === 0) return null;
  return (
    <div
      className="flex flex-col gap-1.5 border-t border-slate-200 px-3 py-2 dark:border-slate-800"
      data-testid="heatmap-panel"
      data-heatmap-status={heatmap.status}
    >
      <HeatmapControls
        visible={heatmap.visible}
        opacity={heatmap.opacity}
        onVisible={heatmap.setVisible}
        onOpacity={heatmap.setOpacity}
      />
      {heatmap.status === 'loading' && (
        <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
          Making the heatmap…
        </p>
      )}
      {heatmap.status === 'unavailable' && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-200">
          The heatmap is no longer available for this image (the analysis was restarted): add the image again to see it.
        </p>
      )}
      {heatmap.visible &&
        result.cells.map((cell, i) => (
          <label key={i} className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-200">
            <span>Cell {i + 1}: evidence for</span>
            <select
              value={heatmap.classOf(i)}
              onChange={(e) => heatmap.choose(i, Number(e.target.value))}
              aria-label={`${name}, cell ${i + 1}: class whose heatmap is shown`}
              data-testid="heatmap-class"
              className={`rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
            >
              {CELL_CLASSES.map((cls, k) => (
                <option key={cls} value={k}>
                  {CLASS_NAMES[cls].label}
                  {cls === cell.predicted ? ' (predicted)' : ''}
                </option>
              ))}
            </select>
          </label>
        ))}
    </div>
  );
}
