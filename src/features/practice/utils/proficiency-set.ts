import { CELL_CLASSES } from '@/core/model-spec';
import { seededRandom } from '@/core/seeded-random';
import type { PracticeItem } from '@/lib/network/practice-manifest';

export const TEST_SIZE = 50;

/** Names the test a result belongs to: its size and how many classes it spans, so results of different tests never mix. */
export const TEST_ID = `HV-${TEST_SIZE}-${CELL_CLASSES.length}`;

/** Fixed, so every student and every device gets the same test. */
const TEST_SEED = 20_261_207;

/**
 * The proficiency test: TEST_SIZE cells spread evenly over every class the model knows (50 over
 * five classes: ten each; over seven, seven or eight), drawn from the practice set with a fixed
 * seed and shuffled, so the order gives nothing away. A class with too few images gives what it has.
 */
export function proficiencySet(items: readonly PracticeItem[], size = TEST_SIZE): PracticeItem[] {
  const random = seededRandom(TEST_SEED);
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const k = CELL_CLASSES.length;
  const chosen = CELL_CLASSES.flatMap((cls, i) => {
    const quota = Math.floor(size / k) + (i < size % k ? 1 : 0);
    return shuffle(items.filter((it) => it.label === cls)).slice(0, quota);
  });
  return shuffle(chosen);
}
