import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { findWhiteCells } from '@/core/localise';
import { INPUT_SIZE, TRAINING_CONTEXT } from '@/core/model-spec';
import { listClassFolders } from '../lib/class-folders';
import { decodeImageFile } from '@testkit/decode-file';
import { fail } from '../lib/fail';
import { writeCellCrop } from '../lib/write-crop';

/**
 * Writes the training crops with the very localisation and crop code the app runs, so that
 * Python never re-implements either. Each crop carries TRAINING_CONTEXT extra margin: the
 * training's rotations and scale jitter then end with a centre cut of the inference crop.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      // --inference writes the exact crops the app classifies (no context), for the parity check.
      inference: { type: 'boolean', default: false },
      every: { type: 'string', default: '1' },
      // A larger input than the model's, to compare it in training (recipe key inputSize).
      size: { type: 'string', default: String(INPUT_SIZE) },
    },
  });
  if (!values.data || !values.out)
    fail('usage: npm run export-crops -- --data <class folders> --out <dir> [--inference] [--every N] [--size PX]');
  const every = Number(values.every);
  const files = listClassFolders(values.data).filter((_, i) => i % every === 0);
  const context = values.inference ? 1 : TRAINING_CONTEXT;
  const index = ['file,label,source,cx,cy,diameter,cells'];
  let missing = 0;
  for (const [i, file] of files.entries()) {
    const image = await decodeImageFile(file.path);
    const { cells, gains } = findWhiteCells(image);
    if (cells.length === 0) {
      missing++;
      continue;
    }
    const cell = cells[0];
    const name = `${file.label}/${basename(file.path).replace(/\.[^.]+$/, '')}.png`;
    writeCellCrop(values.out, name, image, cell, gains, context, Number(values.size));
    index.push(
      [
        name,
        file.label,
        file.path,
        cell.centreX.toFixed(1),
        cell.centreY.toFixed(1),
        cell.diameter.toFixed(1),
        cells.length,
      ].join(','),
    );
    if (i % 1000 === 0) console.log(`${i} / ${files.length}`);
  }
  writeFileSync(join(values.out, 'index.csv'), index.join('\n') + '\n');
  console.log(`${files.length - missing} crops written, ${missing} images with no cell found`);
}

main().catch((err: unknown) => fail((err as Error).message));
