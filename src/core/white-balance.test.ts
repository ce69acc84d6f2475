import { describe, expect, it } from 'vitest';
import { paintDiscs } from '@testkit/test-image';
import { applyGains, estimateBackgroundGains } from './white-balance';

describe('estimateBackgroundGains', () => {
  it('maps a tinted background to white and leaves darker objects darker', () => {
    const img = paintDiscs(100, 100, [230, 220, 150], [{ x: 50, y: 50, r: 20, rgb: [120, 60, 110] }]);
    const gains = estimateBackgroundGains(img);
    const px = new Uint8ClampedArray([230, 220, 150, 255, 120, 60, 110, 255]);
    applyGains(px, gains);
    expect(Array.from(px.slice(0, 3)).every((v) => v >= 253)).toBe(true);
    expect(px[4] + px[5] + px[6]).toBeLessThan(600);
  });
});
