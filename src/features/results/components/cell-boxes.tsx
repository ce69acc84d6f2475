import type { AnalysedCell } from '../../../core/analyse';
import { CLASS_STYLE } from '../../../lib/cell-class-style';

/**
 * Boxes drawn over the thumbnail in the analysed image's own pixel coordinates (the viewBox scales
 * them), each numbered and named; a cell cut by the image edge gets a dotted box and says so.
 */
export function CellBoxes({ cells, width, height }: { cells: AnalysedCell[]; width: number; height: number }) {
  const fontSize = Math.max(width, height) / 22;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className="pointer-events-none absolute inset-0 h-full w-full"
      aria-hidden="true"
    >
      {cells.map((c, i) => (
        <g
          key={i}
          data-testid="cell-box"
          data-box={[c.box.x, c.box.y, c.box.width, c.box.height].map(Math.round).join(',')}
          data-edge={c.touchesEdge}
        >
          <rect
            x={c.box.x}
            y={c.box.y}
            width={c.box.width}
            height={c.box.height}
            fill="none"
            stroke={CLASS_STYLE[c.predicted].stroke}
            strokeWidth={3}
            strokeDasharray={c.needsReview ? '8 5' : c.touchesEdge ? '2 4' : undefined}
            vectorEffect="non-scaling-stroke"
          />
          <text
            x={c.box.x + fontSize * 0.25}
            y={c.box.y + fontSize}
            fontSize={fontSize}
            fontWeight={700}
            fill="#fff"
            stroke="#000"
            strokeWidth={fontSize / 10}
            paintOrder="stroke"
          >
            {i + 1} {CLASS_STYLE[c.predicted].short}
            {c.touchesEdge ? ' · cut by edge' : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}
