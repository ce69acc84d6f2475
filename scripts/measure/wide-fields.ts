import { parseArgs } from 'node:util';
import { fail } from '../lib/fail';
import { evaluateWideFields } from '../lib/wide-fields';

/**
 * How cell finding copes with a field that shows more of the slide than a BCCD field (n × n
 * fields side by side), with a field enlarged 2× as the control: the same view, more pixels.
 * Prints recall and precision at IoU ≥ 0.5, and the magnification the cell finder read the
 * images at (src/core/field-scale.ts).
 *
 * npx tsx scripts/measure/wide-fields.ts [--data ../shared/data/bccd] [--split test]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string', default: '../shared/data/bccd' }, split: { type: 'string', default: 'test' } },
  });
  const cases = [
    { label: '1×1 fields (640×480)', n: 1, zoom: 1 },
    { label: '1×1 fields enlarged 2× (1280×960, a finer camera)', n: 1, zoom: 2 },
    { label: '2×2 fields (1280×960)', n: 2, zoom: 1 },
    { label: '3×3 fields (1920×1440)', n: 3, zoom: 1 },
  ];
  for (const { label, n, zoom } of cases) {
    const r = await evaluateWideFields(values.data!, values.split!, n, zoom);
    const m = r.magnifications;
    const [lo, mid, hi] = [0, 0.5, 1].map((q) => m[Math.round(q * (m.length - 1))].toFixed(2));
    console.log(
      `${label}: recall ${r.recall.toFixed(3)}, precision ${r.precision.toFixed(3)} (${r.whiteCells} boxed white cells); read at magnification ${lo}–${hi} (median ${mid})`,
    );
  }
}

main().catch((err: unknown) => fail((err as Error).message));
