import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateFolder, evaluateNegatives } from '../lib/evaluate-folder';
import { formatReport, type EvaluationReport } from '../lib/evaluation-report';
import { formatCalibrated, type CalibratedFigures } from '../lib/calibrated-evaluation';
import { fail } from '../lib/fail';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { readSplitPartition } from '../lib/split-partition';
import { calibrateOnFolder } from '../lib/calibrate-on-folder';

/**
 * npm run evaluate -- --data <folder of class folders> [--out report.json] [--model public/model]
 *   [--negatives <folder of images with no white cell>]
 *   [--split training/splits/pbc.csv --partition test]   only the files of one partition
 *   [--calibrate [all]] [--cells 100] [--draws 5] [--seed 1] [--blend B] [--rounds R]
 *      calibrate to seeded skewed cases of the folder (N 60 L 30 M 6 E 3 B 1 renormalised over
 *      its classes), no label read, and read the whole folder after each: report.calibrated;
 *      `--calibrate all` calibrates on the folder's own cells as one case
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      calibrate: { type: 'boolean', default: false },
      cells: { type: 'string', default: '100' },
      draws: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      blend: { type: 'string' },
      rounds: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string', default: 'public/model' },
      negatives: { type: 'string' },
      split: { type: 'string' },
      partition: { type: 'string', default: 'test' },
    },
  });
  if (!values.data) fail('usage: npm run evaluate -- --data <folder of class folders> [--out report.json]');
  const classifier = await loadNodeClassifier(values.model!);
  const only = values.split ? readSplitPartition(values.split, values.partition!) : undefined;
  const all = positionals.includes('all');
  if (positionals.some((p) => p !== 'all') || (all && !values.calibrate)) fail(`unexpected ${positionals.join(' ')}`);
  const report: EvaluationReport & { calibrated?: CalibratedFigures } = values.calibrate
    ? await calibrateOnFolder(values.data, classifier, only, {
        all,
        cells: Number(values.cells),
        draws: Number(values.draws),
        seed: Number(values.seed),
        blend: values.blend === undefined ? undefined : Number(values.blend),
        rounds: values.rounds === undefined ? undefined : Number(values.rounds),
      })
    : await evaluateFolder(values.data, classifier, only);
  console.log(formatReport(report));
  if (report.calibrated) console.log(formatCalibrated(report.calibrated));
  if (values.negatives) {
    const n = await evaluateNegatives(values.negatives, classifier);
    report.negatives = n;
    console.log(
      `negatives: ${n.rejected} / ${n.images} rejected (${(100 * n.rejectionRate).toFixed(1)}%) as "no white blood cell"; ` +
        `positives rejected: ${report.noCellFound.length} / ${report.images} (${((100 * report.noCellFound.length) / report.images).toFixed(1)}%)`,
    );
  }
  if (values.out) {
    // Written whole or not at all: a reader never sees half a report.
    writeFileSync(`${values.out}.partial`, JSON.stringify(report, null, 2) + '\n');
    renameSync(`${values.out}.partial`, values.out);
    console.log(`report written to ${values.out}`);
  }
}

main().catch((err: unknown) => fail((err as Error).message));
