import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AnalysedCell } from '@/core/analyse';
import { CaseStorage, type CaseChange } from './case-storage';
import { storeCaseReading } from './case-profile-storage';
import type { CaseImage, CaseMeta } from './case-types';

const cell = (predicted: AnalysedCell['predicted'], confidence: number): AnalysedCell => ({
  box: { x: 1, y: 2, width: 30, height: 30 },
  nucleus: { x: 5, y: 6, width: 10, height: 10 },
  touchesEdge: false,
  probabilities: [confidence],
  predicted,
  confidence,
  needsReview: false,
});
const seed: CaseMeta = {
  id: 'case-1',
  name: 'Slide 7',
  createdAt: 0,
  updatedAt: 0,
  target: 100,
  imageIds: [],
  // The reviewer's decision on the first cell: it must outlive any re-reading.
  decisions: { 'img-1#0': 'MONOCYTE' },
  cellCount: 0,
  bytes: 0,
};
const image: CaseImage = {
  id: 'img-1',
  caseId: 'case-1',
  name: 'field.jpg',
  width: 640,
  height: 480,
  analysedAt: 1,
  modelVersion: '1.0badc0de',
  cells: [cell('LYMPHOCYTE', 0.9), cell('NEUTROPHIL', 0.8)],
  thumbnail: new Blob([new Uint8Array(50)]),
  cellImages: [new Blob([new Uint8Array(5)]), new Blob([new Uint8Array(5)])],
};

describe('storeCaseReading', () => {
  it("stores a case's new profile and every cell's new reading together, decisions kept, and tells the tabs", async () => {
    // The app's own storage (the default database), as the case store uses it.
    const tab = new CaseStorage();
    await tab.addImage(seed, image);
    const heard: CaseChange[] = [];
    const otherTab = new CaseStorage();
    otherTab.onChange((c) => heard.push(c));

    const reread = [cell('EOSINOPHIL', 0.99), cell('EOSINOPHIL', 0.97)];
    const stored = await storeCaseReading(
      'case-1',
      'lab.0000000a',
      [{ imageId: 'img-1', cells: reread, modelVersion: '1.0badc0de+lab.0000000a' }],
      [],
    );
    expect(stored.profileId).toBe('lab.0000000a');
    const loaded = (await tab.loadCase('case-1'))!;
    expect(loaded.meta.profileId).toBe('lab.0000000a');
    expect(loaded.meta.decisions).toEqual({ 'img-1#0': 'MONOCYTE' });
    expect(loaded.images[0].cells.map((c) => c.predicted)).toEqual(['EOSINOPHIL', 'EOSINOPHIL']);
    expect(loaded.images[0].modelVersion).toBe('1.0badc0de+lab.0000000a');
    await expect.poll(() => heard).toContainEqual({ type: 'changed', id: 'case-1' });

    // Back to the shipped model: the case names no profile any more.
    await storeCaseReading(
      'case-1',
      undefined,
      [{ imageId: 'img-1', cells: image.cells, modelVersion: '1.0badc0de' }],
      [],
    );
    const back = (await tab.loadCase('case-1'))!;
    expect(back.meta.profileId).toBeUndefined();
    expect('profileId' in back.meta).toBe(false);
    expect(back.images[0].cells.map((c) => c.predicted)).toEqual(['LYMPHOCYTE', 'NEUTROPHIL']);
    expect(back.meta.decisions).toEqual({ 'img-1#0': 'MONOCYTE' });
  });

  it('stores nothing for a case that is no longer stored', async () => {
    await expect(storeCaseReading('gone', 'lab.0000000a', [], [])).rejects.toThrow(/no longer stored/);
  });
});
