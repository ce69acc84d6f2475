import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateFolder, evaluateNegatives } from '../lib/evaluate-folder';
import { formatReport, type EvaluationReport } from '../lib/evaluation-report';
import { fail } from '../lib/fail';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { readSplitPartition } from '../lib/split-partition';

/**
 * npm run evaluate -- --data <folder of class folders> [--out report.json] [--model public/model]
 *   [--negatives <folder of images with no white cell>]
 *   [--split training/splits/pbc.csv --partition test]   only the files of one partition
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
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
  const report: EvaluationReport = await evaluateFolder(values.data, classifier, only);
  console.log(formatReport(report));
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
