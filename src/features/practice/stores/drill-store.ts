import { create } from 'zustand';
import type { CellClass } from '@/core/model-spec';
import { loadDrillFields } from '@/lib/network/drill-fields';
import { loadPracticeSet } from '@/lib/network/practice-manifest';
import {
  loadOpenDrill,
  saveDrillResult,
  saveOpenDrill,
  type DrillResult,
  type OpenDrill,
} from '@/lib/storage/practice-storage';
import { usePracticeStore } from './practice-store';
import { buildDrill, newDrillSeed, type DrillCell, type DrillSize } from '@/features/practice/utils/drill';

type Phase = 'loading' | 'start' | 'counting' | 'done' | 'error';

interface DrillState {
  phase: Phase;
  message?: string;
  seed: string;
  size: DrillSize;
  /** The drill's cells in order; the student is at tallies.length. */
  cells: DrillCell[];
  tallies: CellClass[];
  startedAt: number;
  result?: DrillResult;
  /** Loads the images' lists and resumes a drill under way; `seed` (from a shared link) preselects a drill. */
  init: (seed?: string, size?: DrillSize) => Promise<void>;
  setSeed: (seed: string) => void;
  setSize: (size: DrillSize) => void;
  start: () => Promise<void>;
  tally: (cls: CellClass) => Promise<void>;
  undo: () => Promise<void>;
  /** Stops the drill under way without a result. */
  abandon: () => Promise<void>;
  /** Back to the start, a new code ready. */
  again: (sameDrill: boolean) => void;
}

let pool: { cells: (seed: string, size: number) => DrillCell[] } | undefined;

async function loadPool() {
  if (!pool) {
    const [items, fields] = await Promise.all([loadPracticeSet(), loadDrillFields()]);
    pool = { cells: (seed, size) => buildDrill(seed, size, items, fields) };
  }
  return pool;
}

function open(s: Pick<DrillState, 'seed' | 'size' | 'startedAt' | 'cells' | 'tallies'>): OpenDrill {
  return { seed: s.seed, size: s.size, startedAt: s.startedAt, cellIds: s.cells.map((c) => c.id), tallies: s.tallies };
}

/**
 * The count drill: every tally and undo is stored before the next cell shows, so a reload (or a
 * closed tab) resumes the drill at the same cell; the finished drill joins the progress.
 */
/** The tally or undo being stored: the next waits for it (a failed one does not stop the next). */
let storing: Promise<void> = Promise.resolve();

/**
 * Runs tallies and undos one after another, each stored before the page shows it, so a key
 * pressed twice quickly never reads tallies the first press has not stored yet.
 */
function inTurn(change: () => Promise<void>): Promise<void> {
  const stored = storing.then(change);
  storing = stored.catch(() => undefined);
  return stored;
}

export const useDrillStore = create<DrillState>((set, get) => ({
  phase: 'loading',
  seed: '',
  size: 100,
  cells: [],
  tallies: [],
  startedAt: 0,
  init: async (seed, size) => {
    try {
      const { cells } = await loadPool();
      const saved = await loadOpenDrill();
      const state = get();
      if (state.phase === 'done') return;
      // A drill shown as under way stays only while it is still stored: "Delete all local data"
      // or another tab may have ended it since.
      if (state.phase === 'counting' && saved?.startedAt === state.startedAt) return;
      if (saved) {
        const rebuilt = cells(saved.seed, saved.size);
        // The same drill only if the image sets have not changed since it was started.
        if (rebuilt.map((c) => c.id).join() === saved.cellIds.join()) {
          set({
            phase: 'counting',
            seed: saved.seed,
            size: saved.size as DrillSize,
            cells: rebuilt,
            tallies: [...saved.tallies],
            startedAt: saved.startedAt,
          });
          return;
        }
        await saveOpenDrill(undefined);
      }
      set({ phase: 'start', seed: seed ?? (state.seed || newDrillSeed()), size: size ?? state.size });
    } catch (err) {
      set({ phase: 'error', message: (err as Error).message });
    }
  },
  setSeed: (seed) => set({ seed }),
  setSize: (size) => set({ size }),
  start: async () => {
    const { cells } = await loadPool();
    const { seed, size } = get();
    const next = { seed, size, cells: cells(seed, size), tallies: [], startedAt: Date.now() };
    await saveOpenDrill(open(next));
    set({ ...next, phase: 'counting', result: undefined });
  },
  tally: (cls) =>
    inTurn(async () => {
      const state = get();
      if (state.phase !== 'counting' || state.tallies.length >= state.cells.length) return;
      const tallies = [...state.tallies, cls];
      if (tallies.length < state.cells.length) {
        await saveOpenDrill(open({ ...state, tallies }));
        set({ tallies });
        return;
      }
      const endedAt = Date.now();
      const result: DrillResult = {
        seed: state.seed,
        size: state.size,
        startedAt: state.startedAt,
        endedAt,
        answers: state.cells.map((c, i) => ({
          itemId: c.id,
          truth: c.truth,
          answer: tallies[i],
          at: endedAt,
        })),
      };
      await saveDrillResult(result);
      set({ tallies, phase: 'done', result });
      await usePracticeStore.getState().refreshProgress();
    }),
  undo: () =>
    inTurn(async () => {
      const state = get();
      if (state.phase !== 'counting' || state.tallies.length === 0) return;
      const tallies = state.tallies.slice(0, -1);
      await saveOpenDrill(open({ ...state, tallies }));
      set({ tallies });
    }),
  abandon: async () => {
    await saveOpenDrill(undefined);
    set({ phase: 'start', cells: [], tallies: [] });
  },
  again: (sameDrill) =>
    set((s) => ({
      phase: 'start',
      cells: [],
      tallies: [],
      result: undefined,
      seed: sameDrill ? s.seed : newDrillSeed(),
    })),
}));
