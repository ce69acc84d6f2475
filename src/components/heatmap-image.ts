/**
 * Turns a class activation map (side × side values in [0, 1]) into RGBA pixels at a larger size:
 * the values are upscaled bilinearly first and coloured afterwards, so the colours between grid
 * points are true colour-map colours rather than blends of two.
 */
export function upsampleBilinear(map: ArrayLike<number>, side: number, size: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    // Sample at pixel centres, the grid's values sitting at cell centres (like align_corners = false).
    const gy = Math.min(side - 1, Math.max(0, ((y + 0.5) * side) / size - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(side - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < size; x++) {
      const gx = Math.min(side - 1, Math.max(0, ((x + 0.5) * side) / size - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(side - 1, x0 + 1);
      const fx = gx - x0;
      const top = map[y0 * side + x0] * (1 - fx) + map[y0 * side + x1] * fx;
      const bottom = map[y1 * side + x0] * (1 - fx) + map[y1 * side + x1] * fx;
      out[y * size + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** Stops of a perceptually ordered "inferno"-like map: dark purple (no evidence) → yellow (most). */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0, 0, 4],
  [87, 16, 110],
  [188, 55, 84],
  [249, 142, 9],
  [252, 255, 164],
];

export function colourOf(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, v)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [STOPS[i], STOPS[i + 1]];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** A map's values up to this are its floor, not evidence: drawn fully transparent. */
const NO_EVIDENCE = 0.1;

/**
 * RGBA pixels of the coloured map. Alpha grows from nothing with the value, so that where the
 * model found no evidence the image shows through untouched: a floor of opacity would lay a dark
 * square over the whole crop (on a single-cell image, most of the picture), hiding where the
 * evidence is. Values up to NO_EVIDENCE are the map's floor (the crop's edge after upscaling)
 * and stay clear; above it the square root keeps weak evidence visible. The overall opacity is
 * applied when drawing.
 */
export function heatmapPixels(map: ArrayLike<number>, side: number, size: number): Uint8ClampedArray<ArrayBuffer> {
  const values = upsampleBilinear(map, side, size);
  const rgba = new Uint8ClampedArray(size * size * 4);
  values.forEach((v, i) => {
    const [r, g, b] = colourOf(v);
    const evidence = Math.min(1, Math.max(0, (v - NO_EVIDENCE) / (1 - NO_EVIDENCE)));
    rgba.set([r, g, b, Math.round(255 * Math.sqrt(evidence))], i * 4);
  });
  return rgba;
}
