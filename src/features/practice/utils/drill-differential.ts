import type { CellClass } from '@/core/model-spec';
import {
  countClasses,
  whiteCellDifferential,
  type WhiteCellDifferential,
} from '@/lib/differential/white-cell-differential';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';

export interface DifferentialRow {
  readonly cls: CellClass;
  /** Cells of this class in the key, and in the student's tally. */
  readonly keyCount: number;
  readonly studentCount: number;
  /** Each count's whole percentage of the white cells in that count, as a lab reports it (the rows add up to 100). */
  readonly keyPercent: number;
  readonly studentPercent: number;
  /** The exact 95 % interval of the key's share, for a count of as many white cells as the key's. */
  readonly interval: { readonly low: number; readonly high: number };
  /**
   * Whether the student's share lies inside that interval: a difference this size is within what
   * sampling alone moves a count of this size; outside it, the misreading would change a report.
   */
  readonly withinSampling: boolean;
}

/** A class counted beside the differential (nucleated red cells): per 100 white cells, in the key and the tally. */
export interface PerHundredRow {
  readonly cls: CellClass;
  readonly keyCount: number;
  readonly studentCount: number;
  /** Per 100 white cells of that count; null while it holds no white cell. */
  readonly keyPerHundred: number | null;
  readonly studentPerHundred: number | null;
}

export interface DrillDifferential {
  /** Every cell tallied, white or not, and those named as the key names them. */
  readonly total: number;
  readonly correct: number;
  /** White cells in the key and in the student's tally: each differential's 100 %. */
  readonly keyWhiteCells: number;
  readonly studentWhiteCells: number;
  /** One row per white-cell class, immature granulocytes included. */
  readonly rows: readonly DifferentialRow[];
  /** The cells counted per 100 white cells beside the differential. */
  readonly perHundred: readonly PerHundredRow[];
}

/**
 * The student's differential beside the key's, counted as a lab reports it (percentages over the
 * white cells, nucleated red cells per 100 white cells beside them: the app's one counting rule),
 * each white-cell class's difference judged against the exact interval of the key's count.
 */
export function drillDifferential(answers: readonly PracticeAnswer[]): DrillDifferential {
  const key: WhiteCellDifferential = whiteCellDifferential(countClasses(answers.map((a) => a.truth)));
  const student: WhiteCellDifferential = whiteCellDifferential(countClasses(answers.map((a) => a.answer)));
  const rows = key.white.map((k, i): DifferentialRow => {
    const s = student.white[i];
    const interval = key.whiteCells > 0 ? k.interval : { low: 0, high: 1 };
    const share = student.whiteCells > 0 ? s.share : 0;
    return {
      cls: k.cls,
      keyCount: k.count,
      studentCount: s.count,
      keyPercent: k.percent,
      studentPercent: s.percent,
      interval,
      withinSampling: share >= interval.low && share <= interval.high,
    };
  });
  const perHundred = key.perHundred.map((k, i): PerHundredRow => ({
    cls: k.cls,
    keyCount: k.count,
    studentCount: student.perHundred[i].count,
    keyPerHundred: k.perHundredWhite,
    studentPerHundred: student.perHundred[i].perHundredWhite,
  }));
  return {
    total: answers.length,
    correct: answers.filter((a) => a.answer === a.truth).length,
    keyWhiteCells: key.whiteCells,
    studentWhiteCells: student.whiteCells,
    rows,
    perHundred,
  };
}
