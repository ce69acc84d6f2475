import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_ADAPTATION } from '@/core/head-adaptation';
import { adaptOnFolder, type FolderAdaptation } from '../lib/adapt-on-folder';
import { evaluateFolder } from '../lib/evaluate-folder';
import { formatReport } from '../lib/evaluation-report';
import { fail } from '../lib/fail';
import { loadNodeClassifier } from '@testkit/node-tfjs';

/**
 * Measures adapting the model to a lab, the way the app's Adapt page does it:
 *   npm run evaluate:adaptation -- --adapt <class folders to adapt on> --data <class folders to measure>
 *     [--out report.json] [--model public/model] [--steps N --learning-rate R --anchor A]
 * Prints the evaluation of --data before and after re-fitting the head on --adapt. The two
 * folders must not share cells (lisc keeps them apart: adapt/ and eval/).
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

  const options = {
    steps: Number(values.steps),
    learningRate: Number(values['learning-rate']),
    anchor: Number(values.anchor),
  };
  const adaptation = await adaptOnFolder(values.adapt, classifier, options);
  console.log(
    `\nadapted the head on ${adaptation.cells} of ${adaptation.images} images (the rest: no cell found) in ` +
      `${adaptation.seconds.toFixed(1)} s (${options.steps} steps, learning rate ${options.learningRate}, ` +
      `anchor ${options.anchor}; temperature ${adaptation.temperature.toFixed(2)} and review threshold ` +
      `${adaptation.reviewThreshold.toFixed(3)} from ${adaptation.ownCells?.folds} held-out folds)\n` +
      ownCellsLine(adaptation.ownCells) +
      '\n',
  );
  const after = await evaluateFolder(values.data, classifier);
  console.log(`after adapting\n${formatReport(after)}`);
  if (values.out) {
    const report = { adaptation, before, after };
    writeFileSync(`${values.out}.partial`, JSON.stringify(report, null, 2) + '\n');
    renameSync(`${values.out}.partial`, values.out);
    console.log(`report written to ${values.out}`);
  }
}

/** The adapted model's cross-validated reading of the cells it adapted on, beside the shipped model's. */
function ownCellsLine(own: FolderAdaptation['ownCells']): string {
  if (!own) return '';
  const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)} %` : '–');
  return (
    `its own ${own.cells} cells, each read by a head fitted without it: ${pct(own.adapted.right, own.cells)} right ` +
    `(shipped model ${pct(own.shipped.right, own.cells)}); unmarked right ${pct(own.adapted.unmarkedRight, own.adapted.unmarked)} ` +
    `(${own.adapted.unmarkedRight} of ${own.adapted.unmarked})\n`
  );
}

main().catch((err: unknown) => fail((err as Error).message));
