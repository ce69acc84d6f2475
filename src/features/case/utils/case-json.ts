import { CELL_CLASSES } from '@/core/model-spec';
import type { CaseRecord } from '@/lib/storage/case-edits';
import type { CaseImage } from '@/lib/storage/case-types';
import { modelThatRead } from '@/lib/format/model-that-read';
import { reviewFlagText } from '@/lib/differential/review-flags';
import type { CalibrationNote } from './calibrated-reading';
import type { CaseCell } from './case-cells';
import { countedAs } from './counted-as';
import { removedBoxes, probability4, wholeBox } from './removed-boxes';
import { tally } from './tally';

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
      /** White cells counted: the cells the percentages are over (nucleated red cells are not among them). */
      counted: t.whiteCells,
      excluded: t.excluded,
      reviewed: t.reviewed,
      corrected: t.corrected,
      /** Cells of every class, the ones counted per 100 white cells included. */
      counts: t.counts,
      /** Whole percentages of the white cells, per white-cell class, adding up to 100. */
      percent: Object.fromEntries(t.white.map((r) => [r.cls, r.percent])),
      /** Each percentage's exact binomial 95 % interval for the white cells counted; none when none are. */
      interval95Percent:
        t.whiteCells > 0
          ? Object.fromEntries(
              t.white.map((r) => [r.cls, [round1(r.interval.low * 100), round1(r.interval.high * 100)] as const]),
            )
          : null,
      whiteCells: t.whiteCells,
      /** White cells and nucleated red cells: every nucleated cell counted. */
      nucleatedCells: t.nucleatedCells,
      /** Per class counted beside the differential (nucleated red cells): per 100 white cells; null with no white cell. */
      per100WhiteCells: Object.fromEntries(
        t.perHundred.map((r) => [r.cls, r.perHundredWhite === null ? null : round1(r.perHundredWhite)]),
      ),
      nrbcPer100Wbc: t.perHundredWhite === null ? null : round1(t.perHundredWhite),
      /**
       * The white cells' share of the nucleated cells, in percent: a white count that took the
       * nucleated red cells for white cells is corrected by it (WBC × 100 / (100 + NRBC per 100 WBC)).
       */
      whiteShareOfNucleatedPercent: t.whiteShareOfNucleated === null ? null : round1(t.whiteShareOfNucleated * 100),
      /** What the report flags for review (immature granulocytes ≥ 2 % of white cells, any nucleated red cell). */
      flags: t.flags.map((f) =>
        f.kind === 'immature-granulocytes'
          ? { ...f, percent: round1(f.percent), text: reviewFlagText(f) }
          : {
              ...f,
              perHundredWhite: f.perHundredWhite === null ? null : round1(f.perHundredWhite),
              text: reviewFlagText(f),
            },
      ),
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
          /** In the differential as a white cell, beside it per 100 white cells, or set aside. */
          countedAs: countedAs(c.final),
          reviewed: c.decided,
          corrected: c.corrected,
        })),
    })),
    /** Boxes taken out as not white cells and put back, oldest first: which cell, when, what it was. */
    removedBoxes: removedBoxes(meta, images),
  };
}
