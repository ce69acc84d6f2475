import type { CellClassifier } from '@/core/classifier';
import {
  drawSkewedCases,
  evaluateCalibrated,
  readFolder,
  readFolderImages,
  type CalibratedFigures,
} from './calibrated-evaluation';
import type { EvaluationReport } from './evaluation-report';

export interface CalibrateOnFolderOptions {
  /** Calibrate on the folder's own cells as one case, instead of skewed draws. */
  readonly all: boolean;
  readonly cells: number;
  readonly draws: number;
  readonly seed: number;
  readonly blend?: number;
  readonly rounds?: number;
}

/**
 * `npm run evaluate -- --calibrate`: the shipped reading of the folder, then the folder read
 * after calibrating on each seeded skewed case of it (or on all its cells), no label read.
 */
export async function calibrateOnFolder(
  dir: string,
  classifier: CellClassifier,
  only: ReadonlySet<string> | undefined,
  options: CalibrateOnFolderOptions,
): Promise<EvaluationReport & { calibrated: CalibratedFigures }> {
  const images = await readFolderImages(dir, only);
  const shipped = await readFolder(dir, images, classifier);
  const cases = options.all
    ? [images.map((_, i) => i)]
    : drawSkewedCases(images, options.cells, options.draws, options.seed);
  const calibrated = await evaluateCalibrated(dir, images, shipped, classifier, cases, {
    kind: options.all ? 'all' : 'skewed',
    seed: options.seed,
    blend: options.blend,
    rounds: options.rounds,
  });
  return { ...shipped.report, calibrated };
}
