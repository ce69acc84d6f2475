import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { paintDiscs } from '@testkit/test-image';
import { findWhiteCells } from './localise';
import { boxIoU, type Box } from './rgba-image';

const PALE: [number, number, number] = [225, 220, 228];
const PINK: [number, number, number] = [215, 160, 170];
const NUCLEUS: [number, number, number] = [105, 70, 170];

describe('findWhiteCells', () => {
  it('finds the one purple nucleus among pink red cells and boxes it', () => {
    const img = paintDiscs(320, 240, PALE, [
      { x: 50, y: 50, r: 22, rgb: PINK },
      { x: 260, y: 180, r: 22, rgb: PINK },
      { x: 200, y: 60, r: 22, rgb: PINK },
      { x: 120, y: 150, r: 28, rgb: NUCLEUS },
    ]);
    const { cells } = findWhiteCells(img);
    expect(cells).toHaveLength(1);
    expect(Math.abs(cells[0].centreX - 120)).toBeLessThan(1.5);
    expect(Math.abs(cells[0].centreY - 150)).toBeLessThan(1.5);
    expect(cells[0].touchesEdge).toBe(false);
  });

  it('finds nothing in a field of red cells only, nor in a blank slide', () => {
    const redOnly = paintDiscs(320, 240, PALE, [
      { x: 60, y: 60, r: 25, rgb: PINK },
      { x: 160, y: 120, r: 25, rgb: PINK },
    ]);
    expect(findWhiteCells(redOnly).cells).toHaveLength(0);
    expect(findWhiteCells(paintDiscs(64, 64, PALE, [])).cells).toHaveLength(0);
  });

  it('ignores platelet-sized purple specks', () => {
    const img = paintDiscs(320, 240, PALE, [{ x: 100, y: 100, r: 3, rgb: NUCLEUS }]);
    expect(findWhiteCells(img).cells).toHaveLength(0);
  });

  it('joins the lobes of one segmented nucleus into one cell', () => {
    const img = paintDiscs(320, 240, PALE, [
      { x: 150, y: 120, r: 12, rgb: NUCLEUS },
      { x: 176, y: 120, r: 12, rgb: NUCLEUS },
      { x: 163, y: 143, r: 12, rgb: NUCLEUS },
    ]);
    expect(findWhiteCells(img).cells).toHaveLength(1);
  });

  it('marks a cell cut by the image border', () => {
    const img = paintDiscs(320, 240, PALE, [{ x: 8, y: 120, r: 28, rgb: NUCLEUS }]);
    const { cells } = findWhiteCells(img);
    expect(cells).toHaveLength(1);
    expect(cells[0].touchesEdge).toBe(true);
  });

  it('is not fooled by a tinted background (another lab’s lamp)', () => {
    const yellowish = paintDiscs(320, 240, [230, 222, 160], [{ x: 160, y: 120, r: 28, rgb: [150, 70, 130] }]);
    expect(findWhiteCells(yellowish).cells).toHaveLength(1);
  });

  it('boxes the white cells of real BCCD fields at IoU ≥ 0.5', async () => {
    const truth: Record<string, Box[]> = JSON.parse(readFileSync('fixtures/fields/boxes.json', 'utf8'));
    for (const [file, boxes] of Object.entries(truth)) {
      const { cells } = findWhiteCells(await decodeImageFile(`fixtures/fields/${file}`));
      expect(cells, file).toHaveLength(boxes.length);
      for (const t of boxes) expect(Math.max(...cells.map((c) => boxIoU(c.box, t))), file).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('no white cell', () => {
  it('rejects at least 95% of the committed negative set, and every red-cell-only field, blank slide and text', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('fixtures/negatives').filter((f) => f.endsWith('.jpg'));
    expect(files.length).toBeGreaterThanOrEqual(60);
    const accepted: string[] = [];
    for (const f of files) {
      if (findWhiteCells(await decodeImageFile(`fixtures/negatives/${f}`)).cells.length) accepted.push(f);
    }
    expect(accepted.filter((f) => !f.startsWith('photo-'))).toEqual([]);
    expect(1 - accepted.length / files.length).toBeGreaterThanOrEqual(0.95);
  });
});
