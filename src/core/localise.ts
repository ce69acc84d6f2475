import { fieldMagnification } from './field-scale';
import { LOCALISATION_MAX_SIDE } from './model-spec';
import type { Box, RgbaImage } from './rgba-image';
import { downscaleToFit } from './resample';
import { estimateBackgroundField, gainsAround, gainsPerPixel } from './background-field';
import { splitTouchingNuclei } from './touching-cells';
import { estimateBackgroundGains, type ChannelGains } from './white-balance';

/** A white cell found in an image; all boxes are in the source image's pixels. */
export interface FoundCell {
  /** The whole cell (nucleus and cytoplasm), as a hematologist would box it. */
  readonly box: Box;
  /** The stained nucleus alone. */
  readonly nucleus: Box;
  /** Centre and diameter of the whole cell, unclipped by the border: the crop rule uses these. */
  readonly centreX: number;
  readonly centreY: number;
  readonly diameter: number;
  /** How strongly the nucleus stands out: mean purple excess of its pixels, 0–255. */
  readonly stain: number;
  /** True when the cell's box reaches the image border: part of the cell may be missing. */
  readonly touchesEdge: boolean;
  /** Background-to-white gains where the cell lies: its crop is balanced with these. */
  readonly gains: ChannelGains;
}

export interface Localisation {
  readonly cells: FoundCell[];
  /**
   * Background-to-white gains: the whole image's under even light (every cell shares them);
   * under uneven light, those of the first cell (each cell carries its own in FoundCell.gains).
   */
  readonly gains: ChannelGains;
  /** True when the light was uneven and the background was whitened tile by tile. */
  readonly unevenLight: boolean;
  /** How many times smaller than in a BCCD field the cells were looked for (field-scale.ts); 1 for most images. */
  readonly magnification: number;
}

/** A channel value at which a camera has clipped: the pixel's true colour is unknown. */
const CLIPPED = 250;

/**
 * Below this mean of the white-balanced channels a pixel is part of some cell (cytoplasm, a red
 * cell, a nucleus) rather than the empty slide, which white balance brings near 255.
 */
const CELL_BODY_LIGHTNESS = 225;

/** A cell's crop is whitened by the background this many diameters from its centre: beside it. */
const CELL_GAINS_RADIUS = 0.75;

/** Tuned on bccd trainval; see scripts/evaluate/detect.ts. */
export const LOCALISATION_PARAMS = {
  /** Blue-over-green excess (B − G after white balance) above which a pixel is nucleus. */
  threshold: 65,
  /**
   * White cells are rare: if more than this share of the image passes the threshold, the
   * stain has coloured the red cells too (some labs' stains do), so the threshold is raised
   * in steps until only the strongest-stained objects — the nuclei — remain.
   */
  maxMaskShare: 0.12,
  /** Pieces smaller than this share of the image are dust or platelet fragments. */
  minPieceShare: 0.003,
  /** A nucleus (all its lobes together) smaller than this share is a platelet clump. */
  minNucleusShare: 0.008,
  /** Lobes closer than this times √(nucleus area) belong to one cell. */
  mergeDistance: 0.35,
  /** Cell box side over the nucleus box's longer side: the cytoplasm around the nucleus. */
  cellOverNucleus: 1.2,
  /**
   * Above this share of green, yellow or cyan pixels the image is not a stained smear (a photo,
   * a chart): Romanowsky stains leave only pinks, purples and greys once white balanced.
   * Stained fields score ≤ 0.005 (blood-cells TRAIN and bccd, see training/results).
   */
  maxOffStainShare: 0.02,
  /**
   * Romanowsky-stained chromatin is purple: its red stays above this share of its blue (≥ 0.51
   * in blood-cells TRAIN). Pure blue objects — ink, paint, a car — fall near 0.2.
   */
  minRedOverBlue: 0.35,
  /**
   * A nucleus has an edge: its mean excess exceeds that of the ring around its box by at least
   * this much. A colour wash (a gradient, a sky) has none: its "nucleus" fades into the ring.
   */
  minEdgeContrast: 40,
  /** A nucleus whose box covers more of the image than this is a colour wash, not a cell. */
  maxNucleusShare: 0.45,
};

/**
 * Finds the white blood cells in a stained smear image.
 *
 * White-cell nuclei are the only large objects that are both red and blue (purple) against a
 * green deficit; red cells lack blue excess, the background is neutral once white balanced.
 * The rule works on a downscaled copy so its cost does not grow with the camera's resolution.
 */
export function findWhiteCells(img: RgbaImage, params = LOCALISATION_PARAMS): Localisation {
  const { work, scale, magnification } = workingCopy(img);
  // The size rules are shares of a BCCD-magnification field; a field m times smaller in scale
  // holds nuclei m² times smaller in share.
  const areaScale = 1 / (magnification * magnification);
  const { width: w, height: h } = work;
  const globalGains = estimateBackgroundGains(work);
  let cellGains: (x: number, y: number, diameter: number) => ChannelGains = () => globalGains;
  let balance: Balance = { uniform: globalGains, perPixel: null };
  if (offStainShare(work, balance) > params.maxOffStainShare) {
    // Off-stain colour left after one triple may be a lamp that lights the frame unevenly (a
    // clipped white middle, warm corners) rather than a photo: whiten each region by its own
    // background and ask again. Images that pass with one triple keep exactly today's gains.
    const field = estimateBackgroundField(work, globalGains);
    balance = { uniform: null, perPixel: gainsPerPixel(field) };
    if (offStainShare(work, balance) > params.maxOffStainShare) {
      return { cells: [], gains: globalGains, magnification, unevenLight: false };
    }
    cellGains = (x, y, diameter) => gainsAround(field, x, y, CELL_GAINS_RADIUS * diameter);
  }
  const { mask, excess } = nucleusMask(work, balance, params.threshold, params.maxMaskShare);
  const { pieces: allPieces, labels } = connectedPieces(mask, work, balance);
  const pieces = allPieces.filter((p) => p.area >= params.minPieceShare * areaScale * w * h);
  const minNucleusArea = params.minNucleusShare * areaScale * w * h;
  const groups = mergeLobes(pieces, params.mergeDistance).flatMap((g) =>
    // A wide field's cells are looked for at a finer scale, a few working pixels across: too few
    // for their outline to tell a pinch between two cells from one cell's lobes.
    g.area < minNucleusArea || magnification > 1 ? [g] : splitGroup(g, labels, mask, work, balance, minNucleusArea),
  );
  const cells: FoundCell[] = [];
  for (const g of groups) {
    if (g.area < minNucleusArea || g.redSum < params.minRedOverBlue * g.blueSum) continue;
    const nucleus = { x: g.x0, y: g.y0, width: g.x1 - g.x0 + 1, height: g.y1 - g.y0 + 1 };
    if (nucleus.width * nucleus.height > params.maxNucleusShare * w * h) continue;
    if (g.stainSum / g.area - ringMean(excess, w, h, nucleus) < params.minEdgeContrast) continue;
    const side = Math.max(nucleus.width, nucleus.height) * params.cellOverNucleus;
    const bw = nucleus.width * params.cellOverNucleus;
    const bh = nucleus.height * params.cellOverNucleus;
    const cx = nucleus.x + nucleus.width / 2;
    const cy = nucleus.y + nucleus.height / 2;
    const box = clipBox({ x: cx - bw / 2, y: cy - bh / 2, width: bw, height: bh }, w, h);
    const touchesEdge = box.x <= 0.5 || box.y <= 0.5 || box.x + box.width >= w - 0.5 || box.y + box.height >= h - 0.5;
    cells.push({
      box: scaleBox(box, 1 / scale),
      nucleus: scaleBox(nucleus, 1 / scale),
      centreX: cx / scale,
      centreY: cy / scale,
      diameter: side / scale,
      stain: g.stainSum / g.area,
      touchesEdge,
      gains: cellGains(cx, cy, side),
    });
  }
  cells.sort((a, b) => b.stain * b.nucleus.width - a.stain * a.nucleus.width);
  const unevenLight = balance.perPixel !== null;
  const gains = unevenLight ? (cells[0]?.gains ?? cellGains(w / 2, h / 2, 0)) : globalGains;
  return { cells, gains, magnification, unevenLight };
}

/**
 * The copy the rules run on: LOCALISATION_MAX_SIDE on its longer side, or up to `magnification`
 * times more when the field is wide (fieldMagnification), so that small cells keep their pixels.
 */
function workingCopy(img: RgbaImage): { work: RgbaImage; scale: number; magnification: number } {
  const plain = downscaleToFit(img, LOCALISATION_MAX_SIDE);
  const magnification = fieldMagnification(plain.image, Math.max(img.width, img.height));
  if (magnification === 1) return { work: plain.image, scale: plain.scale, magnification };
  const fine = downscaleToFit(img, Math.round(LOCALISATION_MAX_SIDE * magnification));
  return { work: fine.image, scale: fine.scale, magnification };
}

/**
 * Background-to-white gains for every pixel of the working copy: one triple under even light,
 * or three floats per pixel (GainField) under uneven light.
 */
type Balance = { uniform: ChannelGains; perPixel: null } | { uniform: null; perPixel: Float32Array };

function nucleusMask(
  img: RgbaImage,
  balance: Balance,
  threshold: number,
  maxShare: number,
): { mask: Float32Array; excess: Float32Array } {
  const n = img.width * img.height;
  const excess = new Float32Array(n);
  const d = img.data;
  const { uniform, perPixel } = balance;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    // Nuclei absorb green far more than blue whatever the stain's hue (violet, blue, magenta);
    // red cells and the background absorb both about alike.
    const e = uniform
      ? d[p + 2] * uniform[2] - d[p + 1] * uniform[1]
      : d[p + 2] * perPixel[3 * i + 2] - d[p + 1] * perPixel[3 * i + 1];
    excess[i] = e;
    histogram[Math.max(0, Math.min(255, Math.floor(e)))]++;
  }
  let t = threshold;
  const above = (v: number) => histogram.slice(Math.min(255, Math.ceil(v))).reduce((a, b) => a + b, 0);
  while (t < 200 && above(t) > maxShare * n) t += 15;
  const mask = excess.map((e) => (e >= t ? e : 0));
  return { mask, excess };
}

/** Mean excess in the ring between a box and the box grown by a third of its size on each side. */
function ringMean(excess: Float32Array, w: number, h: number, b: Box): number {
  const mx = Math.ceil(b.width / 3);
  const my = Math.ceil(b.height / 3);
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, b.y - my); y < Math.min(h, b.y + b.height + my); y++) {
    for (let x = Math.max(0, b.x - mx); x < Math.min(w, b.x + b.width + mx); x++) {
      if (x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height) continue;
      sum += excess[y * w + x];
      count++;
    }
  }
  return count ? sum / count : 0;
}

/**
 * Share of clearly coloured pixels whose hue no smear stain gives: green, cyan, yellow. Under
 * uneven light (a per-pixel balance) pixels with a clipped channel are left out: an over-exposed
 * lamp clips red and green first, and what is left of such a pixel's hue is the camera's, not
 * the slide's.
 */
function offStainShare(img: RgbaImage, balance: Balance): number {
  const n = img.width * img.height;
  const d = img.data;
  const { uniform, perPixel } = balance;
  let off = 0;
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    if (!uniform && Math.max(d[p], d[p + 1], d[p + 2]) >= CLIPPED) continue;
    const r = Math.min(255, d[p] * (uniform ? uniform[0] : perPixel[3 * i]));
    const g = Math.min(255, d[p + 1] * (uniform ? uniform[1] : perPixel[3 * i + 1]));
    const b = Math.min(255, d[p + 2] * (uniform ? uniform[2] : perPixel[3 * i + 2]));
    if (Math.max(r, g, b) - Math.min(r, g, b) <= 30) continue;
    const greenish = g >= r - 5 && g >= b - 5;
    const yellowish = r >= g && g > b && g - b > 0.6 * (r - b);
    if (greenish || yellowish) off++;
  }
  return off / n;
}

interface Piece {
  /** The connected pieces (their labels) this piece or group is made of; a split part keeps its group's. */
  members: number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  area: number;
  stainSum: number;
  redSum: number;
  blueSum: number;
}

/**
 * 4-connected components of the non-zero pixels, by an explicit stack (no recursion limits), and
 * each pixel's component (its label; -1 for none).
 */
function connectedPieces(
  excess: Float32Array,
  img: RgbaImage,
  balance: Balance,
): { pieces: Piece[]; labels: Int32Array } {
  const { width: w, height: h } = img;
  const labels = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const pieces: Piece[] = [];
  for (let start = 0; start < w * h; start++) {
    if (labels[start] >= 0 || excess[start] === 0) continue;
    const label = pieces.length;
    const piece = emptyPiece([label], w, h);
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const i = stack[--top];
      const x = i % w;
      const y = (i - x) / w;
      addPixel(piece, i, x, y, excess, img, balance);
      const visit = (j: number) => {
        if (labels[j] < 0 && excess[j] > 0) {
          labels[j] = label;
          stack[top++] = j;
        }
      };
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (y > 0) visit(i - w);
      if (y < h - 1) visit(i + w);
    }
    pieces.push(piece);
  }
  return { pieces, labels };
}

function emptyPiece(members: number[], w: number, h: number): Piece {
  return { members, x0: w, y0: h, x1: 0, y1: 0, area: 0, stainSum: 0, redSum: 0, blueSum: 0 };
}

function addPixel(
  piece: Piece,
  i: number,
  x: number,
  y: number,
  excess: Float32Array,
  img: RgbaImage,
  balance: Balance,
): void {
  const { uniform, perPixel } = balance;
  piece.area++;
  piece.stainSum += excess[i];
  piece.redSum += img.data[i * 4] * (uniform ? uniform[0] : perPixel[3 * i]);
  piece.blueSum += img.data[i * 4 + 2] * (uniform ? uniform[2] : perPixel[3 * i + 2]);
  if (x < piece.x0) piece.x0 = x;
  if (x > piece.x1) piece.x1 = x;
  if (y < piece.y0) piece.y0 = y;
  if (y > piece.y1) piece.y1 = y;
}

/**
 * A group of lobes as the cells it holds: itself, or two groups when its nucleus pixels are the
 * nuclei of two touching cells (touching-cells.ts), each large enough to be a nucleus.
 */
function splitGroup(
  g: Piece,
  labels: Int32Array,
  excess: Float32Array,
  img: RgbaImage,
  balance: Balance,
  minNucleusArea: number,
): Piece[] {
  const w = img.width;
  // A nucleus cut by the image border has lost part of its outline: its shape cannot tell two
  // touching cells from one cell's lobes, and a split there made two cells of one eosinophil.
  if (g.x0 <= 0 || g.y0 <= 0 || g.x1 >= w - 1 || g.y1 >= img.height - 1) return [g];
  const bw = g.x1 - g.x0 + 1;
  const bh = g.y1 - g.y0 + 1;
  const members = new Set(g.members);
  const mask = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const label = labels[(y + g.y0) * w + x + g.x0];
      if (label >= 0 && members.has(label)) mask[y * bw + x] = 1;
    }
  }
  const { uniform, perPixel } = balance;
  const body = (bx: number, by: number): boolean => {
    const x = bx + g.x0;
    const y = by + g.y0;
    if (x < 0 || y < 0 || x >= w || y >= img.height) return false;
    const i = y * w + x;
    const d = img.data;
    const lightness = uniform
      ? d[i * 4] * uniform[0] + d[i * 4 + 1] * uniform[1] + d[i * 4 + 2] * uniform[2]
      : d[i * 4] * perPixel[3 * i] + d[i * 4 + 1] * perPixel[3 * i + 1] + d[i * 4 + 2] * perPixel[3 * i + 2];
    return lightness < 3 * CELL_BODY_LIGHTNESS;
  };
  const split = splitTouchingNuclei({ mask, width: bw, height: bh, body });
  if (split.cells < 2) return [g];
  const parts = [emptyPiece(g.members, img.width, img.height), emptyPiece(g.members, img.width, img.height)];
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const side = split.labels[y * bw + x];
      if (side) addPixel(parts[side - 1], (y + g.y0) * w + x + g.x0, x + g.x0, y + g.y0, excess, img, balance);
    }
  }
  return parts.every((p) => p.area >= minNucleusArea) ? parts : [g];
}

/** Greedily joins pieces whose boxes lie within `distance` × √area of the larger group. */
function mergeLobes(pieces: Piece[], distance: number): Piece[] {
  const groups = pieces.map((p) => ({ ...p, members: [...p.members] })).sort((a, b) => b.area - a.area);
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < groups.length && !merged; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        const gap = Math.max(b.x0 - a.x1, a.x0 - b.x1, b.y0 - a.y1, a.y0 - b.y1, 0);
        if (gap <= distance * Math.sqrt(Math.max(a.area, b.area))) {
          a.x0 = Math.min(a.x0, b.x0);
          a.y0 = Math.min(a.y0, b.y0);
          a.x1 = Math.max(a.x1, b.x1);
          a.y1 = Math.max(a.y1, b.y1);
          a.members.push(...b.members);
          a.area += b.area;
          a.stainSum += b.stainSum;
          a.redSum += b.redSum;
          a.blueSum += b.blueSum;
          groups.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return groups;
}

function clipBox(b: Box, w: number, h: number): Box {
  const x0 = Math.max(0, b.x);
  const y0 = Math.max(0, b.y);
  const x1 = Math.min(w, b.x + b.width);
  const y1 = Math.min(h, b.y + b.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function scaleBox(b: Box, s: number): Box {
  return { x: b.x * s, y: b.y * s, width: b.width * s, height: b.height * s };
}
