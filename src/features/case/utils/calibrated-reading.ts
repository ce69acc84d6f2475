import type { CaseImage, CaseMeta } from '@/lib/storage/case-types';
import { cellKey, handCellIndex, NOT_WBC } from '@/lib/storage/case-types';
import type { StoredCalibration } from '@/lib/storage/case-calibration-storage';
import type { CalibratedCell } from '@/worker/worker-api';
import type { CellClass } from '@/core/model-spec';
import type { CaseCell } from './case-cells';

/**
 * The case's cells as its calibration reads them: a cell read calibrated takes that reading's
 * class, probabilities and review mark; a user's own decision still wins over any reading.
 * Cells with no calibrated reading (stored before crops were kept) keep the shipped one.
 */
export function withCalibratedReading(
  cells: readonly CaseCell[],
  readings: Readonly<Record<string, CalibratedCell>> | undefined,
): CaseCell[] {
  if (!readings) return [...cells];
  return cells.map((c) => {
    const read = readings[c.key];
    if (!read) return c;
    const final = c.decided ? c.final : read.predicted;
    const { probabilities, predicted, confidence, needsReview } = c.cell;
    return {
      ...c,
      cell: { ...c.cell, ...read },
      predicted: read.predicted,
      final,
      corrected: final !== read.predicted,
      shipped: { probabilities, predicted, confidence, needsReview },
    };
  });
}

/** A cell the case may be calibrated on: its key, the crop the classifier read and the class it read. */
export interface CropOfCell {
  readonly key: string;
  readonly crop: Uint8Array;
  /** The analysis's reading: calibration balances the case's classes by it. */
  readonly predicted: CellClass;
}

/**
 * The crops of the case's cells that calibration reads: every cell still in the case with a
 * stored crop, but those a person set aside as not white cells.
 */
export function calibrationCrops(
  images: readonly CaseImage[],
  meta: Pick<CaseMeta, 'decisions' | 'handCells' | 'removed'>,
): CropOfCell[] {
  const removed = new Set(meta.removed ?? []);
  const hand = meta.handCells ?? [];
  return images.flatMap((image) => {
    const found = image.cells.map((cell, i) => ({
      key: cellKey(image.id, i),
      crop: image.cellCrops?.[i],
      predicted: cell.predicted,
    }));
    const added = hand.flatMap((h, at) =>
      h.imageId === image.id
        ? [{ key: cellKey(image.id, handCellIndex(image, hand, at)), crop: h.crop, predicted: h.cell.predicted }]
        : [],
    );
    return [...found, ...added].flatMap(({ key, crop, predicted }) =>
      crop && !removed.has(key) && meta.decisions[key] !== NOT_WBC ? [{ key, crop, predicted }] : [],
    );
  });
}

/** What the header, the exports and the report say about a case's calibration. */
export interface CalibrationNote {
  readonly modelVersion: string;
  /** Cells it was calibrated on. */
  readonly cells: number;
  readonly rounds: number;
  readonly calibratedAt: number;
  /** Cells in the case now whose calibrated class differs from the shipped model's. */
  readonly changedClass: number;
  /** Cells in the case now read calibrated (those it was calibrated on and those read since). */
  readonly cellsRead: number;
}

/** The note of a stored calibration over the case's cells (withCalibratedReading). */
export function calibrationNote(stored: StoredCalibration, cells: readonly CaseCell[]): CalibrationNote {
  const read = cells.filter((c) => c.shipped);
  return {
    modelVersion: stored.calibration.modelVersion,
    cells: stored.calibration.cells,
    rounds: stored.calibration.rounds,
    calibratedAt: stored.calibratedAt,
    changedClass: read.filter((c) => c.shipped?.predicted !== c.predicted).length,
    cellsRead: read.length,
  };
}

/** One line naming how the case was read, for the exports and the report. */
export function calibrationText(note: CalibrationNote | undefined): string {
  if (!note) return 'not calibrated to this case (shipped model)';
  return `calibrated to this case on ${note.cells} cells (model ${note.modelVersion})`;
}
