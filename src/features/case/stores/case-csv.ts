import { CELL_CLASSES } from '../../../core/model-spec';
import type { CaseCell } from './case-cells';

const HEADER = [
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
  'final_class',
  'corrected',
  'model_version',
];

/**
 * One CSV field: quoted when it holds a comma, quote or line break (RFC 4180), and prefixed with
 * an apostrophe when a spreadsheet would run it as a formula (a file name like "=HYPERLINK(…)").
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The case as CSV: a header, then one row per cell, image by image. */
export function caseCsv(cells: readonly CaseCell[]): string {
  const rows = cells.map((c) => {
    const b = c.cell.box;
    return [
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
      c.final,
      c.corrected ? 'yes' : 'no',
      c.modelVersion,
    ];
  });
  return [HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
