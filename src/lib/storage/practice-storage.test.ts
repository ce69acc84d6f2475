import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearPracticeProgress, loadPracticeProgress, saveAnswer, saveSession } from './practice-storage';

const answer = (n: number) => ({ itemId: `q${n}`, truth: 'MONOCYTE' as const, answer: 'LYMPHOCYTE' as const, at: n });

describe('practice storage', () => {
  it('keeps answers in order and sessions, and forgets both on reset', async () => {
    expect(await loadPracticeProgress()).toEqual({ answers: [], sessions: [] });
    await saveAnswer(answer(1));
    await saveAnswer(answer(2));
    await saveSession({ startedAt: 1, endedAt: 5, size: 10, correct: 0, answers: [answer(1), answer(2)] });
    const saved = await loadPracticeProgress();
    expect(saved.answers.map((a) => a.itemId)).toEqual(['q1', 'q2']);
    expect(saved.sessions).toHaveLength(1);
    expect(saved.sessions[0].answers).toHaveLength(2);

    await clearPracticeProgress();
    expect(await loadPracticeProgress()).toEqual({ answers: [], sessions: [] });
    // The store reopens after a reset (the connection was closed for "Delete all local data").
    await saveAnswer(answer(3));
    expect((await loadPracticeProgress()).answers).toHaveLength(1);
  });
});
