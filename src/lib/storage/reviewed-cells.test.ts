import { describe, expect, it } from 'vitest';
import type { AnalysedCell } from '@/core/analyse';
import { cellKey, NOT_WBC, type CaseImage, type CaseMeta, type FinalClass } from './case-types';
import { baseModelVersion, imagesWithReviewedCells, reviewedCells } from './reviewed-cells';

const cell = { predicted: 'NEUTROPHIL' } as AnalysedCell;
const features = (v: number) => new Float32Array([v, v, v]);

function emptyTestCase(decisions: Record<string, FinalClass>): CaseMeta {
  return {
    id: 'c',
    name: 'Case',
    createdAt: 0,
    updatedAt: 0,
    target: 100,
    imageIds: [],
    decisions,
    cellCount: 0,
    bytes: 0,
  };
}

function image(id: string, modelVersion: string, cells: number, withFeatures = true): CaseImage {
  return {
    id,
    caseId: 'c',
    name: `${id}.jpg`,
    width: 640,
    height: 480,
    analysedAt: 0,
    modelVersion,
    cells: Array.from({ length: cells }, () => cell),
    thumbnail: new Blob([]),
    cellImages: [],
    cellFeatures: withFeatures ? Array.from({ length: cells }, (_, i) => features(i)) : undefined,
  };
}

describe('reviewedCells', () => {
  it("takes decided cells of the model's classes with their own features, and nothing else", () => {
    const a = image('a', '1.abc', 5);
    const decisions: Record<string, FinalClass> = {
      [cellKey('a', 0)]: 'MONOCYTE',
      [cellKey('a', 1)]: 'BASOPHIL',
      [cellKey('a', 2)]: NOT_WBC,
      [cellKey('a', 3)]: 'IG',
      [cellKey('a', 4)]: 'ERYTHROBLAST',
    };
    const r = reviewedCells([{ meta: emptyTestCase(decisions), images: [a] }], '1.abc');
    // Labels are class indices in CELL_CLASSES order: BASOPHIL 0, EOSINOPHIL 1, LYMPHOCYTE 2, MONOCYTE 3,
    // NEUTROPHIL 4, IG 5, ERYTHROBLAST 6.
    expect(r.examples).toEqual([
      { features: features(0), label: 3 },
      { features: features(1), label: 0 },
      { features: features(3), label: 5 },
      { features: features(4), label: 6 },
    ]);
    expect(r.perClass).toEqual([1, 0, 0, 1, 0, 1, 1]);
    expect(r.cases).toBe(1);
    expect(r.unusable).toBe(0);
  });

  it('counts cells from another model version or without features as unusable', () => {
    const decide = (id: string): Record<string, FinalClass> => ({ [cellKey(id, 0)]: 'EOSINOPHIL' });
    const stored = [
      { meta: emptyTestCase(decide('old')), images: [image('old', '1.old', 1)] },
      { meta: emptyTestCase(decide('bare')), images: [image('bare', '1.abc', 1, false)] },
      { meta: emptyTestCase(decide('lab')), images: [image('lab', '1.abc+lab.0123abcd', 1)] },
    ];
    const r = reviewedCells(stored, '1.abc');
    // An adapted head changes no features: the lab-adapted image's cell is usable.
    expect(r.perClass).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(r.cases).toBe(1);
    expect(r.unusable).toBe(2);
  });

  it('strips the adaptation id from a version', () => {
    expect(baseModelVersion('1.abc+lab.0123abcd')).toBe('1.abc');
    expect(baseModelVersion('1.abc')).toBe('1.abc');
  });

  it("reads only the images that hold a cell decided as one of the model's classes, in case order", () => {
    const meta = {
      ...emptyTestCase({
        [cellKey('img-3', 1)]: 'LYMPHOCYTE',
        [cellKey('img-2', 0)]: NOT_WBC,
        [cellKey('img-1', 4)]: 'EOSINOPHIL',
        [cellKey('img-1', 5)]: 'MONOCYTE',
      }),
      imageIds: ['img-1', 'img-2', 'img-3', 'img-4'],
    };
    expect(imagesWithReviewedCells(meta)).toEqual(['img-1', 'img-3']);
    expect(imagesWithReviewedCells(emptyTestCase({}))).toEqual([]);
  });
});
