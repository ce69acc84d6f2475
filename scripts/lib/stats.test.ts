import { describe, expect, it } from 'vitest';
import { median, quantile } from './stats';

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(median(xs)).toBe(50);
    expect(quantile(xs, 0.95)).toBe(95);
    expect(quantile(xs, 1)).toBe(100);
    expect(quantile([7], 0.95)).toBe(7);
  });
  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});
