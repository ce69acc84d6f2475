import { describe, expect, it } from 'vitest';
import { paintDiscs, redCellLattice } from '@testkit/test-image';
import { correlationLength } from './field-scale';
import { findWhiteCells } from './localise';

const PALE: [number, number, number] = [225, 220, 228];
const PINK: [number, number, number] = [215, 160, 170];
const NUCLEUS: [number, number, number] = [105, 70, 170];

/** A field of red cells of radius r with one purple disc of radius `nucleus` near its middle. */
function field(width: number, height: number, r: number, nucleus: number) {
  const discs = redCellLattice(width, height, r, PINK);
  const middle = discs.reduce((best, d) =>
    Math.hypot(d.x - width / 2, d.y - height / 2) < Math.hypot(best.x - width / 2, best.y - height / 2) ? d : best,
  );
  return {
    image: paintDiscs(width, height, PALE, [...discs, { x: middle.x, y: middle.y, r: nucleus, rgb: NUCLEUS }]),
    middle,
  };
}

const magnificationOf = (img: ReturnType<typeof field>['image']) => findWhiteCells(img).magnification;

/** Wide synthetic fields take 1–2 s each alone; a loaded machine can take many times that. */
const WIDE_FIELD_LIMIT = { timeout: 60_000 };

describe('field scale', WIDE_FIELD_LIMIT, () => {
  it('measures a length that follows the size of the red cells', () => {
    const large = correlationLength(paintDiscs(320, 240, PALE, redCellLattice(320, 240, 24, PINK)), 0.5, 60);
    const small = correlationLength(paintDiscs(320, 240, PALE, redCellLattice(320, 240, 12, PINK)), 0.5, 60);
    expect(large / small).toBeGreaterThan(1.6);
    expect(large / small).toBeLessThan(2.5);
  });

  it('reads images of up to 640 px at BCCD magnification, whatever they show', () => {
    expect(magnificationOf(field(640, 480, 8, 6).image)).toBe(1);
  });

  it('reads a wide field of small red cells finer, and a finer camera of large ones as it is', () => {
    expect(magnificationOf(field(1920, 1440, 33, 30).image)).toBeGreaterThan(2);
    expect(magnificationOf(field(1280, 960, 130, 60).image)).toBe(1);
  });

  it('finds the white cell of a wide low-magnification field, and not a platelet there', () => {
    const { image, middle } = field(1920, 1440, 33, 30);
    const { cells } = findWhiteCells(image);
    expect(cells).toHaveLength(1);
    expect(Math.abs(cells[0].centreX - middle.x)).toBeLessThan(4);
    expect(Math.abs(cells[0].centreY - middle.y)).toBeLessThan(4);
    expect(findWhiteCells(field(1920, 1440, 33, 4).image).cells).toHaveLength(0);
  });
});
