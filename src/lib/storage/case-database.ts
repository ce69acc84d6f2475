import { imageBytes, type CaseImage, type CaseMeta } from './case-types';

/** The IndexedDB database that holds every case; nothing else is kept there. */
export const CASE_DB_NAME = 'hematovision-cases';
/** Version 1 was one key-value store ('cases'); version 2 gives images an index on their case. */
const VERSION = 2;

export const CASES = 'case-records';
export const IMAGES = 'image-records';
/** Small values by key: the current case id, and one entry per deleted case. */
export const SETTINGS = 'settings';
export const BY_CASE = 'caseId';
export const CURRENT_KEY = 'current-case';
/** A deleted case's id stays known, so that an image analysed in another tab cannot bring it back. */
export const deletedKey = (id: string) => `deleted:${id}`;

const OLD_STORE = 'cases';

/**
 * Opens the case database, creating or upgrading it. The connection closes itself when another
 * tab upgrades or deletes the database, so that it never blocks them; `onClosed` lets the owner
 * open a fresh one on next use.
 */
export function openCaseDatabase(name: string, onClosed: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, VERSION);
    open.onupgradeneeded = () => upgrade(open.result, open.transaction!);
    open.onerror = () => reject(open.error ?? new Error('The case database could not be opened.'));
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => {
        db.close();
        onClosed();
      };
      db.onclose = onClosed;
      resolve(db);
    };
  });
}

function upgrade(db: IDBDatabase, tx: IDBTransaction): void {
  db.createObjectStore(CASES, { keyPath: 'id' });
  db.createObjectStore(IMAGES, { keyPath: 'id' }).createIndex(BY_CASE, BY_CASE);
  db.createObjectStore(SETTINGS);
  if (db.objectStoreNames.contains(OLD_STORE)) migrateKeyValueStore(db, tx);
}

/**
 * Moves version 1's records into the new stores. Each case's image list is rebuilt from the
 * image records that name it: two tabs once could overwrite each other's list, leaving stored
 * images out of their case; they come back here. Images whose case was deleted are dropped.
 */
function migrateKeyValueStore(db: IDBDatabase, tx: IDBTransaction): void {
  const old = tx.objectStore(OLD_STORE);
  const keysReq = old.getAllKeys();
  const valuesReq = old.getAll();
  valuesReq.onsuccess = () => {
    const entries = keysReq.result.map((k, i) => [String(k), valuesReq.result[i]] as const);
    const metas = new Map<string, CaseMeta>();
    const images: CaseImage[] = [];
    for (const [key, value] of entries) {
      if (key.startsWith('case:')) metas.set((value as CaseMeta).id, value as CaseMeta);
      else if (key.startsWith('image:')) images.push(value as CaseImage);
      else if (key === CURRENT_KEY) tx.objectStore(SETTINGS).put(value, CURRENT_KEY);
    }
    for (const meta of metas.values()) {
      const own = orderImages(
        images.filter((i) => i.caseId === meta.id),
        meta.imageIds,
      );
      tx.objectStore(CASES).put(withImages(meta, own));
      for (const image of own) tx.objectStore(IMAGES).put(image);
    }
    db.deleteObjectStore(OLD_STORE);
  };
}

/** A case record whose image list and totals are those of these images. */
export function withImages<T extends CaseMeta>(meta: T, images: readonly CaseImage[]): T {
  return {
    ...meta,
    imageIds: images.map((i) => i.id),
    cellCount: images.reduce((s, i) => s + i.cells.length, 0),
    bytes: images.reduce((s, i) => s + imageBytes(i), 0),
  };
}

/** Images in the order the case lists them; any it does not list follow, oldest analysis first. */
export function orderImages(images: readonly CaseImage[], order: readonly string[]): CaseImage[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const at = (i: CaseImage) => rank.get(i.id) ?? order.length;
  return [...images].sort((a, b) => at(a) - at(b) || a.analysedAt - b.analysedAt);
}

/** One request's result, awaited inside its transaction (IDB requests resolve before it ends). */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('A storage request failed.'));
  });
}

/**
 * Runs `body` in one transaction and resolves with its value once the transaction has committed;
 * if the body throws, or the browser aborts (e.g. QuotaExceededError), nothing of it is stored.
 * The body must await only requests of `tx`, or the transaction ends under it.
 */
export function inTransaction<T>(
  db: IDBDatabase,
  stores: readonly string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let value: T;
    let failure: unknown;
    tx.oncomplete = () => resolve(value);
    tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('The change was not saved.', 'AbortError'));
    body(tx).then(
      (v) => (value = v),
      (err: unknown) => {
        failure = err;
        try {
          tx.abort();
        } catch {
          // Already finished or aborting: onabort reports it.
        }
      },
    );
  });
}
