import { describe, expect, it } from 'vitest';
import { downscaleToFit, resampleRegion } from './resample';

function checkerboard(size: number) {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const v = ((i % size) + Math.floor(i / size)) % 2 ? 255 : 0;
    data.set([v, v, v, 255], i * 4);
  }
  return { data, width: size, height: size };
}

describe('resampleRegion', () => {
  it('averages when shrinking instead of aliasing (a fine checkerboard becomes grey)', () => {
    const out = resampleRegion(checkerboard(64), { x: 0, y: 0, width: 64, height: 64 }, 8, 8);
    for (let i = 0; i < out.length; i += 4) expect(Math.abs(out[i] - 127.5)).toBeLessThan(20);
  });

  it('fills samples outside the image with the given colour', () => {
    const out = resampleRegion(checkerboard(8), { x: -16, y: -16, width: 8, height: 8 }, 4, 4, [10, 20, 30, 255]);
    expect(Array.from(out.slice(0, 4))).toEqual([10, 20, 30, 255]);
  });

  it('keeps an image that already fits and shrinks one that does not', () => {
    const small = checkerboard(16);
    expect(downscaleToFit(small, 32).image).toBe(small);
    const { image, scale } = downscaleToFit(checkerboard(100), 25);
    expect([image.width, image.height, scale]).toEqual([25, 25, 0.25]);
  });
});
