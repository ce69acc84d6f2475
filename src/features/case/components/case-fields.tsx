import { useState, type KeyboardEvent } from 'react';
import { BoxOverlay } from '@/components/box-overlay';
import { Button, FOCUS_RING } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import type { CaseImage } from '@/lib/storage/case-types';
import { blobUrl } from '@/features/case/utils/blob-url';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { CellTile, tileId } from './cell-tile';
import { caseCellBox } from '@/features/case/utils/case-cell-box';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';

/**
 * The case's images, each with its cells boxed and listed. The cell list is one tab stop: arrow
 * keys (or Home/End) move between cells, a class's number / 0 / X / U act on the focused one.
 */
export function CaseFields({
  images,
  cells,
  onOpen,
}: {
  images: readonly CaseImage[];
  cells: readonly CaseCell[];
  /** Opens the image large, to zoom, draw a missed cell or remove a box. */
  onOpen: (image: CaseImage) => void;
}) {
  const [activeKey, setActiveKey] = useState<string>();
  const active = cells.some((c) => c.key === activeKey) ? activeKey : cells[0]?.key;
  const move = (e: KeyboardEvent, from: string) => {
    const i = cells.findIndex((c) => c.key === from);
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? i + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? cells.length - 1
              : undefined;
    if (to === undefined || to < 0 || to >= cells.length) return;
    e.preventDefault();
    document.getElementById(tileId(cells[to].key))?.focus();
  };
  if (images.length === 0) return null;
  return (
    <section aria-labelledby="case-fields-heading" className="flex flex-col gap-3">
      <h3 id="case-fields-heading" tabIndex={-1} className={`text-base font-semibold ${FOCUS_RING}`}>
        Images and cells
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Select a cell (or its box), then press{' '}
        {CELL_CLASSES.map((c, i) => (
          <span key={c}>
            <kbd>{i + 1}</kbd> {FINAL_STYLE[c].label},{' '}
          </span>
        ))}
        <kbd>0</kbd> or <kbd>X</kbd> not a white cell, <kbd>U</kbd> back to the model's class; arrow keys move between
        cells. Open an image to zoom, box a cell the finder missed or remove a box.
      </p>
      <ul className="flex flex-col gap-4">
        {images.map((image) => {
          const own = cells.filter((c) => c.imageId === image.id);
          return (
            <li
              key={image.id}
              data-testid="case-image"
              data-name={image.name}
              className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 md:flex-row dark:border-slate-800 dark:bg-slate-900"
            >
              <figure className="md:w-80 md:shrink-0">
                <div className="relative">
                  <img
                    src={blobUrl(image.thumbnail)}
                    alt={`${image.name}: ${own.length} white cell${own.length === 1 ? '' : 's'} boxed`}
                    width={image.width}
                    height={image.height}
                    className="block h-auto w-full rounded"
                  />
                  <BoxOverlay
                    width={image.width}
                    height={image.height}
                    boxes={own.map((c) => ({
                      ...caseCellBox(c, c.cell.touchesEdge ? ' · cut by edge' : ''),
                      data: {
                        'data-testid': 'case-box',
                        'data-final': c.final,
                        'data-edge': c.cell.touchesEdge,
                        'data-hand': c.byHand,
                      },
                      onSelect: () => document.getElementById(tileId(c.key))?.focus(),
                    }))}
                  />
                </div>
                <figcaption className="mt-1 flex items-center justify-between gap-2 text-sm font-medium">
                  <span className="truncate" title={image.name}>
                    {image.name}
                  </span>
                  <Button className="shrink-0" onClick={() => onOpen(image)} aria-label={`Open ${image.name} large`}>
                    Open
                  </Button>
                </figcaption>
              </figure>
              {own.length === 0 ? (
                <p className="text-sm">No white blood cell found.</p>
              ) : (
                <ol aria-label={`Cells of ${image.name}`} className="grid flex-1 content-start gap-2 lg:grid-cols-2">
                  {own.map((c) => (
                    <CellTile
                      key={c.key}
                      c={c}
                      image={c.picture}
                      active={c.key === active}
                      onFocus={() => setActiveKey(c.key)}
                      onKeyDown={(e) => move(e, c.key)}
                    />
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
