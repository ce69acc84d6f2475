import { useRef, useState, type PointerEvent } from 'react';
import type { Box } from '@/core/rgba-image';

/** The smallest box taken as a cell, in the image's pixels: smaller drags are clicks. */
const MIN_SIDE = 8;

/**
 * A layer over an image on which a drag draws a box, in the image's own pixels whatever the zoom:
 * the pointer is read against the layer's on-screen rectangle, which the zoom transforms too.
 */
export function BoxDrawing({ width, height, onDrawn }: { width: number; height: number; onDrawn: (box: Box) => void }) {
  const [box, setBox] = useState<Box>();
  const from = useRef<{ x: number; y: number } | undefined>(undefined);
  const at = (e: PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: Math.min(width, Math.max(0, ((e.clientX - r.left) / r.width) * width)),
      y: Math.min(height, Math.max(0, ((e.clientY - r.top) / r.height) * height)),
    };
  };
  const spanned = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  });
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className="absolute inset-0 h-full w-full cursor-crosshair"
      aria-hidden="true"
      data-testid="box-drawing"
      onPointerDown={(e) => {
        if (!e.isPrimary) return;
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        from.current = at(e);
        setBox({ ...from.current, width: 0, height: 0 });
      }}
      onPointerMove={(e) => {
        if (from.current && e.isPrimary) setBox(spanned(from.current, at(e)));
      }}
      onPointerUp={(e) => {
        if (!from.current || !e.isPrimary) return;
        const drawn = spanned(from.current, at(e));
        from.current = undefined;
        setBox(undefined);
        if (drawn.width >= MIN_SIDE && drawn.height >= MIN_SIDE) onDrawn(drawn);
      }}
      onPointerCancel={() => {
        from.current = undefined;
        setBox(undefined);
      }}
    >
      {box && (
        <rect
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          fill="rgba(250, 204, 21, 0.15)"
          stroke="#facc15"
          strokeWidth={3}
          strokeDasharray="6 4"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
