import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';
import type { PracticeItem } from '@/lib/network/practice-manifest';

export { seededRandom } from '@/core/seeded-random';

/** Answers further back than this are forgotten by the weights: a student who improved is believed. */
const MEMORY = 60;
/** After a miss, the missed class is "due" again within this many questions (spaced repetition). */
const DUE_AFTER = 3;

/**
 * How much each class should be practised, from the student's answers (oldest first). The scheme:
 *
 *  - error rate: for each true class, wrong / asked over the last MEMORY answers, smoothed towards
 *    a prior of 1 wrong in 4 so that a class seen once is neither ignored nor obsessed over;
 *  - confusion: a class the student wrongly *names* is shown more too — if eosinophils are called
 *    neutrophils, real neutrophils are the contrast the student needs;
 *  - due: a class missed in the last DUE_AFTER answers and not asked since comes back soon after
 *    (short-interval repetition), then fades as it is answered right.
 *
 * weight = 1 + 4 · errorRate + 2 · share of the student's wrong answers that named this class
 *          + 2 if due. A student who answers everything right gets equal weights.
 */
export function classWeights(answers: readonly PracticeAnswer[]): Record<CellClass, number> {
  const recent = answers.slice(-MEMORY);
  const wrong = recent.filter((a) => a.answer !== a.truth);
  const weights = {} as Record<CellClass, number>;
  for (const cls of CELL_CLASSES) {
    const asked = recent.filter((a) => a.truth === cls);
    const missed = asked.filter((a) => a.answer !== cls).length;
    const errorRate = (missed + 0.5) / (asked.length + 2);
    const namedWrongly = wrong.filter((a) => a.answer === cls).length / (wrong.length + 1);
    weights[cls] = 1 + 4 * errorRate + 2 * namedWrongly + (isDue(recent, cls) ? 2 : 0);
  }
  return weights;
}

function isDue(answers: readonly PracticeAnswer[], cls: CellClass): boolean {
  const last = answers.slice(-DUE_AFTER);
  const lastAsked = last.findLastIndex((a) => a.truth === cls);
  return lastAsked >= 0 && last[lastAsked].answer !== cls && lastAsked < last.length - 1;
}

/**
 * The next question: a class drawn in proportion to its weight, then within it an item not yet
 * asked this session — preferring items this student has got wrong before, then the least
 * recently seen. Falls back to any item when a class is used up.
 */
export function nextItem(
  items: readonly PracticeItem[],
  answers: readonly PracticeAnswer[],
  askedThisSession: ReadonlySet<string>,
  random: () => number,
): PracticeItem {
  const fresh = items.filter((i) => !askedThisSession.has(i.id));
  const pool = fresh.length > 0 ? fresh : items;
  const weights = classWeights(answers);
  const available = CELL_CLASSES.filter((c) => pool.some((i) => i.label === c));
  const cls = weightedPick(
    available,
    available.map((c) => weights[c]),
    random,
  );
  const candidates = pool.filter((i) => i.label === cls);
  const lastSeen = new Map<string, number>();
  const missed = new Set<string>();
  answers.forEach((a, n) => {
    lastSeen.set(a.itemId, n);
    if (a.answer !== a.truth) missed.add(a.itemId);
  });
  const retry = candidates.filter((i) => missed.has(i.id));
  if (retry.length > 0 && random() < 0.5) return retry[Math.floor(random() * retry.length)];
  const unseen = candidates.filter((i) => !lastSeen.has(i.id));
  if (unseen.length > 0) return unseen[Math.floor(random() * unseen.length)];
  return [...candidates].sort((a, b) => lastSeen.get(a.id)! - lastSeen.get(b.id)!)[0];
}

function weightedPick<T>(values: readonly T[], weights: readonly number[], random: () => number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i];
    if (r < 0) return values[i];
  }
  return values[values.length - 1];
}
