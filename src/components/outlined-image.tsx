import type { ReactNode } from 'react';
import type { Box } from '../core/rgba-image';
import { BoxOverlay } from './box-overlay';

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
    // Never wider than the image's own pixels: an upscaled crop only looks soft.
    <div
      className="relative w-full overflow-hidden rounded-md bg-slate-100 dark:bg-slate-800"
      style={{ maxWidth: width }}
    >
      <img src={src} alt={alt} width={width} height={height} className="block h-auto w-full" loading="lazy" />
      {children}
      <BoxOverlay width={width} height={height} boxes={[{ key: 'cell', box, stroke: '#facc15', line: 'outline' }]} />
    </div>
  );
}
