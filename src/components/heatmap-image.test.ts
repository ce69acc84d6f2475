import { describe, expect, it } from 'vitest';
import { colourOf, heatmapPixels, upsampleBilinear } from './heatmap-image';

describe('upsampleBilinear', () => {
  it('keeps a constant map constant and stays within the input range', () => {
    const out = upsampleBilinear(new Float32Array(4).fill(0.5), 2, 16);
    expect(Array.from(out).every((v) => Math.abs(v - 0.5) < 1e-6)).toBe(true);
  });

  it('puts the peak where the grid peaked and interpolates monotonically away from it', () => {
    const map = new Float32Array(16);
    map[1 * 4 + 2] = 1; // row 1, column 2 of a 4×4 grid
    const out = upsampleBilinear(map, 4, 32);
    const peak = out.indexOf(Math.max(...out));
    expect([Math.floor(peak / 32), peak % 32].map((p) => Math.floor(p / 8))).toEqual([1, 2]);
    const row = Math.floor(peak / 32);
    for (let x = peak % 32; x < 31; x++) expect(out[row * 32 + x + 1]).toBeLessThanOrEqual(out[row * 32 + x] + 1e-6);
  });
});

describe('heatmapPixels', () => {
  it('colours high values brighter and more opaque than low ones', () => {
    const px = heatmapPixels([0, 1, 0, 1], 2, 2);
    const lum = (i: number) => px[i * 4] + px[i * 4 + 1] + px[i * 4 + 2];
    expect(lum(1)).toBeGreaterThan(lum(0));
    expect(px[1 * 4 + 3]).toBeGreaterThan(px[3]);
    expect(colourOf(0)).toEqual([0, 0, 4]);
    expect(colourOf(1)).toEqual([252, 255, 164]);
  });

  it('leaves no evidence fully transparent, so the crop’s square never darkens the image', () => {
    const px = heatmapPixels([0, 0.25, 0, 1], 2, 2);
    expect(px[3]).toBe(0);
    expect(px[3 * 4 + 3]).toBe(255);
  });
});
