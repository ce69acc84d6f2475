import { relative } from 'node:path';
import { analyseImage } from '../../src/core/analyse';
import type { CellClassifier } from '../../src/core/classifier';
import { CELL_CLASSES } from '../../src/core/model-spec';
import type { Prediction } from './classification-metrics';
import { listClassFolders } from './class-folders';
import { decodeImageFile } from './decode-file';
import { buildReport, type EvaluationReport } from './evaluation-report';

/**
 * Runs the app's own pipeline (localise → crop → classify) over a folder of class folders. For
 * a whole field the prediction is its most confident white cell; no cell found counts as wrong.
 */
export async function evaluateFolder(dir: string, classifier: CellClassifier): Promise<EvaluationReport> {
  const files = listClassFolders(dir);
  const preds: Prediction[] = [];
  const noCellFound: string[] = [];
  const started = performance.now();
  for (const file of files) {
    const analysis = await analyseImage(await decodeImageFile(file.path), classifier);
    const best = analysis.cells.reduce<(typeof analysis.cells)[number] | undefined>(
      (a, c) => (!a || c.confidence > a.confidence ? c : a),
      undefined,
    );
    if (!best) noCellFound.push(relative(dir, file.path));
    preds.push({
      truth: CELL_CLASSES.indexOf(file.label),
      predicted: best ? CELL_CLASSES.indexOf(best.predicted) : -1,
      confidence: best?.confidence ?? 0,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  return buildReport(preds, { data: dir, modelVersion: classifier.metadata.version, seconds, noCellFound });
}
