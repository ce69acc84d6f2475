import type { Box, RgbaImage } from '@/core/rgba-image';

/** One real white cell to paste: its image, and the box round the whole cell in that image. */
export interface SourceCell {
  readonly name: string;
  readonly image: RgbaImage;
  readonly box: Box;
}

/** A field holding two white cells that touch: the image and each cell's box in it. */
export interface TouchingPair {
  readonly image: RgbaImage;
  readonly boxes: [Box, Box];
  readonly names: [string, string];
}

/**
 * How far apart the two cells' centres are, as a share of the sum of their radii: 1 touches,
 * below 1 overlaps. Drawn uniformly in this range, so every pair touches and some overlap a
 * little, as neighbours on a smear do.
 */
export const CENTRE_DISTANCE: readonly [number, number] = [0.85, 1];

/** The pasted disc fades into the field over this share of its radius, so it leaves no hard rim. */
const FEATHER = 0.12;

/** Directions tried before giving up on a pair whose second cell does not fit in the field. */
const ANGLE_TRIES = 24;

/**
 * Pastes cell `b` (a disc round its box, feathered at the rim) into `a`'s field so that it
 * touches `a`'s cell, at a seeded distance and direction that keep it inside the field. Both
 * cells are real and keep their own pixels and scale; `a`'s field gives the background and its
 * red cells. Returns null when no direction fits.
 */
export function composeTouchingPair(a: SourceCell, b: SourceCell, random: () => number): TouchingPair | null {
  const { width: w, height: h } = a.image;
  const ra = radius(a.box);
  const rb = radius(b.box);
  const [lo, hi] = CENTRE_DISTANCE;
  const distance = (ra + rb) * (lo + (hi - lo) * random());
  const ax = a.box.x + a.box.width / 2;
  const ay = a.box.y + a.box.height / 2;
  const first = random() * 2 * Math.PI;
  for (let t = 0; t < ANGLE_TRIES; t++) {
    const angle = first + (2 * Math.PI * t) / ANGLE_TRIES;
    const cx = ax + distance * Math.cos(angle);
    const cy = ay + distance * Math.sin(angle);
    const box = {
      x: cx - b.box.width / 2,
      y: cy - b.box.height / 2,
      width: b.box.width,
      height: b.box.height,
    };
    if (box.x < 1 || box.y < 1 || box.x + box.width > w - 1 || box.y + box.height > h - 1) continue;
    const data = new Uint8ClampedArray(a.image.data);
    pasteDisc(data, w, h, b, cx - (b.box.x + b.box.width / 2), cy - (b.box.y + b.box.height / 2));
    return { image: { data, width: w, height: h }, boxes: [a.box, box], names: [a.name, b.name] };
  }
  return null;
}

/** A cell's radius: half the mean side of its box. */
function radius(box: Box): number {
  return (box.width + box.height) / 4;
}

/** Blends the disc round `cell`'s box, shifted by (dx, dy), over the field's RGBA bytes. */
function pasteDisc(data: Uint8ClampedArray, w: number, h: number, cell: SourceCell, dx: number, dy: number): void {
  const r = radius(cell.box);
  const sx = cell.box.x + cell.box.width / 2;
  const sy = cell.box.y + cell.box.height / 2;
  const src = cell.image;
  for (let y = Math.max(0, Math.floor(sy + dy - r)); y <= Math.min(h - 1, Math.ceil(sy + dy + r)); y++) {
    for (let x = Math.max(0, Math.floor(sx + dx - r)); x <= Math.min(w - 1, Math.ceil(sx + dx + r)); x++) {
      const fromX = Math.round(x - dx);
      const fromY = Math.round(y - dy);
      if (fromX < 0 || fromY < 0 || fromX >= src.width || fromY >= src.height) continue;
      const rim = (r - Math.hypot(x - dx - sx, y - dy - sy)) / (FEATHER * r);
      if (rim <= 0) continue;
      const alpha = Math.min(1, rim);
      const to = (y * w + x) * 4;
      const from = (fromY * src.width + fromX) * 4;
      for (let c = 0; c < 3; c++) data[to + c] = data[to + c] * (1 - alpha) + src.data[from + c] * alpha;
    }
  }
}

/**
 * `image` with `margin` pixels added on every side, mirrored from the image's own edge: a wider
 * field round a centred single-cell image (PBC) with the same slide and red cells, so a second
 * cell fits beside the first. The margin must not reach the cell, or the cell is mirrored too.
 */
export function mirrorPad(image: RgbaImage, margin: number): RgbaImage {
  const { width: w, height: h } = image;
  const W = w + 2 * margin;
  const H = h + 2 * margin;
  const data = new Uint8ClampedArray(W * H * 4);
  const reflect = (v: number, n: number) => (v < 0 ? -v - 1 : v >= n ? 2 * n - v - 1 : v);
  for (let y = 0; y < H; y++) {
    const fromY = reflect(y - margin, h);
    for (let x = 0; x < W; x++) {
      const from = (fromY * w + reflect(x - margin, w)) * 4;
      data.set(image.data.subarray(from, from + 4), (y * W + x) * 4);
    }
  }
  return { data, width: W, height: H };
}
