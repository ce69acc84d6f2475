import type { RgbaImage } from './rgba-image';

/** Set on bccd trainval fields tiled n × n, checked on test; see scripts/measure/wide-fields.ts. */
export const FIELD_SCALE_PARAMS = {
  /**
   * Images whose longer side is at most this many pixels (a BCCD field) are read at BCCD's
   * magnification, as before: BCCD, TEST and every training crop come from such images, and
   * the ruler below is too coarse to beat the fixed rule on them.
   */
  maxPlainSide: 640,
  /** The ruler: the lag at which the green channel's autocorrelation falls below this. */
  level: 0.5,
  /**
   * Red cells set that lag. On single bccd trainval fields at the 320 px working size 95 % read
   * 12 px or more (median 17); 2 × 2 tiled fields read 7–11 (95 %), 3 × 3 5–8. At or above
   * `plainLength` the field is taken to be at BCCD's magnification; below, its red cells are
   * `referenceLength / length` times smaller than BCCD's.
   */
  plainLength: 12,
  referenceLength: 17,
  /** Never read an image more than this many times finer than the working size. */
  maxMagnification: 4,
};

/**
 * How many times smaller the cells of a field look than in a BCCD field of the same pixel
 * count (1 = the same): a lower objective or a wider camera shows more of the slide, and the
 * cell finder's size rules must shrink with it. `work` is the field at the working size;
 * `sourceLongerSide` is the decoded image's, which decides whether finer reading is possible.
 */
export function fieldMagnification(work: RgbaImage, sourceLongerSide: number, params = FIELD_SCALE_PARAMS): number {
  if (sourceLongerSide <= params.maxPlainSide) return 1;
  const length = correlationLength(work, params.level, params.plainLength);
  if (length >= params.plainLength) return 1;
  return Math.min(params.maxMagnification, params.referenceLength / Math.max(1, length));
}

/**
 * The smallest lag (px) at which the mean of the horizontal and vertical autocorrelations of the
 * green channel falls below `level`, searched up to `maxLag`. Red cells and nuclei absorb green,
 * the slide does not, so the lag follows the size of the objects that fill the field.
 */
export function correlationLength(img: RgbaImage, level: number, maxLag: number): number {
  const { width: w, height: h, data } = img;
  const green = new Float32Array(w * h);
  let mean = 0;
  for (let i = 0; i < w * h; i++) mean += green[i] = data[i * 4 + 1];
  mean /= w * h;
  for (let i = 0; i < w * h; i++) green[i] -= mean;
  const lagged = (dx: number, dy: number): number => {
    let sum = 0;
    for (let y = 0; y + dy < h; y++) {
      for (let x = 0, i = y * w, j = (y + dy) * w + dx; x + dx < w; x++, i++, j++) sum += green[i] * green[j];
    }
    return sum / Math.max(1, (w - dx) * (h - dy));
  };
  const variance = lagged(0, 0);
  if (variance <= 0) return maxLag;
  for (let lag = 1; lag < maxLag; lag++) {
    if ((lagged(lag, 0) + lagged(0, lag)) / 2 / variance < level) return lag;
  }
  return maxLag;
}
