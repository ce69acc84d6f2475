import type { RgbaImage } from './rgba-image';
import { brightMean, whiteGain, type ChannelGains } from './white-balance';

/**
 * Background-to-white gains that vary across an image: one triple per tile of a grid, read
 * between tile centres by bilinear interpolation. A lamp that is brighter in the middle or warmer
 * towards the corners leaves a background no single triple can whiten.
 */
export interface GainField {
  readonly columns: number;
  readonly rows: number;
  /** Size of the image the field was estimated on. */
  readonly width: number;
  readonly height: number;
  /** Gains of tile (column c, row r) at index 3 · (r · columns + c). */
  readonly tiles: Float64Array;
}

export const BACKGROUND_FIELD_PARAMS = {
  /** Tiles per side: the light changes over the whole frame, not within a cell. */
  tilesPerSide: 8,
  /**
   * Each tile's background is read in a window this many tiles wide centred on it, so that a
   * cell filling a tile (a single-cell crop) still leaves slide or red cells in its window.
   */
  windowTiles: 1.5,
  /**
   * A window whose brightest tenth is darker than this share of the whole image's holds no
   * slide (black padding, a cell filling it): its tile takes the whole image's gains.
   */
  minBrightnessShare: 0.35,
};

/**
 * Estimates the background field of `img` from the brightest tenth of each tile's window;
 * `fallback` (the whole image's gains) stands in for windows that show no background.
 */
export function estimateBackgroundField(
  img: RgbaImage,
  fallback: ChannelGains,
  params = BACKGROUND_FIELD_PARAMS,
): GainField {
  const { width: w, height: h } = img;
  const n = params.tilesPerSide;
  const tiles = new Float64Array(n * n * 3);
  const fallbackBrightness = 255 / fallback[0] + 255 / fallback[1] + 255 / fallback[2];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const cx = ((c + 0.5) * w) / n;
      const cy = ((r + 0.5) * h) / n;
      const hw = (params.windowTiles * w) / n / 2;
      const hh = (params.windowTiles * h) / n / 2;
      const x0 = Math.max(0, Math.floor(cx - hw));
      const y0 = Math.max(0, Math.floor(cy - hh));
      const x1 = Math.min(w, Math.ceil(cx + hw));
      const y1 = Math.min(h, Math.ceil(cy + hh));
      const mean = brightMean(img, x0, y0, x1, y1);
      const usable = mean[0] + mean[1] + mean[2] >= params.minBrightnessShare * fallbackBrightness;
      const t = 3 * (r * n + c);
      for (let k = 0; k < 3; k++) tiles[t + k] = usable ? whiteGain(mean[k]) : fallback[k];
    }
  }
  return { columns: n, rows: n, width: w, height: h, tiles };
}

/** The field's gains at (x, y) in the pixels of the image it was estimated on. */
export function gainsAt(field: GainField, x: number, y: number): ChannelGains {
  const out: [number, number, number] = [0, 0, 0];
  interpolate(field, x, y, out, 0);
  return out;
}

/**
 * The field's gains around a cell: the per-channel median on a ring of `radius` about (x, y),
 * kept inside the image. Tiles under a large cell read its pale cytoplasm as background; the
 * ring reads the slide beside it, which is what the cell's crop should be whitened by.
 */
export function gainsAround(field: GainField, x: number, y: number, radius: number): ChannelGains {
  const samples: number[][] = [[], [], []];
  const g: number[] = [0, 0, 0];
  for (let k = 0; k < RING_POINTS; k++) {
    const a = (2 * Math.PI * k) / RING_POINTS;
    const px = Math.min(field.width, Math.max(0, x + radius * Math.cos(a)));
    const py = Math.min(field.height, Math.max(0, y + radius * Math.sin(a)));
    interpolate(field, px, py, g, 0);
    for (let c = 0; c < 3; c++) samples[c].push(g[c]);
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1];
  return [median(samples[0]), median(samples[1]), median(samples[2])];
}

const RING_POINTS = 8;

/** Every pixel's gains, three per pixel in row-major order: what per-pixel rules read. */
export function gainsPerPixel(field: GainField): Float32Array {
  const { width: w, height: h } = field;
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) interpolate(field, x + 0.5, y + 0.5, out, 3 * (y * w + x));
  return out;
}

function interpolate(field: GainField, x: number, y: number, out: Float32Array | number[], at: number): void {
  const { columns, rows, width, height, tiles } = field;
  // Tile centres sit at (c + 0.5) · width / columns; outside the outermost centres the field is flat.
  const fx = Math.min(columns - 1, Math.max(0, (x * columns) / width - 0.5));
  const fy = Math.min(rows - 1, Math.max(0, (y * rows) / height - 0.5));
  const c0 = Math.floor(fx);
  const r0 = Math.floor(fy);
  const c1 = Math.min(columns - 1, c0 + 1);
  const r1 = Math.min(rows - 1, r0 + 1);
  const ax = fx - c0;
  const ay = fy - r0;
  for (let k = 0; k < 3; k++) {
    const top = tiles[3 * (r0 * columns + c0) + k] * (1 - ax) + tiles[3 * (r0 * columns + c1) + k] * ax;
    const bottom = tiles[3 * (r1 * columns + c0) + k] * (1 - ax) + tiles[3 * (r1 * columns + c1) + k] * ax;
    out[at + k] = top * (1 - ay) + bottom * ay;
  }
}
