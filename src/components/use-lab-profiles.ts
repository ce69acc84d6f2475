import { useSyncExternalStore } from 'react';
import { labProfiles, type LabProfile } from '@/lib/storage/adaptation-storage';
import { knowLabProfileNames } from '@/lib/format/model-that-read';

/** Undefined until first read: "no profiles" and "not read yet" look different to the page. */
let snapshot: readonly LabProfile[] | undefined;
const subscribers = new Set<() => void>();
let reading: Promise<void> | undefined;

function refresh(): Promise<void> {
  reading = labProfiles
    .list()
    // No readable storage (private mode): no profile can be chosen, the shipped model reads.
    .catch(() => [])
    .then((list) => {
      snapshot = list;
      // Exports and cards name the profile that read a case, from the same list.
      knowLabProfileNames(new Map(list.map((p) => [p.id, p.name])));
      for (const s of subscribers) s();
    });
  return reading;
}

// A change committed here or in another tab: every component showing profiles reads them again.
labProfiles.onChange(() => void refresh());

function subscribe(onChange: () => void): () => void {
  subscribers.add(onChange);
  if (!reading) void refresh();
  return () => subscribers.delete(onChange);
}

/** The lab profiles kept in this browser, kept current across tabs; undefined until first read. */
export function useLabProfiles(): readonly LabProfile[] | undefined {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The profiles as stored now (read once if no component has read them yet). */
export async function currentLabProfiles(): Promise<readonly LabProfile[]> {
  if (!reading) await refresh();
  else await reading;
  return snapshot ?? [];
}
