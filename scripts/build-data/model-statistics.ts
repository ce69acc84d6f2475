import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { cropToInput, cutCellCrop } from '@/core/cell-crop';
import { toChunks } from '@/core/case-calibration';
import { findWhiteCells } from '@/core/localise';
import type { ModelMetadata } from '@/core/model-metadata';
import { CELL_CLASSES, INPUT_SIZE, type CellClass } from '@/core/model-spec';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { listClassFolders, type LabelledFile } from '../lib/class-folders';
import { fail } from '../lib/fail';
import { readSplitPartition } from '../lib/split-partition';

const FILE = 'training-statistics.bin';

/**
 * npm run model-statistics [-- --model public/model --every-blood-cells 5 --every-pbc 1
 *   --classes BASOPHIL,EOSINOPHIL,… --labs blood-cells,pbc]
 *
 * The training labs' statistics that calibrating to a case blends with and re-standardises to:
 * each conv step's pre-activation mean and variance per channel, of the shipped network over
 * the training partitions of both labs (blood-cells TRAIN, the PBC train partition of
 * training/splits/pbc.csv), cropped by the app's own code (the first cell found, as
 * export-crops.ts crops it for training), each lab half and each class of a lab an equal share.
 * Writes public/model/training-statistics.bin and names it, with its sha256, in metadata.json.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'public/model' },
      data: { type: 'string', default: '../shared/data' },
      'every-blood-cells': { type: 'string', default: '5' },
      'every-pbc': { type: 'string', default: '1' },
      // The classes whose cells are gathered (every class the model knows unless given).
      classes: { type: 'string', default: CELL_CLASSES.join(',') },
      // The labs the model was trained on (a leave-one-lab-out probe names its one).
      labs: { type: 'string', default: 'blood-cells,pbc' },
    },
  });
  const model = values.model!;
  const classes = new Set(values.classes!.split(','));
  const unknown = [...classes].filter((c) => !CELL_CLASSES.includes(c as CellClass));
  if (unknown.length > 0) fail(`unknown classes: ${unknown.join(', ')}`);
  const classifier = await loadNodeClassifier(model);
  const trainPbc = readSplitPartition('training/splits/pbc.csv', 'train');
  const pbcDir = join(values.data!, 'pbc');
  const trainingPartitions: Record<string, () => LabelledFile[]> = {
    'blood-cells': () =>
      everyNth(listClassFolders(join(values.data!, 'blood-cells', 'TRAIN')), Number(values['every-blood-cells'])),
    pbc: () =>
      everyNth(
        listClassFolders(pbcDir).filter((f) => trainPbc.has(relative(pbcDir, f.path))),
        Number(values['every-pbc']),
      ),
  };
  const labs: LabelledFile[][] = values.labs!.split(',').map((lab) => {
    const files = trainingPartitions[lab] ?? fail(`unknown lab ${lab}: blood-cells or pbc`);
    return files().filter((f) => classes.has(f.label));
  });
  const accumulator = classifier.shippedStatistics();
  for (const files of labs) {
    const perClass = new Map<string, number>();
    for (const f of files) perClass.set(f.label, (perClass.get(f.label) ?? 0) + 1);
    // Each lab weighs 1/2, shared equally by its classes, and within a class by its cells.
    const weightOf = (label: string) => 1 / labs.length / perClass.size / perClass.get(label)!;
    let batch: { inputs: Float32Array[]; weights: number[] } = { inputs: [], weights: [] };
    const flush = async () => {
      const [chunk] = toChunks(batch.inputs, INPUT_SIZE);
      await accumulator.add(chunk, Float32Array.from(batch.weights));
      chunk.dispose();
      batch = { inputs: [], weights: [] };
    };
    for (const [i, file] of files.entries()) {
      const image = await decodeImageFile(file.path);
      const { cells, gains } = findWhiteCells(image);
      if (cells.length > 0) {
        batch.inputs.push(cropToInput(cutCellCrop(image, cells[0], gains)));
        batch.weights.push(weightOf(file.label));
      }
      if (batch.inputs.length === 32) await flush();
      if (i % 500 === 0) console.log(`${file.path.split('/').slice(-3, -2)[0]} ${i} / ${files.length}`);
    }
    if (batch.inputs.length > 0) await flush();
  }
  const steps = accumulator.statistics();
  const floats = new Float32Array(steps.reduce((n, s) => n + 2 * s.mean.length, 0));
  let at = 0;
  for (const s of steps) {
    floats.set(s.mean, at);
    floats.set(s.variance, at + s.mean.length);
    at += 2 * s.mean.length;
  }
  const bytes = Buffer.from(floats.buffer);
  writeFileSync(join(model, FILE), bytes);
  const metadataPath = join(model, 'metadata.json');
  const metadata = JSON.parse(readFileSync(metadataPath, 'utf8')) as ModelMetadata;
  const trainingStatistics = {
    path: FILE,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    channels: steps.map((s) => s.mean.length),
  };
  writeFileSync(`${metadataPath}.partial`, JSON.stringify({ ...metadata, trainingStatistics }, null, 2) + '\n');
  renameSync(`${metadataPath}.partial`, metadataPath);
  console.log(
    `${FILE}: ${steps.length} steps, ${floats.length / 2} channels, ${bytes.byteLength} bytes, from ` +
      `${labs.map((l) => l.length).join(' + ')} images`,
  );
}

function everyNth<T>(items: T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}

main().catch((err: unknown) => fail((err as Error).message));
