import { create } from 'zustand';
import type { CellClass } from '@/core/model-spec';
import { loadPracticeSet, type PracticeItem } from '@/lib/network/practice-manifest';
import {
  loadOpenTest,
  saveOpenTest,
  saveTestName,
  saveTestResult,
  type TestResult,
} from '@/lib/storage/practice-storage';
import { usePracticeStore } from './practice-store';
import { proficiencySet, TEST_ID } from '@/features/practice/utils/proficiency-set';

type Phase = 'loading' | 'start' | 'testing' | 'done' | 'error';

interface TestState {
  phase: Phase;
  message?: string;
  items: PracticeItem[];
  answers: CellClass[];
  startedAt: number;
  result?: TestResult;
  init: () => Promise<void>;
  start: () => Promise<void>;
  answer: (cls: CellClass) => Promise<void>;
  /** The name typed on the certificate, stored with the result. */
  setName: (name: string) => Promise<void>;
  /** Shows a finished test's certificate again. */
  show: (result: TestResult) => void;
  abandon: () => Promise<void>;
  close: () => void;
}

/**
 * The proficiency test: the fixed set, one answer per cell and no feedback until the end. Each
 * answer is stored before the next cell shows, so a reload resumes the test; the clock keeps
 * running from the start, as a timed test's would.
 */
/** The answer being stored, if any: the next waits for it (a failed one does not stop the next). */
let answering: Promise<void> = Promise.resolve();

export const useTestStore = create<TestState>((set, get) => ({
  phase: 'loading',
  items: [],
  answers: [],
  startedAt: 0,
  init: async () => {
    try {
      const items = proficiencySet(await loadPracticeSet());
      const saved = await loadOpenTest();
      if (get().phase === 'done') return;
      // A test shown as under way stays only while it is still stored (see the drill's store).
      if (get().phase === 'testing' && saved?.startedAt === get().startedAt) return;
      if (saved && saved.testId === TEST_ID && saved.itemIds.join() === items.map((i) => i.id).join()) {
        set({ phase: 'testing', items, answers: [...saved.answers], startedAt: saved.startedAt });
        return;
      }
      if (saved) await saveOpenTest(undefined);
      set({ phase: 'start', items });
    } catch (err) {
      set({ phase: 'error', message: (err as Error).message });
    }
  },
  start: async () => {
    const { items } = get();
    const startedAt = Date.now();
    await saveOpenTest({ testId: TEST_ID, startedAt, itemIds: items.map((i) => i.id), answers: [] });
    set({ phase: 'testing', answers: [], startedAt, result: undefined });
  },
  // Answers are stored one after another, each before its next cell shows: a key pressed twice
  // quickly never reads an answer list the first press has not stored yet.
  answer: (cls) => {
    const stored = answering.then(async () => {
      const { phase, items, answers, startedAt } = get();
      if (phase !== 'testing' || answers.length >= items.length) return;
      const next = [...answers, cls];
      if (next.length < items.length) {
        await saveOpenTest({ testId: TEST_ID, startedAt, itemIds: items.map((i) => i.id), answers: next });
        set({ answers: next });
        return;
      }
      const endedAt = Date.now();
      const result: TestResult = {
        testId: TEST_ID,
        startedAt,
        endedAt,
        answers: items.map((item, i) => ({ itemId: item.id, truth: item.label, answer: next[i], at: endedAt })),
      };
      await saveTestResult(result);
      set({ answers: next, phase: 'done', result });
      await usePracticeStore.getState().refreshProgress();
    });
    answering = stored.catch(() => undefined);
    return stored;
  },
  setName: async (name) => {
    const { result } = get();
    if (!result) return;
    set({ result: { ...result, name } });
    await saveTestName(result.startedAt, name);
    await usePracticeStore.getState().refreshProgress();
  },
  show: (result) => set({ phase: 'done', result }),
  abandon: async () => {
    await saveOpenTest(undefined);
    set({ phase: 'start', answers: [] });
  },
  close: () => set({ phase: 'start', answers: [], result: undefined }),
}));
