import type { CellClass } from '@/core/model-spec';
import { reviewFlags, type ReviewFlag } from '@/lib/differential/review-flags';
import {
  countClasses,
  whiteCellDifferential,
  type WhiteCellDifferential,
} from '@/lib/differential/white-cell-differential';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';

/**
 * The case's count as a lab reports it (src/lib/differential): the differential over the white
 * cells (`whiteCells`, `white`), the nucleated red cells per 100 white cells beside it
 * (`perHundred`), and the flags for review.
 */
export interface Tally extends WhiteCellDifferential {
  /** Cells of every class, the ones counted per 100 white cells included. */
  readonly counts: Record<CellClass, number>;
  /** Cells marked "not a white cell / unclassifiable": listed, in neither the differential nor the NRBC count. */
  readonly excluded: number;
  readonly corrected: number;
  /** Cells a person looked at: confirmed as the model read them, or given another class. */
  readonly reviewed: number;
  /** What the report says at its top for a person to review: immature granulocytes ≥ 2 %, any nucleated red cell. */
  readonly flags: readonly ReviewFlag[];
}

/** The running count over the cells' final classes. */
export function tally(cells: readonly { final: FinalClass; corrected: boolean; decided: boolean }[]): Tally {
  let excluded = 0;
  let corrected = 0;
  let reviewed = 0;
  const classes: CellClass[] = [];
  for (const c of cells) {
    if (c.corrected) corrected++;
    if (c.decided) reviewed++;
    if (c.final === NOT_WBC) excluded++;
    else classes.push(c.final);
  }
  const counts = countClasses(classes);
  const differential = whiteCellDifferential(counts);
  return { ...differential, counts, excluded, corrected, reviewed, flags: reviewFlags(differential) };
}
