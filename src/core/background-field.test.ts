import { describe, expect, it } from 'vitest';
import { estimateBackgroundField, gainsAt } from './background-field';
import type { RgbaImage } from './rgba-image';
import { estimateBackgroundGains, type ChannelGains } from './white-balance';

/** An empty slide lit white on the left and dim yellow on the right, black over `blackFrom`. */
function warmRamp(width: number, height: number, blackFrom = width): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const t = (i % width) / (width - 1);
    const rgb = i % width >= blackFrom ? [0, 0, 0] : [250 - 60 * t, 250 - 70 * t, 250 - 150 * t];
    data.set([...rgb, 255], i * 4);
  }
  return { data, width, height };
}

const whitened = (rgb: number[], g: ChannelGains) => rgb.map((v, k) => Math.min(255, v * g[k]));

describe('estimateBackgroundField', () => {
  it('whitens both ends of a background that one triple of gains cannot', () => {
    const img = warmRamp(320, 240);
    const global = estimateBackgroundGains(img);
    const field = estimateBackgroundField(img, global);
    const right = [250 - 60 * 0.95, 250 - 70 * 0.95, 250 - 150 * 0.95];
    const byField = whitened(right, gainsAt(field, 0.95 * 319, 120));
    const byGlobal = whitened(right, global);
    expect(Math.max(...byField) - Math.min(...byField)).toBeLessThan(25);
    expect(Math.max(...byGlobal) - Math.min(...byGlobal)).toBeGreaterThan(60);
    expect(Math.min(...whitened([250, 250, 250], gainsAt(field, 5, 120)))).toBeGreaterThan(240);
  });

  it('gives tiles that show only black padding the whole image’s gains', () => {
    const img = warmRamp(320, 240, 200);
    const global = estimateBackgroundGains(img);
    const field = estimateBackgroundField(img, global);
    const inPadding = gainsAt(field, 315, 120);
    for (let k = 0; k < 3; k++) expect(inPadding[k]).toBeCloseTo(global[k], 6);
  });
});
