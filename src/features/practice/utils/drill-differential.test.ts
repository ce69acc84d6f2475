import { describe, expect, it } from 'vitest';
import { WHITE_CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { drillDifferential } from './drill-differential';

/** A 100-cell drill: the key's count per class, and which cells the student misread as what. */
function drill(key: Partial<Record<CellClass, number>>, misreads: [CellClass, CellClass, number][]) {
  const answers = [];
  let n = 0;
  for (const [truth, count] of Object.entries(key) as [CellClass, number][]) {
    let wrong = misreads.filter(([t]) => t === truth).flatMap(([, a, k]) => Array<CellClass>(k).fill(a));
    for (let i = 0; i < count; i++) {
      const answer = wrong.length > 0 ? wrong[0] : truth;
      wrong = wrong.slice(1);
      answers.push({ itemId: `c${n}`, truth, answer, at: n++ });
    }
  }
  return answers;
}

describe('drillDifferential', () => {
  it('puts each class’s count beside the key’s and judges it against the exact interval of a 100-cell count', () => {
    // Key: 60 N, 30 L, 6 M, 3 E, 1 B. Three monocytes called lymphocytes: L 33 (inside 30's
    // interval, 21.2–40.0 %); M 3 (inside 6's, 2.2–12.6 %).
    const small = drillDifferential(
      drill({ NEUTROPHIL: 60, LYMPHOCYTE: 30, MONOCYTE: 6, EOSINOPHIL: 3, BASOPHIL: 1 }, [
        ['MONOCYTE', 'LYMPHOCYTE', 3],
      ]),
    );
    expect([small.total, small.correct]).toEqual([100, 97]);
    const row = (cls: CellClass) => small.rows.find((r) => r.cls === cls)!;
    expect([row('LYMPHOCYTE').keyCount, row('LYMPHOCYTE').studentCount]).toEqual([30, 33]);
    expect(row('LYMPHOCYTE').interval.low * 100).toBeCloseTo(21.24, 1);
    expect(row('LYMPHOCYTE').interval.high * 100).toBeCloseTo(39.98, 1);
    expect(row('LYMPHOCYTE').withinSampling).toBe(true);
    expect(row('MONOCYTE').withinSampling).toBe(true);

    // Twelve neutrophils called lymphocytes: L 42 lies above 30's interval; N 48 below 60's (49.7–69.7 %).
    const large = drillDifferential(
      drill({ NEUTROPHIL: 60, LYMPHOCYTE: 30, MONOCYTE: 6, EOSINOPHIL: 3, BASOPHIL: 1 }, [
        ['NEUTROPHIL', 'LYMPHOCYTE', 12],
      ]),
    );
    const big = (cls: CellClass) => large.rows.find((r) => r.cls === cls)!;
    expect(big('LYMPHOCYTE').studentCount).toBe(42);
    expect(big('LYMPHOCYTE').withinSampling).toBe(false);
    expect(big('NEUTROPHIL').withinSampling).toBe(false);
    expect(big('EOSINOPHIL').withinSampling).toBe(true);
  });

  it('lists every white-cell class, even one the drill never showed, and nucleated red cells beside them', () => {
    const d = drillDifferential(drill({ NEUTROPHIL: 4 }, []));
    expect(d.rows.map((r) => r.cls)).toEqual([...WHITE_CELL_CLASSES]);
    expect(d.rows.map((r) => r.cls)).toContain('IG');
    expect(d.perHundred.map((r) => r.cls)).toEqual(['ERYTHROBLAST']);
    expect(d.rows.find((r) => r.cls === 'BASOPHIL')).toMatchObject({
      keyCount: 0,
      studentCount: 0,
      withinSampling: true,
    });
  });

  it('counts as a lab reports: percentages over the white cells, immature granulocytes in them, nucleated red cells per 100 beside', () => {
    // Key: 100 white cells (58 N, 30 L, 6 M, 3 E, 1 B, 2 IG) and 4 nucleated red cells. The student
    // takes two of them for lymphocytes and one immature granulocyte for a neutrophil.
    const d = drillDifferential(
      drill({ NEUTROPHIL: 58, LYMPHOCYTE: 30, MONOCYTE: 6, EOSINOPHIL: 3, BASOPHIL: 1, IG: 2, ERYTHROBLAST: 4 }, [
        ['ERYTHROBLAST', 'LYMPHOCYTE', 2],
        ['IG', 'NEUTROPHIL', 1],
      ]),
    );
    expect([d.total, d.correct, d.keyWhiteCells, d.studentWhiteCells]).toEqual([104, 101, 100, 102]);
    const row = (cls: CellClass) => d.rows.find((r) => r.cls === cls)!;
    // The key's percentages are its counts, over its 100 white cells; the nucleated red cells are in none of them.
    expect(d.rows.map((r) => r.keyPercent)).toEqual(d.rows.map((r) => r.keyCount));
    expect(d.rows.reduce((s, r) => s + r.studentPercent, 0)).toBe(100);
    expect([row('IG').keyPercent, row('IG').studentCount, row('IG').studentPercent]).toEqual([2, 1, 1]);
    // 32 lymphocytes of the student's 102 white cells: 31 %, inside 30's interval.
    expect([row('LYMPHOCYTE').studentCount, row('LYMPHOCYTE').studentPercent]).toEqual([32, 31]);
    expect(row('LYMPHOCYTE').withinSampling).toBe(true);
    expect(d.perHundred[0]).toEqual({
      cls: 'ERYTHROBLAST',
      keyCount: 4,
      studentCount: 2,
      keyPerHundred: 4,
      studentPerHundred: (2 * 100) / 102,
    });
  });
});
