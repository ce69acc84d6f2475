import { countRecords, deleteDatabase, listAppDatabases } from './app-databases';

/** A module that keeps data in its own database and knows how to clear it (and its memory). */
export interface DataOwner {
  readonly database: string;
  /** Clears the data and says what it was, e.g. "3 cases, 41 images". */
  readonly clear: () => Promise<string>;
}

export interface WipeReport {
  /** Each app database that existed, with how many records it held. */
  readonly databases: readonly { name: string; records: number; detail?: string }[];
  /** Databases still there afterwards (held open by another tab); removed when it closes them. */
  readonly blocked: readonly string[];
  /** localStorage / sessionStorage entries removed. */
  readonly storageKeys: readonly string[];
  /** Analysed images cleared from the page's memory. */
  readonly imagesInMemory: number;
}

/** Settings that are not data about anyone's images, and stay. */
const KEPT_KEYS = new Set(['hematovision.theme']);

/**
 * Deletes everything the app stored on this device — every IndexedDB database named
 * hematovision*, the app's localStorage/sessionStorage entries (but the theme choice), the
 * in-memory results — and says what it removed. The offline copy of the app itself (the
 * service worker's cache) is left alone: it holds no user data.
 */
export async function wipeLocalData(owners: readonly DataOwner[], clearMemory: () => number): Promise<WipeReport> {
  // Memory first: dropping the page's results writes to the unfinished batch's database, and a
  // write after the deletion below would create it again.
  const imagesInMemory = clearMemory();
  const known = owners.map((o) => o.database);
  const names = await listAppDatabases(known);
  const counted = await Promise.all(names.map(async (name) => ({ name, records: await countRecords(name) })));
  const details = new Map<string, string>();
  for (const owner of owners) {
    // One owner failing must not stop the wipe: its database is deleted below all the same.
    details.set(owner.database, await owner.clear().catch((err: unknown) => `not cleared first: ${String(err)}`));
  }
  const blocked: string[] = [];
  for (const name of await listAppDatabases(known)) {
    if ((await deleteDatabase(name)) === 'blocked') blocked.push(name);
  }
  const databases = counted.map((d) => ({ ...d, detail: details.get(d.name) }));
  return {
    databases,
    blocked,
    storageKeys: [...removeKeys(localStorage), ...removeKeys(sessionStorage)],
    imagesInMemory,
  };
}

function removeKeys(storage: Storage): string[] {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
  const removed = keys.filter((k) => k.startsWith('hematovision') && !KEPT_KEYS.has(k));
  for (const k of removed) storage.removeItem(k);
  return removed;
}
