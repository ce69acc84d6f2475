import type { LabelledFeatures } from '@/core/head-adaptation';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { listCases, loadCaseImages } from './case-storage';
import { cellKey, imageIdOfCellKey, type CaseImage, type CaseMeta } from './case-types';

/** The cells users reviewed in their stored cases, ready to adapt the head on. */
export interface ReviewedCells {
  readonly examples: LabelledFeatures[];
  /** Reviewed cells per class, CELL_CLASSES order. */
  readonly perClass: number[];
  /** Cases that gave at least one cell. */
  readonly cases: number;
  /**
   * Reviewed cells that cannot be used: analysed by another model version (their features came
   * from other weights) or stored before cases kept features.
   */
  readonly unusable: number;
}

/** The shipped model a result came from: `1.abc+lab.123` was counted by 1.abc's feature extractor. */
export function baseModelVersion(version: string): string {
  return version.split('+')[0];
}

/**
 * Every cell a user decided (corrected, or confirmed in the review queue) as one of the model's
 * classes, with the features the given model version computed for it. Cells left as the model
 * predicted them are not labels, and cells set aside as not white cells have no class to learn.
 */
export function reviewedCells(
  stored: readonly { meta: CaseMeta; images: readonly CaseImage[] }[],
  modelVersion: string,
): ReviewedCells {
  const examples: LabelledFeatures[] = [];
  let unusable = 0;
  let cases = 0;
  for (const { meta, images } of stored) {
    const before = examples.length;
    for (const image of images) {
      const usable = baseModelVersion(image.modelVersion) === baseModelVersion(modelVersion) && image.cellFeatures;
      image.cells.forEach((_, index) => {
        const label = CELL_CLASSES.indexOf(meta.decisions[cellKey(image.id, index)] as CellClass);
        if (label < 0) return;
        const features = usable ? image.cellFeatures?.[index] : undefined;
        if (features) examples.push({ features, label });
        else unusable++;
      });
    }
    if (examples.length > before) cases++;
  }
  const perClass = CELL_CLASSES.map((_, c) => examples.filter((e) => e.label === c).length);
  return { examples, perClass, cases, unusable };
}

/** The case's images in which a user decided at least one cell as one of the model's classes. */
export function imagesWithReviewedCells(meta: CaseMeta): string[] {
  const reviewed = new Set(
    Object.entries(meta.decisions)
      .filter(([, decision]) => CELL_CLASSES.includes(decision as CellClass))
      .map(([key]) => imageIdOfCellKey(key)),
  );
  return meta.imageIds.filter((id) => reviewed.has(id));
}

/**
 * reviewedCells over every case stored in this browser. Only the images that hold a reviewed
 * cell are read: a lab's history of unreviewed cases costs one small record per case.
 */
export async function loadReviewedCells(modelVersion: string): Promise<ReviewedCells> {
  const metas = await listCases();
  const stored = await Promise.all(
    metas.map(async (meta) => ({ meta, images: await loadCaseImages(imagesWithReviewedCells(meta)) })),
  );
  return reviewedCells(stored, modelVersion);
}
