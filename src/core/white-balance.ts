import type { RgbaImage } from './rgba-image';

/** Per-channel multipliers that map the slide's background to white. */
export type ChannelGains = readonly [number, number, number];

const BRIGHT_SHARE = 0.1;
const MIN_GAIN = 0.6;
const MAX_GAIN = 3;

/**
 * Estimates the colour of the empty slide — the mean of the brightest tenth of the pixels — and
 * returns the gains that turn it white. Labs differ most in lamp colour and background tint
 * (yellow, cyan, grey); removing that first lets one colour rule and one classifier serve them.
 */
export function estimateBackgroundGains(img: RgbaImage): ChannelGains {
  const mean = brightMean(img, 0, 0, img.width, img.height);
  return [whiteGain(mean[0]), whiteGain(mean[1]), whiteGain(mean[2])];
}

/**
 * Mean colour of the brightest tenth (by R + G + B) of the pixels in the rectangle
 * [x0, x1) × [y0, y1): where there is empty slide, that is its colour.
 */
export function brightMean(img: RgbaImage, x0: number, y0: number, x1: number, y1: number): [number, number, number] {
  const { data, width } = img;
  const n = (x1 - x0) * (y1 - y0);
  const histogram = new Uint32Array(766);
  for (let y = y0; y < y1; y++) {
    for (let p = (y * width + x0) * 4, end = (y * width + x1) * 4; p < end; p += 4) {
      histogram[data[p] + data[p + 1] + data[p + 2]]++;
    }
  }
  let wanted = Math.max(1, Math.round(n * BRIGHT_SHARE));
  let cut = 765;
  while (cut > 0 && wanted > histogram[cut]) wanted -= histogram[cut--];
  let r = 0;
  let g = 0;
  let b = 0;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let p = (y * width + x0) * 4, end = (y * width + x1) * 4; p < end; p += 4) {
      if (data[p] + data[p + 1] + data[p + 2] >= cut) {
        r += data[p];
        g += data[p + 1];
        b += data[p + 2];
        count++;
      }
    }
  }
  return [r / count, g / count, b / count];
}

/** The gain that maps a background channel mean to white, kept within sane bounds. */
export function whiteGain(mean: number): number {
  return Math.min(MAX_GAIN, Math.max(MIN_GAIN, 255 / Math.max(mean, 1)));
}

/** Applies gains in place to RGBA pixels (alpha untouched). */
export function applyGains(data: Uint8ClampedArray, gains: ChannelGains): void {
  for (let p = 0; p < data.length; p += 4) {
    data[p] = data[p] * gains[0];
    data[p + 1] = data[p + 1] * gains[1];
    data[p + 2] = data[p + 2] * gains[2];
  }
}
