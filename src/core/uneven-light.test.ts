import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bloodCellsTestSample } from '@testkit/dataset-sample';
import { decodeImageFile } from '@testkit/decode-file';
import { paintDiscs } from '@testkit/test-image';
import { cutCellCrop } from './cell-crop';
import { findWhiteCells } from './localise';
import type { RgbaImage } from './rgba-image';

/**
 * A lamp too bright in the middle and warm, dimmer towards the corners: the middle clips white,
 * the corners turn yellow. No single triple of gains whitens such a background.
 */
function overExposedWarmFallOff(img: RgbaImage): RgbaImage {
  const { width: w, height: h } = img;
  const data = new Uint8ClampedArray(img.data.length);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const y = (i - x) / w;
    const v = 1 - (0.45 * ((x - w / 2) ** 2 + (y - h / 2) ** 2)) / ((w / 2) ** 2 + (h / 2) ** 2);
    data[i * 4] = img.data[i * 4] * 1.5 * v;
    data[i * 4 + 1] = img.data[i * 4 + 1] * 1.4 * v;
    data[i * 4 + 2] = img.data[i * 4 + 2] * v;
    data[i * 4 + 3] = 255;
  }
  return { data, width: w, height: h };
}

/** An analyser-style single-cell crop: one large cell in the middle, red cells around it. */
function singleCellCrop(): RgbaImage {
  const red: [number, number, number] = [205, 150, 160];
  const around = [
    [40, 40],
    [320, 40],
    [40, 320],
    [320, 320],
    [180, 20],
    [20, 180],
    [340, 180],
    [180, 340],
  ].map(([x, y]) => ({ x, y, r: 34, rgb: red }));
  return paintDiscs(
    360,
    360,
    [232, 226, 215],
    [...around, { x: 180, y: 180, r: 80, rgb: [215, 195, 215] }, { x: 180, y: 180, r: 55, rgb: [110, 60, 150] }],
  );
}

const channelSpread = (px: ArrayLike<number>, at: number) =>
  Math.max(px[at], px[at + 1], px[at + 2]) - Math.min(px[at], px[at + 1], px[at + 2]);

describe('cell finding under uneven light', () => {
  it('finds an analyser crop’s cell under an over-exposed warm lamp, in the middle, at its own scale', () => {
    const { cells, unevenLight } = findWhiteCells(overExposedWarmFallOff(singleCellCrop()));
    expect(unevenLight).toBe(true);
    expect(cells).toHaveLength(1);
    expect(Math.hypot(cells[0].centreX - 180, cells[0].centreY - 180)).toBeLessThan(5);
    // The nucleus is 110 px across, the cell around it 160: the crop rule's diameter sits between.
    expect(cells[0].diameter).toBeGreaterThan(110);
    expect(cells[0].diameter).toBeLessThan(180);
  });

  it('whitens the crop of a cell under uneven light by the background beside the cell', () => {
    const image = overExposedWarmFallOff(singleCellCrop());
    const [cell] = findWhiteCells(image).cells;
    // The crop is 1.3 diameters wide: its corners show the slide around the cell, not the cell.
    const crop = cutCellCrop(image, cell, cell.gains, 64);
    for (const at of [0, (64 - 1) * 4, 64 * 63 * 4, (64 * 64 - 1) * 4]) {
      expect(channelSpread(crop, at), `corner ${at}`).toBeLessThanOrEqual(25);
      expect(crop[at] + crop[at + 1] + crop[at + 2]).toBeGreaterThan(3 * 215);
    }
  });

  it('finds the cells of real fields under an over-exposed warm lamp where they were found before', async () => {
    const cells = bloodCellsTestSample();
    const dirs = readdirSync(cells);
    let images = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(join(cells, dir))) {
        const image = await decodeImageFile(join(cells, dir, f));
        const [plain] = findWhiteCells(image).cells;
        const lit = findWhiteCells(overExposedWarmFallOff(image));
        expect(lit.cells.length, f).toBeGreaterThanOrEqual(1);
        const nearest = Math.min(
          ...lit.cells.map((c) => Math.hypot(c.centreX - plain.centreX, c.centreY - plain.centreY)),
        );
        expect(nearest, f).toBeLessThan(0.25 * plain.diameter);
        images++;
      }
    }
    expect(images).toBe(8);
  }, 60_000);

  it('keeps the one-triple white balance, and the gains every cell shares, under even light', () => {
    const evenly = paintDiscs(
      320,
      240,
      [230, 222, 160],
      [
        { x: 100, y: 120, r: 22, rgb: [150, 70, 130] },
        { x: 230, y: 120, r: 22, rgb: [150, 70, 130] },
      ],
    );
    const { cells, gains, unevenLight } = findWhiteCells(evenly);
    expect(unevenLight).toBe(false);
    expect(cells).toHaveLength(2);
    for (const c of cells) expect(c.gains).toEqual(gains);
  });

  it('finds a cell whose crop is padded with black up to the cell, as at a field’s corner', () => {
    const img = singleCellCrop();
    for (let i = 0; i < 360 * 360; i++) {
      const x = i % 360;
      if (x < 100 || i < 360 * 100) img.data.set([0, 0, 0], i * 4);
    }
    const { cells } = findWhiteCells(img);
    expect(cells).toHaveLength(1);
    expect(Math.hypot(cells[0].centreX - 180, cells[0].centreY - 180)).toBeLessThan(30);
  });
});
