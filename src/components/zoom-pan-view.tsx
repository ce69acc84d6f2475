import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { FOCUS_RING } from './button';

export const MIN_SCALE = 1;
export const MAX_SCALE = 8;
const KEY_ZOOM = 1.25;
/** Share of the view an arrow key moves the picture. */
const KEY_PAN = 0.1;

/** Scale, and the content's offset in the viewport's pixels (the content is drawn at the viewport's size). */
export interface ZoomState {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Keeps the content over the whole viewport: at scale s it may move by up to (s − 1) × the viewport. */
export function clampView(v: ZoomState, width: number, height: number): ZoomState {
  const scale = clampScale(v.scale);
  return {
    scale,
    x: Math.min(0, Math.max(width * (1 - scale), v.x)),
    y: Math.min(0, Math.max(height * (1 - scale), v.y)),
  };
}

/** Scales by `factor` about the viewport point (px, py), which stays where it is. */
export function zoomAbout(v: ZoomState, factor: number, px: number, py: number): ZoomState {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
}

/**
 * A picture that zooms and pans: the wheel zooms about the pointer, two fingers pinch, one drags
 * (when `pan`), and with the viewport focused + and − zoom, 0 fits, the arrows pan. The content is
 * drawn at the viewport's size and transformed, so overlays in it (boxes) follow.
 * `focus` opens it zoomed onto a point given as shares of the content's width and height.
 */
export function ZoomPanView({
  aspect,
  label,
  pan = true,
  focus,
  maxHeight = '70vh',
  children,
}: {
  /** Width over height of the content. */
  aspect: number;
  label: string;
  pan?: boolean;
  focus?: { x: number; y: number; scale: number };
  maxHeight?: string;
  children: ReactNode;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ZoomState>({ scale: 1, x: 0, y: 0 });
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const size = () => {
    const r = viewport.current?.getBoundingClientRect();
    return { w: r?.width ?? 0, h: r?.height ?? 0, left: r?.left ?? 0, top: r?.top ?? 0 };
  };
  const update = useCallback((next: (v: ZoomState) => ZoomState) => {
    const r = viewport.current?.getBoundingClientRect();
    setView((v) => clampView(next(v), r?.width ?? 0, r?.height ?? 0));
  }, []);

  useEffect(() => {
    if (!focus) return;
    const { w, h } = size();
    update(() => ({ scale: focus.scale, x: w / 2 - focus.x * w * focus.scale, y: h / 2 - focus.y * h * focus.scale }));
  }, [focus, update]);

  // A wheel listener that may cancel the page's scroll must not be passive, which React's is.
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      update((v) => zoomAbout(v, Math.exp(-e.deltaY * 0.002), e.clientX - r.left, e.clientY - r.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [update]);

  const onPointerDown = (e: PointerEvent) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 2 || pan) e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const before = pointers.current.get(e.pointerId);
    if (!before) return;
    const others = [...pointers.current].filter(([id]) => id !== e.pointerId).map(([, p]) => p);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (others.length === 1) {
      // Pinch: the distance between the fingers sets the scale, their midpoint moves the picture.
      const other = others[0];
      const d0 = Math.hypot(before.x - other.x, before.y - other.y);
      const d1 = Math.hypot(e.clientX - other.x, e.clientY - other.y);
      if (d0 < 1) return;
      const { left, top } = size();
      const mx = (e.clientX + other.x) / 2 - left;
      const my = (e.clientY + other.y) / 2 - top;
      const dx = (e.clientX - before.x) / 2;
      const dy = (e.clientY - before.y) / 2;
      update((v) => zoomAbout({ ...v, x: v.x + dx, y: v.y + dy }, d1 / d0, mx, my));
    } else if (others.length === 0 && pan) {
      update((v) => ({ ...v, x: v.x + e.clientX - before.x, y: v.y + e.clientY - before.y }));
    }
  };
  const onPointerEnd = (e: PointerEvent) => {
    pointers.current.delete(e.pointerId);
  };
  const zoomCentre = (factor: number) => {
    const { w, h } = size();
    update((v) => zoomAbout(v, factor, w / 2, h / 2));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const { w, h } = size();
    const moves: Record<string, () => void> = {
      '+': () => zoomCentre(KEY_ZOOM),
      '=': () => zoomCentre(KEY_ZOOM),
      '-': () => zoomCentre(1 / KEY_ZOOM),
      _: () => zoomCentre(1 / KEY_ZOOM),
      '0': () => update(() => ({ scale: 1, x: 0, y: 0 })),
      ArrowLeft: () => update((v) => ({ ...v, x: v.x + w * KEY_PAN })),
      ArrowRight: () => update((v) => ({ ...v, x: v.x - w * KEY_PAN })),
      ArrowUp: () => update((v) => ({ ...v, y: v.y + h * KEY_PAN })),
      ArrowDown: () => update((v) => ({ ...v, y: v.y - h * KEY_PAN })),
    };
    const move = moves[e.key];
    if (!move || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    move();
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <ZoomButton label="Zoom in" onClick={() => zoomCentre(KEY_ZOOM)} disabled={view.scale >= MAX_SCALE}>
          +
        </ZoomButton>
        <ZoomButton label="Zoom out" onClick={() => zoomCentre(1 / KEY_ZOOM)} disabled={view.scale <= MIN_SCALE}>
          −
        </ZoomButton>
        <ZoomButton
          label="Fit to view"
          onClick={() => update(() => ({ scale: 1, x: 0, y: 0 }))}
          disabled={view.scale === 1}
        >
          Fit
        </ZoomButton>
        <span className="tabular-nums" data-testid="zoom-level" aria-live="polite">
          {Math.round(view.scale * 100)} %
        </span>
      </div>
      <div
        ref={viewport}
        tabIndex={0}
        role="group"
        aria-roledescription="zoomable image"
        aria-label={`${label}. Plus and minus zoom, 0 fits, arrow keys move.`}
        aria-keyshortcuts="+ - 0 ArrowLeft ArrowRight ArrowUp ArrowDown"
        data-testid="zoom-view"
        data-scale={view.scale.toFixed(3)}
        data-x={view.x.toFixed(1)}
        data-y={view.y.toFixed(1)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        className={`relative mx-auto max-w-full touch-none overflow-hidden rounded-md bg-slate-900 select-none ${
          pan ? 'cursor-grab' : 'cursor-crosshair'
        } ${FOCUS_RING}`}
        style={{ aspectRatio: String(aspect), width: `min(100%, calc(${maxHeight} * ${aspect}))` }}
      >
        <div
          className="absolute inset-0 origin-top-left"
          data-testid="zoom-content"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        >
          {children}
        </div>
      </div>
    </div>
  );
}

function ZoomButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={`min-w-9 rounded-md border border-slate-300 bg-white px-2 py-1 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 ${FOCUS_RING}`}
    >
      {children}
    </button>
  );
}
