import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { FOCUS_RING } from '@/components/button';
import { CLASS_NAMES } from '@/core/class-names';
import { formatPercent } from '@/lib/format/numbers';
import { blobUrl } from '@/features/case/utils/blob-url';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';

export const galleryTileId = (key: string) => `gallery-cell-${key.replace(/[^\w-]/g, '_')}`;

/** One cell in the gallery: its picture, number and image, what the model said; selectable and draggable. */
export function GalleryTile({
  c,
  selected,
  current,
  onClick,
  onDoubleClick,
  onKeyDown,
  onFocus,
  onDragStart,
}: {
  c: CaseCell;
  selected: boolean;
  current: boolean;
  onClick: (e: MouseEvent) => void;
  onDoubleClick: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onFocus: () => void;
  onDragStart: (e: DragEvent) => void;
}) {
  const n = c.index + 1;
  const label = `Cell ${n} of ${c.imageName}: ${FINAL_STYLE[c.final].label}${
    c.corrected ? `, model said ${CLASS_NAMES[c.predicted].label}` : ''
  }${c.byHand ? ', added by hand' : ''}${c.cell.needsReview && !c.decided ? ', flagged for review' : ''}`;
  return (
    <div
      id={galleryTileId(c.key)}
      role="option"
      aria-selected={selected}
      aria-label={label}
      tabIndex={current ? 0 : -1}
      draggable
      data-testid="gallery-cell"
      data-key={c.key}
      data-final={c.final}
      data-hand={c.byHand}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onDragStart={onDragStart}
      className={`flex w-24 cursor-pointer flex-col items-center gap-0.5 rounded-md border-2 p-1 text-xs ${FOCUS_RING} ${
        selected
          ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/50'
          : 'border-transparent hover:border-slate-300 dark:hover:border-slate-600'
      }`}
    >
      {c.picture ? (
        <img
          src={blobUrl(c.picture)}
          alt=""
          width={88}
          height={88}
          draggable={false}
          className={`h-[88px] w-[88px] rounded ${c.cell.needsReview && !c.decided ? 'outline-2 outline-amber-500 outline-dashed' : ''}`}
        />
      ) : (
        <div className="h-[88px] w-[88px] rounded bg-slate-200 dark:bg-slate-800" />
      )}
      <span className="flex w-full items-center justify-between gap-1">
        <span className="font-semibold">#{n}</span>
        <span className="tabular-nums">{formatPercent(c.cell.confidence)}</span>
      </span>
      <span className="w-full truncate text-slate-600 dark:text-slate-400" title={c.imageName}>
        {c.byHand ? 'by hand · ' : ''}
        {c.imageName}
      </span>
      {c.corrected && (
        <span className="w-full truncate text-amber-800 dark:text-amber-200">was {CLASS_NAMES[c.predicted].short}</span>
      )}
    </div>
  );
}
