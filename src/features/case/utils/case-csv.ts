import { CELL_CLASSES } from '@/core/model-spec';
import { NOT_WBC, type CaseImage, type CaseMeta } from '@/lib/storage/case-types';
import { csvField } from '@/lib/format/csv-field';
import { reviewFlagText } from '@/lib/differential/review-flags';
import { modelThatRead } from '@/lib/format/model-that-read';
import type { CalibrationNote } from './calibrated-reading';
import { calibrationText } from './calibrated-reading';
import type { CaseCell } from './case-cells';
import { countedAs } from './counted-as';
import type { Tally } from './tally';

/** Every row names its case and when its image was analysed, so rows of several exports can be pooled. */
const HEADER = [
  'case_id',
  'case_name',
  'analysed_at',
  'image',
  'cell',
  'box_x',
  'box_y',
  'box_w',
  'box_h',
  'cut_by_edge',
  'predicted_class',
  ...CELL_CLASSES.map((c) => `p_${c.toLowerCase()}`),
  'needs_review',
  'reviewed',
  'final_class',
  'corrected',
  'added_by_hand',
  'model_version',
  'model',
  'calibrated',
  'shipped_class',
  'calibration',
  'counted_as',
];

export { csvField };

/** The differential CSV's row of the white-cell total: the cells its percentages are over. */
export const WHITE_CELL_TOTAL = 'WHITE_CELLS';

const csvText = (rows: readonly (readonly (string | number)[])[]) =>
  rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/**
 * The case's cells as CSV: a header, then one row per cell, image by image. `reviewed` is yes when
 * a person confirmed the model's class or gave another one; `calibrated` is yes when the row's
 * reading is the case's calibration to its own cells, `shipped_class` then the shipped model's;
 * `counted_as` says whether the final class is a white cell, counted per 100 white cells, or set aside.
 */
export function caseCsv(
  meta: CaseMeta,
  images: readonly CaseImage[],
  cells: readonly CaseCell[],
  calibration?: CalibrationNote,
): string {
  const analysedAt = new Map(images.map((i) => [i.id, new Date(i.analysedAt).toISOString()]));
  const rows = cells.map((c) => {
    const b = c.cell.box;
    return [
      meta.id,
      meta.name,
      analysedAt.get(c.imageId) ?? '',
      c.imageName,
      c.index + 1,
      Math.round(b.x),
      Math.round(b.y),
      Math.round(b.width),
      Math.round(b.height),
      c.cell.touchesEdge ? 'yes' : 'no',
      c.predicted,
      ...c.cell.probabilities.map((p) => p.toFixed(4)),
      c.cell.needsReview ? 'yes' : 'no',
      c.decided ? 'yes' : 'no',
      c.final,
      c.corrected ? 'yes' : 'no',
      c.byHand ? 'yes' : 'no',
      c.modelVersion,
      modelThatRead(c.modelVersion).text,
      c.shipped ? 'yes' : 'no',
      c.shipped?.predicted ?? c.predicted,
      calibrationText(calibration),
      countedAs(c.final),
    ];
  });
  return csvText([HEADER, ...rows]);
}

/**
 * The differential as CSV, counted as a lab reports it: one row per white-cell class with its
 * count, its percentage of the white cells and that percentage's 95 % interval for the number of
 * white cells counted; the white-cell total; each class counted per 100 white cells (nucleated
 * red cells) with its count and `per_100_wbc`, outside the percentages; the cells set aside last.
 * Every row names the case, the count, its target and its flags for review.
 */
export function differentialCsv(meta: CaseMeta, t: Tally, now = Date.now(), calibration?: CalibrationNote): string {
  const exportedAt = new Date(now).toISOString();
  const header = [
    'case_id',
    'case_name',
    'exported_at',
    'class',
    'count',
    'percent',
    'ci95_low_percent',
    'ci95_high_percent',
    'white_cells_counted',
    'target',
    'reviewed',
    'corrected',
    'calibration',
    'per_100_wbc',
    'nrbc_per_100_wbc',
    'nucleated_cells_counted',
    'white_share_of_nucleated_percent',
    'flags',
  ];
  const per100 = (n: number | null) => (n === null ? '' : n.toFixed(1));
  const flags = t.flags.map(reviewFlagText).join('; ');
  const row = (cls: string, count: number, percent = '', low = '', high = '', perHundred = '') => [
    meta.id,
    meta.name,
    exportedAt,
    cls,
    count,
    percent,
    low,
    high,
    t.whiteCells,
    meta.target,
    t.reviewed,
    t.corrected,
    calibrationText(calibration),
    perHundred,
    per100(t.perHundredWhite),
    t.nucleatedCells,
    t.whiteShareOfNucleated === null ? '' : (t.whiteShareOfNucleated * 100).toFixed(1),
    flags,
  ];
  const some = t.whiteCells > 0;
  return csvText([
    header,
    ...t.white.map((r) =>
      some
        ? row(r.cls, r.count, String(r.percent), (r.interval.low * 100).toFixed(1), (r.interval.high * 100).toFixed(1))
        : row(r.cls, r.count),
    ),
    row(WHITE_CELL_TOTAL, t.whiteCells, some ? '100' : ''),
    ...t.perHundred.map((r) => row(r.cls, r.count, '', '', '', per100(r.perHundredWhite))),
    row(NOT_WBC, t.excluded),
  ]);
}
