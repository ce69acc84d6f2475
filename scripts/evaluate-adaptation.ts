import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  adaptHeadCalibrated,
  DEFAULT_ADAPTATION,
  labelledCellFeatures,
  type LabelledFeatures,
} from '../src/core/head-adaptation';
import { CELL_CLASSES } from '../src/core/model-spec';
import { listClassFolders } from './lib/class-folders';
import { decodeImageFile } from './lib/decode-file';
import { evaluateFolder } from './lib/evaluate-folder';
import { formatReport } from './lib/evaluation-report';
import { fail } from './lib/fail';
import { loadNodeClassifier } from './lib/node-tfjs';

/**
 * Measures adapting the model to a lab, the way the app's Adapt page does it:
 *   npm run evaluate:adaptation -- --adapt <class folders to adapt on> --data <class folders to measure>
 *     [--out report.json] [--model public/model] [--steps N --learning-rate R --anchor A]
 * Prints the evaluation of --data before and after re-fitting the head on --adapt. The two
 * folders must not share images (lab-b keeps them apart: adapt/ and eval/).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      adapt: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string', default: 'public/model' },
      steps: { type: 'string', default: String(DEFAULT_ADAPTATION.steps) },
      'learning-rate': { type: 'string', default: String(DEFAULT_ADAPTATION.learningRate) },
      anchor: { type: 'string', default: String(DEFAULT_ADAPTATION.anchor) },
    },
  });
  if (!values.adapt || !values.data)
    fail('usage: npm run evaluate:adaptation -- --adapt <class folders> --data <class folders> [--out report.json]');
  const classifier = await loadNodeClassifier(values.model!);
  const before = await evaluateFolder(values.data, classifier);
  console.log(`before adapting\n${formatReport(before)}`);

  const started = performance.now();
  const examples: LabelledFeatures[] = [];
  const files = listClassFolders(values.adapt);
  for (const file of files) {
    const example = await labelledCellFeatures(
      await decodeImageFile(file.path),
      CELL_CLASSES.indexOf(file.label),
      classifier,
    );
    if (example) examples.push(example);
  }
  const options = {
    steps: Number(values.steps),
    learningRate: Number(values['learning-rate']),
    anchor: Number(values.anchor),
  };
  const { head, temperature } = adaptHeadCalibrated(classifier.head(), examples, options);
  classifier.setHead(head, temperature);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nadapted the head on ${examples.length} of ${files.length} images (${files.length - examples.length} with no cell found) ` +
      `in ${seconds.toFixed(1)} s (${options.steps} steps, learning rate ${options.learningRate}, anchor ${options.anchor}; temperature ${temperature.toFixed(2)} from held-out halves)\n`,
  );
  const after = await evaluateFolder(values.data, classifier);
  console.log(`after adapting\n${formatReport(after)}`);
  if (values.out) {
    const report = { adaptImages: files.length, adaptCells: examples.length, adaptSeconds: seconds, before, after };
    writeFileSync(`${values.out}.partial`, JSON.stringify(report, null, 2) + '\n');
    renameSync(`${values.out}.partial`, values.out);
    console.log(`report written to ${values.out}`);
  }
}

main().catch((err: unknown) => fail((err as Error).message));
