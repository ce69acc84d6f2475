import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cutCrops } from '@/core/analyse';
import { cropToInput } from '@/core/cell-crop';
import { findWhiteCells } from '@/core/localise';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { fail } from '../lib/fail';
import { readSplitPartition } from '../lib/split-partition';

/**
 * The shipped network's pooled features of every box the finder draws in the images the
 * "not a white cell" reject is fitted, thresholded and measured on (scripts/build-data/fit-reject.ts
 * reads them): PBC's split partitions of PLATELET, the five classes, IG and ERYTHROBLAST,
 * blood-cells TRAIN and TEST, LISC eval and fixtures/negatives. One `<group>.csv` (set,label,partition,file,box) and `<group>.f32` per group.
 *   npx tsx scripts/build-data/embed-reject-cells.ts --out /tmp/reject-features [--group platelet]
 */
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '/tmp/reject-features' },
    data: { type: 'string', default: '../shared/data' },
    group: { type: 'string', default: 'all' },
  },
});
const SPLIT = 'training/splits/pbc.csv';
const FIVE = ['BASOPHIL', 'EOSINOPHIL', 'LYMPHOCYTE', 'MONOCYTE', 'NEUTROPHIL'];
/** Which images of each class and partition are read: one in `every`, in file order. */
const PLAN: { group: string; classes: string[]; partition: string; every: number }[] = [
  { group: 'platelet', classes: ['PLATELET'], partition: 'train', every: 1 },
  { group: 'platelet', classes: ['PLATELET'], partition: 'validation', every: 1 },
  { group: 'platelet', classes: ['PLATELET'], partition: 'test', every: 1 },
  { group: 'five-train', classes: FIVE, partition: 'train', every: 9 },
  { group: 'five-validation', classes: FIVE, partition: 'validation', every: 5 },
  { group: 'five-test', classes: FIVE, partition: 'test', every: 5 },
  { group: 'new-train', classes: ['IG', 'ERYTHROBLAST'], partition: 'train', every: 9 },
  { group: 'new-validation', classes: ['IG', 'ERYTHROBLAST'], partition: 'validation', every: 3 },
  { group: 'new-test', classes: ['IG', 'ERYTHROBLAST'], partition: 'test', every: 2 },
];

async function main(): Promise<void> {
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  const classifier = await loadNodeClassifier('public/model');
  const groups = new Map<string, { set: string; label: string; partition: string; path: string }[]>();
  for (const step of PLAN) {
    for (const label of step.classes) {
      const files = [...readSplitPartition(SPLIT, step.partition, [label])].sort();
      const list = groups.get(step.group) ?? [];
      files
        .filter((_, i) => i % step.every === 0)
        .forEach((f) =>
          list.push({ set: 'pbc', label, partition: step.partition, path: join(values.data!, 'pbc', f) }),
        );
      groups.set(step.group, list);
    }
  }
  // The other training lab, and the unseen one (measured, never fitted or thresholded on).
  for (const [group, folder, every] of [
    ['blood-cells-train', 'blood-cells/TRAIN', 50],
    ['blood-cells-test', 'blood-cells/TEST', 10],
    ['lisc-eval', 'lisc/eval', 1],
  ] as const) {
    const base = join(values.data!, folder);
    const partition = group.endsWith('train') ? 'train' : 'test';
    groups.set(
      group,
      readdirSync(base)
        .sort()
        .flatMap((label) =>
          readdirSync(join(base, label))
            .sort()
            .filter((_, i) => i % every === 0)
            .map((f) => ({ set: group, label: label.toUpperCase(), partition, path: join(base, label, f) })),
        ),
    );
  }
  groups.set(
    'negatives',
    readdirSync('fixtures/negatives')
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort()
      .map((f) => ({ set: 'negatives', label: 'NEGATIVE', partition: 'train', path: join('fixtures/negatives', f) })),
  );
  for (const [group, items] of groups) {
    if (values.group !== 'all' && values.group !== group) continue;
    const rows: string[] = ['set,label,partition,file,box'];
    const vectors: Float32Array[] = [];
    for (const item of items) {
      const image = await decodeImageFile(item.path);
      const { cells } = findWhiteCells(image);
      if (cells.length === 0) {
        rows.push([item.set, item.label, item.partition, item.path, -1].join(','));
        continue;
      }
      const features = await classifier.embed(cutCrops(image, cells).map((c) => cropToInput(c)));
      features.forEach((f, k) => {
        rows.push([item.set, item.label, item.partition, item.path, k].join(','));
        vectors.push(f);
      });
    }
    const flat = new Float32Array(vectors.reduce((n, v) => n + v.length, 0));
    let at = 0;
    for (const v of vectors) {
      flat.set(v, at);
      at += v.length;
    }
    writeFileSync(join(out, `${group}.csv`), rows.join('\n') + '\n');
    writeFileSync(join(out, `${group}.f32`), Buffer.from(flat.buffer));
    console.log(`${group}: ${items.length} images, ${vectors.length} boxes`);
  }
}

main().catch((err: unknown) => fail((err as Error).message));
