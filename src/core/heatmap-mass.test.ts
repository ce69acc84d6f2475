import { describe, expect, it } from 'vitest';
import { heatmapMassInsideBox } from './heatmap-mass';

const cell = { centreX: 100, centreY: 100, diameter: 40, box: { x: 80, y: 80, width: 40, height: 40 } };

function mapWith(values: (gx: number, gy: number) => number, side = 8) {
  const map = new Float32Array(side * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) map[y * side + x] = values(x, y);
  return { map, side, classIndex: 0 };
}

describe('heatmapMassInsideBox', () => {
  it('is 1 for a map lit only at the centre and small for one lit only at the corners', () => {
    expect(
      heatmapMassInsideBox(
        mapWith((x, y) => (x >= 3 && x <= 4 && y >= 3 && y <= 4 ? 1 : 0)),
        cell,
      ),
    ).toBeCloseTo(1);
    const corners = heatmapMassInsideBox(
      mapWith((x, y) => ((x === 0 || x === 7) && (y === 0 || y === 7) ? 1 : 0)),
      cell,
    );
    expect(corners).toBeLessThan(0.01);
  });

  it('gives a flat map the share of the crop the box covers', () => {
    // crop side = 40 × 1.3 = 52, box 40 × 40 → (40 / 52)² of the area
    expect(
      heatmapMassInsideBox(
        mapWith(() => 1),
        cell,
      ),
    ).toBeCloseTo((40 / 52) ** 2, 5);
  });
});
