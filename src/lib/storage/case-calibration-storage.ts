import type { CaseCalibration } from '@/core/case-calibration';
import type { CalibratedCell } from '@/worker/worker-api';
import { inTransaction, request } from './case-database';

/**
 * Calibrations of cases to their own cells, one record per case keyed by its id, in a database of
 * their own: a case's statistics are stored with that case and read only for it, never shared.
 * "Delete all local data" deletes the database with every other hematovision* one.
 */
export const CALIBRATION_DB_NAME = 'hematovision-case-calibrations';
const STORE = 'case-calibrations';
const VERSION = 1;

/** A case calibrated to its own cells: its statistics, when, and each cell's calibrated reading. */
export interface StoredCalibration {
  readonly caseId: string;
  readonly calibration: CaseCalibration;
  readonly calibratedAt: number;
  /**
   * Each cell's reading with this calibration, by cell key (cellKey): the cells it was calibrated
   * on, and cells added since (a new image, a cell drawn by hand), read with the same statistics.
   */
  readonly cells: Readonly<Record<string, CalibratedCell>>;
}

/**
 * The stored calibrations as one tab sees them. Each change is one transaction, and once it has
 * committed the other tabs are told which case changed (a BroadcastChannel never delivers to its
 * sender, so a tab does not hear its own changes).
 */
export class CaseCalibrationStorage {
  private db: Promise<IDBDatabase> | undefined;
  private readonly channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(caseId: string) => void>();

  constructor(private readonly name = CALIBRATION_DB_NAME) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    // Node (the unit tests) would otherwise stay alive for an open channel; browsers have no unref.
    (this.channel as { unref?: () => void } | undefined)?.unref?.();
    this.channel?.addEventListener('message', (e: MessageEvent<string>) => {
      for (const l of this.listeners) l(e.data);
    });
  }

  /** Calls `listener` with the case id of each calibration changed in another tab. */
  onChange(listener: (caseId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opened on first use; closed when another tab (or a wipe) upgrades or deletes the database. */
  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(this.name, VERSION);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'caseId' });
      open.onerror = () => reject(open.error ?? new Error('The calibration database could not be opened.'));
      open.onsuccess = () => {
        const db = open.result;
        db.onversionchange = () => {
          db.close();
          this.db = undefined;
        };
        db.onclose = () => (this.db = undefined);
        resolve(db);
      };
    }).catch((err: unknown) => {
      this.db = undefined;
      throw err;
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    return inTransaction(await this.open(), [STORE], mode, (tx) => body(tx.objectStore(STORE)));
  }

  async load(caseId: string): Promise<StoredCalibration | undefined> {
    return this.run('readonly', (s) => request(s.get(caseId) as IDBRequest<StoredCalibration | undefined>));
  }

  /** Stores a case's calibration, replacing any earlier one of that case. */
  async save(calibration: StoredCalibration): Promise<void> {
    await this.run('readwrite', async (s) => void s.put(calibration));
    this.channel?.postMessage(calibration.caseId);
  }

  /**
   * Adds readings of cells read since with the calibration made at `calibratedAt`. Resolves with
   * the record as stored, or undefined (nothing stored) when that calibration is no longer the
   * case's: undone, or replaced in another tab meanwhile.
   */
  async addCells(
    caseId: string,
    calibratedAt: number,
    cells: Readonly<Record<string, CalibratedCell>>,
  ): Promise<StoredCalibration | undefined> {
    const stored = await this.run('readwrite', async (s) => {
      const found = (await request(s.get(caseId))) as StoredCalibration | undefined;
      if (!found || found.calibratedAt !== calibratedAt) return undefined;
      const next: StoredCalibration = { ...found, cells: { ...found.cells, ...cells } };
      s.put(next);
      return next;
    });
    if (stored) this.channel?.postMessage(caseId);
    return stored;
  }

  /** The case goes back to the shipped reading (undo), or the case itself was deleted. */
  async remove(caseId: string): Promise<void> {
    await this.run('readwrite', async (s) => void s.delete(caseId));
    this.channel?.postMessage(caseId);
  }

  /** Calibrated cases stored. */
  async count(): Promise<number> {
    return this.run('readonly', (s) => request(s.count()));
  }

  /** Closes the connection and stops telling other tabs (tests open several "tabs"). */
  async close(): Promise<void> {
    this.channel?.close();
    this.listeners.clear();
    const db = this.db;
    this.db = undefined;
    (await db)?.close();
  }
}

/** This tab's view of the stored calibrations. */
export const caseCalibrationStorage = new CaseCalibrationStorage();
