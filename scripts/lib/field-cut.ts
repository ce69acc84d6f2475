import type { Box } from '@/core/rgba-image';

/**
 * The part of a `width`×`height` field that shows every box with slide about it: `context` times
 * the largest box's longer side on each side, and at least `minSide` a side (as much as the field
 * has), so a lone small cell still sits among its neighbours. The cut stays inside the field: a
 * box near an edge gets its missing context from the other side.
 */
export function cutAround(
  boxes: readonly Box[],
  width: number,
  height: number,
  { context, minSide }: { context: number; minSide: number },
): Box {
  if (boxes.length === 0) throw new Error('no box to cut around');
  const margin = Math.round(context * Math.max(...boxes.map((b) => Math.max(b.width, b.height))));
  const span = (lo: number, hi: number, size: number) => {
    const side = Math.min(size, minSide);
    let a = Math.max(0, lo - margin);
    let b = Math.min(size, hi + margin);
    const short = side - (b - a);
    if (short > 0) {
      a = Math.max(0, a - Math.ceil(short / 2));
      b = Math.min(size, a + side);
      a = b - side;
    }
    return [a, b] as const;
  };
  const [x0, x1] = span(Math.min(...boxes.map((b) => b.x)), Math.max(...boxes.map((b) => b.x + b.width)), width);
  const [y0, y1] = span(Math.min(...boxes.map((b) => b.y)), Math.max(...boxes.map((b) => b.y + b.height)), height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
