import { describe, expect, it } from 'vitest';
import { reviewPromise } from './review-promise';

const shipped = { reviewThreshold: 0.9544, reviewTarget: 0.97 };

describe('reviewPromise', () => {
  it("states the shipped model's target as a floor on held-out cells", () => {
    const p = reviewPromise(shipped);
    expect(p.source).toBe('shipped');
    expect(p.threshold).toBe(0.9544);
    expect(p.promise).toBe('Cells without the review mark were right at least 97% of the time on held-out cells.');
  });

  it("states an adapted model's own figure, measured on the lab's held-out cells, and its refitted threshold", () => {
    const p = reviewPromise(shipped, {
      reviewThreshold: 0.81,
      ownCells: { adapted: { unmarked: 40, unmarkedRight: 39 } },
    });
    expect(p.source).toBe('adapted');
    expect(p.threshold).toBe(0.81);
    expect(p.promise).toContain('right 98% of the time (39 of 40)');
    expect(p.promise).toContain("your lab's own cells");
  });

  it('falls back to the shipped figure, saying so, when the adaptation measured none', () => {
    for (const adapted of [{}, { ownCells: { adapted: { unmarked: 0, unmarkedRight: 0 } } }]) {
      const p = reviewPromise(shipped, adapted);
      expect(p.source).toBe('shipped-figure-for-adapted');
      expect(p.threshold).toBe(0.9544);
      expect(p.promise).toContain('at least 97%');
      expect(p.promise).toContain("shipped model's figure");
    }
  });
});
