import spec from './model-spec.json' with { type: 'json' };

/**
 * The facts that the worker, the Node scripts and the Python training all share. They live in
 * model-spec.json so that Python reads the very same file; this module only gives them types.
 */
export const CELL_CLASSES = spec.classes as readonly CellClass[];
export type CellClass = 'BASOPHIL' | 'EOSINOPHIL' | 'LYMPHOCYTE' | 'MONOCYTE' | 'NEUTROPHIL' | 'IG' | 'ERYTHROBLAST';

/**
 * Classes that are not white cells (nucleated red cells): a lab counts them per 100 white cells,
 * beside the differential, never in it.
 */
export const PER_HUNDRED_WHITE_CELLS = spec.perHundredWhiteCells as readonly CellClass[];

/** The classes of the differential: every class but those counted per 100 white cells. */
export const WHITE_CELL_CLASSES: readonly CellClass[] = CELL_CLASSES.filter(
  (c) => !PER_HUNDRED_WHITE_CELLS.includes(c),
);

/** Side of the square crop the classifier sees, in pixels. */
export const INPUT_SIZE: number = spec.inputSize;

/** Pixel value v in [0, 255] enters the network as v * scale + offset (MobileNet's [-1, 1]). */
export const NORMALISATION: { readonly scale: number; readonly offset: number } = spec.normalisation;

/** The classifier's crop is a square `sideOverCell` times the longer side of the cell's box. */
export const CROP_SIDE_OVER_CELL: number = spec.crop.sideOverCell;

/** Training crops carry this much extra context so that rotation never shows a black corner. */
export const TRAINING_CONTEXT: number = spec.crop.trainingContext;

/** Cell finding runs on a copy whose longer side is at most this many pixels. */
export const LOCALISATION_MAX_SIDE: number = spec.localisation.workingMaxSide;
