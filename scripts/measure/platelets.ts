import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseImage, prepareCells } from '@/core/analyse';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { fail } from '../lib/fail';
import { readSplitPartition } from '../lib/split-partition';

const PARTITIONS = ['train', 'validation', 'practice', 'test'];

/**
 * How often a platelet or a platelet clump is boxed as a white cell: PBC's PLATELET folder holds
 * images centred on platelets with no white cell meant, so every box is a false one. Counted
 * twice, per partition of the split file: boxed by cell finding, and still boxed after the
 * network's "not a white cell" reject (src/core/not-white-cell.ts), which is what the app shows.
 * Pointed at a white-cell folder (pbc/ERYTHROBLAST, pbc/IG) it counts the images the reject drops.
 *   npm run measure:platelets [-- --data ../shared/data/pbc/PLATELET --partition test] [--verbose]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/pbc/PLATELET' },
      split: { type: 'string', default: 'training/splits/pbc.csv' },
      partition: { type: 'string' },
      model: { type: 'string', default: 'public/model' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const dir = values.data!;
  const label = basename(dir);
  const partitionOf = new Map<string, string>();
  for (const p of PARTITIONS) {
    try {
      for (const f of readSplitPartition(values.split!, p, [label])) partitionOf.set(f.slice(label.length + 1), p);
    } catch {
      // a class without rows in this partition
    }
  }
  const files = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .filter((f) => !values.partition || partitionOf.get(f) === values.partition)
    .sort();
  if (files.length === 0)
    fail(`${dir} holds no images${values.partition ? ` in the ${values.partition} partition` : ''}`);
  const classifier = await loadNodeClassifier(values.model!);
  const tally = new Map<string, { images: number; found: number; kept: number }>();
  for (const f of files) {
    const image = await decodeImageFile(join(dir, f));
    const prepared = prepareCells(image);
    const { cells } = await analyseImage(image, classifier, prepared);
    const key = partitionOf.get(f) ?? 'not in the split';
    const t = tally.get(key) ?? { images: 0, found: 0, kept: 0 };
    t.images++;
    if (prepared.cells.length > 0) t.found++;
    if (cells.length > 0) t.kept++;
    tally.set(key, t);
    if (values.verbose) console.log(`${f}: ${prepared.cells.length} found, ${cells.length} kept`);
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
  let images = 0;
  let found = 0;
  let kept = 0;
  for (const [key, t] of [...tally].sort()) {
    console.log(
      `${label} ${key}: ${t.images} images, boxed by cell finding ${t.found} (${pct(t.found, t.images)}), ` +
        `after the reject ${t.kept} (${pct(t.kept, t.images)})`,
    );
    images += t.images;
    found += t.found;
    kept += t.kept;
  }
  console.log(
    `${label}: ${images} images, boxed by cell finding ${found} (${pct(found, images)}), ` +
      `after the reject ${kept} (${pct(kept, images)}); the reject dropped ${found - kept}`,
  );
}

main().catch((err: unknown) => fail((err as Error).message));
