import { useEffect, useRef } from 'react';
import { heatmapPixels } from './heatmap-image';

export interface HeatmapLayer {
  /** The crop square the map covers, in the image's pixel units. */
  readonly region: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly side: number;
  readonly map: ArrayLike<number>;
}

/** Pixels of the upscaled map before it is stretched over its region (bilinear again, by the canvas). */
const MAP_PIXELS = 64;
/** The overlay's longest side in canvas pixels: enough for a card, cheap to redraw. */
const MAX_CANVAS_SIDE = 640;

/**
 * Class activation maps drawn over an image, laid absolutely over it in the same box. The canvas
 * is always present (blank when hidden) so that showing and hiding never shifts the layout.
 */
export function HeatmapCanvas({
  width,
  height,
  layers,
  opacity,
  visible,
  label,
}: {
  width: number;
  height: number;
  layers: readonly HeatmapLayer[];
  opacity: number;
  visible: boolean;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scale = Math.min(1, MAX_CANVAS_SIDE / Math.max(width, height));
  const cw = Math.max(1, Math.round(width * scale));
  const ch = Math.max(1, Math.round(height * scale));

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, cw, ch);
    if (!visible) return;
    const tile = new OffscreenCanvas(MAP_PIXELS, MAP_PIXELS);
    const tileCtx = tile.getContext('2d');
    if (!tileCtx) return;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.globalAlpha = opacity;
    for (const layer of layers) {
      tileCtx.putImageData(new ImageData(heatmapPixels(layer.map, layer.side, MAP_PIXELS), MAP_PIXELS), 0, 0);
      const r = layer.region;
      ctx.drawImage(tile, r.x * scale, r.y * scale, r.width * scale, r.height * scale);
    }
    ctx.globalAlpha = 1;
  }, [layers, opacity, visible, cw, ch, scale]);

  return (
    <canvas
      ref={ref}
      width={cw}
      height={ch}
      role="img"
      aria-label={visible ? label : 'Heatmap hidden'}
      data-testid="heatmap-canvas"
      data-visible={visible}
      className="pointer-events-none absolute inset-0 h-full w-full"
    />
  );
}
