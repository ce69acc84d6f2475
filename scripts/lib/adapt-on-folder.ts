import { adaptHeadCrossValidated, type CrossValidationOptions } from '@/core/cross-validated-adaptation';
import type { AdaptedHead } from '@/core/cross-validated-adaptation';
import { labelledCellFeatures } from '@/core/head-adaptation';
import type { CellClassifier } from '@/core/classifier';
import { CELL_CLASSES } from '@/core/model-spec';
import { listClassFolders } from './class-folders';
import { decodeImageFile } from '@testkit/decode-file';

export interface FolderAdaptation {
  readonly images: number;
  readonly cells: number;
  readonly seconds: number;
  readonly temperature: number;
  readonly reviewThreshold: number;
  readonly ownCells: AdaptedHead['ownCells'];
}

/**
 * Adapts the classifier's head on a folder of class folders, as the app's Adapt page does (the
 * first white cell of each image, the shipped head as the start, temperature and review threshold
 * refitted on held-out folds), and leaves it in use. Analyses should pass `reviewThreshold`.
 */
export async function adaptOnFolder(
  dir: string,
  classifier: CellClassifier,
  options: CrossValidationOptions = {},
): Promise<FolderAdaptation> {
  const started = performance.now();
  const files = listClassFolders(dir);
  const examples = [];
  for (const file of files) {
    const image = await decodeImageFile(file.path);
    const example = await labelledCellFeatures(image, CELL_CLASSES.indexOf(file.label), classifier);
    if (example) examples.push(example);
  }
  const m = classifier.metadata;
  const { adapted } = await adaptHeadCrossValidated(
    {
      head: classifier.head(),
      temperature: m.temperature,
      reviewThreshold: m.reviewThreshold,
      reviewTarget: m.reviewTarget,
    },
    examples,
    options,
  );
  classifier.setHead(adapted.head, adapted.temperature);
  return {
    images: files.length,
    cells: examples.length,
    seconds: (performance.now() - started) / 1000,
    temperature: adapted.temperature,
    reviewThreshold: adapted.reviewThreshold ?? m.reviewThreshold,
    ownCells: adapted.ownCells,
  };
}
