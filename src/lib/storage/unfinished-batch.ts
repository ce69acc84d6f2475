import { create } from 'zustand';

/**
 * Files of the running batch not analysed yet, kept in sessionStorage: a reload keeps it, and it
 * is this tab's own (another tab's batch is not this tab's loss). Names only, never pixels.
 */
const QUEUED_KEY = 'hematovision.batch-queued';
/** Names of files that a reload or navigation left unanalysed, until the user dismisses them. */
const INTERRUPTED_KEY = 'hematovision.batch-interrupted';

interface QueuedFile {
  readonly id: number;
  readonly name: string;
}

function read<T>(storage: Storage, key: string): T[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, key: string, value: readonly unknown[]): void {
  try {
    if (value.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Web Storage full or disabled: the batch runs all the same, only the reminder is lost.
  }
}

/**
 * Remembers one tab's queued files, and after a reload says which of them were never analysed.
 * The page's session storage is passed in so that the tests can give it a storage of their own.
 */
export class UnfinishedBatch {
  constructor(private readonly storage: Storage) {}

  /** Files joining the queue. */
  queued(files: readonly QueuedFile[]): void {
    write(this.storage, QUEUED_KEY, [...read<QueuedFile>(this.storage, QUEUED_KEY), ...files]);
  }

  /** A file analysed, failed or cancelled: it is no longer waiting. */
  finished(id: number): void {
    write(
      this.storage,
      QUEUED_KEY,
      read<QueuedFile>(this.storage, QUEUED_KEY).filter((f) => f.id !== id),
    );
  }

  /**
   * At page load: files still queued belong to the page that was left, so they were not analysed.
   * They join the names still to be shown (a second reload before dismissing keeps them).
   */
  takeLeftBehind(): string[] {
    const left = read<QueuedFile>(this.storage, QUEUED_KEY).map((f) => f.name);
    const names = [...read<string>(this.storage, INTERRUPTED_KEY), ...left];
    write(this.storage, QUEUED_KEY, []);
    write(this.storage, INTERRUPTED_KEY, names);
    return names;
  }

  dismiss(): void {
    write(this.storage, INTERRUPTED_KEY, []);
  }
}

/** Names of files a reload left unanalysed, for the notice; empty once dismissed. */
export const useInterruptedFiles = create<{ names: string[] }>(() => ({ names: [] }));
