import { cropRegion } from './cell-crop';
import type { ClassActivationMap } from './classifier';
import type { FoundCell } from './localise';

/**
 * Share of a class activation map's mass that falls inside the cell's box. The map spans the
 * cell's crop (cropRegion); each map cell is a square of the crop, weighted by how much of it
 * overlaps the box. 1 means the evidence is all on the white cell, 0 all on its surroundings.
 */
export function heatmapMassInsideBox(
  cam: ClassActivationMap,
  cell: Pick<FoundCell, 'box' | 'centreX' | 'centreY' | 'diameter'>,
): number {
  const region = cropRegion(cell);
  const step = region.width / cam.side;
  let inside = 0;
  let total = 0;
  for (let gy = 0; gy < cam.side; gy++) {
    for (let gx = 0; gx < cam.side; gx++) {
      const v = cam.map[gy * cam.side + gx];
      const x0 = region.x + gx * step;
      const y0 = region.y + gy * step;
      const ox = Math.max(0, Math.min(x0 + step, cell.box.x + cell.box.width) - Math.max(x0, cell.box.x));
      const oy = Math.max(0, Math.min(y0 + step, cell.box.y + cell.box.height) - Math.max(y0, cell.box.y));
      inside += (v * ox * oy) / (step * step);
      total += v;
    }
  }
  return total > 0 ? inside / total : 0;
}
