import { describe, expect, it } from 'vitest';
import type { CellClass } from '@/core/model-spec';
import type { LabMetrics, ModelMetrics } from './metrics';
import { plainSummary } from './plain-summary';

/** A set from its confusion matrix alone (rows: truth), with the figures the summary reads. */
function lab(classes: CellClass[], confusion: number[][]): LabMetrics {
  const total = confusion.flat().reduce((a, b) => a + b, 0);
  const right = classes.reduce((n, _, i) => n + confusion[i][i], 0);
  const perClass = Object.fromEntries(
    classes.map((c, i) => {
      const support = confusion[i].reduce((a, b) => a + b, 0);
      return [c, { precision: 0, recall: support ? confusion[i][i] / support : 0, f1: 0, support }];
    }),
  );
  return {
    data: 'x',
    images: total,
    accuracy: right / total,
    accuracyCI95: [0, 1],
    macroF1: 0,
    ece: 0,
    classes,
    perClass,
    confusion,
    reliability: [],
    noCellFound: [],
  };
}

const base = { modelVersion: '1.00000000', architecture: 'a', gflopsPerCell: 0, modelBytes: 0 };

describe('plainSummary', () => {
  it('gives each lab its cells right in 100, in the order the card names them', () => {
    const m: ModelMetrics = {
      ...base,
      lisc: lab(
        ['LYMPHOCYTE', 'MONOCYTE'],
        [
          [30, 10],
          [20, 40],
        ],
      ),
      test: lab(
        ['LYMPHOCYTE', 'MONOCYTE'],
        [
          [87, 0],
          [13, 0],
        ],
      ),
    };
    expect(plainSummary(m).labs).toEqual([
      { id: 'test', per100: 87, images: 100 },
      { id: 'lisc', per100: 70, images: 100 },
    ]);
  });

  it('finds the weakest class and the commonest mistake averaged over labs, not pooled', () => {
    // Pooled, the big first lab would make monocytes the weakest; averaged per lab, eosinophils are.
    const m: ModelMetrics = {
      ...base,
      test: lab(
        ['EOSINOPHIL', 'MONOCYTE'],
        [
          [900, 100],
          [400, 600],
        ],
      ),
      pbc: lab(
        ['EOSINOPHIL', 'MONOCYTE'],
        [
          [1, 9],
          [0, 10],
        ],
      ),
    };
    const s = plainSummary(m);
    expect(s.weakest).toEqual({ cls: 'EOSINOPHIL', per100: 50 });
    expect(s.confusion).toEqual({ truth: 'EOSINOPHIL', predicted: 'MONOCYTE', per100: 50 });
  });

  it('leaves the adapted set out of where the shipped model is weak', () => {
    const m: ModelMetrics = {
      ...base,
      test: lab(
        ['LYMPHOCYTE', 'NEUTROPHIL'],
        [
          [10, 0],
          [2, 8],
        ],
      ),
      liscAdapted: {
        ...lab(
          ['LYMPHOCYTE', 'NEUTROPHIL'],
          [
            [0, 10],
            [0, 10],
          ],
        ),
        adaptedOn: 'adapt/',
      },
    };
    const s = plainSummary(m);
    expect(s.labs.map((l) => l.id)).toEqual(['test', 'liscAdapted']);
    expect(s.weakest).toEqual({ cls: 'NEUTROPHIL', per100: 80 });
    expect(s.confusion).toEqual({ truth: 'NEUTROPHIL', predicted: 'LYMPHOCYTE', per100: 20 });
  });

  it('names no mistake when there is none', () => {
    const m: ModelMetrics = {
      ...base,
      test: lab(
        ['LYMPHOCYTE', 'MONOCYTE'],
        [
          [5, 0],
          [0, 5],
        ],
      ),
    };
    expect(plainSummary(m).confusion).toBeUndefined();
  });

  it('counts the cells a lab without IG or NRBC had called them, in 100 to one decimal, shipped sets only', () => {
    const withoutIg = (share: number) => ({
      classes: ['IG', 'ERYTHROBLAST'] as CellClass[],
      perClass: { IG: { count: 0, share: 0 }, ERYTHROBLAST: { count: 0, share: 0 } },
      count: 0,
      share,
    });
    const cells = lab(['LYMPHOCYTE'], [[10]]);
    const m: ModelMetrics = {
      ...base,
      test: { ...cells, falseCalls: withoutIg(0.0123) },
      pbc: cells,
      lisc: { ...cells, falseCalls: withoutIg(0.05) },
      liscAdapted: { ...cells, adaptedOn: 'adapt/', falseCalls: withoutIg(0.5) },
    };
    expect(plainSummary(m).falseCalls).toEqual([
      { id: 'test', classes: ['IG', 'ERYTHROBLAST'], per100: 1.2 },
      { id: 'lisc', classes: ['IG', 'ERYTHROBLAST'], per100: 5 },
    ]);
    expect(plainSummary({ ...base, test: cells }).falseCalls).toEqual([]);
  });
});
