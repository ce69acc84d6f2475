import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { SavedAdaptation } from '@/worker/worker-api';

export const ADAPTATION_DB_NAME = 'hematovision-adaptation';
const STORE_NAME = 'adaptation';
/** Where releases before lab profiles kept their one adaptation: moved into a profile on first read. */
const LEGACY_KEY = 'current';
const CHANNEL_NAME = 'hematovision-profiles';

/**
 * A lab profile: an adaptation kept under a name the lab chose ("Lab 2, Wright stain"). A case is
 * read by one profile or by the shipped model; results record `<model version>+<profile id>`.
 */
export interface LabProfile extends SavedAdaptation {
  readonly name: string;
}

/** The name an adaptation kept before profiles existed is given, with the day it was made. */
export function migratedProfileName(createdAt: string): string {
  const day = new Date(createdAt);
  return Number.isNaN(day.getTime())
    ? 'My lab'
    : `My lab (adapted ${day.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })})`;
}

/**
 * The lab profiles kept in this browser, one record per profile keyed by its id. Every change is
 * one IndexedDB transaction; once it has committed, listeners in this tab and every other open tab
 * (a BroadcastChannel) hear of it, so a profile renamed, deleted or imported anywhere shows at once.
 */
export class LabProfileStorage {
  private store?: UseStore;
  private readonly listeners = new Set<() => void>();
  private readonly channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : undefined;

  constructor(private readonly dbName = ADAPTATION_DB_NAME) {
    // Node (the unit tests) would otherwise stay alive for an open channel; browsers have no unref.
    (this.channel as { unref?: () => void } | undefined)?.unref?.();
    this.channel?.addEventListener('message', () => this.notify());
  }

  private open(): UseStore {
    return (this.store ??= createStore(this.dbName, STORE_NAME));
  }

  /** Whether the database is there: reading must not create it, or a wipe would leave it behind. */
  private async exists(): Promise<boolean> {
    if (typeof indexedDB.databases !== 'function') return true;
    return (await indexedDB.databases()).some((d) => d.name === this.dbName);
  }

  /** Every profile, oldest first; an adaptation kept by an older release comes back as a profile. */
  async list(): Promise<LabProfile[]> {
    if (!(await this.exists())) return [];
    const migrated = await this.open()('readwrite', async (s) => {
      const legacy = (await promisifyRequest(s.get(LEGACY_KEY))) as SavedAdaptation | undefined;
      if (legacy) {
        // One transaction: the old record becomes a profile and goes, or neither happens.
        if ((await promisifyRequest(s.get(legacy.id))) === undefined) {
          s.put({ ...legacy, name: migratedProfileName(legacy.createdAt) } satisfies LabProfile, legacy.id);
        }
        s.delete(LEGACY_KEY);
      }
      return legacy !== undefined;
    });
    if (migrated) this.changed();
    const all = (await this.open()('readonly', (s) => promisifyRequest(s.getAll()))) as LabProfile[];
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<LabProfile | undefined> {
    if (!(await this.exists())) return undefined;
    return (await this.open()('readonly', (s) => promisifyRequest(s.get(id)))) as LabProfile | undefined;
  }

  /** Keeps a profile (a new adaptation, or one imported); the same weights replace their record. */
  async save(profile: LabProfile): Promise<void> {
    await this.open()('readwrite', (s) => promisifyRequest(s.put(profile, profile.id)));
    this.changed();
  }

  /** Renames a profile; false when it no longer exists (deleted in another tab). */
  async rename(id: string, name: string): Promise<boolean> {
    const found = await this.open()('readwrite', async (s) => {
      const stored = (await promisifyRequest(s.get(id))) as LabProfile | undefined;
      if (stored) s.put({ ...stored, name }, id);
      return stored !== undefined;
    });
    if (found) this.changed();
    return found;
  }

  async delete(id: string): Promise<void> {
    await this.open()('readwrite', (s) => promisifyRequest(s.delete(id)));
    this.changed();
  }

  /** Calls `listener` after each committed change, here or in another tab. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the connection: an open one would block "Delete all local data" (idb-keyval never closes it). */
  async close(): Promise<void> {
    if (!this.store) return;
    await this.store('readonly', (s) => s.transaction.db.close());
    this.store = undefined;
  }

  /** Deletes every profile ("Delete all local data"); says how many there were. Every tab hears of it. */
  async clearAll({ announce = true } = {}): Promise<number> {
    const count = await this.open()('readwrite', async (s) => {
      const n = await promisifyRequest(s.count());
      s.clear();
      return n;
    });
    if (announce) this.changed();
    return count;
  }

  /**
   * Tells this tab and every other that the profiles changed: "Delete all local data" clears them
   * quietly and announces it once the database is gone, so no tab's re-reading opens it again.
   */
  announceChanged(): void {
    this.changed();
  }

  private changed(): void {
    this.channel?.postMessage({ type: 'profiles-changed' });
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

export const labProfiles = new LabProfileStorage();
