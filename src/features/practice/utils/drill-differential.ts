import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { binomialInterval } from '@/lib/format/binomial-interval';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';

export interface DifferentialRow {
  readonly cls: CellClass;
  /** Cells of this class in the key, and in the student's tally. */
  readonly keyCount: number;
  readonly studentCount: number;
  /** The exact 95 % interval of the key's share, for a count of this drill's size. */
  readonly interval: { readonly low: number; readonly high: number };
  /**
   * Whether the student's share lies inside that interval: a difference this size is within what
   * sampling alone moves a count of this size; outside it, the misreading would change a report.
   */
  readonly withinSampling: boolean;
}

export interface DrillDifferential {
  readonly total: number;
  readonly correct: number;
  readonly rows: readonly DifferentialRow[];
}

/** The student's differential beside the key's, each class's difference judged against the exact interval. */
export function drillDifferential(answers: readonly PracticeAnswer[]): DrillDifferential {
  const total = answers.length;
  const rows = CELL_CLASSES.map((cls): DifferentialRow => {
    const keyCount = answers.filter((a) => a.truth === cls).length;
    const studentCount = answers.filter((a) => a.answer === cls).length;
    const interval = total > 0 ? binomialInterval(keyCount, total) : { low: 0, high: 1 };
    const share = total > 0 ? studentCount / total : 0;
    return { cls, keyCount, studentCount, interval, withinSampling: share >= interval.low && share <= interval.high };
  });
  return { total, correct: answers.filter((a) => a.answer === a.truth).length, rows };
}
