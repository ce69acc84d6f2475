import { describe, expect, it } from 'vitest';
import { median, pairRatios, quantile, repeatedMedian } from './stats';

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

describe('repeatedMedian', () => {
  it('gives the median of all values, their IQR and each repeat’s median with their range', () => {
    const s = repeatedMedian([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    expect(s.median).toBe(6);
    expect(s.iqr).toEqual([3, 9]);
    expect(s.repeats).toEqual([2, 6, 10]);
    expect(s.range).toEqual([2, 10]);
  });
  it('keeps an empty repeat as NaN without letting it into the range', () => {
    const s = repeatedMedian([[], [4, 2]]);
    expect(s.repeats[0]).toBeNaN();
    expect(s.range).toEqual([2, 2]);
  });
});

describe('pairRatios', () => {
  it('divides pair by pair and skips pairs whose divisor is zero', () => {
    expect(pairRatios([2, 3, 8], [4, 0, 2])).toEqual([0.5, 4]);
  });
  it('refuses samples of different lengths: the pairs would not line up', () => {
    expect(() => pairRatios([1], [1, 2])).toThrow(/1 values against 2/);
  });
});
