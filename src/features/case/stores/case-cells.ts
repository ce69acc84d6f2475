import type { AnalysedCell } from '../../../core/analyse';
import type { CellClass } from '../../../core/model-spec';
import { cellKey, type CaseImage, type FinalClass } from '../../../lib/case-types';

/** One cell of a case as the differential, the review queue and the exports see it. */
export interface CaseCell {
  readonly key: string;
  readonly imageId: string;
  readonly imageName: string;
  /** Index in its image (its number on the image is index + 1). */
  readonly index: number;
  readonly cell: AnalysedCell;
  readonly predicted: CellClass;
  readonly final: FinalClass;
  /** The user changed the class away from the prediction. */
  readonly corrected: boolean;
  /** The user decided this cell (corrected it, or confirmed it in the review queue). */
  readonly decided: boolean;
  readonly modelVersion: string;
}

/** Every cell of the case, image by image, with the user's decisions applied. */
export function caseCells(images: readonly CaseImage[], decisions: Readonly<Record<string, FinalClass>>): CaseCell[] {
  return images.flatMap((image) =>
    image.cells.map((cell, index) => {
      const key = cellKey(image.id, index);
      const decision = decisions[key];
      const final = decision ?? cell.predicted;
      return {
        key,
        imageId: image.id,
        imageName: image.name,
        index,
        cell,
        predicted: cell.predicted,
        final,
        corrected: final !== cell.predicted,
        decided: decision !== undefined,
        modelVersion: image.modelVersion,
      };
    }),
  );
}
