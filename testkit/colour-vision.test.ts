import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE2000, differenceSeen } from './colour-vision';

describe('colour vision', () => {
  it('gives CIEDE2000 as Sharma, Wu and Dalal’s test data does', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('gives WCAG contrast: black on white 21, a colour on itself 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#3d61ff', '#3d61ff')).toBe(1);
  });

  it('loses red against green for protanopia and deuteranopia, not for tritanopia', () => {
    // Red and green of equal lightness: plain to normal vision, nearly one colour without L or M cones.
    const red = '#c0502c';
    const green = '#6a7a00';
    expect(differenceSeen(red, green, 'normal')).toBeGreaterThan(25);
    expect(differenceSeen(red, green, 'deuteranopia')).toBeLessThan(10);
    expect(differenceSeen(red, green, 'protanopia')).toBeLessThan(10);
    expect(differenceSeen(red, green, 'tritanopia')).toBeGreaterThan(20);
  });
});
