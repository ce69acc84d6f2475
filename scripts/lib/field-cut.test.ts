import { describe, expect, it } from 'vitest';
import { cutAround } from './field-cut';

const settings = { context: 0.6, minSide: 240 };
const inside = (cut: { x: number; y: number; width: number; height: number }, w: number, h: number) =>
  cut.x >= 0 && cut.y >= 0 && cut.x + cut.width <= w && cut.y + cut.height <= h;

describe('cutAround', () => {
  it('keeps context times the largest cell side around the cells', () => {
    const boxes = [
      { x: 200, y: 150, width: 100, height: 80 },
      { x: 320, y: 200, width: 60, height: 60 },
    ];
    // margin 0.6 × 100 = 60 around the union 200–380 × 150–260: 140–440 across, and 90–320 down,
    // which is 10 short of the minimum side and grows 5 each way
    expect(cutAround(boxes, 640, 480, settings)).toEqual({ x: 140, y: 85, width: 300, height: 240 });
  });

  it('grows a small cell to the minimum side, centred', () => {
    const cut = cutAround([{ x: 300, y: 200, width: 40, height: 40 }], 640, 480, settings);
    expect(cut.width).toBe(240);
    expect(cut.height).toBe(240);
    expect(cut.x + cut.width / 2).toBeCloseTo(320, -1);
  });

  it('takes the missing context from the far side at an edge, and never leaves the field', () => {
    const box = { x: 0, y: 440, width: 40, height: 40 };
    const cut = cutAround([box], 640, 480, settings);
    expect(inside(cut, 640, 480)).toBe(true);
    expect(cut).toEqual({ x: 0, y: 240, width: 240, height: 240 });
  });

  it('is the whole side of a field smaller than the minimum', () => {
    expect(cutAround([{ x: 50, y: 50, width: 30, height: 30 }], 200, 180, settings)).toEqual({
      x: 0,
      y: 0,
      width: 200,
      height: 180,
    });
  });

  it('refuses a field with no box', () => {
    expect(() => cutAround([], 640, 480, settings)).toThrow(/no box/);
  });
});
