import { describe, expect, it } from 'vitest';
import { evaluateWideFields } from './wide-fields';

const BCCD = '../shared/data/bccd';

// Cell finding on fields wider than BCCD's, read on bccd test (the ruler was set on trainval).
// A finder that keeps BCCD's size rules finds 0.648 of the cells of 2 × 2 fields and 0.028 of
// 3 × 3; one that shrinks them for every large image loses precision on a finer camera's field.
describe('wide fields (bccd test)', () => {
  it('finds the cells of 2 × 2 and 3 × 3 fields side by side', async () => {
    for (const n of [2, 3]) {
      const r = await evaluateWideFields(BCCD, 'test', n);
      expect(r.recall, `${n}×${n} recall`).toBeGreaterThanOrEqual(0.93);
      expect(r.precision, `${n}×${n} precision`).toBeGreaterThanOrEqual(0.9);
    }
  }, 120_000);

  it('reads one field with 2× the pixels as one field', async () => {
    const r = await evaluateWideFields(BCCD, 'test', 1, 2);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
