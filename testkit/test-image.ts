import type { RgbaImage } from '@/core/rgba-image';

/**
 * Paints a synthetic smear for tests: a background colour, then discs (x, y, radius, colour)
 * drawn in order. Enough to check the localisation rule without any dataset.
 */
export function paintDiscs(
  width: number,
  height: number,
  background: [number, number, number],
  discs: { x: number; y: number; r: number; rgb: [number, number, number] }[],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...background, 255], i * 4);
  // Each disc is drawn over its own bounding box, later ones on top, so wide fields of many
  // red cells stay cheap.
  for (const d of discs) {
    for (let y = Math.max(0, Math.floor(d.y - d.r)); y <= Math.min(height - 1, Math.ceil(d.y + d.r)); y++) {
      for (let x = Math.max(0, Math.floor(d.x - d.r)); x <= Math.min(width - 1, Math.ceil(d.x + d.r)); x++) {
        if ((x - d.x) ** 2 + (y - d.y) ** 2 <= d.r ** 2) data.set([...d.rgb, 255], (y * width + x) * 4);
      }
    }
  }
  return { data, width, height };
}

/** Red cells of radius r on a square lattice (gaps of a fifth of their diameter), for field-scale tests. */
export function redCellLattice(
  width: number,
  height: number,
  r: number,
  rgb: [number, number, number],
): { x: number; y: number; r: number; rgb: [number, number, number] }[] {
  const discs = [];
  const step = Math.round(r * 2.2);
  for (let y = r; y < height; y += step) for (let x = r; x < width; x += step) discs.push({ x, y, r, rgb });
  return discs;
}
