import { CLASS_COLOURS, NOT_WHITE_CELL_COLOURS } from '@/components/class-colours';
import { CLASS_NAMES } from '@/core/class-names';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { NOT_WBC, type FinalClass } from '@/lib/storage/case-types';

interface FinalStyle {
  readonly label: string;
  readonly short: string;
  readonly stroke: string;
  readonly chip: string;
}

const BY_CLASS = CELL_CLASSES.reduce(
  (all, c) => ({ ...all, [c]: { ...CLASS_NAMES[c], ...CLASS_COLOURS[c] } }),
  {} as Record<CellClass, FinalStyle>,
);

/** Each class's name and colours, and the "not a white cell" choice's. */
export const FINAL_STYLE: Record<FinalClass, FinalStyle> = {
  ...BY_CLASS,
  [NOT_WBC]: {
    label: 'Not a white cell / unclassifiable',
    short: 'Not WBC',
    stroke: NOT_WHITE_CELL_COLOURS.stroke,
    chip: NOT_WHITE_CELL_COLOURS.chip,
  },
};
