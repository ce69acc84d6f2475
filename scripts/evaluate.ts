import { renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseImage } from '../src/core/analyse';
import { CELL_CLASSES } from '../src/core/model-spec';
import type { Prediction } from './lib/classification-metrics';
import { listClassFolders } from './lib/class-folders';
import { decodeImageFile } from './lib/decode-file';
import { buildReport, formatReport } from './lib/evaluation-report';
import { fail } from './lib/fail';
import { loadNodeClassifier } from './lib/node-tfjs';

/**
 * npm run evaluate -- --data <class folders> [--out report.json] [--model public/model]
 * Runs the app's own pipeline (localise → crop → classify) in Node on the WASM backend. For a
 * whole field the prediction is its most confident white cell; no cell found counts as wrong.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string', default: 'public/model' },
    },
  });
  if (!values.data) fail('usage: npm run evaluate -- --data <folder of class folders> [--out report.json]');
  const files = listClassFolders(values.data);
  const classifier = await loadNodeClassifier(values.model!);
  const preds: Prediction[] = [];
  const noCellFound: string[] = [];
  const started = performance.now();
  for (const file of files) {
    const analysis = await analyseImage(await decodeImageFile(file.path), classifier);
    const truth = CELL_CLASSES.indexOf(file.label);
    const best = analysis.cells.reduce<(typeof analysis.cells)[number] | undefined>(
      (a, c) => (!a || c.confidence > a.confidence ? c : a),
      undefined,
    );
    if (!best) noCellFound.push(relative(values.data, file.path));
    preds.push({ truth, predicted: best ? CELL_CLASSES.indexOf(best.predicted) : -1, confidence: best?.confidence ?? 0 });
  }
  const seconds = (performance.now() - started) / 1000;
  const report = buildReport(preds, { data: values.data, modelVersion: classifier.metadata.version, seconds, noCellFound });
  console.log(formatReport(report));
  if (values.out) {
    // Written whole or not at all: a reader never sees half a report.
    writeFileSync(`${values.out}.partial`, JSON.stringify(report, null, 2) + '\n');
    renameSync(`${values.out}.partial`, values.out);
    console.log(`report written to ${values.out}`);
  }
}

main().catch((err: unknown) => fail((err as Error).message));
