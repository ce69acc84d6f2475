import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SavedAdaptation } from '@/worker/worker-api';

export const ADAPTATION_DB_NAME = 'hematovision-adaptation';
const KEY = 'current';

let store: UseStore | undefined;
const adaptationStore = () => (store ??= createStore(ADAPTATION_DB_NAME, 'adaptation'));

/** The head adapted to this lab, if one was saved on this device. */
export async function loadAdaptation(): Promise<SavedAdaptation | undefined> {
  try {
    return await get<SavedAdaptation>(KEY, adaptationStore());
  } catch {
    return undefined; // private mode or storage refused: run the shipped model
  }
}

export function saveAdaptation(saved: SavedAdaptation): Promise<void> {
  return set(KEY, saved, adaptationStore());
}

export function clearAdaptation(): Promise<void> {
  return del(KEY, adaptationStore());
}

/** Closes the connection: an open one would block "Delete all local data" (idb-keyval never closes it). */
export async function closeAdaptationStore(): Promise<void> {
  if (!store) return;
  await store('readonly', (s) => s.transaction.db.close());
  store = undefined;
}
