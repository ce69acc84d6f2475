import { clear, createStore, del, delMany, get, getMany, keys, set, type UseStore } from 'idb-keyval';
import type { CaseImage, CaseMeta } from './case-types';

/** The IndexedDB database and object store that hold every case; nothing else is kept there. */
export const CASE_DB_NAME = 'hematovision-cases';
const STORE_NAME = 'cases';
const CURRENT_KEY = 'current-case';
const caseKey = (id: string) => `case:${id}`;
const imageKey = (id: string) => `image:${id}`;

let store: UseStore | undefined;
/** Opened on first use, so that a page which never touches cases never creates the database. */
function db(): UseStore {
  store ??= createStore(CASE_DB_NAME, STORE_NAME);
  return store;
}

export async function saveCaseMeta(meta: CaseMeta): Promise<void> {
  await set(caseKey(meta.id), meta, db());
}

export async function saveCaseImage(image: CaseImage): Promise<void> {
  await set(imageKey(image.id), image, db());
}

/** Every stored case, newest activity first (without their images). */
export async function listCases(): Promise<CaseMeta[]> {
  const all = await keys<string>(db());
  const metas = await getMany<CaseMeta>(
    all.filter((k) => k.startsWith('case:')),
    db(),
  );
  return metas.filter((m): m is CaseMeta => !!m).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A case with its images, in the order they were added; undefined when it is not stored. */
export async function loadCase(id: string): Promise<{ meta: CaseMeta; images: CaseImage[] } | undefined> {
  const meta = await get<CaseMeta>(caseKey(id), db());
  if (!meta) return undefined;
  return { meta, images: await loadCaseImages(meta.imageIds) };
}

/** The stored images with these ids, in this order; ids with no stored image are skipped. */
export async function loadCaseImages(ids: readonly string[]): Promise<CaseImage[]> {
  const images = await getMany<CaseImage>(ids.map(imageKey), db());
  return images.filter((i): i is CaseImage => !!i);
}

export async function deleteStoredCase(meta: CaseMeta): Promise<void> {
  await delMany([caseKey(meta.id), ...meta.imageIds.map(imageKey)], db());
  if ((await get<string>(CURRENT_KEY, db())) === meta.id) await del(CURRENT_KEY, db());
}

export async function loadCurrentCaseId(): Promise<string | undefined> {
  return get<string>(CURRENT_KEY, db());
}

export async function saveCurrentCaseId(id: string): Promise<void> {
  await set(CURRENT_KEY, id, db());
}

/** Bytes this origin uses in the browser's storage (all of it, not only cases), and its quota. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

const clearListeners = new Set<() => void>();

/** Lets the in-memory case state reset itself when all case data is wiped. */
export function onCaseDataCleared(listener: () => void): () => void {
  clearListeners.add(listener);
  return () => clearListeners.delete(listener);
}

/**
 * Wipes every stored case and image, deletes the case database itself, and resets the in-memory
 * case state. Says what it removed: for the "Delete all local data" confirmation.
 */
export async function clearAllCaseData(): Promise<{ cases: number; images: number }> {
  const all = await keys<string>(db());
  const removed = {
    cases: all.filter((k) => k.startsWith('case:')).length,
    images: all.filter((k) => k.startsWith('image:')).length,
  };
  await clear(db());
  // Close our connection, or deleteDatabase would wait for it forever.
  await db()('readonly', (s) => s.transaction.db.close());
  store = undefined;
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(CASE_DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('The case database could not be deleted.'));
    // Another tab holds it open: it is deleted once that tab lets go; its records are gone already.
    req.onblocked = () => resolve();
  });
  for (const l of clearListeners) l();
  return removed;
}
