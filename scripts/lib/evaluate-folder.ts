import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyseImage } from '@/core/analyse';
import type { CellClassifier } from '@/core/classifier';
import { CELL_CLASSES } from '@/core/model-spec';
import type { Prediction } from './classification-metrics';
import { listClassFolders } from './class-folders';
import { decodeImageFile } from '@testkit/decode-file';
import { buildReport, type EvaluationReport, type NegativeReport } from './evaluation-report';
import { folderGrouping } from './source-groups';

/** Runs the pipeline over images that hold no white cell; each should report none. */
export async function evaluateNegatives(dir: string, classifier: CellClassifier): Promise<NegativeReport> {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|tiff?|bmp|webp|avif|gif)$/i.test(f))
    .sort();
  if (files.length === 0) throw new Error(`${dir} holds no images of a format the app reads`);
  const accepted: string[] = [];
  for (const f of files) {
    const analysis = await analyseImage(await decodeImageFile(join(dir, f)), classifier);
    if (analysis.cells.length > 0) accepted.push(f);
  }
  const rejected = files.length - accepted.length;
  return { images: files.length, rejected, rejectionRate: rejected / files.length, accepted };
}

/**
 * Runs the app's own pipeline (localise → crop → classify) over a folder of class folders. For
 * a whole field the prediction is its most confident white cell; no cell found counts as wrong.
 * `only` limits it to these `CLASS/name` paths (one partition of a split file).
 */
export async function evaluateFolder(
  dir: string,
  classifier: CellClassifier,
  only?: ReadonlySet<string>,
): Promise<EvaluationReport> {
  const files = listClassFolders(dir).filter((f) => !only || only.has(relative(dir, f.path)));
  if (files.length === 0) throw new Error(`${dir}: no image of the chosen partition is there`);
  const preds: Prediction[] = [];
  const noCellFound: string[] = [];
  const probabilities: number[][] = [];
  const started = performance.now();
  for (const file of files) {
    const analysis = await analyseImage(await decodeImageFile(file.path), classifier);
    const best = analysis.cells.reduce<(typeof analysis.cells)[number] | undefined>(
      (a, c) => (!a || c.confidence > a.confidence ? c : a),
      undefined,
    );
    if (!best) noCellFound.push(relative(dir, file.path));
    probabilities.push(best ? best.probabilities : []);
    preds.push({
      truth: CELL_CLASSES.indexOf(file.label),
      predicted: best ? CELL_CLASSES.indexOf(best.predicted) : -1,
      confidence: best?.confidence ?? 0,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const { version, reviewThreshold } = classifier.metadata;
  const temperature = classifier.temperature;
  return buildReport(preds, {
    data: dir,
    modelVersion: version,
    seconds,
    noCellFound,
    temperature,
    reviewThreshold,
    probabilities,
    grouping: folderGrouping(
      dir,
      files.map((f) => relative(dir, f.path)),
    ),
  });
}
