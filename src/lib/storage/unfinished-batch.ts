import { create } from 'zustand';

/**
 * Files dropped for analysis and not analysed yet, kept in IndexedDB (names and sizes, never
 * pixels) until each one's result comes: a closed tab, a reload or a crash leaves them there, and
 * the next page the app opens — in any tab — names them and offers to pick them again.
 */
export const UNFINISHED_BATCH_DB = 'hematovision-unfinished-batch';
const STORE = 'files';
const VERSION = 1;
/** Each page holds a Web Lock of this name and its own id while it lives: its queue is not left behind. */
const TAB_LOCK = 'hematovision-batch-page:';

interface StoredFile {
  /** `<page id>:<queue id>`. */
  readonly key: string;
  /** The page (one load of a tab) that queued it. */
  readonly page: string;
  readonly id: number;
  /** The file's name, with its folder path when it came in a dropped folder. */
  readonly name: string;
  readonly size: number;
  readonly queuedAt: number;
  /** Its analysis had begun when the page was left. */
  readonly analysing?: boolean;
}

/** A file an earlier page queued and never analysed. */
export interface LeftFile {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly wasAnalysing: boolean;
}

export interface UnfinishedBatchOptions {
  readonly database?: string;
  /** This page's id (default: a fresh one). */
  readonly page?: string;
  /** Ids of the pages alive now, in any tab (default: from the Web Locks they hold). */
  readonly livePages?: () => Promise<ReadonlySet<string>>;
}

/** The picked files that match left files by name and size, and the left files still unmatched. */
export interface PickedAgain {
  readonly matched: readonly File[];
  readonly stillLeft: readonly LeftFile[];
  /** Picked files that are none of the left ones. */
  readonly unknown: number;
}

/**
 * Keeps this page's queue in IndexedDB, and finds the files earlier pages (this tab before a
 * reload, or a tab since closed) left unanalysed. Writes are queued one after another, so a file
 * finished right after it was queued is not brought back by a late write.
 */
export class UnfinishedBatch {
  private readonly database: string;
  readonly page: string;
  private readonly livePages: () => Promise<ReadonlySet<string>>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(options: UnfinishedBatchOptions = {}) {
    this.database = options.database ?? UNFINISHED_BATCH_DB;
    this.page = options.page ?? crypto.randomUUID();
    this.livePages = options.livePages ?? (() => pagesHoldingLocks());
    if (!options.livePages) holdPageLock(this.page);
  }

  /** Files joining the queue. */
  queued(files: readonly { id: number; name: string; size: number }[]): void {
    const queuedAt = Date.now();
    this.write((store) => {
      for (const f of files) store.put({ key: this.key(f.id), page: this.page, ...f, queuedAt } satisfies StoredFile);
    });
  }

  /** A file's analysis begins. */
  started(id: number): void {
    this.write((store) => {
      const req = store.get(this.key(id));
      req.onsuccess = () => {
        const found = req.result as StoredFile | undefined;
        if (found) store.put({ ...found, analysing: true });
      };
    });
  }

  /** A file analysed, failed or cancelled by the user: it is no longer waiting. */
  finished(id: number): void {
    this.write((store) => store.delete(this.key(id)));
  }

  /** Every write asked for so far has committed (or failed). */
  settled(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  /** Files queued by pages that are gone (in any tab), oldest first. */
  async takeLeftBehind(): Promise<LeftFile[]> {
    const [all, live] = await Promise.all([this.readAll(), this.livePages().catch(() => new Set<string>())]);
    return all
      .filter((f) => f.page !== this.page && !live.has(f.page))
      .sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id)
      .map((f) => ({ key: f.key, name: f.name, size: f.size, wasAnalysing: f.analysing === true }));
  }

  /** Forgets these left files: the user dismissed them, or they are queued again. */
  forget(files: readonly LeftFile[]): Promise<void> {
    this.write((store) => {
      for (const f of files) store.delete(f.key);
    });
    return this.settled();
  }

  /**
   * Sorts files the user picked again against the left ones: a picked file matches a left file
   * of its name (without a folder path) and size. Matched left files are forgotten here: the
   * caller queues the matched files, which this page then keeps as its own.
   */
  async pickAgain(picked: readonly File[], left: readonly LeftFile[]): Promise<PickedAgain> {
    const open = [...left];
    const matched: File[] = [];
    const taken: LeftFile[] = [];
    let unknown = 0;
    for (const file of picked) {
      const i = open.findIndex((f) => baseName(f.name) === file.name && f.size === file.size);
      if (i < 0) {
        unknown++;
        continue;
      }
      matched.push(file);
      taken.push(...open.splice(i, 1));
    }
    await this.forget(taken);
    return { matched, stillLeft: open, unknown };
  }

  private key(id: number): string {
    return `${this.page}:${id}`;
  }

  private write(change: (store: IDBObjectStore) => void): void {
    this.writes = this.writes
      .then(() => this.transact('readwrite', change))
      // Storage off or full: the batch runs all the same; only the reminder is lost.
      .catch(() => undefined);
  }

  private async readAll(): Promise<StoredFile[]> {
    await this.settled();
    let all: StoredFile[] = [];
    await this.transact('readonly', (store) => {
      const req = store.getAll();
      req.onsuccess = () => (all = req.result as StoredFile[]);
    }).catch(() => undefined);
    return all;
  }

  /**
   * One transaction on a connection opened for it and closed after, so it never blocks a wipe. A
   * read does not create the database: a visit that queues nothing leaves none behind.
   */
  private transact(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(this.database, VERSION);
      open.onupgradeneeded = () => {
        if (mode === 'readonly') open.transaction?.abort();
        else open.result.createObjectStore(STORE, { keyPath: 'key' });
      };
      open.onerror = () =>
        open.error?.name === 'AbortError'
          ? resolve()
          : reject(open.error ?? new Error('IndexedDB could not be opened.'));
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(STORE, mode);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed.'));
        };
        work(tx.objectStore(STORE));
      };
    });
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Holds this page's lock until the page goes: the browser lets it go with the page. */
function holdPageLock(page: string): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  void navigator.locks.request(`${TAB_LOCK}${page}`, () => new Promise<never>(() => {})).catch(() => undefined);
}

/** The pages alive now, from the locks they hold; none where the browser cannot tell. */
async function pagesHoldingLocks(): Promise<ReadonlySet<string>> {
  if (typeof navigator === 'undefined' || !navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  return new Set(held.flatMap((l) => (l.name?.startsWith(TAB_LOCK) ? [l.name.slice(TAB_LOCK.length)] : [])));
}

/** Files earlier pages left unanalysed, for the notice; empty once dismissed or picked again. */
export const useInterruptedFiles = create<{ files: readonly LeftFile[]; unknownPicked: number }>(() => ({
  files: [],
  unknownPicked: 0,
}));
