import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import type { SavedAdaptation } from '@/worker/worker-api';
import { LabProfileStorage, type LabProfile } from './adaptation-storage';

let dbs = 0;
/** A fresh database per test, as a fresh browser profile would have. */
const freshName = () => `profiles-test-${++dbs}`;

const adaptation = (id: string, createdAt = '2026-12-01T10:00:00.000Z'): SavedAdaptation => ({
  modelVersion: '1.0badc0de',
  id,
  adapted: {
    head: { kernel: new Float32Array([1, 2, 3, 4]), bias: new Float32Array([0, 1]), features: 2, classes: 2 },
    temperature: 1.2,
  },
  cellsPerClass: [3, 3],
  createdAt,
});
const profile = (id: string, name: string, createdAt?: string): LabProfile => ({ ...adaptation(id, createdAt), name });

describe('LabProfileStorage', () => {
  it('moves the one adaptation an older release kept into a named profile, once, in one step', async () => {
    const name = freshName();
    const legacy = adaptation('lab.00000001', '2026-11-03T09:00:00.000Z');
    await set('current', legacy, createStore(name, 'adaptation'));
    const storage = new LabProfileStorage(name);
    const heard = vi.fn();
    storage.onChange(heard);
    const [migrated, ...rest] = await storage.list();
    expect(rest).toHaveLength(0);
    expect(migrated.id).toBe('lab.00000001');
    expect(migrated.name).toMatch(/^My lab \(adapted .*2026\)$/);
    expect(Array.from(migrated.adapted.head.kernel)).toEqual([1, 2, 3, 4]);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(await get('current', createStore(name, 'adaptation'))).toBeUndefined();
    expect(await storage.list()).toHaveLength(1);
    expect(heard).toHaveBeenCalledTimes(1);
    await storage.close();
  });

  it('keeps, lists oldest first, renames and deletes profiles', async () => {
    const storage = new LabProfileStorage(freshName());
    await storage.save(profile('lab.0000000b', 'Lab 2, Wright stain', '2026-12-02T00:00:00.000Z'));
    await storage.save(profile('lab.0000000a', 'Lab 1, May-Grünwald', '2026-12-01T00:00:00.000Z'));
    expect((await storage.list()).map((p) => p.name)).toEqual(['Lab 1, May-Grünwald', 'Lab 2, Wright stain']);
    expect(await storage.rename('lab.0000000b', 'Lab 2, Wright stain, new scope')).toBe(true);
    expect((await storage.get('lab.0000000b'))?.name).toBe('Lab 2, Wright stain, new scope');
    await storage.delete('lab.0000000a');
    expect((await storage.list()).map((p) => p.id)).toEqual(['lab.0000000b']);
    expect(await storage.rename('lab.0000000a', 'gone')).toBe(false);
    expect(await storage.get('lab.0000000a')).toBeUndefined();
    await storage.close();
  });

  it('tells another tab of every committed change, and this tab too', async () => {
    const name = freshName();
    const here = new LabProfileStorage(name);
    const otherTab = new LabProfileStorage(name);
    const heardHere = vi.fn();
    const heardThere = vi.fn();
    here.onChange(heardHere);
    otherTab.onChange(heardThere);
    await here.save(profile('lab.0000000c', 'Lab 3'));
    await vi.waitFor(() => expect(heardThere).toHaveBeenCalledTimes(1));
    expect(heardHere).toHaveBeenCalledTimes(1);
    // What the other tab hears of is already stored when it reads.
    expect((await otherTab.list()).map((p) => p.name)).toEqual(['Lab 3']);
    await otherTab.rename('lab.0000000c', 'Lab 3, Giemsa');
    await vi.waitFor(() => expect(heardHere).toHaveBeenCalledTimes(2));
    expect((await here.get('lab.0000000c'))?.name).toBe('Lab 3, Giemsa');
    await here.close();
    await otherTab.close();
  });
});
