import { describe, expect, it } from 'vitest';
import {
  accuracy,
  bootstrapAccuracyInterval,
  bootstrapGroupedAccuracyInterval,
  confusionMatrix,
  expectedCalibrationError,
  perClassScores,
  type Prediction,
} from './classification-metrics';

const p = (truth: number, predicted: number, confidence = 0.9): Prediction => ({ truth, predicted, confidence });

describe('classification metrics', () => {
  const preds = [p(0, 0), p(0, 1), p(1, 1), p(1, 1), p(2, -1, 0), p(3, 3)];

  it('counts accuracy with "no cell found" as wrong, and confusion rows by true class', () => {
    expect(accuracy(preds)).toBeCloseTo(4 / 6);
    expect(confusionMatrix(preds, 4)).toEqual([
      [1, 1, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('computes per-class precision, recall and F1', () => {
    const s = perClassScores(preds, 4);
    expect(s[1]).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, support: 2 });
    expect(s[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('gives zero calibration error to a perfectly calibrated set and a positive one otherwise', () => {
    const calibrated = [p(0, 0, 0.5), p(0, 1, 0.5), p(1, 1, 1), p(2, 2, 1)];
    expect(expectedCalibrationError(calibrated)).toBeCloseTo(0, 10);
    expect(expectedCalibrationError([p(0, 1, 0.99), p(1, 0, 0.99)])).toBeCloseTo(0.99, 10);
  });

  it('brackets the accuracy with a reproducible bootstrap interval', () => {
    const many = Array.from({ length: 400 }, (_, i) => p(0, i % 5 === 0 ? 1 : 0));
    const [lo, hi] = bootstrapAccuracyInterval(many);
    expect(lo).toBeLessThan(0.8);
    expect(hi).toBeGreaterThan(0.8);
    expect(hi - lo).toBeLessThan(0.1);
    expect(bootstrapAccuracyInterval(many)).toEqual([lo, hi]);
  });

  it('widens the interval to what the groups justify when images are copies of few cells', () => {
    // 20 cells seen 30 times each, 16 read right every time and 4 wrong every time: 80 % right.
    const groups = Array.from({ length: 600 }, (_, i) => `cell-${Math.floor(i / 30)}`);
    const copies = groups.map((g) => p(0, Number(g.slice(5)) < 16 ? 0 : 1));
    const [imageLo, imageHi] = bootstrapAccuracyInterval(copies);
    const [lo, hi] = bootstrapGroupedAccuracyInterval(copies, groups);
    expect(lo).toBeLessThan(0.8);
    expect(hi).toBeGreaterThan(0.8);
    // Over 600 images the interval is about ±3 points; over 20 cells about ±18.
    expect(imageHi - imageLo).toBeLessThan(0.08);
    expect(hi - lo).toBeGreaterThan(0.25);
    expect(bootstrapGroupedAccuracyInterval(copies, groups)).toEqual([lo, hi]);
  });

  it('matches the image bootstrap when every image is its own group', () => {
    const many = Array.from({ length: 400 }, (_, i) => p(0, i % 5 === 0 ? 1 : 0));
    const own = many.map((_, i) => String(i));
    expect(bootstrapGroupedAccuracyInterval(many, own)).toEqual(bootstrapAccuracyInterval(many));
    expect(() => bootstrapGroupedAccuracyInterval(many, own.slice(1))).toThrow(/399 groups/);
  });
});

describe('calibration helpers', () => {
  it('recovers the uncalibrated softmax from the temperature-scaled one', async () => {
    const { softmax } = await import('@/core/classifier');
    const { uncalibrate } = await import('./classification-metrics');
    const logits = [2.5, -0.3, 0.7, 1.1];
    const raw = softmax(logits, 1);
    uncalibrate(softmax(logits, 0.6), 0.6).forEach((p, i) => expect(p).toBeCloseTo(raw[i], 10));
  });

  it('counts the share below the review threshold and the accuracy above it', async () => {
    const { reviewStats } = await import('./classification-metrics');
    const s = reviewStats([p(0, 0, 0.99), p(1, 1, 0.97), p(2, 3, 0.6), p(3, -1, 0)], 0.95);
    expect(s).toEqual({ threshold: 0.95, flaggedShare: 0.5, accuracyAboveThreshold: 1 });
  });
});
