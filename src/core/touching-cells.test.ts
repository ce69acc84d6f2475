import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { paintDiscs } from '@testkit/test-image';
import { findWhiteCells } from './localise';
import { boxIoU, type Box } from './rgba-image';
import { distanceTransform, nucleusBlobs, splitTouchingNuclei, type GroupMask } from './touching-cells';

const PALE: [number, number, number] = [225, 220, 228];
const PINK: [number, number, number] = [215, 160, 170];
const CYTOPLASM: [number, number, number] = [205, 190, 215];
const NUCLEUS: [number, number, number] = [105, 70, 170];

/** A mask of w × h with the given discs set. */
function discMask(w: number, h: number, discs: { x: number; y: number; r: number }[]): GroupMask {
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (discs.some((d) => (x - d.x) ** 2 + (y - d.y) ** 2 <= d.r ** 2)) mask[y * w + x] = 1;
    }
  }
  return { mask, width: w, height: h };
}

/** A white cell: its cytoplasm disc, then its nucleus on top. */
function cell(x: number, y: number, r: number, nucleusR: number) {
  return [
    { x, y, r, rgb: CYTOPLASM },
    { x, y, r: nucleusR, rgb: NUCLEUS },
  ];
}

describe('distanceTransform', () => {
  it('reads a disc’s radius at its centre and 1 at its rim', () => {
    const disc = discMask(61, 61, [{ x: 30, y: 30, r: 25 }]);
    const d = distanceTransform(disc);
    expect(d[30 * 61 + 30]).toBeGreaterThan(25 * 0.92);
    expect(d[30 * 61 + 30]).toBeLessThan(26 * 1.08);
    expect(d[30 * 61 + 5]).toBeLessThanOrEqual(1.34);
    expect(d[0]).toBe(0);
  });
});

describe('nucleusBlobs', () => {
  it('keeps one round or elongated nucleus as one blob', () => {
    expect(nucleusBlobs(discMask(60, 60, [{ x: 30, y: 30, r: 20 }]), 0.6).blobs).toHaveLength(1);
    const kidney = discMask(90, 60, [
      { x: 30, y: 30, r: 18 },
      { x: 45, y: 30, r: 18 },
      { x: 60, y: 30, r: 18 },
    ]);
    expect(nucleusBlobs(kidney, 0.6).blobs).toHaveLength(1);
  });

  it('cuts two round masses joined by a narrow neck into two blobs of about equal area', () => {
    const pair = discMask(100, 50, [
      { x: 27, y: 25, r: 20 },
      { x: 71, y: 25, r: 20 },
      { x: 49, y: 25, r: 4 },
    ]);
    const { blobs } = nucleusBlobs(pair, 0.6);
    expect(blobs).toHaveLength(2);
    const [a, b] = blobs.map((bl) => bl.area);
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.8);
  });
});

describe('splitTouchingNuclei', () => {
  it('splits two nuclei with a gap between them, far apart for their size', () => {
    const twoCells = discMask(110, 50, [
      { x: 25, y: 25, r: 20 },
      { x: 85, y: 25, r: 20 },
    ]);
    const { cells, labels } = splitTouchingNuclei(twoCells);
    expect(cells).toBe(2);
    expect(labels[25 * 110 + 25]).not.toBe(labels[25 * 110 + 85]);
  });

  it('keeps three close lobes of one segmented nucleus together', () => {
    const lobes = discMask(70, 70, [
      { x: 20, y: 25, r: 11 },
      { x: 46, y: 25, r: 11 },
      { x: 33, y: 47, r: 11 },
    ]);
    expect(splitTouchingNuclei(lobes).cells).toBe(1);
  });
});

describe('findWhiteCells on touching cells', () => {
  it('gives each of two touching synthetic cells its own box', () => {
    const img = paintDiscs(320, 240, PALE, [
      { x: 40, y: 40, r: 22, rgb: PINK },
      { x: 280, y: 200, r: 22, rgb: PINK },
      ...cell(130, 120, 28, 22),
      ...cell(184, 126, 28, 22),
    ]);
    const { cells } = findWhiteCells(img);
    expect(cells).toHaveLength(2);
    const centres = cells.map((c) => [Math.round(c.centreX), Math.round(c.centreY)]).sort((a, b) => a[0] - b[0]);
    expect(Math.abs(centres[0][0] - 130)).toBeLessThan(3);
    expect(Math.abs(centres[1][0] - 184)).toBeLessThan(3);
  });

  it('splits a real pair: two BCCD white cells pasted so that they touch', async () => {
    const { boxes }: { boxes: Box[] } = JSON.parse(readFileSync('fixtures/touching/pair.json', 'utf8'));
    const { cells } = findWhiteCells(await decodeImageFile('fixtures/touching/pair.jpg'));
    expect(cells).toHaveLength(2);
    for (const t of boxes) expect(Math.max(...cells.map((c) => boxIoU(c.box, t)))).toBeGreaterThanOrEqual(0.5);
  });
});
