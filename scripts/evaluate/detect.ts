import { parseArgs } from 'node:util';
import { evaluateDetection } from '../lib/detection-eval';
import { fail } from '../lib/fail';

/** npm run evaluate:detect -- --data ../shared/data/bccd [--split test] [--verbose] */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/bccd' },
      split: { type: 'string', default: 'test' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const r = await evaluateDetection(values.data!, values.split!);
  if (values.verbose) r.misses.forEach((m) => console.log(m));
  const inside = r.recall && Math.round((r.recall * r.whiteCells) / r.precisionInsideField);
  console.log(`split ${r.split}: ${r.fields} fields, ${r.whiteCells} boxed white cells`);
  console.log(`recall@IoU0.5     ${r.recall.toFixed(3)}`);
  console.log(`precision@IoU0.5  ${r.precision.toFixed(3)} (all detections)`);
  console.log(
    `precision@IoU0.5  ${r.precisionInsideField.toFixed(3)} (${inside} detections; leaving out ${r.unboxedEdgeCells} unboxed cells cut by the border)`,
  );
  console.log(`time              ${r.msPerField.toFixed(1)} ms per field`);
}

main().catch((err: unknown) => fail((err as Error).message));
