import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';

export interface SessionScore {
  readonly correct: number;
  readonly total: number;
  /** Right answers in a row at the end, and the longest run in the session. */
  readonly streak: number;
  readonly bestStreak: number;
  readonly perClass: Record<CellClass, { readonly asked: number; readonly correct: number }>;
  /** confusion[truth][answer]: how often a cell of class `truth` was given `answer`. */
  readonly confusion: Record<CellClass, Record<CellClass, number>>;
}

export function scoreAnswers(answers: readonly PracticeAnswer[]): SessionScore {
  const perClass = Object.fromEntries(CELL_CLASSES.map((c) => [c, { asked: 0, correct: 0 }])) as Record<
    CellClass,
    { asked: number; correct: number }
  >;
  const confusion = Object.fromEntries(
    CELL_CLASSES.map((t) => [t, Object.fromEntries(CELL_CLASSES.map((a) => [a, 0]))]),
  ) as Record<CellClass, Record<CellClass, number>>;
  let streak = 0;
  let bestStreak = 0;
  let correct = 0;
  for (const a of answers) {
    const right = a.answer === a.truth;
    perClass[a.truth].asked++;
    confusion[a.truth][a.answer]++;
    if (right) {
      correct++;
      perClass[a.truth].correct++;
      streak++;
      bestStreak = Math.max(bestStreak, streak);
    } else streak = 0;
  }
  return { correct, total: answers.length, streak, bestStreak, perClass, confusion };
}

/** Lower-case singular for sentences: "eosinophil". */
export function singular(cls: CellClass): string {
  return CLASS_NAMES[cls].label.toLowerCase();
}

/** "a lymphocyte", "an eosinophil". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Lower-case plural for sentences: "eosinophils". */
export function plural(cls: CellClass): string {
  return `${CLASS_NAMES[cls].label.toLowerCase()}s`;
}

/**
 * Below this many answers of a class, a percentage would generalise from a handful ("100% of the
 * time" after one answer): the app gives the counts alone.
 */
export const FEW_ANSWERS = 5;

/** A class's right answers as a share when there are enough of them, else as counts: "60%", "1 of 1 right". */
export function rightInWords(correct: number, asked: number): string {
  if (asked === 0) return '—';
  return asked < FEW_ANSWERS ? `${correct} of ${asked} right` : `${Math.round((100 * correct) / asked)}%`;
}

/**
 * The student's own confusions as sentences in one voice, most frequent first: "You called 2 of 5
 * eosinophils neutrophils (40%)." The share is of the cells of that true class in these answers;
 * with fewer than FEW_ANSWERS of them the sentence gives only the counts: "You called 1 of 1
 * monocyte a lymphocyte."
 */
export function confusionSentences(score: SessionScore): string[] {
  const found: { share: number; text: string }[] = [];
  for (const truth of CELL_CLASSES) {
    const asked = score.perClass[truth].asked;
    for (const answer of CELL_CLASSES) {
      const n = score.confusion[truth][answer];
      if (answer === truth || n === 0) continue;
      const share = n / asked;
      found.push({
        share,
        text:
          asked < FEW_ANSWERS
            ? `You called ${n} of ${asked} ${asked === 1 ? singular(truth) : plural(truth)} ${n === 1 ? withArticle(singular(answer)) : plural(answer)}.`
            : `You called ${n} of ${asked} ${plural(truth)} ${n === 1 ? withArticle(singular(answer)) : plural(answer)} (${Math.round(share * 100)}%).`,
      });
    }
  }
  return found.sort((a, b) => b.share - a.share).map((f) => f.text);
}

/** Confusions a summary names; the rest are in its table. */
const NAMED_CONFUSIONS = 3;

/**
 * What a finished session's summary says under its score line, in at most four sentences of one
 * voice (five with the score): the worst confusions, then how many more the table holds.
 */
export function confusionSummary(score: SessionScore): string[] {
  const confusions = confusionSentences(score);
  if (confusions.length === 0) return ['You confused no class with another.'];
  const rest = confusions.length - NAMED_CONFUSIONS;
  return [
    ...confusions.slice(0, NAMED_CONFUSIONS),
    ...(rest > 0
      ? [`You made ${rest === 1 ? 'one more confusion' : `${rest} more confusions`}, each in the table.`]
      : []),
  ];
}

/** m:ss, for the session clock and the history. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
