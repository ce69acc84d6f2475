/** Every IndexedDB database the app creates is named with this prefix. */
export const APP_DB_PREFIX = 'hematovision';

/**
 * The app's databases on this origin. Browsers without indexedDB.databases() (Firefox before
 * 126) get the names the app is known to use, so a wipe still reaches them.
 */
export async function listAppDatabases(known: readonly string[]): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [...known];
  const all = await indexedDB.databases();
  return all.map((d) => d.name ?? '').filter((name) => name.startsWith(APP_DB_PREFIX));
}

/** Records in all object stores of a database; 0 if it does not exist (and it is not created). */
export function countRecords(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    // Only a database that does not exist is upgraded on open: abort, so nothing is created.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(0) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      const stores = [...db.objectStoreNames];
      if (stores.length === 0) return finish(db, resolve, 0);
      const tx = db.transaction(stores, 'readonly');
      const counts = stores.map((s) => tx.objectStore(s).count());
      tx.oncomplete = () =>
        finish(
          db,
          resolve,
          counts.reduce((sum, c) => sum + c.result, 0),
        );
      tx.onerror = () => finish(db, () => reject(tx.error), 0);
    };
  });
}

function finish(db: IDBDatabase, done: (n: number) => void, n: number): void {
  db.close();
  done(n);
}

/**
 * Deletes a database. If another tab holds it open the browser waits for that tab to let go;
 * after `patienceMs` of waiting this resolves 'blocked' (the deletion still happens once the
 * other tab closes it).
 */
export function deleteDatabase(name: string, patienceMs = 3000): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve('deleted');
    req.onerror = () => reject(req.error ?? new Error(`${name} could not be deleted.`));
    req.onblocked = () => setTimeout(() => resolve('blocked'), patienceMs);
  });
}
