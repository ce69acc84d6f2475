import {
  BY_CASE,
  CASE_DB_NAME,
  CASES,
  CURRENT_KEY,
  deletedKey,
  IMAGES,
  inTransaction,
  openCaseDatabase,
  orderImages,
  request,
  SETTINGS,
  withImages,
} from './case-database';
import { CaseChannel, type CaseChange } from './case-channel';
import { imageBytes, type CaseImage, type CaseMeta } from './case-types';

export { CASE_DB_NAME } from './case-database';
export type { CaseChange } from './case-channel';

/** What a user may change in a stored case; its image list and totals follow its image records. */
export type CaseEdit = Partial<Pick<CaseMeta, 'name' | 'target' | 'decisions' | 'handCells' | 'removed'>>;

/** The case was deleted (in this tab or another) before this image could join it. */
export class CaseDeletedError extends Error {
  constructor(readonly caseId: string) {
    super('This case was deleted, so the image could not be added to it.');
    this.name = 'CaseDeletedError';
  }
}

/**
 * The stored cases, as one tab sees them. Every change is one IndexedDB transaction over the case
 * record and its image records, so two tabs changing one case at once are applied one after the
 * other, neither overwriting the other; each committed change is told to the other tabs.
 */
export class CaseStorage {
  private db: Promise<IDBDatabase> | undefined;
  private readonly channel = new CaseChannel();
  private readonly clearListeners = new Set<() => void>();

  constructor(private readonly name = CASE_DB_NAME) {
    this.channel.listen((change) => {
      if (change.type === 'cleared') for (const l of this.clearListeners) l();
    });
  }

  /** Opened on first use, so that a page which never touches cases never creates the database. */
  private open(): Promise<IDBDatabase> {
    this.db ??= openCaseDatabase(this.name, () => (this.db = undefined)).catch((err: unknown) => {
      this.db = undefined;
      throw err;
    });
    return this.db;
  }

  private async run<T>(
    stores: readonly string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => Promise<T>,
  ): Promise<T> {
    return inTransaction(await this.open(), stores, mode, body);
  }

  /**
   * Stores an analysed image and adds it to its case, in one transaction: the case record is
   * created from `seed` if this is its first image. Resolves with the case as stored, which
   * includes images other tabs added meanwhile. Rejects with CaseDeletedError if the case was
   * deleted, and with the browser's error (QuotaExceededError) if nothing could be stored.
   */
  async addImage(seed: CaseMeta, image: CaseImage): Promise<CaseMeta> {
    const stored = await this.run([CASES, IMAGES, SETTINGS], 'readwrite', async (tx) => {
      if ((await request(tx.objectStore(SETTINGS).get(deletedKey(seed.id)))) !== undefined) {
        throw new CaseDeletedError(seed.id);
      }
      const found = (await request(tx.objectStore(CASES).get(seed.id))) as CaseMeta | undefined;
      const meta = found ?? { ...seed, imageIds: [], cellCount: 0, bytes: 0 };
      if (meta.imageIds.includes(image.id)) return meta;
      const next: CaseMeta = {
        ...meta,
        imageIds: [...meta.imageIds, image.id],
        cellCount: meta.cellCount + image.cells.length,
        bytes: meta.bytes + imageBytes(image),
        updatedAt: Date.now(),
      };
      tx.objectStore(IMAGES).put({ ...image, caseId: seed.id });
      tx.objectStore(CASES).put(next);
      tx.objectStore(SETTINGS).put(seed.id, CURRENT_KEY);
      return next;
    });
    this.channel.post({ type: 'changed', id: stored.id });
    return stored;
  }

  /**
   * Applies an edit to the stored case, computed from the case as stored at that moment (so a
   * decision made in another tab is kept). Resolves undefined when the case is not stored.
   */
  async changeCase(id: string, edit: (stored: CaseMeta) => CaseEdit): Promise<CaseMeta | undefined> {
    const stored = await this.run([CASES], 'readwrite', async (tx) => {
      const meta = (await request(tx.objectStore(CASES).get(id))) as CaseMeta | undefined;
      if (!meta) return undefined;
      const { name, target, decisions, handCells, removed } = { ...meta, ...edit(meta) };
      const next: CaseMeta = { ...meta, name, target, decisions, handCells, removed, updatedAt: Date.now() };
      tx.objectStore(CASES).put(next);
      return next;
    });
    if (stored) this.channel.post({ type: 'changed', id });
    return stored;
  }

  /** Every stored case, newest activity first (without their images). */
  async listCases(): Promise<CaseMeta[]> {
    const metas = await this.run([CASES], 'readonly', (tx) => request(tx.objectStore(CASES).getAll()));
    return (metas as CaseMeta[]).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** A case with every image record that names it, in the order they were added. */
  async loadCase(id: string): Promise<{ meta: CaseMeta; images: CaseImage[] } | undefined> {
    return this.run([CASES, IMAGES], 'readonly', async (tx) => {
      const meta = (await request(tx.objectStore(CASES).get(id))) as CaseMeta | undefined;
      if (!meta) return undefined;
      const images = (await request(tx.objectStore(IMAGES).index(BY_CASE).getAll(id))) as CaseImage[];
      const ordered = orderImages(images, meta.imageIds);
      return { meta: withImages(meta, ordered), images: ordered };
    });
  }

  /** The stored images with these ids, in this order; ids with no stored image are skipped. */
  async loadCaseImages(ids: readonly string[]): Promise<CaseImage[]> {
    if (ids.length === 0) return [];
    const images = await this.run([IMAGES], 'readonly', (tx) =>
      Promise.all(ids.map((id) => request(tx.objectStore(IMAGES).get(id) as IDBRequest<CaseImage | undefined>))),
    );
    return images.filter((i): i is CaseImage => !!i);
  }

  /**
   * Deletes the case and every image record whose caseId is that case, listed or not, in one
   * transaction; says how many image records went with it.
   */
  async deleteCase(id: string): Promise<{ images: number }> {
    const removed = await this.run([CASES, IMAGES, SETTINGS], 'readwrite', async (tx) => {
      const keys = await request(tx.objectStore(IMAGES).index(BY_CASE).getAllKeys(id));
      for (const key of keys) tx.objectStore(IMAGES).delete(key);
      tx.objectStore(CASES).delete(id);
      tx.objectStore(SETTINGS).put(Date.now(), deletedKey(id));
      if ((await request(tx.objectStore(SETTINGS).get(CURRENT_KEY))) === id) {
        tx.objectStore(SETTINGS).delete(CURRENT_KEY);
      }
      return { images: keys.length };
    });
    this.channel.post({ type: 'deleted', id });
    return removed;
  }

  async loadCurrentCaseId(): Promise<string | undefined> {
    const id = await this.run([SETTINGS], 'readonly', (tx) => request(tx.objectStore(SETTINGS).get(CURRENT_KEY)));
    return typeof id === 'string' ? id : undefined;
  }

  async saveCurrentCaseId(id: string): Promise<void> {
    await this.run([SETTINGS], 'readwrite', async (tx) => void tx.objectStore(SETTINGS).put(id, CURRENT_KEY));
  }

  /** Committed changes made in other tabs. */
  onChange(listener: (change: CaseChange) => void): () => void {
    return this.channel.listen(listener);
  }

  /** Lets the in-memory case state reset itself when all case data is wiped, here or in another tab. */
  onCleared(listener: () => void): () => void {
    this.clearListeners.add(listener);
    return () => this.clearListeners.delete(listener);
  }

  /**
   * Wipes every stored case and image, deletes the case database itself, and resets the in-memory
   * case state. Says what it removed: for the "Delete all local data" confirmation.
   */
  async clearAll(): Promise<{ cases: number; images: number }> {
    const removed = await this.run([CASES, IMAGES, SETTINGS], 'readwrite', async (tx) => {
      const counts = {
        cases: await request(tx.objectStore(CASES).count()),
        images: await request(tx.objectStore(IMAGES).count()),
      };
      for (const store of [CASES, IMAGES, SETTINGS]) tx.objectStore(store).clear();
      return counts;
    });
    // Close our connection, or deleteDatabase would wait for it; other tabs close theirs when asked.
    (await this.open()).close();
    this.db = undefined;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(this.name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error ?? new Error('The case database could not be deleted.'));
      // A tab that does not let go: the database goes once it does; its records are gone already.
      req.onblocked = () => resolve();
    });
    this.channel.post({ type: 'cleared' });
    for (const l of this.clearListeners) l();
    return removed;
  }

  /** Closes the connection and stops listening to other tabs (tests open several "tabs"). */
  async close(): Promise<void> {
    this.channel.close();
    const db = this.db;
    this.db = undefined;
    (await db)?.close();
  }
}

/** This tab's view of the stored cases. */
export const caseStorage = new CaseStorage();

export const addCaseImage = (seed: CaseMeta, image: CaseImage) => caseStorage.addImage(seed, image);
export const changeStoredCase = (id: string, edit: (stored: CaseMeta) => CaseEdit) => caseStorage.changeCase(id, edit);
export const listCases = () => caseStorage.listCases();
export const loadCase = (id: string) => caseStorage.loadCase(id);
export const loadCaseImages = (ids: readonly string[]) => caseStorage.loadCaseImages(ids);
export const deleteStoredCase = (id: string) => caseStorage.deleteCase(id);
export const loadCurrentCaseId = () => caseStorage.loadCurrentCaseId();
export const saveCurrentCaseId = (id: string) => caseStorage.saveCurrentCaseId(id);
export const onCaseStorageChange = (listener: (change: CaseChange) => void) => caseStorage.onChange(listener);
export const onCaseDataCleared = (listener: () => void) => caseStorage.onCleared(listener);
export const clearAllCaseData = () => caseStorage.clearAll();

/** Bytes this origin uses in the browser's storage (all of it, not only cases), and its quota. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}
