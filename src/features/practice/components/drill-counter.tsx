import { useCallback, useRef } from 'react';
import { Button } from '@/components/button';
import { OutlinedImage } from '@/components/outlined-image';
import type { CellClass } from '@/core/model-spec';
import { useKeepInViewOnPhone } from '../hooks/use-keep-in-view-on-phone';
import { useDrillStore } from '../stores/drill-store';
import { TallyButtons } from './tally-buttons';

/** The drill under way: the cell to tally, outlined in its field, the counter, undo. No answer is shown until the end. */
export function DrillCounter() {
  const { seed, cells, tallies, tally, undo, abandon } = useDrillStore();
  const onTally = useCallback((cls: CellClass) => void tally(cls), [tally]);
  const onUndo = useCallback(() => void undo(), [undo]);
  const cell = cells[tallies.length];
  const section = useRef<HTMLElement>(null);
  useKeepInViewOnPhone(section, cell?.id);
  if (!cell) return null;
  return (
    <section
      ref={section}
      aria-labelledby="drill-counter-title"
      className="flex flex-col gap-3"
      data-testid="drill-counter"
      data-cell-id={cell.id}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="drill-counter-title" className="text-lg font-semibold" data-testid="drill-position">
          Cell {tallies.length + 1} of {cells.length}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Drill <span className="font-mono">{seed}</span>
        </p>
        <Button variant="ghost" onClick={() => void abandon()} data-testid="stop-drill">
          Stop the drill
        </Button>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        {/* On a phone the image keeps to a third of the screen's height, leaving the counter in view. */}
        <div className="mx-auto w-full max-w-[36svh] sm:max-w-none">
          <OutlinedImage
            key={cell.url}
            src={cell.url}
            width={cell.width}
            height={cell.height}
            box={cell.box}
            alt={
              cell.wholeField
                ? 'A smear field with the cell to tally outlined by a dashed yellow box'
                : 'A cell to tally, outlined by a dashed yellow box'
            }
          />
        </div>
        <TallyButtons tallies={tallies} onTally={onTally} onUndo={onUndo} />
      </div>
    </section>
  );
}
