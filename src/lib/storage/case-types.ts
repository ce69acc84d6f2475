import type { AnalysedCell } from '@/core/analyse';
import type { CellClass } from '@/core/model-spec';

/** A cell's final class: one of the model's classes, or set aside as not a white cell / unclassifiable. */
export const NOT_WBC = 'NOT_WBC';
export type FinalClass = CellClass | typeof NOT_WBC;

/** Differential targets offered, as on a manual cell counter. */
export const TARGETS = [100, 200] as const;
export type Target = (typeof TARGETS)[number];

/**
 * A case: a patient's slide or a practice slide, gathering many images and one running
 * differential. Stored without images so a correction rewrites only this small record.
 */
export interface CaseMeta {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly target: Target;
  /**
   * Image ids in the order they were added. Kept by the storage, in the same transaction that
   * stores or deletes an image record; the records themselves are found by their caseId.
   */
  readonly imageIds: readonly string[];
  /**
   * The user's decision per cell key (cellKey): a class set by hand, or the prediction confirmed
   * in the review queue. A cell without an entry keeps the model's prediction.
   */
  readonly decisions: Readonly<Record<string, FinalClass>>;
  /** White cells the finder missed, boxed and classified by hand; kept when undone (see `removed`). */
  readonly handCells?: readonly HandCell[];
  /** Keys (cellKey) of boxes removed as not white cells, found or drawn: they leave the case. */
  readonly removed?: readonly string[];
  /**
   * The lab profile (its id, LabProfile.id) that reads this case's images, new ones included;
   * absent: the shipped model. Switching it re-reads every cell and keeps the decisions.
   */
  readonly profileId?: string;
  /** Cells over all images, kept here so the history list needs no image records. */
  readonly cellCount: number;
  /** Bytes stored for the images (thumbnails, cell pictures, features and crops), for the history list. */
  readonly bytes: number;
}

/**
 * A cell boxed by hand on one of the case's images. Its number on the image follows the found
 * cells' (see handCellIndex), so the list only grows: undoing an addition removes the cell.
 */
export interface HandCell {
  readonly imageId: string;
  readonly cell: AnalysedCell;
  /** Its square picture, cut like the found cells'. */
  readonly picture: Blob;
  readonly features?: Float32Array;
  /** Its crop as the classifier read it (CaseImage.cellCrops); absent in older cases. */
  readonly crop?: Uint8Array;
  readonly addedAt: number;
}

/** One analysed image of a case; written once, never changed. */
export interface CaseImage {
  readonly id: string;
  readonly caseId: string;
  readonly name: string;
  /** Size of the analysed pixels: the cells' boxes are in these units. */
  readonly width: number;
  readonly height: number;
  readonly analysedAt: number;
  readonly modelVersion: string;
  readonly cells: readonly AnalysedCell[];
  /** A small JPEG of the whole image. */
  readonly thumbnail: Blob;
  /** One small square JPEG per cell, cut at full resolution around its box. */
  readonly cellImages: readonly Blob[];
  /**
   * Each cell's pooled features as the model version above computed them (4 KB a cell): cells the
   * user reviews can adapt the head without the images being run again. Absent in older cases.
   */
  readonly cellFeatures?: readonly Float32Array[];
  /** SHA-256 of the file as dropped: the same bytes again are not added to the case unasked. Absent in older cases. */
  readonly sha256?: string;
  /**
   * Each cell's crop as the classifier read it: INPUT_SIZE² RGB bytes before normalisation (48 KB
   * a cell), so that the case can be calibrated to its own cells and read again after a reload.
   * Absent in older cases.
   */
  readonly cellCrops?: readonly Uint8Array[];
}

/** Bytes an image's record holds in pictures, features and crops: what the history list sums per case. */
export function imageBytes(image: Pick<CaseImage, 'thumbnail' | 'cellImages' | 'cellFeatures' | 'cellCrops'>): number {
  return (
    image.thumbnail.size +
    image.cellImages.reduce((s, b) => s + b.size, 0) +
    (image.cellFeatures ?? []).reduce((s, f) => s + f.byteLength, 0) +
    (image.cellCrops ?? []).reduce((s, c) => s + c.byteLength, 0)
  );
}

/** Identifies a cell within a case. */
export function cellKey(imageId: string, index: number): string {
  return `${imageId}#${index}`;
}

/** The image a cell key (cellKey) belongs to. */
export function imageIdOfCellKey(key: string): string {
  return key.slice(0, key.lastIndexOf('#'));
}

/** A hand cell's index in its image: after the image's found cells and earlier hand cells. */
export function handCellIndex(
  image: Pick<CaseImage, 'id' | 'cells'>,
  handCells: readonly HandCell[],
  at: number,
): number {
  return image.cells.length + handCells.slice(0, at).filter((h) => h.imageId === image.id).length;
}
