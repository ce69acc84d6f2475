import { useState, type KeyboardEvent } from 'react';
import type { CaseImage } from '../../../lib/case-types';
import { blobUrl } from '../hooks/blob-url';
import type { CaseCell } from '../stores/case-cells';
import { CaseBoxes } from './case-boxes';
import { CellTile, tileId } from './cell-tile';

/**
 * The case's images, each with its cells boxed and listed. The cell list is one tab stop: arrow
 * keys (or Home/End) move between cells, a class's number / 0 / X / U act on the focused one.
 */
export function CaseFields({ images, cells }: { images: readonly CaseImage[]; cells: readonly CaseCell[] }) {
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
      <h3 id="case-fields-heading" className="text-base font-semibold">
        Images and cells
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Select a cell (or its box), then press <kbd>1</kbd> Eosinophil, <kbd>2</kbd> Lymphocyte, <kbd>3</kbd> Monocyte,{' '}
        <kbd>4</kbd> Neutrophil, <kbd>0</kbd> or <kbd>X</kbd> not a white cell, <kbd>U</kbd> back to the model's class;
        arrow keys move between cells.
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
                  <CaseBoxes cells={own} width={image.width} height={image.height} />
                </div>
                <figcaption className="mt-1 truncate text-sm font-medium" title={image.name}>
                  {image.name}
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
                      image={image.cellImages[c.index]}
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
