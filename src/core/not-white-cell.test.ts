import { describe, expect, it } from 'vitest';
import { keptAsWhiteCells, notWhiteCellScore, type NotWhiteCellHead } from './not-white-cell';

const head: NotWhiteCellHead = { weights: Float32Array.from([2, -1]), bias: -1, threshold: 0.5 };

describe('the "not a white cell" reject', () => {
  it('scores σ(features · weights + bias)', () => {
    expect(notWhiteCellScore(head, Float32Array.from([1, 1]))).toBeCloseTo(0.5, 6);
    expect(notWhiteCellScore(head, Float32Array.from([3, 0]))).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
  });

  it('drops the boxes at or above its threshold and keeps the order of the rest', () => {
    const features = [
      [0, 0],
      [3, 0],
      [0, 4],
      [1, 1],
    ].map((f) => Float32Array.from(f));
    expect(keptAsWhiteCells(head, features)).toEqual([0, 2]);
  });

  it('keeps every box when the model ships no reject', () => {
    expect(keptAsWhiteCells(undefined, [Float32Array.from([9, 0])])).toEqual([0]);
  });

  it('refuses features of another network', () => {
    expect(() => notWhiteCellScore(head, Float32Array.from([1, 2, 3]))).toThrow(/reads 2 features/);
  });
});
