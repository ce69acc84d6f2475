import type { RgbaImage } from '../../src/core/rgba-image';

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
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb = background;
      for (const d of discs) if ((x - d.x) ** 2 + (y - d.y) ** 2 <= d.r ** 2) rgb = d.rgb;
      const p = (y * width + x) * 4;
      data.set([...rgb, 255], p);
    }
  }
  return { data, width, height };
}
