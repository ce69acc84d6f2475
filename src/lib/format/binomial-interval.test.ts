import { describe, expect, it } from 'vitest';
import { binomialInterval, formatPercentInterval } from './binomial-interval';

/**
 * A reference computed another way: P(X ≤ k) for X ~ Binomial(n, p) by summing the terms (each
 * from the one before, in logs), and the bounds by bisection on it — the definition of the exact
 * interval: the lower bound is the p at which P(X ≥ count) = 2.5 %, the upper the p at which
 * P(X ≤ count) = 2.5 %.
 */
function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logTerm = n * Math.log1p(-p);
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i) + Math.log(p) - Math.log1p(-p);
    sum += Math.exp(logTerm);
  }
  return sum;
}

function bisect(f: (p: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function referenceInterval(count: number, n: number): { low: number; high: number } {
  // P(X ≥ count) rises with p; P(X ≤ count) falls with p.
  const low = count === 0 ? 0 : bisect((p) => 0.025 - (1 - binomialCdf(count - 1, n, p)));
  const high = count === n ? 1 : bisect((p) => binomialCdf(count, n, p) - 0.025);
  return { low, high };
}

describe('binomialInterval', () => {
  it('gives the tabulated 95 % limits of a 100-cell count', () => {
    const zero = binomialInterval(0, 100);
    expect(zero.low).toBe(0);
    expect(zero.high * 100).toBeCloseTo(3.62, 2);
    const half = binomialInterval(50, 100);
    expect(half.low * 100).toBeCloseTo(39.83, 2);
    expect(half.high * 100).toBeCloseTo(60.17, 2);
    const two = binomialInterval(2, 100);
    expect(two.low * 100).toBeCloseTo(0.24, 2);
    expect(two.high * 100).toBeCloseTo(7.04, 2);
    const ten = binomialInterval(10, 100);
    expect(ten.low * 100).toBeCloseTo(4.9, 2);
    expect(ten.high * 100).toBeCloseTo(17.62, 2);
    const all = binomialInterval(100, 100);
    expect(all.low * 100).toBeCloseTo(96.38, 2);
    expect(all.high).toBe(1);
  });

  it('is wide for a 4-cell count and narrow for a 200-cell one at the same share', () => {
    const small = binomialInterval(1, 4);
    expect(small.low * 100).toBeCloseTo(0.63, 2);
    expect(small.high * 100).toBeCloseTo(80.59, 2);
    const large = binomialInterval(50, 200);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 4);
  });

  it('agrees with bisection on the binomial distribution for counts of every size', () => {
    const cases: [number, number][] = [
      [0, 1],
      [1, 1],
      [0, 4],
      [3, 17],
      [7, 200],
      [63, 200],
      [199, 200],
      [1, 500],
      [250, 500],
      [12, 1000],
    ];
    for (const [count, n] of cases) {
      const got = binomialInterval(count, n);
      const want = referenceInterval(count, n);
      expect(got.low, `lower limit of ${count}/${n}`).toBeCloseTo(want.low, 8);
      expect(got.high, `upper limit of ${count}/${n}`).toBeCloseTo(want.high, 8);
      expect(got.low).toBeLessThanOrEqual(count / n);
      expect(got.high).toBeGreaterThanOrEqual(count / n);
    }
  });

  it('widens with the confidence asked for', () => {
    const ninety = binomialInterval(5, 100, 0.9);
    const ninetyNine = binomialInterval(5, 100, 0.99);
    expect(ninetyNine.low).toBeLessThan(ninety.low);
    expect(ninetyNine.high).toBeGreaterThan(ninety.high);
  });

  it('says nothing is known when nothing is counted, and refuses what is no proportion', () => {
    expect(binomialInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(() => binomialInterval(5, 4)).toThrow(RangeError);
    expect(() => binomialInterval(-1, 4)).toThrow(RangeError);
    expect(() => binomialInterval(1.5, 4)).toThrow(RangeError);
    expect(() => binomialInterval(1, 4, 1)).toThrow(RangeError);
  });
});

describe('formatPercentInterval', () => {
  it('writes the limits as percentages with one decimal', () => {
    expect(formatPercentInterval(binomialInterval(0, 100))).toBe('0.0–3.6');
    expect(formatPercentInterval(binomialInterval(50, 100))).toBe('39.8–60.2');
  });
});
