import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS } from '@/core/model-spec';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { useCaseStore } from '../stores/case-store';
import { classForKey } from '@/components/class-keys';
import { ClassPicker } from './class-picker';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';
import { GalleryTile, galleryTileId } from './gallery-tile';

const GROUPS: readonly FinalClass[] = [...CELL_CLASSES, NOT_WBC];
const DRAG_TYPE = 'application/x-hematovision-cells';

/** The keys from `a` to `b` in `order`, both included. */
function range(order: readonly string[], a: string, b: string): string[] {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

/**
 * Every cell of the case as a tile, grouped by class with each group's count, as analyser review
 * software shows them. Select tiles (click, Shift+click for a run, Ctrl/Cmd+click to add; the
 * arrows, Shift+arrows and Space from the keyboard), then give them a class by its key, the picker
 * or by dragging them onto another class; Delete removes boxes that are not white cells, Enter
 * or a double click opens the cell on its image.
 */
export function CaseGallery({ cells, onOpen }: { cells: readonly CaseCell[]; onOpen: (c: CaseCell) => void }) {
  const decideMany = useCaseStore((s) => s.decideMany);
  const removeCells = useCaseStore((s) => s.removeCells);
  const groups = useMemo(() => GROUPS.map((g) => ({ cls: g, cells: cells.filter((c) => c.final === g) })), [cells]);
  const order = useMemo(() => groups.flatMap((g) => g.cells.map((c) => c.key)), [groups]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string>();
  const [focusKey, setFocusKey] = useState<string>();
  const [dropTarget, setDropTarget] = useState<FinalClass>();
  const refocus = useRef(false);
  const [, setDecided] = useState(0);
  const selected = useMemo(() => new Set([...picked].filter((k) => order.includes(k))), [picked, order]);
  const current = focusKey && order.includes(focusKey) ? focusKey : order[0];

  // A reclassified tile moves to another group (a new element) once stored: focus follows it there.
  useEffect(() => {
    if (!refocus.current || !current) return;
    refocus.current = false;
    document.getElementById(galleryTileId(current))?.focus();
  });

  const targets = (): string[] => (selected.size > 0 ? [...selected] : current ? [current] : []);
  /** Gives the cells a class (undefined: back to the model's); focus follows once it is stored and shown. */
  const give = (cls: FinalClass | undefined, keys = targets()) =>
    void decideMany(keys, cls).then(() => {
      refocus.current = true;
      setDecided((n) => n + 1);
    });
  const focusTile = (key: string) => {
    setFocusKey(key);
    document.getElementById(galleryTileId(key))?.focus();
  };

  const onClick = (e: MouseEvent, key: string) => {
    setFocusKey(key);
    if (e.shiftKey && anchor) {
      setPicked(new Set([...(e.ctrlKey || e.metaKey ? selected : []), ...range(order, anchor, key)]));
      return;
    }
    setAnchor(key);
    if (e.ctrlKey || e.metaKey) {
      const next = new Set(selected);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      setPicked(next);
    } else setPicked(new Set([key]));
  };

  const onKeyDown = (e: KeyboardEvent, c: CaseCell) => {
    const i = order.indexOf(c.key);
    const to: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowDown: i + 1,
      ArrowLeft: i - 1,
      ArrowUp: i - 1,
      Home: 0,
      End: order.length - 1,
    };
    const cls = e.ctrlKey || e.metaKey || e.altKey ? undefined : classForKey(e.key);
    if (e.key in to) {
      const j = Math.min(order.length - 1, Math.max(0, to[e.key]));
      if (e.shiftKey) setPicked(new Set(range(order, anchor ?? c.key, order[j])));
      else setAnchor(order[j]);
      focusTile(order[j]);
    } else if (e.key === ' ') {
      const next = new Set(selected);
      if (next.has(c.key)) next.delete(c.key);
      else next.add(c.key);
      setPicked(next);
      setAnchor(c.key);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      setPicked(new Set(order));
    } else if (e.key === 'Escape' && selected.size > 0) {
      setPicked(new Set());
    } else if (cls) {
      give(cls);
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'u' || e.key === 'U')) {
      give(undefined);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      removeCells(targets());
      setPicked(new Set());
    } else if (e.key === 'Enter') {
      onOpen(c);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const onDragStart = (e: DragEvent, key: string) => {
    const keys = selected.has(key) ? [...selected] : [key];
    if (!selected.has(key)) setPicked(new Set([key]));
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(keys));
    e.dataTransfer.setData('text/plain', `${keys.length} cell${keys.length === 1 ? '' : 's'}`);
    e.dataTransfer.effectAllowed = 'move';
  };
  const onDrop = (e: DragEvent, cls: FinalClass) => {
    setDropTarget(undefined);
    const data = e.dataTransfer.getData(DRAG_TYPE);
    if (!data) return;
    e.preventDefault();
    give(cls, JSON.parse(data) as string[]);
  };

  if (cells.length === 0) return null;
  const first = [...selected][0] ?? current;
  const firstCell = cells.find((c) => c.key === first);
  return (
    <section aria-labelledby="gallery-heading" className="flex flex-col gap-3" data-testid="case-gallery">
      <h3 id="gallery-heading" tabIndex={-1} className={`text-base font-semibold ${FOCUS_RING}`}>
        Cell gallery
      </h3>
      <div className="flex flex-wrap items-center gap-2" data-testid="gallery-actions">
        <span className="text-sm tabular-nums" aria-live="polite" data-testid="gallery-selected">
          {selected.size} selected
        </span>
        <ClassPicker
          value={selected.size === 1 ? firstCell?.final : undefined}
          label={selected.size > 0 ? `Class of the ${selected.size} selected cells` : 'Class of the current cell'}
          onChange={(v) => give(v)}
          focusable
        />
        <Button onClick={() => firstCell && onOpen(firstCell)} disabled={!firstCell}>
          Open on its image
        </Button>
        <Button onClick={() => setPicked(new Set())} disabled={selected.size === 0} variant="ghost">
          Clear selection
        </Button>
      </div>
      <div
        role="listbox"
        aria-multiselectable="true"
        aria-label="Cells by class"
        aria-describedby="gallery-help"
        className="flex flex-wrap gap-2"
      >
        {groups.map((g) => (
          <div
            key={g.cls}
            role="group"
            aria-label={`${FINAL_STYLE[g.cls].label}: ${g.cells.length}`}
            data-testid="gallery-group"
            data-class={g.cls}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setDropTarget(g.cls);
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(undefined);
            }}
            onDrop={(e) => onDrop(e, g.cls)}
            // An empty class is a small drop target, so that the first cells stay high on the page.
            className={`rounded-lg border ${g.cells.length === 0 ? 'p-1.5' : 'basis-full p-2'} ${
              dropTarget === g.cls
                ? 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40'
                : 'border-slate-200 dark:border-slate-800'
            }`}
          >
            <div
              aria-hidden="true"
              className={`flex items-center gap-2 text-sm font-semibold ${g.cells.length === 0 ? '' : 'mb-2'}`}
              title={g.cells.length === 0 ? 'No cells: drop cells here to give them this class.' : undefined}
            >
              <span className={`rounded px-1.5 py-0.5 ${FINAL_STYLE[g.cls].chip}`}>{FINAL_STYLE[g.cls].label}</span>
              <span className="tabular-nums" data-testid="gallery-count">
                {g.cells.length}
              </span>
              {g.cells.length > 0 && (PER_HUNDRED_WHITE_CELLS as readonly FinalClass[]).includes(g.cls) && (
                <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                  not a white cell: counted per 100 white cells
                </span>
              )}
            </div>
            {g.cells.length > 0 && (
              <div className="flex flex-wrap gap-2">
                {g.cells.map((c) => (
                  <GalleryTile
                    key={c.key}
                    c={c}
                    selected={selected.has(c.key)}
                    current={c.key === current}
                    onClick={(e) => onClick(e, c.key)}
                    onDoubleClick={() => onOpen(c)}
                    onKeyDown={(e) => onKeyDown(e, c)}
                    onFocus={() => setFocusKey(c.key)}
                    onDragStart={(e) => onDragStart(e, c.key)}
                  />
                ))}
              </div>
            )}
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" id="gallery-help">
        Select cells (Shift or Ctrl/Cmd+click, or arrows, Shift+arrows and Space), then press a class's number (
        {CELL_CLASSES.map((c, i) => `${i + 1} ${FINAL_STYLE[c].label}`).join(', ')}; 0 or X not a white cell, U back to
        the model's class), use the picker or drag them onto a class. Delete removes boxes that are not white cells;
        Enter or a double click opens the cell on its image.
      </p>
    </section>
  );
}
