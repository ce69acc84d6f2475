import { CELL_CLASSES } from '../../../core/model-spec';
import type { CaseImage, CaseMeta } from '../../../lib/case-types';
import type { CaseCell } from './case-cells';
import { tally, wholePercents } from './tally';

/** The whole case as JSON: its differential, and every image and cell with the user's decisions. */
export function caseJson(meta: CaseMeta, images: readonly CaseImage[], cells: readonly CaseCell[], now = Date.now()) {
  const t = tally(cells);
  return {
    format: 'hematovision-case/1',
    name: meta.name,
    createdAt: new Date(meta.createdAt).toISOString(),
    exportedAt: new Date(now).toISOString(),
    target: meta.target,
    modelVersions: [...new Set(images.map((i) => i.modelVersion))],
    differential: {
      counted: t.counted,
      excluded: t.excluded,
      corrected: t.corrected,
      counts: t.counts,
      percent: wholePercents(t.counts),
    },
    images: images.map((image) => ({
      name: image.name,
      width: image.width,
      height: image.height,
      analysedAt: new Date(image.analysedAt).toISOString(),
      modelVersion: image.modelVersion,
      cells: cells
        .filter((c) => c.imageId === image.id)
        .map((c) => ({
          number: c.index + 1,
          box: c.cell.box,
          cutByEdge: c.cell.touchesEdge,
          predicted: c.predicted,
          probabilities: Object.fromEntries(CELL_CLASSES.map((cls, k) => [cls, c.cell.probabilities[k]])),
          needsReview: c.cell.needsReview,
          final: c.final,
          corrected: c.corrected,
        })),
    })),
  };
}
