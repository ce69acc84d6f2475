/**
 * Telling touching white cells apart. The cell finder joins nearby nucleus pieces into one group
 * (the lobes of a segmented neutrophil); here a group is cut in two where its pieces fall into two
 * nuclear masses with cytoplasm between them, far apart for their size: single linkage over the
 * gaps between pieces, cut at the widest. One connected piece holding two round nuclei that touch
 * is cut by a watershed of its distance transform at their neck, when they are clearly apart.
 * Either cut stands only where the cell body pinches between the two masses, as two round cells
 * do and one cell with two lobes does not.
 */

/**
 * Tuned on pairs composed from BCCD trainval and PBC validation cells against single PBC
 * validation cells (npm run measure:touching -- --bccd-split trainval --pbc-partition validation);
 * the command's defaults measure them on test cells.
 */
export const TOUCHING_PARAMS = {
  /**
   * Two distance-transform peaks are one blob when the ridge between them stays above this
   * share of the lower peak: a nucleus's own waist is shallow, two nuclei meet at a narrow neck.
   */
  neck: 0.6,
  /** The smaller of the two nuclear masses is at least this share of the larger. */
  minBalance: 0.25,
  /** Centre distance of the two masses over the sum of their equivalent radii (√(area/π)). */
  minSeparation: 1.0,
  /** The widest gap between the pieces over the smaller mass's equivalent radius. */
  minGap: 0.1,
  /** Two touching nuclei in one piece: their separation must reach this. */
  touchingSeparation: 1.5,
  /**
   * Two cells pinch in where they touch; one cell with two lobes (an eosinophil) is round: the
   * cell body's width across the line between the two masses, at its narrowest between them,
   * over its width through the narrower mass's centre, stays below this for two cells.
   */
  maxWaist: 0.97,
};

/** A group's nucleus pixels as a mask over its bounding box (1 = nucleus), row-major. */
export interface GroupMask {
  readonly mask: Uint8Array;
  readonly width: number;
  readonly height: number;
  /**
   * Whether a pixel (box coordinates, which may lie outside the box) belongs to some cell rather
   * than the empty slide: stained, darker than the background.
   */
  readonly body?: (x: number, y: number) => boolean;
}

export interface NucleusSplit {
  /** Per pixel of the box: 0 outside the nucleus, else the cell (1, or 1 and 2). */
  readonly labels: Uint8Array;
  readonly cells: 1 | 2;
}

/** Splits a group's nucleus pixels into the one or two cells they belong to. */
export function splitTouchingNuclei(group: GroupMask, params = TOUCHING_PARAMS): NucleusSplit {
  const { mask, width: w, height: h } = group;
  const whole = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) whole[i] = mask[i];
  const pieces = connectedUnits(group);
  if (pieces.count >= 2) {
    const side = widestGapCut(pieces.unitOf, pieces.count, w, h, params.minBalance);
    const cut = assess(pieces.unitOf, side, w);
    const r = Math.sqrt(Math.min(cut.mass[0], cut.mass[1]) / Math.PI);
    const gap = gapBetween(mask, w, h, (i) => side[pieces.unitOf[i]] === 0) / Math.max(1, r);
    if (
      cut.balance >= params.minBalance &&
      cut.separation >= params.minSeparation &&
      gap >= params.minGap &&
      waistRatio(group, cut.centres) <= params.maxWaist
    ) {
      return { labels: labelled(pieces.unitOf, side), cells: 2 };
    }
    return { labels: whole, cells: 1 };
  }
  const { blobOf, blobs } = nucleusBlobs(group, params.neck);
  if (blobs.length < 2) return { labels: whole, cells: 1 };
  const side = twoMeans(blobs);
  const cut = assess(blobOf, side, w);
  if (
    cut.balance >= params.minBalance &&
    cut.separation >= params.touchingSeparation &&
    waistRatio(group, cut.centres) <= params.maxWaist
  ) {
    return { labels: labelled(blobOf, side), cells: 2 };
  }
  return { labels: whole, cells: 1 };
}

/** Labels 1 and 2 from each unit's side; 0 where no unit. */
function labelled(unitOf: Int32Array, side: number[]): Uint8Array {
  const labels = new Uint8Array(unitOf.length);
  for (let i = 0; i < unitOf.length; i++) if (unitOf[i] >= 0) labels[i] = side[unitOf[i]] + 1;
  return labels;
}

/**
 * How much the cell body narrows between the two masses: the least width across the line joining
 * their centres, between them, over the lesser width through either centre. 0 when no body is
 * given, or a centre lies off it (a ring-shaped nucleus): nothing then refutes the split.
 */
function waistRatio(group: GroupMask, centres: number[][]): number {
  const { body } = group;
  if (!body || centres.length < 2) return 0;
  const [[x1, y1], [x2, y2]] = centres;
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return 0;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const limit = 2 * (group.width + group.height);
  // Width of the body along the perpendicular through (x, y): steps each way to the first slide.
  const widthAt = (x: number, y: number): number => {
    let width = 1;
    for (const sign of [-1, 1]) {
      for (let t = 1; t < limit; t++) {
        if (!body(Math.round(x - sign * uy * t), Math.round(y + sign * ux * t))) break;
        width++;
      }
    }
    return width;
  };
  let waist = Infinity;
  for (let k = 3; k <= 7; k++) waist = Math.min(waist, widthAt(x1 + (x2 - x1) * k * 0.1, y1 + (y2 - y1) * k * 0.1));
  const across = Math.min(widthAt(x1, y1), widthAt(x2, y2));
  return across <= 2 ? 0 : waist / across;
}

/** The two sides' masses and centres, how balanced they are, and how far apart for their size. */
function assess(
  unitOf: Int32Array,
  side: number[],
  w: number,
): { mass: number[]; centres: number[][]; balance: number; separation: number } {
  const mass = [0, 0];
  const sx = [0, 0];
  const sy = [0, 0];
  for (let i = 0; i < unitOf.length; i++) {
    if (unitOf[i] < 0) continue;
    const s = side[unitOf[i]];
    const x = i % w;
    mass[s]++;
    sx[s] += x;
    sy[s] += (i - x) / w;
  }
  if (mass[0] === 0 || mass[1] === 0) return { mass, centres: [], balance: 0, separation: 0 };
  const centres = [0, 1].map((k) => [sx[k] / mass[k], sy[k] / mass[k]]);
  const distance = Math.hypot(centres[0][0] - centres[1][0], centres[0][1] - centres[1][1]);
  return {
    mass,
    centres,
    balance: Math.min(mass[0], mass[1]) / Math.max(mass[0], mass[1]),
    separation: distance / (Math.sqrt(mass[0] / Math.PI) + Math.sqrt(mass[1] / Math.PI)),
  };
}

/** 8-connected pieces of the mask: each pixel's piece (-1 outside) and how many. */
function connectedUnits(group: GroupMask): { unitOf: Int32Array; count: number } {
  const { mask, width: w, height: h } = group;
  const unitOf = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  let count = 0;
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || unitOf[start] >= 0) continue;
    let top = 0;
    stack[top++] = start;
    unitOf[start] = count;
    while (top > 0) {
      const i = stack[--top];
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (mask[j] && unitOf[j] < 0) {
            unitOf[j] = count;
            stack[top++] = j;
          }
        }
      }
    }
    count++;
  }
  return { unitOf, count };
}

/**
 * Single linkage of the pieces over the gaps between them, stopped at two clusters: the cut
 * across the widest gap. Gaps come from one chamfer pass that carries each pixel's nearest piece
 * (a discrete Voronoi partition): where two pieces' regions meet, their gap is the sum of the two
 * distances. Returns each piece's side (0 or 1).
 */
function widestGapCut(unitOf: Int32Array, count: number, w: number, h: number, minBalance: number): number[] {
  const area = new Array<number>(count).fill(0);
  for (let i = 0; i < w * h; i++) if (unitOf[i] >= 0) area[unitOf[i]]++;
  const far = 3 * (w + h);
  const d = new Float32Array(w * h);
  const nearest = new Int32Array(unitOf);
  for (let i = 0; i < w * h; i++) d[i] = unitOf[i] >= 0 ? 0 : far;
  const relax = (i: number, x: number, y: number, step: number) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const j = y * w + x;
    if (nearest[j] >= 0 && d[j] + step < d[i]) {
      d[i] = d[j] + step;
      nearest[i] = nearest[j];
    }
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      relax(i, x - 1, y, 3);
      relax(i, x, y - 1, 3);
      relax(i, x - 1, y - 1, 4);
      relax(i, x + 1, y - 1, 4);
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      relax(i, x + 1, y, 3);
      relax(i, x, y + 1, 3);
      relax(i, x + 1, y + 1, 4);
      relax(i, x - 1, y + 1, 4);
    }
  }
  const gap = new Map<number, number>();
  const meet = (i: number, j: number, step: number) => {
    const a = nearest[i];
    const b = nearest[j];
    if (a < 0 || b < 0 || a === b) return;
    const key = Math.min(a, b) * count + Math.max(a, b);
    const g = d[i] + d[j] + step;
    if (g < (gap.get(key) ?? Infinity)) gap.set(key, g);
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (x + 1 < w) meet(i, i + 1, 3);
      if (y + 1 < h) meet(i, i + w, 3);
      if (x + 1 < w && y + 1 < h) meet(i, i + w + 1, 4);
      if (x > 0 && y + 1 < h) meet(i, i + w - 1, 4);
    }
  }
  // The spanning tree of smallest gaps (Kruskal); cutting one of its edges parts the pieces in
  // two across that gap. The widest edge whose cut leaves the lighter side at least
  // `minBalance` of the heavier wins: a speck far off is not a second cell.
  const edges = [...gap]
    .map(([key, g]) => ({ a: Math.floor(key / count), b: key % count, g }))
    .sort((p, q) => p.g - q.g);
  const parent = Array.from({ length: count }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const tree: { a: number; b: number; g: number }[] = [];
  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) continue;
    parent[rb] = ra;
    tree.push(e);
  }
  let best: number[] = Array.from({ length: count }, (_, k) => (k === 0 ? 0 : 1));
  for (let t = tree.length - 1; t >= 0; t--) {
    const side = sidesWithout(tree, t, count);
    const mass = [0, 0];
    side.forEach((s, k) => (mass[s] += area[k]));
    if (Math.min(mass[0], mass[1]) >= minBalance * Math.max(mass[0], mass[1])) {
      best = side;
      break;
    }
  }
  return best;
}

/** Each piece's side once tree edge `cut` is removed: 0 with piece 0, 1 across the cut. */
function sidesWithout(tree: { a: number; b: number }[], cut: number, count: number): number[] {
  const parent = Array.from({ length: count }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  tree.forEach((e, t) => {
    if (t !== cut) parent[find(e.b)] = find(e.a);
  });
  const first = find(0);
  return parent.map((_, k) => (find(k) === first ? 0 : 1));
}

interface Blob {
  area: number;
  sumX: number;
  sumY: number;
  peak: number;
}

/**
 * Watershed of the distance transform, flooded from the highest distance down: each pixel joins
 * the blob of its processed neighbours; where two blobs meet, they become one unless the level
 * there is below `neck` times the lower blob's peak (a narrow neck between two round masses).
 */
export function nucleusBlobs(group: GroupMask, neck: number): { blobOf: Int32Array; blobs: Blob[] } {
  const { mask, width: w, height: h } = group;
  const distance = distanceTransform(group);
  const order: number[] = [];
  for (let i = 0; i < w * h; i++) if (mask[i]) order.push(i);
  order.sort((a, b) => distance[b] - distance[a]);
  const parent: number[] = [];
  const peak: number[] = [];
  const find = (r: number): number => {
    while (parent[r] !== r) r = parent[r] = parent[parent[r]];
    return r;
  };
  const regionOf = new Int32Array(w * h).fill(-1);
  for (const i of order) {
    const x = i % w;
    const y = (i - x) / w;
    const level = distance[i];
    let own = -1;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if ((dx === 0 && dy === 0) || nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const r = regionOf[ny * w + nx];
        if (r < 0) continue;
        const root = find(r);
        if (own < 0) {
          own = root;
          continue;
        }
        if (root === own) continue;
        // Two blobs meet here: join them only when this is no neck.
        if (level >= neck * Math.min(peak[own], peak[root])) {
          const [high, low] = peak[own] >= peak[root] ? [own, root] : [root, own];
          parent[low] = high;
          own = high;
        } else if (peak[root] > peak[own]) {
          own = root;
        }
      }
    }
    if (own < 0) {
      own = parent.length;
      parent.push(own);
      peak.push(level);
    }
    regionOf[i] = own;
  }
  const index = new Map<number, number>();
  const blobs: Blob[] = [];
  const blobOf = new Int32Array(w * h).fill(-1);
  for (const i of order) {
    const root = find(regionOf[i]);
    let k = index.get(root);
    if (k === undefined) {
      k = blobs.length;
      index.set(root, k);
      blobs.push({ area: 0, sumX: 0, sumY: 0, peak: peak[root] });
    }
    const x = i % w;
    blobs[k].area++;
    blobs[k].sumX += x;
    blobs[k].sumY += (i - x) / w;
    blobOf[i] = k;
  }
  return { blobOf, blobs };
}

/**
 * The shortest distance (3-4 chamfer, in pixels) from a mask pixel on side `first` to a mask
 * pixel on the other side.
 */
function gapBetween(mask: Uint8Array, w: number, h: number, first: (i: number) => boolean): number {
  const far = 3 * (w + h);
  const d = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) d[i] = mask[i] && first(i) ? 0 : far;
  chamferPasses(d, w, h, far);
  let gap = far;
  for (let i = 0; i < w * h; i++) if (mask[i] && !first(i)) gap = Math.min(gap, d[i]);
  return gap / 3;
}

/** The two 3-4 chamfer passes over `d` in place; cells outside the box count as `outside`. */
function chamferPasses(d: Float32Array, w: number, h: number, outside: number): void {
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? outside : d[y * w + x]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      d[i] = Math.min(d[i], at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4);
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      d[i] = Math.min(d[i], at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4);
    }
  }
}

/**
 * Distance of each mask pixel to the nearest pixel outside the mask (the box's outside counts as
 * outside), in pixels, by the two-pass 3-4 chamfer: within 8 % of the true distance.
 */
export function distanceTransform(group: GroupMask): Float32Array {
  const { mask, width: w, height: h } = group;
  const far = 3 * (w + h);
  const d = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) d[i] = mask[i] ? far : 0;
  chamferPasses(d, w, h, 0);
  for (let i = 0; i < w * h; i++) d[i] /= 3;
  return d;
}

/**
 * Deals the blobs into two sides by 2-means on their centres, weighted by area, starting from the
 * two blobs farthest apart. Returns each blob's side (0 or 1).
 */
function twoMeans(blobs: Blob[]): number[] {
  const cx = blobs.map((b) => b.sumX / b.area);
  const cy = blobs.map((b) => b.sumY / b.area);
  // Seeds: the largest blob, and the blob that weighs most far from it (area × distance²), so
  // that a speck at the edge never seeds a side of its own.
  let a = 0;
  blobs.forEach((bl, k) => {
    if (bl.area > blobs[a].area) a = k;
  });
  let b = a === 0 ? 1 : 0;
  let heaviest = -1;
  blobs.forEach((bl, k) => {
    const weight = bl.area * ((cx[k] - cx[a]) ** 2 + (cy[k] - cy[a]) ** 2);
    if (k !== a && weight > heaviest) [heaviest, b] = [weight, k];
  });
  const centre = [
    [cx[a], cy[a]],
    [cx[b], cy[b]],
  ];
  let side = blobs.map(() => 0);
  for (let round = 0; round < 8; round++) {
    const next = blobs.map((_, k) =>
      (cx[k] - centre[0][0]) ** 2 + (cy[k] - centre[0][1]) ** 2 <=
      (cx[k] - centre[1][0]) ** 2 + (cy[k] - centre[1][1]) ** 2
        ? 0
        : 1,
    );
    if (round > 0 && next.every((s, k) => s === side[k])) break;
    side = next;
    for (const s of [0, 1]) {
      let m = 0;
      let x = 0;
      let y = 0;
      blobs.forEach((bl, k) => {
        if (side[k] !== s) return;
        m += bl.area;
        x += bl.sumX;
        y += bl.sumY;
      });
      if (m > 0) centre[s] = [x / m, y / m];
    }
  }
  return side;
}
