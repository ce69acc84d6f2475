import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { confusionSentences, confusionSummary, rightInWords, scoreAnswers } from './scoring';

/** A scripted ten-question session: (true class, answer). */
const SCRIPT: [CellClass, CellClass][] = [
  ['EOSINOPHIL', 'NEUTROPHIL'],
  ['EOSINOPHIL', 'EOSINOPHIL'],
  ['EOSINOPHIL', 'NEUTROPHIL'],
  ['EOSINOPHIL', 'EOSINOPHIL'],
  ['EOSINOPHIL', 'EOSINOPHIL'],
  ['LYMPHOCYTE', 'LYMPHOCYTE'],
  ['LYMPHOCYTE', 'LYMPHOCYTE'],
  ['MONOCYTE', 'LYMPHOCYTE'],
  ['BASOPHIL', 'BASOPHIL'],
  ['NEUTROPHIL', 'NEUTROPHIL'],
];

const answers = SCRIPT.map(([truth, answer], i) => ({ itemId: `q${i}`, truth, answer, at: i }));

describe('scoreAnswers', () => {
  it('counts score, streaks, per-class accuracy and the confusion table of a scripted session', () => {
    const s = scoreAnswers(answers);
    expect([s.correct, s.total, s.streak, s.bestStreak]).toEqual([7, 10, 2, 4]);
    expect(s.perClass).toEqual({
      BASOPHIL: { asked: 1, correct: 1 },
      EOSINOPHIL: { asked: 5, correct: 3 },
      LYMPHOCYTE: { asked: 2, correct: 2 },
      MONOCYTE: { asked: 1, correct: 0 },
      NEUTROPHIL: { asked: 1, correct: 1 },
      IG: { asked: 0, correct: 0 },
      ERYTHROBLAST: { asked: 0, correct: 0 },
    });
    expect(s.confusion.EOSINOPHIL).toEqual({
      BASOPHIL: 0,
      EOSINOPHIL: 3,
      LYMPHOCYTE: 0,
      MONOCYTE: 0,
      NEUTROPHIL: 2,
      IG: 0,
      ERYTHROBLAST: 0,
    });
    expect(s.confusion.BASOPHIL.BASOPHIL).toBe(1);
    expect(s.confusion.MONOCYTE.LYMPHOCYTE).toBe(1);
    expect(
      Object.values(s.confusion)
        .flatMap((r) => Object.values(r))
        .reduce((a, b) => a + b),
    ).toBe(10);
  });

  it('writes the confusions as sentences, worst first', () => {
    expect(confusionSentences(scoreAnswers(answers))).toEqual([
      'You called 1 of 1 monocyte a lymphocyte.',
      'You called 2 of 5 eosinophils neutrophils (40%).',
    ]);
  });

  it('names a basophil confusion like any other', () => {
    const missed = scoreAnswers([{ itemId: 'b', truth: 'BASOPHIL', answer: 'EOSINOPHIL', at: 0 }]);
    expect(missed.perClass.BASOPHIL).toEqual({ asked: 1, correct: 0 });
    expect(confusionSentences(missed)).toEqual(['You called 1 of 1 basophil an eosinophil.']);
  });

  it('scores and names immature granulocytes and nucleated red cells as it does the five', () => {
    const s = scoreAnswers([
      { itemId: 'i1', truth: 'IG', answer: 'NEUTROPHIL', at: 0 },
      { itemId: 'i2', truth: 'IG', answer: 'IG', at: 1 },
      { itemId: 'e1', truth: 'ERYTHROBLAST', answer: 'LYMPHOCYTE', at: 2 },
      { itemId: 'l1', truth: 'LYMPHOCYTE', answer: 'ERYTHROBLAST', at: 3 },
    ]);
    expect(s.perClass.IG).toEqual({ asked: 2, correct: 1 });
    expect(s.perClass.ERYTHROBLAST).toEqual({ asked: 1, correct: 0 });
    expect(s.confusion.ERYTHROBLAST.LYMPHOCYTE).toBe(1);
    expect(s.confusion.LYMPHOCYTE.ERYTHROBLAST).toBe(1);
    expect(confusionSentences(s)).toEqual([
      'You called 1 of 1 lymphocyte a nucleated red cell.',
      'You called 1 of 1 nucleated red cell a lymphocyte.',
      'You called 1 of 2 immature granulocytes a neutrophil.',
    ]);
  });

  it('scores an empty session as zero', () => {
    const s = scoreAnswers([]);
    expect([s.correct, s.total, s.bestStreak]).toEqual([0, 0, 0]);
    expect(confusionSentences(s)).toEqual([]);
  });

  it('never turns a handful of answers into a share of the time', () => {
    const two = scoreAnswers([
      { itemId: 'a', truth: 'MONOCYTE', answer: 'LYMPHOCYTE', at: 0 },
      { itemId: 'b', truth: 'MONOCYTE', answer: 'LYMPHOCYTE', at: 1 },
      { itemId: 'c', truth: 'MONOCYTE', answer: 'MONOCYTE', at: 2 },
    ]);
    expect(confusionSentences(two)).toEqual(['You called 2 of 3 monocytes lymphocytes.']);
    expect(rightInWords(1, 1)).toBe('1 of 1 right');
    expect(rightInWords(4, 4)).toBe('4 of 4 right');
    expect(rightInWords(3, 5)).toBe('60%');
    expect(rightInWords(0, 0)).toBe('—');
  });

  it('sums a session’s confusions up in at most four sentences, all in one voice', () => {
    expect(confusionSummary(scoreAnswers(answers))).toEqual([
      'You called 1 of 1 monocyte a lymphocyte.',
      'You called 2 of 5 eosinophils neutrophils (40%).',
    ]);
    // Every class confused with the next one along: seven confusions, three named.
    const many = scoreAnswers(
      CELL_CLASSES.map((truth, i, all) => ({
        itemId: `w${i}`,
        truth,
        answer: all[(i + 1) % all.length],
        at: i,
      })),
    );
    const text = confusionSummary(many);
    expect(text).toHaveLength(4);
    expect(text[3]).toBe(`You made ${CELL_CLASSES.length - 3} more confusions, each in the table.`);
    for (const sentence of text) expect(sentence).toMatch(/^You (called|made) /);
    expect(confusionSummary(scoreAnswers([{ itemId: 'a', truth: 'MONOCYTE', answer: 'MONOCYTE', at: 0 }]))).toEqual([
      'You confused no class with another.',
    ]);
  });
});
