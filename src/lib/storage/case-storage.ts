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
import { applyEdit, type CaseEdit, type CaseRecord } from './case-edits';
import { imageBytes, type CaseImage, type CaseMeta } from './case-types';

export { CASE_DB_NAME } from './case-database';
export type { CaseChange } from './case-channel';

/**
 * Edits written but not yet applied to their case live in SETTINGS under `edit:<case id>:<stamp>`,
 * in the order they were made: each is one blind put, durable as soon as it commits.
 */
const EDIT_PREFIX = 'edit:';
const editRange = (caseId?: string) => {
  const from = caseId === undefined ? EDIT_PREFIX : `${EDIT_PREFIX}${caseId}:`;
  return IDBKeyRange.bound(from, `${from}\uffff`);
};
interface PendingEdit {
  readonly caseId: string;
  readonly edit: CaseEdit;
}

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
  /** The open connection, once it is: an edit's write then starts in the same task as the key press. */
  private connection: IDBDatabase | undefined;
  /** Edit writes not yet committed; `flush` commits them when the page goes away. */
  private readonly unflushed = new Set<IDBTransaction>();
  private editCount = 0;
  /** This tab's part of an edit's key: two tabs writing in the same millisecond never collide. */
  private readonly tab = crypto.randomUUID().slice(0, 8);
  private readonly channel = new CaseChannel();
  private readonly clearListeners = new Set<() => void>();

  constructor(private readonly name = CASE_DB_NAME) {
    this.channel.listen((change) => {
      if (change.type === 'cleared') for (const l of this.clearListeners) l();
    });
  }

  /** Opened on first use, so that a page which never touches cases never creates the database. */
  private open(): Promise<IDBDatabase> {
    this.db ??= openCaseDatabase(this.name, () => {
      this.db = undefined;
      this.connection = undefined;
    }).then(
      (db) => (this.connection = db),
      (err: unknown) => {
        this.db = undefined;
        throw err;
      },
    );
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

  /** Opens the database ahead of the first edit, so that the edit's write needs no wait. */
  async prepare(): Promise<void> {
    await this.open();
  }

  /**
   * Writes an edit of a stored case: one blind put, committed at once, so that it is durable even
   * if the page goes away the next moment. Resolves once it has committed; `applyEdits` then folds
   * it into the case record (loadCase and listCases apply edits not yet folded).
   */
  writeEdit(caseId: string, edit: CaseEdit): Promise<void> {
    const stamp = `${Date.now().toString(36).padStart(9, '0')}:${this.tab}:${(this.editCount++).toString(36).padStart(6, '0')}`;
    const pending: PendingEdit = { caseId, edit };
    const write = (db: IDBDatabase) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction([SETTINGS], 'readwrite');
        this.unflushed.add(tx);
        tx.oncomplete = () => {
          this.unflushed.delete(tx);
          resolve();
        };
        tx.onabort = () => {
          this.unflushed.delete(tx);
          reject(tx.error ?? new DOMException('The change was not saved.', 'AbortError'));
        };
        tx.objectStore(SETTINGS).put(pending, `${EDIT_PREFIX}${caseId}:${stamp}`);
        tx.commit?.();
      });
    return this.connection ? write(this.connection) : this.open().then(write);
  }

  /** Commits the edit writes still open: the page is going away. */
  flush(): void {
    for (const tx of this.unflushed) {
      try {
        tx.commit?.();
      } catch {
        // Committing or committed already.
      }
    }
  }

  /**
   * Folds the case's written edits into its record, in the order they were made, in one
   * transaction; edits of a deleted case are dropped. Resolves with the case as stored then.
   */
  async applyEdits(caseId: string): Promise<CaseRecord | undefined> {
    const { record, applied } = await this.run([CASES, SETTINGS], 'readwrite', async (tx) => {
      const settings = tx.objectStore(SETTINGS);
      const edits = (await request(settings.getAll(editRange(caseId)))) as PendingEdit[];
      const found = (await request(tx.objectStore(CASES).get(caseId))) as CaseRecord | undefined;
      if (edits.length === 0) return { record: found, applied: false };
      if (!found) {
        // A deleted case's edits go with it; any other case's wait for its record.
        if ((await request(settings.get(deletedKey(caseId)))) !== undefined) settings.delete(editRange(caseId));
        return { record: undefined, applied: false };
      }
      settings.delete(editRange(caseId));
      const next = edits.reduce((r, p) => applyEdit(r, p.edit), found);
      tx.objectStore(CASES).put(next);
      return { record: next, applied: true };
    });
    if (applied) this.channel.post({ type: 'changed', id: caseId });
    return record;
  }

  /**
   * Applies an edit to a case that may not be stored yet (a new case, named before its first
   * image): the record is created from `seed` when absent. Rejects with CaseDeletedError if the
   * case was deleted.
   */
  async editNewCase(seed: CaseRecord, edit: CaseEdit): Promise<CaseRecord> {
    const stored = await this.run([CASES, SETTINGS], 'readwrite', async (tx) => {
      if ((await request(tx.objectStore(SETTINGS).get(deletedKey(seed.id)))) !== undefined) {
        throw new CaseDeletedError(seed.id);
      }
      const found = (await request(tx.objectStore(CASES).get(seed.id))) as CaseRecord | undefined;
      const next = applyEdit(found ?? { ...seed, imageIds: [], cellCount: 0, bytes: 0 }, edit);
      tx.objectStore(CASES).put(next);
      if (!found) tx.objectStore(SETTINGS).put(seed.id, CURRENT_KEY);
      return next;
    });
    this.channel.post({ type: 'changed', id: stored.id });
    return stored;
  }

  /** Every stored case, newest activity first (without their images). */
  async listCases(): Promise<CaseRecord[]> {
    const { metas, edits } = await this.run([CASES, SETTINGS], 'readonly', async (tx) => ({
      metas: (await request(tx.objectStore(CASES).getAll())) as CaseRecord[],
      edits: (await request(tx.objectStore(SETTINGS).getAll(editRange()))) as PendingEdit[],
    }));
    return metas
      .map((m) => edits.reduce((r, p) => (p.caseId === m.id ? applyEdit(r, p.edit) : r), m))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** A case with every image record that names it, in the order they were added. */
  async loadCase(id: string): Promise<{ meta: CaseRecord; images: CaseImage[] } | undefined> {
    return this.run([CASES, IMAGES, SETTINGS], 'readonly', async (tx) => {
      const stored = (await request(tx.objectStore(CASES).get(id))) as CaseRecord | undefined;
      if (!stored) return undefined;
      const edits = (await request(tx.objectStore(SETTINGS).getAll(editRange(id)))) as PendingEdit[];
      const meta = edits.reduce((r, p) => applyEdit(r, p.edit), stored);
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
      tx.objectStore(SETTINGS).delete(editRange(id));
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
    this.connection = undefined;
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
    this.connection = undefined;
    (await db)?.close();
  }
}

/** This tab's view of the stored cases. */
export const caseStorage = new CaseStorage();
// What is written when the page goes away must not wait for the browser to commit it later.
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => caseStorage.flush());

export const addCaseImage = (seed: CaseMeta, image: CaseImage) => caseStorage.addImage(seed, image);
export const prepareCaseStorage = () => caseStorage.prepare();
export const writeCaseEdit = (caseId: string, edit: CaseEdit) => caseStorage.writeEdit(caseId, edit);
export const applyCaseEdits = (caseId: string) => caseStorage.applyEdits(caseId);
export const editNewCase = (seed: CaseRecord, edit: CaseEdit) => caseStorage.editNewCase(seed, edit);
export const flushCaseEdits = () => caseStorage.flush();
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
