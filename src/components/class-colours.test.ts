import { describe, expect, it } from 'vitest';
import { contrastRatio, differenceSeen, VISIONS } from '@testkit/colour-vision';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_COLOURS, NOT_WHITE_CELL_COLOURS } from './class-colours';

/** The page's surfaces a bar, an outline or a chip sits on: a white card, a dark card (slate-900). */
const LIGHT_PAGE = '#ffffff';
const DARK_PAGE = '#0f172a';

/** The hex colour of a Tailwind arbitrary-value class in a list: `bg-[#3d61ff]`, `dark:text-[#d8dfff]`. */
function hexOf(classes: string, utility: string): string {
  const m = new RegExp(`(?:^|\\s)${utility.replace(':', '\\:')}-\\[(#[0-9a-f]{6})\\]`, 'i').exec(classes);
  if (!m) throw new Error(`No ${utility}-[#rrggbb] in "${classes}"`);
  return m[1];
}

const ALL = [
  ...CELL_CLASSES.map((c) => [c, CLASS_COLOURS[c]] as const),
  ['not a white cell', NOT_WHITE_CELL_COLOURS] as const,
];

describe('CLASS_COLOURS', () => {
  it('gives every class its own bar, outline colour and chip, the bar the outline’s colour', () => {
    for (const key of ['bar', 'stroke', 'chip'] as const) {
      const values = ALL.map(([, c]) => c[key]);
      expect(new Set(values).size, key).toBe(ALL.length);
    }
    for (const [name, c] of ALL) expect(hexOf(c.bar, 'bg'), name).toBe(c.stroke);
  });

  it('keeps every two classes apart for normal vision, protanopia, deuteranopia and tritanopia', () => {
    // CIEDE2000 of the simulated colours; 12 is far beyond a just-noticeable difference (about 1),
    // so two small boxes side by side still read as two colours.
    for (const vision of VISIONS) {
      for (let i = 0; i < ALL.length; i++) {
        for (let j = i + 1; j < ALL.length; j++) {
          const [a, ca] = ALL[i];
          const [b, cb] = ALL[j];
          expect(differenceSeen(ca.stroke, cb.stroke, vision), `${a} and ${b}, ${vision}`).toBeGreaterThanOrEqual(12);
        }
      }
    }
  });

  it('draws every bar and outline at 3:1 or more against a light and a dark page', () => {
    for (const [name, c] of ALL) {
      expect(contrastRatio(c.stroke, LIGHT_PAGE), `${name}, light`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(c.stroke, DARK_PAGE), `${name}, dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes every chip’s name at 7:1 or more, in light and dark themes alike', () => {
    for (const [name, c] of ALL) {
      expect(contrastRatio(hexOf(c.chip, 'text'), hexOf(c.chip, 'bg')), `${name}, light`).toBeGreaterThanOrEqual(7);
      expect(
        contrastRatio(hexOf(c.chip, 'dark:text'), hexOf(c.chip, 'dark:bg')),
        `${name}, dark`,
      ).toBeGreaterThanOrEqual(7);
    }
  });
});
