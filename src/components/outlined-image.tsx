import type { ReactNode } from 'react';
import type { Box } from '../core/rgba-image';

/** An image with one cell outlined by a dashed box; `children` are overlays in the same box (a heatmap). */
export function OutlinedImage({
  src,
  width,
  height,
  box,
  alt,
  children,
}: {
  src: string;
  width: number;
  height: number;
  box: Box;
  alt: string;
  children?: ReactNode;
}) {
  return (
    <div className="relative w-full overflow-hidden rounded-md bg-slate-100 dark:bg-slate-800">
      <img src={src} alt={alt} width={width} height={height} className="block h-auto w-full" loading="lazy" />
      {children}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        className="pointer-events-none absolute inset-0 h-full w-full"
        aria-hidden="true"
      >
        <rect
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          fill="none"
          stroke="#facc15"
          strokeWidth={3}
          strokeDasharray="10 6"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </div>
  );
}
