import { CELL_CLASSES } from '@/core/model-spec';
import { NOT_WBC, type CaseImage, type CaseMeta } from '@/lib/storage/case-types';
import { csvField } from '@/lib/format/csv-field';
import { modelThatRead } from '@/lib/format/model-that-read';
import type { CalibrationNote } from './calibrated-reading';
import { calibrationText } from './calibrated-reading';
import type { CaseCell } from './case-cells';
import { wholePercents, type Tally } from './tally';

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
];

export { csvField };

const csvText = (rows: readonly (readonly (string | number)[])[]) =>
  rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/**
 * The case's cells as CSV: a header, then one row per cell, image by image. `reviewed` is yes when
 * a person confirmed the model's class or gave another one; `calibrated` is yes when the row's
 * reading is the case's calibration to its own cells, `shipped_class` then the shipped model's.
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
    ];
  });
  return csvText([HEADER, ...rows]);
}

/**
 * The differential as CSV: one row per class with its count, its percentage and that
 * percentage's 95 % interval for the number of cells counted; the cells set aside last, outside
 * the percentages. Every row names the case, the count and its target.
 */
export function differentialCsv(meta: CaseMeta, t: Tally, now = Date.now(), calibration?: CalibrationNote): string {
  const percents = wholePercents(t.counts);
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
  ];
  const row = (cls: string, count: number, percent: string, low: string, high: string) => [
    meta.id,
    meta.name,
    exportedAt,
    cls,
    count,
    percent,
    low,
    high,
    t.counted,
    meta.target,
    t.reviewed,
    t.corrected,
    calibrationText(calibration),
  ];
  const some = t.counted > 0;
  return csvText([
    header,
    ...CELL_CLASSES.map((c) =>
      row(
        c,
        t.counts[c],
        some ? String(percents[c]) : '',
        some ? (t.intervals[c].low * 100).toFixed(1) : '',
        some ? (t.intervals[c].high * 100).toFixed(1) : '',
      ),
    ),
    row(NOT_WBC, t.excluded, '', '', ''),
  ]);
}
