import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countRecords, deleteDatabase } from './app-databases';
import { wipeLocalData } from './wipe-local-data';
import { memoryStorage } from '@testkit/memory-storage';

/** Creates a database with one object store holding `records` records; returns it open. */
function createDb(name: string, records: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('s', 'readwrite');
      for (let i = 0; i < records; i++) tx.objectStore('s').put(i, i);
      tx.oncomplete = () => resolve(open.result);
    };
  });
}

const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();

beforeEach(async () => {
  for (const name of await names()) if (name) await deleteDatabase(name);
});
afterEach(() => vi.unstubAllGlobals());

describe('wipeLocalData', () => {
  it('deletes every hematovision database after its owner cleared it, and reports what it held', async () => {
    (await createDb('hematovision-cases', 3)).close();
    (await createDb('hematovision-other', 2)).close();
    (await createDb('someone-else', 1)).close();
    const local = memoryStorage({ 'hematovision.theme': 'dark', 'hematovision.caseName': 'x', other: '1' });
    const session = memoryStorage({ 'hematovision.failedBackends': '["webgl"]' });
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);
    const cleared: string[] = [];

    const report = await wipeLocalData(
      [{ database: 'hematovision-cases', clear: async () => (cleared.push('cases'), '1 case, 2 images') }],
      () => 7,
    );

    expect(cleared).toEqual(['cases']);
    expect(report.databases).toEqual([
      { name: 'hematovision-cases', records: 3, detail: '1 case, 2 images' },
      { name: 'hematovision-other', records: 2, detail: undefined },
    ]);
    expect(report.blocked).toEqual([]);
    expect(await names()).toEqual(['someone-else']);
    expect(report.storageKeys).toEqual(['hematovision.caseName', 'hematovision.failedBackends']);
    expect(local.getItem('hematovision.theme')).toBe('dark');
    expect(local.getItem('other')).toBe('1');
    expect(report.imagesInMemory).toBe(7);
  });

  it('deletes the database even when its owner fails to clear it', async () => {
    (await createDb('hematovision-practice', 1)).close();
    vi.stubGlobal('localStorage', memoryStorage({}));
    vi.stubGlobal('sessionStorage', memoryStorage({}));
    const report = await wipeLocalData(
      [{ database: 'hematovision-practice', clear: () => Promise.reject(new Error('boom')) }],
      () => 0,
    );
    expect(report.databases[0].detail).toContain('boom');
    expect(await names()).toEqual([]);
  });
});

describe('app databases', () => {
  it('counts a missing database as empty without creating it', async () => {
    expect(await countRecords('hematovision-missing')).toBe(0);
    expect(await names()).toEqual([]);
  });

  it('says "blocked" when a connection that ignores versionchange holds the database', async () => {
    const held = await createDb('hematovision-held', 1);
    expect(await deleteDatabase('hematovision-held', 10)).toBe('blocked');
    held.close();
  });
});
