import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeCell, fakeImage } from '@/features/case/utils/case-test-data';

type CaseStoreModule = typeof import('./case-store');

/** A tab: its own copy of the case store and of the storage module, so its own connection. */
async function openTab(): Promise<CaseStoreModule['useCaseStore']> {
  vi.resetModules();
  return (await import('./case-store')).useCaseStore;
}

const analysed = (name: string) => {
  const { id: _id, caseId: _caseId, ...rest } = fakeImage('x', name, [fakeCell('NEUTROPHIL')]);
  return rest;
};

/** Every record of a store, read straight from IndexedDB as a probe of the page would. */
function rawRecords(store: string): Promise<{ id: string; caseId?: string }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('hematovision-cases');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as { id: string; caseId?: string }[]);
      };
    };
  });
}

describe('one case open in two tabs', () => {
  it(
    'keeps all twelve images of two tabs adding six each at once, shows them in both, and deletes them all',
    { timeout: 30_000 },
    async () => {
      const tabA = await openTab();
      await tabA.getState().restore();
      await tabA.getState().addImage(analysed('a0.jpg'));
      const tabB = await openTab();
      await tabB.getState().restore();
      const id = tabA.getState().meta.id;
      expect(tabB.getState().meta.id).toBe(id);

      await Promise.all(
        Array.from({ length: 5 }, (_, i) => [
          tabA.getState().addImage(analysed(`a${i + 1}.jpg`)),
          tabB.getState().addImage(analysed(`b${i}.jpg`)),
        ]).flat(),
      );
      await tabB.getState().addImage(analysed('b5.jpg'));

      const names = (images: readonly { name: string }[]) => images.map((i) => i.name).sort();
      const all = [0, 1, 2, 3, 4, 5].flatMap((i) => [`a${i}.jpg`, `b${i}.jpg`]).sort();
      expect((await rawRecords('image-records')).filter((r) => r.caseId === id)).toHaveLength(12);
      const [stored] = await rawRecords('case-records');
      expect((stored as unknown as { imageIds: string[] }).imageIds).toHaveLength(12);
      // Each tab hears the other's additions and shows the whole case.
      await vi.waitFor(() => expect(names(tabA.getState().images)).toEqual(all));
      await vi.waitFor(() => expect(names(tabB.getState().images)).toEqual(all));
      expect(tabA.getState().history[0].imageIds).toHaveLength(12);

      await tabB.getState().deleteCase(id);
      expect(await rawRecords('image-records')).toEqual([]);
      expect(await rawRecords('case-records')).toEqual([]);
      await vi.waitFor(() => expect(tabA.getState().meta.id).not.toBe(id));
      expect(tabA.getState().images).toEqual([]);
    },
  );
});
