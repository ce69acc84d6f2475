import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/core/seeded-random';
import { notWhiteCellScore } from '@/core/not-white-cell';
import { fitRejectHead } from './reject-head';

describe('fitRejectHead', () => {
  it('separates two clouds that differ in one feature, and reads raw (unstandardised) features', () => {
    const random = seededRandom(3);
    const x: Float32Array[] = [];
    const rejected: boolean[] = [];
    for (let i = 0; i < 200; i++) {
      const reject = i % 4 === 0; // unbalanced on purpose: each side still weighs half
      x.push(Float32Array.from([100 + 10 * random(), (reject ? 5 : -5) + random() * 2, 1000 * random()]));
      rejected.push(reject);
    }
    const fitted = fitRejectHead(x, rejected);
    const scores = x.map((f) => notWhiteCellScore({ ...fitted, threshold: 0.5 }, f));
    expect(scores.every((s, i) => s >= 0.5 === rejected[i])).toBe(true);
    expect(Math.abs(fitted.weights[1])).toBeGreaterThan(Math.abs(fitted.weights[2]) * 100);
  });

  it('refuses a side without cells', () => {
    expect(() => fitRejectHead([Float32Array.from([1])], [true])).toThrow(/both sides/);
  });
});
