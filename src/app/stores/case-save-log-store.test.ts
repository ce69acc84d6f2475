import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCell, fakeImage } from '@/features/case/utils/case-test-data';
import { useCaseStore } from '@/features/case/stores/case-store';
import { loadCase } from '@/lib/storage/case-storage';
import { dismissSaveProblems, saveProblemText, saveToCase, useCaseSaveLog } from './case-save-log-store';

const analysed = (name: string) => {
  const { id: _id, caseId: _caseId, ...rest } = fakeImage('x', name, [fakeCell('NEUTROPHIL')]);
  return rest;
};
const addToCase = (name: string) => saveToCase(name, () => useCaseStore.getState().addImage(analysed(name)));

/** A browser whose storage quota is used up: every image record put is refused. */
function fillQuota(): void {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === 'image-records') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  dismissSaveProblems();
});

describe('images that reach a full storage quota', () => {
  it(
    'are named as not saved, beside how many were saved, and leave the case as stored',
    { timeout: 20_000 },
    async () => {
      await addToCase('a.jpg');
      await addToCase('b.jpg');
      expect(saveProblemText(useCaseSaveLog.getState())).toBeUndefined();

      fillQuota();
      await addToCase('c.jpg');
      await addToCase('d.jpg');

      const problem = saveProblemText(useCaseSaveLog.getState());
      expect(problem?.title).toBe("This browser's storage is full: not every image was saved to the case.");
      expect(problem?.detail).toContain('Saved: 2 images. Not saved: 2 images (c.jpg, d.jpg).');
      expect(problem?.detail).toContain('gone');
      // The case on screen is the case a reload brings back: the unsaved images are not in it.
      const id = useCaseStore.getState().meta.id;
      expect(useCaseStore.getState().images.map((i) => i.name)).toEqual(['a.jpg', 'b.jpg']);
      expect(useCaseStore.getState().meta.imageIds).toHaveLength(2);
      expect((await loadCase(id))?.images.map((i) => i.name)).toEqual(['a.jpg', 'b.jpg']);
    },
  );

  it('names another storage failure with its reason, without calling it a full quota', () => {
    const problem = saveProblemText({
      saved: 0,
      unsaved: [{ name: 'e.jpg', quota: false, reason: 'The disk is gone.' }],
    });
    expect(problem?.title).toBe('Not every image was saved to the case: The disk is gone.');
    expect(problem?.detail).toBe(
      'Saved: 0 images. Not saved: 1 image (e.jpg). Their results are shown here until you reload or leave the page, and are then gone.',
    );
  });
});
