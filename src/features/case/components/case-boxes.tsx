import type { CaseCell } from '../stores/case-cells';
import { FINAL_STYLE } from './final-class-style';
import { tileId } from './cell-tile';

/**
 * Every cell of one image boxed in its final class's colour, numbered and named; cells cut by the
 * image edge say so (and get a dotted box unless dashed for review). Selecting a box focuses that cell in the list.
 */
export function CaseBoxes({ cells, width, height }: { cells: readonly CaseCell[]; width: number; height: number }) {
  const fontSize = Math.max(width, height) / 26;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className="absolute inset-0 h-full w-full"
      aria-hidden="true"
    >
      {cells.map((c) => {
        const b = c.cell.box;
        const style = FINAL_STYLE[c.final];
        const label = `${c.index + 1} ${style.short}${c.cell.touchesEdge ? ' · cut by edge' : ''}`;
        const below = b.y < fontSize * 1.2;
        return (
          <g
            key={c.key}
            data-testid="case-box"
            data-final={c.final}
            data-edge={c.cell.touchesEdge}
            className="cursor-pointer"
            onClick={() => document.getElementById(tileId(c.key))?.focus()}
          >
            <rect
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              fill="transparent"
              stroke={style.stroke}
              strokeWidth={3}
              strokeDasharray={c.cell.needsReview && !c.decided ? '8 5' : c.cell.touchesEdge ? '2 4' : undefined}
              vectorEffect="non-scaling-stroke"
            />
            <text
              x={b.x + fontSize * 0.2}
              y={below ? b.y + b.height + fontSize : b.y - fontSize * 0.25}
              fontSize={fontSize}
              fontWeight={700}
              fill="#fff"
              stroke="#000"
              strokeWidth={fontSize / 8}
              paintOrder="stroke"
            >
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
