import { create } from 'zustand';
import type { CellClass } from '@/core/model-spec';
import { loadPracticeSet, type PracticeItem } from '@/lib/network/practice-manifest';
import {
  clearPracticeProgress,
  loadPracticeProgress,
  saveAnswer,
  saveSession,
  type PracticeAnswer,
  type PracticeProgress,
} from '@/lib/storage/practice-storage';
import { nextItem, seededRandom } from '@/features/practice/utils/scheduler';

export const SESSION_SIZES = [10, 20, 50] as const;
export type SessionSize = (typeof SESSION_SIZES)[number];

type Phase = 'loading' | 'start' | 'question' | 'feedback' | 'done' | 'error';

interface PracticeState {
  phase: Phase;
  message?: string;
  items: PracticeItem[];
  progress: PracticeProgress;
  size: SessionSize;
  current?: PracticeItem;
  /** This session's answers, oldest first. */
  answers: PracticeAnswer[];
  startedAt: number;
  endedAt: number;
  init: () => Promise<void>;
  setSize: (size: SessionSize) => void;
  start: () => void;
  answer: (cls: CellClass) => void;
  next: () => void;
  quit: () => void;
  reset: () => Promise<void>;
  /** Reads the stored progress again: a drill or test finished, or another device's progress imported. */
  refreshProgress: () => Promise<void>;
}

let random = seededRandom(Date.now());

export const usePracticeStore = create<PracticeState>((set, get) => ({
  phase: 'loading',
  items: [],
  progress: { answers: [], sessions: [], drills: [], tests: [] },
  size: 10,
  answers: [],
  startedAt: 0,
  endedAt: 0,
  init: async () => {
    if (get().phase !== 'loading' && get().phase !== 'error') return;
    try {
      const [items, progress] = await Promise.all([loadPracticeSet(), loadPracticeProgress()]);
      set({ items, progress, phase: 'start' });
    } catch (err) {
      set({ phase: 'error', message: (err as Error).message });
    }
  },
  setSize: (size) => set({ size }),
  start: () => {
    random = seededRandom(Date.now());
    const { items, progress } = get();
    const current = nextItem(items, progress.answers, new Set(), random);
    set({ phase: 'question', answers: [], current, startedAt: Date.now(), endedAt: 0 });
  },
  answer: (cls) => {
    const { current, phase, progress } = get();
    if (phase !== 'question' || !current) return;
    const given: PracticeAnswer = { itemId: current.id, truth: current.label, answer: cls, at: Date.now() };
    void saveAnswer(given);
    set((s) => ({
      phase: 'feedback',
      answers: [...s.answers, given],
      progress: { ...progress, answers: [...progress.answers, given] },
    }));
  },
  next: () => {
    const { answers, size, items, progress, startedAt } = get();
    if (answers.length >= size) {
      const endedAt = Date.now();
      const session = {
        startedAt,
        endedAt,
        size,
        correct: answers.filter((a) => a.answer === a.truth).length,
        answers,
      };
      void saveSession(session);
      set({ phase: 'done', endedAt, progress: { ...progress, sessions: [...progress.sessions, session] } });
      return;
    }
    const asked = new Set(answers.map((a) => a.itemId));
    set({ phase: 'question', current: nextItem(items, progress.answers, asked, random) });
  },
  quit: () => set({ phase: 'start', current: undefined, answers: [] }),
  reset: async () => {
    await clearPracticeProgress();
    set({ progress: { answers: [], sessions: [], drills: [], tests: [] }, phase: 'start', answers: [] });
  },
  refreshProgress: async () => set({ progress: await loadPracticeProgress() }),
}));
