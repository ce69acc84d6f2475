import { CELL_CLASSES } from '@/core/model-spec';
import type { CaseRecord } from '@/lib/storage/case-edits';
import type { CaseImage } from '@/lib/storage/case-types';
import { modelThatRead } from '@/lib/format/model-that-read';
import type { CalibrationNote } from './calibrated-reading';
import type { CaseCell } from './case-cells';
import { removedBoxes, probability4, wholeBox } from './removed-boxes';
import { tally, wholePercents } from './tally';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The whole case as JSON: its differential, how it was read (calibrated to its own cells or not),
 * and every image and cell with the user's decisions.
 */
export function caseJson(
  meta: CaseRecord,
  images: readonly CaseImage[],
  cells: readonly CaseCell[],
  now = Date.now(),
  calibration?: CalibrationNote,
) {
  const t = tally(cells);
  return {
    format: 'hematovision-case/1',
    id: meta.id,
    name: meta.name,
    createdAt: new Date(meta.createdAt).toISOString(),
    exportedAt: new Date(now).toISOString(),
    target: meta.target,
    modelVersions: [...new Set(images.map((i) => i.modelVersion))],
    calibration: calibration
      ? {
          calibrated: true,
          modelVersion: calibration.modelVersion,
          cells: calibration.cells,
          rounds: calibration.rounds,
          calibratedAt: new Date(calibration.calibratedAt).toISOString(),
          cellsRead: calibration.cellsRead,
          changedClass: calibration.changedClass,
        }
      : { calibrated: false },
    differential: {
      counted: t.counted,
      excluded: t.excluded,
      reviewed: t.reviewed,
      corrected: t.corrected,
      counts: t.counts,
      percent: wholePercents(t.counts),
      /** Each percentage's exact binomial 95 % interval for the cells counted; none when none are. */
      interval95Percent:
        t.counted > 0
          ? Object.fromEntries(
              CELL_CLASSES.map((c) => [
                c,
                [round1(t.intervals[c].low * 100), round1(t.intervals[c].high * 100)] as const,
              ]),
            )
          : null,
    },
    images: images.map((image) => ({
      name: image.name,
      width: image.width,
      height: image.height,
      analysedAt: new Date(image.analysedAt).toISOString(),
      modelVersion: image.modelVersion,
      /** Which model read it: shipped, or adapted (with its fingerprint). */
      model: modelThatRead(image.modelVersion),
      cells: cells
        .filter((c) => c.imageId === image.id)
        .map((c) => ({
          number: c.index + 1,
          box: wholeBox(c.cell.box),
          addedByHand: c.byHand,
          cutByEdge: c.cell.touchesEdge,
          predicted: c.predicted,
          probabilities: Object.fromEntries(CELL_CLASSES.map((cls, k) => [cls, probability4(c.cell.probabilities[k])])),
          needsReview: c.cell.needsReview,
          /** Read with the case's calibration; shippedPredicted is then the shipped model's class. */
          calibrated: c.shipped !== undefined,
          ...(c.shipped ? { shippedPredicted: c.shipped.predicted } : {}),
          final: c.final,
          reviewed: c.decided,
          corrected: c.corrected,
        })),
    })),
    /** Boxes taken out as not white cells and put back, oldest first: which cell, when, what it was. */
    removedBoxes: removedBoxes(meta, images),
  };
}
