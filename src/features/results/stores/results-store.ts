import { create } from 'zustand';
import type { CellClass } from '@/core/model-spec';
import type { ImageOutcome } from '@/lib/worker-client/image-outcome';

export type ItemStatus = 'queued' | 'analysing' | 'done' | 'error' | 'cancelled';
export type DoneOutcome = Extract<ImageOutcome, { status: 'done' }>;

export interface ResultItem {
  readonly id: number;
  readonly name: string;
  readonly status: ItemStatus;
  readonly result?: DoneOutcome;
  readonly message?: string;
}

export type ViewMode = 'grid' | 'list';
export type SortKey = 'added' | 'name' | 'review' | 'confidence';
export type FilterKey = 'all' | 'review' | 'problems' | CellClass;

interface ResultsState {
  items: ResultItem[];
  /** Files in the current batch, and how many of them are finished; reset when a batch starts. */
  batch: { total: number; finished: number };
  view: ViewMode;
  sort: SortKey;
  filter: FilterKey;
  enqueue: (names: string[]) => number[];
  update: (id: number, patch: Partial<ResultItem>) => void;
  finish: (id: number, outcome: ImageOutcome) => void;
  clear: () => void;
  setView: (view: ViewMode) => void;
  setSort: (sort: SortKey) => void;
  setFilter: (filter: FilterKey) => void;
}

let nextId = 1;

export const useResultsStore = create<ResultsState>((set) => ({
  items: [],
  batch: { total: 0, finished: 0 },
  view: 'grid',
  sort: 'added',
  filter: 'all',
  enqueue: (names) => {
    const ids = names.map(() => nextId++);
    set((s) => {
      const idle = s.batch.finished >= s.batch.total;
      const batch = idle ? { total: names.length, finished: 0 } : { ...s.batch, total: s.batch.total + names.length };
      const added = names.map((name, i) => ({ id: ids[i], name, status: 'queued' as const }));
      return { items: [...s.items, ...added], batch };
    });
    return ids;
  },
  update: (id, patch) => set((s) => ({ items: s.items.map((it) => (it.id === id ? { ...it, ...patch } : it)) })),
  finish: (id, outcome) =>
    set((s) => {
      if (!s.items.some((it) => it.id === id)) return s;
      return {
        batch: { ...s.batch, finished: s.batch.finished + 1 },
        items: s.items.map((it) => (it.id === id ? { ...it, ...fromOutcome(outcome) } : it)),
      };
    }),
  clear: () =>
    set((s) => {
      for (const it of s.items) if (it.result) URL.revokeObjectURL(it.result.thumbnailUrl);
      return { items: [], batch: { total: 0, finished: 0 }, filter: 'all' };
    }),
  setView: (view) => set({ view }),
  setSort: (sort) => set({ sort }),
  setFilter: (filter) => set({ filter }),
}));

function fromOutcome(outcome: ImageOutcome): Partial<ResultItem> {
  if (outcome.status === 'done') return { status: 'done', result: outcome };
  if (outcome.status === 'error') return { status: 'error', message: outcome.message };
  return { status: 'cancelled', message: 'Cancelled before it was analysed.' };
}
