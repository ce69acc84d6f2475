import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  clearPracticeProgress,
  loadOpenDrill,
  loadPracticeProgress,
  mergePracticeProgress,
  saveAnswer,
  saveDrillResult,
  saveOpenDrill,
  saveSession,
} from './practice-storage';

const answer = (n: number) => ({ itemId: `q${n}`, truth: 'MONOCYTE' as const, answer: 'LYMPHOCYTE' as const, at: n });

describe('practice storage', () => {
  it('keeps answers in order and sessions, and forgets both on reset', async () => {
    expect(await loadPracticeProgress()).toEqual({ answers: [], sessions: [], drills: [], tests: [] });
    await saveAnswer(answer(1));
    await saveAnswer(answer(2));
    await saveSession({ startedAt: 1, endedAt: 5, size: 10, correct: 0, answers: [answer(1), answer(2)] });
    const saved = await loadPracticeProgress();
    expect(saved.answers.map((a) => a.itemId)).toEqual(['q1', 'q2']);
    expect(saved.sessions).toHaveLength(1);
    expect(saved.sessions[0].answers).toHaveLength(2);

    await clearPracticeProgress();
    expect(await loadPracticeProgress()).toEqual({ answers: [], sessions: [], drills: [], tests: [] });
    // The store reopens after a reset (the connection was closed for "Delete all local data").
    await saveAnswer(answer(3));
    expect((await loadPracticeProgress()).answers).toHaveLength(1);
  });
});

describe('merging another device’s progress', () => {
  it('adds what is new, keeps what is here once, in time order, and reads the same twice', async () => {
    await clearPracticeProgress();
    const here = { startedAt: 10, endedAt: 20, size: 10, correct: 0, answers: [answer(10)] };
    await saveSession(here);
    await saveAnswer(answer(10));
    await saveDrillResult({ seed: 'abc', size: 100, startedAt: 30, endedAt: 40, answers: [answer(30)] });
    const incoming = {
      answers: [answer(5), answer(10)],
      sessions: [{ startedAt: 5, endedAt: 8, size: 10, correct: 0, answers: [answer(5)] }, here],
      drills: [{ seed: 'abc', size: 100, startedAt: 30, endedAt: 40, answers: [answer(30)] }],
      tests: [{ testId: 'HV-50-5', startedAt: 50, endedAt: 60, answers: [answer(50)] }],
    };
    const merged = await mergePracticeProgress(incoming);
    expect(merged.sessions.map((s) => s.startedAt)).toEqual([5, 10]);
    expect(merged.answers.map((a) => a.at)).toEqual([5, 10]);
    expect(merged.drills).toHaveLength(1);
    expect(merged.tests.map((t) => t.startedAt)).toEqual([50]);
    expect(await mergePracticeProgress(incoming)).toEqual(merged);
    expect(await loadPracticeProgress()).toEqual(merged);
  });

  it('keeps a drill under way until it is finished', async () => {
    await clearPracticeProgress();
    const open = { seed: 'abc', size: 100, startedAt: 1, cellIds: ['a', 'b'], tallies: ['MONOCYTE' as const] };
    await saveOpenDrill(open);
    expect(await loadOpenDrill()).toEqual(open);
    await saveDrillResult({ seed: 'abc', size: 100, startedAt: 1, endedAt: 2, answers: [] });
    expect(await loadOpenDrill()).toBeUndefined();
  });
});
