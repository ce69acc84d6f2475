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
  const { data, width, height } = img;
  const n = width * height;
  const histogram = new Uint32Array(766);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    histogram[data[p] + data[p + 1] + data[p + 2]]++;
  }
  let wanted = Math.max(1, Math.round(n * BRIGHT_SHARE));
  let cut = 765;
  while (cut > 0 && wanted > histogram[cut]) wanted -= histogram[cut--];
  let r = 0;
  let g = 0;
  let b = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    if (data[p] + data[p + 1] + data[p + 2] >= cut) {
      r += data[p];
      g += data[p + 1];
      b += data[p + 2];
      count++;
    }
  }
  return [gain(r / count), gain(g / count), gain(b / count)];
}

function gain(mean: number): number {
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
