import type { ReactNode } from 'react';
import type { Box } from '../core/rgba-image';

/** How a box's line is drawn: dashed for review, dotted when cut by the edge, long dashes to point one cell out. */
export type BoxLine = 'solid' | 'review' | 'edge' | 'outline';

const DASH: Record<BoxLine, string | undefined> = { solid: undefined, review: '8 5', edge: '2 4', outline: '10 6' };

export interface OverlayBox {
  readonly key: string;
  /** In the image's own pixels: the viewBox scales them. */
  readonly box: Box;
  readonly stroke: string;
  readonly label?: string;
  readonly line?: BoxLine;
  /** Drawn thicker, with a light halo: the box the user is working on. */
  readonly selected?: boolean;
  /** data-* attributes for the box's group (tests and styling read them). */
  readonly data?: Readonly<Record<`data-${string}`, string | number | boolean>>;
  readonly onSelect?: () => void;
}

/** A label's width in font sizes, for bold digits and capitals: enough to keep it inside the image. */
const CHAR_WIDTH = 0.62;

/**
 * Boxes over an image, in the image's pixel coordinates, each with its label: the one overlay the
 * result cards, the case and the single-cell views share. A label sits above its box, or inside it
 * when the box meets the top, and is moved left so that it never runs past the image's right edge.
 * `children` are drawn on top in the same coordinates (a box being drawn).
 */
export function BoxOverlay({
  width,
  height,
  boxes,
  fontShare = 1 / 24,
  className = '',
  children,
}: {
  width: number;
  height: number;
  boxes: readonly OverlayBox[];
  /** Label size as a share of the image's longer side. */
  fontShare?: number;
  className?: string;
  children?: ReactNode;
}) {
  const fontSize = Math.max(width, height) * fontShare;
  const clickable = boxes.some((b) => b.onSelect);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className={`absolute inset-0 h-full w-full ${clickable || children ? '' : 'pointer-events-none'} ${className}`}
      aria-hidden="true"
    >
      {boxes.map((b) => {
        const { x, y, width: w, height: h } = b.box;
        const labelWidth = (b.label?.length ?? 0) * fontSize * CHAR_WIDTH;
        const labelX = Math.max(0, Math.min(x + fontSize * 0.2, width - labelWidth));
        const labelY = y >= fontSize * 1.1 ? y - fontSize * 0.25 : Math.min(y + fontSize, height - fontSize * 0.2);
        return (
          <g key={b.key} {...b.data} className={b.onSelect ? 'cursor-pointer' : undefined} onClick={b.onSelect}>
            {b.selected && (
              <rect
                x={x}
                y={y}
                width={w}
                height={h}
                fill="none"
                stroke="#fff"
                strokeWidth={7}
                vectorEffect="non-scaling-stroke"
              />
            )}
            <rect
              x={x}
              y={y}
              width={w}
              height={h}
              fill="transparent"
              stroke={b.stroke}
              strokeWidth={b.selected ? 4 : 3}
              strokeDasharray={DASH[b.line ?? 'solid']}
              vectorEffect="non-scaling-stroke"
            />
            {b.label && (
              <text
                x={labelX}
                y={labelY}
                fontSize={fontSize}
                fontWeight={700}
                fill="#fff"
                stroke="#000"
                strokeWidth={fontSize / 9}
                paintOrder="stroke"
              >
                {b.label}
              </text>
            )}
          </g>
        );
      })}
      {children}
    </svg>
  );
}
