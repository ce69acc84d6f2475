import type { AnalysedCell } from '@/core/analyse';
import type { CellClass } from '@/core/model-spec';
import { cellKey, handCellIndex, type CaseImage, type CaseMeta, type FinalClass } from '@/lib/storage/case-types';

/** One cell of a case as the differential, the review queue and the exports see it. */
export interface CaseCell {
  readonly key: string;
  readonly imageId: string;
  readonly imageName: string;
  /** Index in its image (its number on the image is index + 1); cells added by hand follow the found ones. */
  readonly index: number;
  readonly cell: AnalysedCell;
  readonly predicted: CellClass;
  readonly final: FinalClass;
  /** The user changed the class away from the prediction. */
  readonly corrected: boolean;
  /** The user decided this cell (corrected it, or confirmed it in the review queue). */
  readonly decided: boolean;
  /** The finder missed it: the user boxed it and the model classified the box. */
  readonly byHand: boolean;
  /** Its square picture (the image's cellImages entry, or the hand cell's own). */
  readonly picture?: Blob;
  readonly modelVersion: string;
  /**
   * The shipped model's reading, when `cell` holds the case's calibrated one instead (a case
   * calibrated to its own cells, withCalibratedReading); absent when the shipped model's shows.
   */
  readonly shipped?: Pick<AnalysedCell, 'probabilities' | 'predicted' | 'confidence' | 'needsReview'>;
}

/** What of the case's record decides which cells it holds and their classes. */
export type CellEdits = Pick<CaseMeta, 'decisions' | 'handCells' | 'removed'>;

/**
 * Every cell of the case, image by image (found cells, then those added by hand), with the user's
 * decisions applied; removed boxes are left out.
 */
export function caseCells(
  images: readonly CaseImage[],
  decisions: CellEdits['decisions'],
  edits: Omit<CellEdits, 'decisions'> = {},
): CaseCell[] {
  const removed = new Set(edits.removed ?? []);
  const hand = edits.handCells ?? [];
  return images.flatMap((image) => {
    const found = image.cells.map((cell, index) => ({ cell, index, byHand: false, picture: image.cellImages[index] }));
    const added = hand.flatMap((h, at) =>
      h.imageId === image.id
        ? [{ cell: h.cell, index: handCellIndex(image, hand, at), byHand: true, picture: h.picture }]
        : [],
    );
    return [...found, ...added].flatMap(({ cell, index, byHand, picture }) => {
      const key = cellKey(image.id, index);
      if (removed.has(key)) return [];
      const decision = decisions[key];
      const final = decision ?? cell.predicted;
      return [
        {
          key,
          imageId: image.id,
          imageName: image.name,
          index,
          cell,
          predicted: cell.predicted,
          final,
          corrected: final !== cell.predicted,
          decided: decision !== undefined,
          byHand,
          picture,
          modelVersion: image.modelVersion,
        },
      ];
    });
  });
}
