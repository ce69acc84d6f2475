import { adaptHeadCalibrated, labelledCellFeatures, type AdaptationOptions } from '../../src/core/head-adaptation';
import type { CellClassifier } from '../../src/core/classifier';
import { CELL_CLASSES } from '../../src/core/model-spec';
import { listClassFolders } from './class-folders';
import { decodeImageFile } from './decode-file';

export interface FolderAdaptation {
  readonly images: number;
  readonly cells: number;
  readonly seconds: number;
  readonly temperature: number;
}

/**
 * Adapts the classifier's head on a folder of class folders, as the app's Adapt page does (the
 * first white cell of each image, the shipped head as the start), and leaves it in use.
 */
export async function adaptOnFolder(
  dir: string,
  classifier: CellClassifier,
  options: AdaptationOptions = {},
): Promise<FolderAdaptation> {
  const started = performance.now();
  const files = listClassFolders(dir);
  const examples = [];
  for (const file of files) {
    const image = await decodeImageFile(file.path);
    const example = await labelledCellFeatures(image, CELL_CLASSES.indexOf(file.label), classifier);
    if (example) examples.push(example);
  }
  const { head, temperature } = adaptHeadCalibrated(classifier.head(), examples, options);
  classifier.setHead(head, temperature);
  return { images: files.length, cells: examples.length, seconds: (performance.now() - started) / 1000, temperature };
}
