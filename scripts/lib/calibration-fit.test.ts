import { describe, expect, it } from 'vitest';
import { fitReviewThreshold, fitTemperature } from './calibration-fit';

describe('fitting a calibrated reading', () => {
  it('finds a temperature above 1 for over-confident logits and below 1 for timid ones', () => {
    // Right 3 times in 4 at logit gap 6: softmax(6) ≈ 0.998 claims far more than 0.75.
    const rows = [0, 0, 0, 1].map((truth) => ({ logits: [6, 0], truth }));
    const hot = fitTemperature(rows);
    // The fitted T makes the top probability about 0.75: 6 / T = ln 3.
    expect(hot).toBeGreaterThan(4.5);
    expect(hot).toBeLessThan(6.5);
    const timid = fitTemperature(Array.from({ length: 20 }, () => ({ logits: [0.5, 0], truth: 0 })));
    expect(timid).toBeLessThan(0.2);
  });

  it('sets the review threshold where the cells above it reach the target', () => {
    const rows = [
      { confidence: 0.99, right: true },
      { confidence: 0.95, right: true },
      { confidence: 0.9, right: true },
      { confidence: 0.8, right: false },
      { confidence: 0.7, right: true },
      { confidence: 0.6, right: false },
    ];
    expect(fitReviewThreshold(rows, 0.97)).toBe(0.9);
    expect(fitReviewThreshold(rows, 0.75)).toBe(0.7); // 4 right in 5 down to 0.7
    expect(fitReviewThreshold(rows, 0.85)).toBe(0.9);
    expect(fitReviewThreshold([{ confidence: 0.9, right: false }], 0.97)).toBe(1);
  });
});
