import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseEdit, CaseStep } from './case-edits';
import { CaseDeletedError, CaseStorage, type CaseChange } from './case-storage';
import type { CaseImage, CaseMeta, FinalClass } from './case-types';

const seed = (id: string, updatedAt = 0): CaseMeta => ({
  id,
  name: `Case ${id}`,
  createdAt: 0,
  updatedAt,
  target: 100,
  imageIds: [],
  decisions: {},
  cellCount: 0,
  bytes: 0,
});
const image = (id: string, caseId: string, cells = 1, analysedAt = 1): CaseImage => ({
  id,
  caseId,
  name: `${id}.jpg`,
  width: 640,
  height: 480,
  analysedAt,
  modelVersion: 'v',
  cells: Array.from({ length: cells }, () => ({}) as CaseImage['cells'][number]),
  thumbnail: new Blob([new Uint8Array(50)]),
  cellImages: Array.from({ length: cells }, () => new Blob([new Uint8Array(5)])),
});

const decide = (id: string, key: string, after: FinalClass): CaseStep => ({
  id,
  label: id,
  decisions: [{ key, after }],
  removals: [],
});
const stepEdit = (step: CaseStep): CaseEdit => ({ type: 'step', step, at: 1 });

/** Reads every record of a store straight from IndexedDB, the way a probe of the browser would. */
function rawRecords(dbName: string, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result);
      };
    };
  });
}

let dbCount = 0;
const opened: CaseStorage[] = [];
/** Two tabs of one browser: one database, a connection and a channel each. */
function twoTabs(): [CaseStorage, CaseStorage, string] {
  const name = `hematovision-cases-test-${++dbCount}`;
  const tabs: [CaseStorage, CaseStorage] = [new CaseStorage(name), new CaseStorage(name)];
  opened.push(...tabs);
  return [...tabs, name];
}
afterEach(async () => {
  for (const tab of opened.splice(0)) await tab.close();
  vi.restoreAllMocks();
});

describe('case storage across two tabs', () => {
  it('keeps every image when two tabs add six images each to one case at once', { timeout: 20_000 }, async () => {
    const [tabA, tabB] = twoTabs();
    const adds = Array.from({ length: 6 }, (_, i) => [
      tabA.addImage(seed('c1'), image(`a${i}`, 'c1', 2)),
      tabB.addImage(seed('c1'), image(`b${i}`, 'c1', 1)),
    ]).flat();
    await Promise.all(adds);

    for (const tab of [tabA, tabB]) {
      const stored = await tab.loadCase('c1');
      expect(stored?.images).toHaveLength(12);
      expect(new Set(stored?.meta.imageIds)).toEqual(new Set([0, 1, 2, 3, 4, 5].flatMap((i) => [`a${i}`, `b${i}`])));
      expect(stored?.meta.cellCount).toBe(6 * 2 + 6 * 1);
    }
    // The record the history list reads holds them all too, not only the image records.
    const [listed] = await tabA.listCases();
    expect(listed.imageIds).toHaveLength(12);
    expect(listed.cellCount).toBe(18);
    expect(await tabA.listCases()).toHaveLength(1);
  });

  it('keeps both tabs’ decisions on one case, each applied to the stored case', { timeout: 20_000 }, async () => {
    const [tabA, tabB] = twoTabs();
    await tabA.addImage(seed('c1'), image('i1', 'c1', 2));
    await Promise.all([
      tabA.writeEdit('c1', stepEdit(decide('s1', 'i1#0', 'EOSINOPHIL'))),
      tabB.writeEdit('c1', stepEdit(decide('s2', 'i1#1', 'MONOCYTE'))),
      tabB.writeEdit('c1', { type: 'name', name: 'Slide 7', at: 5 }),
    ]);
    // Written and not yet folded into the record: already what a reload reads.
    const written = await tabB.loadCase('c1');
    expect(written?.meta.decisions).toEqual({ 'i1#0': 'EOSINOPHIL', 'i1#1': 'MONOCYTE' });
    expect((await tabA.listCases())[0].name).toBe('Slide 7');
    const [foldedA, foldedB] = await Promise.all([tabA.applyEdits('c1'), tabB.applyEdits('c1')]);
    expect([foldedA?.decisions, foldedB?.decisions]).toEqual([written?.meta.decisions, written?.meta.decisions]);
    const stored = await tabB.loadCase('c1');
    expect(stored?.meta.decisions).toEqual({ 'i1#0': 'EOSINOPHIL', 'i1#1': 'MONOCYTE' });
    expect(stored?.meta.name).toBe('Slide 7');
    expect(stored?.meta.past?.map((s) => s.id).sort()).toEqual(['s1', 's2']);
    expect(await tabA.applyEdits('absent')).toBeUndefined();
  });

  it('keeps an edit written while its case is deleted out of every later read', { timeout: 20_000 }, async () => {
    const [tabA, tabB, name] = twoTabs();
    await tabA.addImage(seed('c1'), image('i1', 'c1', 2));
    await tabB.deleteCase('c1');
    await tabA.writeEdit('c1', stepEdit(decide('s1', 'i1#0', 'EOSINOPHIL')));
    expect(await tabA.applyEdits('c1')).toBeUndefined();
    expect(await tabA.loadCase('c1')).toBeUndefined();
    const settings = (await rawRecords(name, 'settings')) as unknown[];
    expect(settings.filter((v) => typeof v === 'object')).toEqual([]);
  });

  it('tells the other tab about each committed change, but not the tab that made it', { timeout: 20_000 }, async () => {
    const [tabA, tabB] = twoTabs();
    const heardByB: CaseChange[] = [];
    const heardByA: CaseChange[] = [];
    tabB.onChange((c) => heardByB.push(c));
    tabA.onChange((c) => heardByA.push(c));
    await tabA.addImage(seed('c1'), image('i1', 'c1'));
    await tabA.writeEdit('c1', { type: 'name', name: 'renamed', at: 1 });
    await tabA.applyEdits('c1');
    await tabA.deleteCase('c1');
    await vi.waitFor(() =>
      expect(heardByB).toEqual([
        { type: 'changed', id: 'c1' },
        { type: 'changed', id: 'c1' },
        { type: 'deleted', id: 'c1' },
      ]),
    );
    expect(heardByA).toEqual([]);
  });
});

describe('deleting a case', () => {
  it('deletes every image record whose caseId is that case, and no other', { timeout: 20_000 }, async () => {
    const [tabA, tabB, name] = twoTabs();
    await Promise.all([
      ...['a1', 'a2', 'a3'].map((id) => tabA.addImage(seed('gone'), image(id, 'gone'))),
      ...['b1', 'b2', 'b3'].map((id) => tabB.addImage(seed('gone'), image(id, 'gone'))),
      tabB.addImage(seed('kept'), image('k1', 'kept')),
    ]);
    await tabA.saveCurrentCaseId('gone');
    expect(await tabB.deleteCase('gone')).toEqual({ images: 6 });

    const images = (await rawRecords(name, 'image-records')) as CaseImage[];
    expect(images.map((i) => i.id)).toEqual(['k1']);
    expect(((await rawRecords(name, 'case-records')) as CaseMeta[]).map((m) => m.id)).toEqual(['kept']);
    expect(await tabA.loadCase('gone')).toBeUndefined();
    expect(await tabA.loadCurrentCaseId()).toBeUndefined();
  });

  it(
    'refuses an image for a case another tab deleted, instead of bringing the case back',
    { timeout: 20_000 },
    async () => {
      const [tabA, tabB, name] = twoTabs();
      await tabA.addImage(seed('c1'), image('i1', 'c1'));
      await tabB.deleteCase('c1');
      await expect(tabA.addImage(seed('c1'), image('late', 'c1'))).rejects.toBeInstanceOf(CaseDeletedError);
      expect(await rawRecords(name, 'image-records')).toEqual([]);
      expect(await tabA.listCases()).toEqual([]);
    },
  );
});

describe('a full storage quota', () => {
  it(
    'stores neither the image nor the case change, and rejects with the browser’s error',
    { timeout: 20_000 },
    async () => {
      const [tabA, , name] = twoTabs();
      await tabA.addImage(seed('c1'), image('i1', 'c1'));
      const put = IDBObjectStore.prototype.put;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
        if (this.name === 'image-records') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      });
      await expect(tabA.addImage(seed('c1'), image('i2', 'c1'))).rejects.toMatchObject({ name: 'QuotaExceededError' });
      vi.restoreAllMocks();
      expect(((await rawRecords(name, 'image-records')) as CaseImage[]).map((i) => i.id)).toEqual(['i1']);
      expect((await tabA.loadCase('c1'))?.meta.imageIds).toEqual(['i1']);
    },
  );
});

describe('the version 1 database', () => {
  it(
    'moves its records over, gives each case every image that names it, and drops deleted cases’ images',
    { timeout: 20_000 },
    async () => {
      const name = `hematovision-cases-v1-${++dbCount}`;
      const v1Meta = { ...seed('c1', 5), imageIds: ['i1', 'i2'], cellCount: 2, bytes: 0 };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('cases');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('cases', 'readwrite');
          const s = tx.objectStore('cases');
          s.put(v1Meta, 'case:c1');
          s.put(image('i1', 'c1', 1, 10), 'image:i1');
          s.put(image('i2', 'c1', 1, 30), 'image:i2');
          // Added by another tab whose list was overwritten: stored, but not listed.
          s.put(image('i3', 'c1', 3, 20), 'image:i3');
          // Left behind by a case deleted "for good".
          s.put(image('x1', 'deleted-case'), 'image:x1');
          s.put('c1', 'current-case');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      });
      const tab = new CaseStorage(name);
      opened.push(tab);
      const stored = await tab.loadCase('c1');
      expect(stored?.images.map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
      expect(stored?.meta).toMatchObject({ imageIds: ['i1', 'i2', 'i3'], cellCount: 5 });
      expect(await tab.loadCurrentCaseId()).toBe('c1');
      expect(((await rawRecords(name, 'image-records')) as CaseImage[]).map((i) => i.id).sort()).toEqual([
        'i1',
        'i2',
        'i3',
      ]);
    },
  );
});

describe('wiping all case data', () => {
  it(
    'says what it removed, deletes the database, resets both tabs, and opens again on next use',
    { timeout: 20_000 },
    async () => {
      const [tabA, tabB, name] = twoTabs();
      await tabA.addImage(seed('c1'), image('i1', 'c1'));
      await tabB.addImage(seed('c2'), image('i2', 'c2'));
      let resetsA = 0;
      let resetsB = 0;
      tabA.onCleared(() => resetsA++);
      tabB.onCleared(() => resetsB++);
      expect(await tabA.clearAll()).toEqual({ cases: 2, images: 2 });
      expect(resetsA).toBe(1);
      await vi.waitFor(() => expect(resetsB).toBe(1));
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
      expect(await tabB.listCases()).toEqual([]);
    },
  );
});
