import { describe, expect, it } from 'vitest';
import { isGrayscale } from './bitmap-pixels';

const image = (pixel: (i: number) => [number, number, number]) => {
  const width = 64;
  const height = 48;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...pixel(i), 255], i * 4);
  return { data, width, height };
};

describe('isGrayscale', () => {
  it('accepts grey with JPEG-sized noise', () => {
    expect(isGrayscale(image((i) => [100 + (i % 3), 101, 99 + (i % 2)]))).toBe(true);
  });
  it('rejects a stained smear colour anywhere in the sample', () => {
    expect(
      isGrayscale(
        image((i) => (i === 640 ? [120, 60, 160] : [200, 200, 200])),
        1e9,
      ),
    ).toBe(false);
    expect(isGrayscale(image(() => [230, 190, 200]))).toBe(false);
  });
});
