import { PER_HUNDRED_WHITE_CELLS } from '@/core/model-spec';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';

export type CountedAs = 'white cell' | 'per 100 WBC' | 'not counted';

/** Where a cell's final class puts it in the count: the differential, beside it per 100 white cells, or neither. */
export function countedAs(final: FinalClass): CountedAs {
  if (final === NOT_WBC) return 'not counted';
  return PER_HUNDRED_WHITE_CELLS.includes(final) ? 'per 100 WBC' : 'white cell';
}
