import { CELL_FACTS } from '@/core/cell-facts';
import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS, type CellClass } from '@/core/model-spec';
import type { Box } from '@/core/rgba-image';
import { seededRandom } from '@/core/seeded-random';
import { drillFieldUrl, type DrillField } from '@/lib/network/drill-fields';
import { practiceImageUrl, type PracticeItem } from '@/lib/network/practice-manifest';

export const DRILL_SIZES = [100, 200] as const;
export type DrillSize = (typeof DRILL_SIZES)[number];

/** One white cell to tally: where it is, and the key's class. */
export interface DrillCell {
  /** "pbc:eosinophil-03" for a practice-set cell, "bccd-00012#0" for the first cell of a field. */
  readonly id: string;
  readonly truth: CellClass;
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly box: Box;
  /** A piece of a smear field (several cells may share it) rather than one centred cell. */
  readonly wholeField: boolean;
}

/** A drill code: letters, digits and dashes, short enough to read out or type. */
const SEED = /^[a-z0-9-]{1,24}$/;

export function isDrillSeed(text: string): boolean {
  return SEED.test(text);
}

/** A fresh six-character code; two students who type the same code take the same drill. */
export function newDrillSeed(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint32Array(6)), (n) => alphabet[n % alphabet.length]).join('');
}

/** FNV-1a: a drill code as the random generator's seed. */
export function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * How often a class turns up on a normal adult smear: the middle of its normal share in the cell
 * facts ("40–70%" → 0.55), so a drill's mix is a slide's, and a class added to the model brings
 * its own share with it. A class absent from normal blood (immature granulocytes, nucleated red
 * cells: "0%") still turns up as often as a basophil, 1 cell in 200: a student meets the
 * occasional one, as on the smears of patients.
 */
export function typicalShare(cls: CellClass): number {
  const numbers = (CELL_FACTS[cls].normalShare.match(/[\d.]+/g) ?? []).map(Number);
  if (numbers.length === 0) return 0.01;
  const mid = (Math.min(...numbers) + Math.max(...numbers)) / 2;
  return Math.max(mid, 0.5) / 100;
}

/** A field or a single cell: it enters the drill whole, its cells one after another. */
type Unit = readonly DrillCell[];

function units(items: readonly PracticeItem[], fields: readonly DrillField[]): Unit[] {
  const fromItems = items.map((i): Unit => [
    {
      id: `pbc:${i.id}`,
      truth: i.label,
      url: practiceImageUrl(i),
      width: i.width,
      height: i.height,
      box: i.box,
      wholeField: false,
    },
  ]);
  const fromFields = fields.map((f): Unit =>
    // Left to right, as the eye moves across a field.
    [...f.cells]
      .map((c, n) => ({ c, n }))
      .sort((a, b) => a.c.box.x - b.c.box.x)
      .map(({ c, n }) => ({
        id: `${f.id}#${n}`,
        truth: c.label,
        url: drillFieldUrl(f),
        width: f.width,
        height: f.height,
        box: c.box,
        wholeField: true,
      })),
  );
  return [...fromItems, ...fromFields];
}

/** White cells among a unit's cells, by the key: nucleated red cells are counted beside them. */
function whiteCellsIn(unit: Unit): number {
  return unit.filter((c) => !PER_HUNDRED_WHITE_CELLS.includes(c.truth)).length;
}

/**
 * The drill a code stands for: `size` white cells in a slide's order, and the nucleated red cells
 * met on the way, as a lab counts 100 white cells and tallies the nucleated red cells beside
 * them. Each next cell's class is drawn at its share on a normal smear (a neutrophil about half
 * the time, a basophil, an immature granulocyte or a nucleated red cell seldom), then a field or
 * single cell of that class not yet used, so classes come mixed, never grouped as an analyser
 * shows them. When a class's cells run out, the others fill in. The same code, size and image
 * sets give the same drill on every device.
 */
export function buildDrill(
  seed: string,
  size: number,
  items: readonly PracticeItem[],
  fields: readonly DrillField[],
): DrillCell[] {
  const random = seededRandom(seedNumber(`${seed}/${size}`));
  const left = units(items, fields);
  const cells: DrillCell[] = [];
  let whiteCells = 0;
  for (;;) {
    const fits = left.filter((u) => whiteCells + whiteCellsIn(u) <= size);
    // Ends with the last white cell that fits: a nucleated red cell is met only on the way to it.
    if (!fits.some((u) => whiteCellsIn(u) > 0)) break;
    const classes = CELL_CLASSES.filter((c) => fits.some((u) => u[0].truth === c));
    const shares = classes.map(typicalShare);
    let r = random() * shares.reduce((a, b) => a + b, 0);
    const cls = classes.find((_, i) => (r -= shares[i]) < 0) ?? classes[classes.length - 1];
    const candidates = fits.filter((u) => u[0].truth === cls);
    const unit = candidates[Math.floor(random() * candidates.length)];
    left.splice(left.indexOf(unit), 1);
    cells.push(...unit);
    whiteCells += whiteCellsIn(unit);
  }
  return cells;
}
