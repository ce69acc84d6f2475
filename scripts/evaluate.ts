import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateFolder } from './lib/evaluate-folder';
import { formatReport } from './lib/evaluation-report';
import { fail } from './lib/fail';
import { loadNodeClassifier } from './lib/node-tfjs';

/** npm run evaluate -- --data <folder of class folders> [--out report.json] [--model public/model] */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string', default: 'public/model' },
    },
  });
  if (!values.data) fail('usage: npm run evaluate -- --data <folder of class folders> [--out report.json]');
  const classifier = await loadNodeClassifier(values.model!);
  const report = await evaluateFolder(values.data, classifier);
  console.log(formatReport(report));
  if (values.out) {
    // Written whole or not at all: a reader never sees half a report.
    writeFileSync(`${values.out}.partial`, JSON.stringify(report, null, 2) + '\n');
    renameSync(`${values.out}.partial`, values.out);
    console.log(`report written to ${values.out}`);
  }
}

main().catch((err: unknown) => fail((err as Error).message));
