import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findWhiteCells } from '@/core/localise';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { decodeImageFile } from '@testkit/decode-file';
import { fail } from '../lib/fail';
import { writeCellCrop } from '../lib/write-crop';

/**
 * Writes a training-context crop of every white cell found in each BCCD field that labels.csv
 * gives one of the four classes. These fields are the originals that blood-cells TRAIN and TEST
 * were augmented from, so training/match_sources.py can tell which source cell each TRAIN crop
 * comes from. Fields with several labels (a comma) or a basophil were not used by the dataset.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { bccd: { type: 'string' }, out: { type: 'string' } } });
  if (!values.bccd || !values.out)
    fail('usage: tsx scripts/build-data/export-source-crops.ts --bccd <dir> --out <dir>');
  const fields = readLabelledFields(join(values.bccd, 'labels.csv'));
  const index = ['file,label,field,cell,cells'];
  let written = 0;
  for (const { field, label } of fields) {
    const path = join(values.bccd, 'JPEGImages', `BloodImage_${String(field).padStart(5, '0')}.jpg`);
    const image = await decodeImageFile(path).catch(() => null);
    if (!image) continue; // labels.csv names a few fields that BCCD does not ship
    const { cells, gains } = findWhiteCells(image);
    for (const [k, cell] of cells.entries()) {
      const name = `${label}/${field}_${k}.png`;
      writeCellCrop(values.out, name, image, cell, gains);
      index.push([name, label, field, k, cells.length].join(','));
      written++;
    }
  }
  writeFileSync(join(values.out, 'index.csv'), index.join('\n') + '\n');
  console.log(`${written} cell crops written from ${fields.length} labelled fields`);
}

function readLabelledFields(csvPath: string): { field: number; label: CellClass }[] {
  return readFileSync(csvPath, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols.length === 3)
    .flatMap(([, field, category]) => {
      const label = CELL_CLASSES.find((c) => c === category?.trim());
      return label ? [{ field: Number(field), label }] : [];
    });
}

main().catch((err: unknown) => fail((err as Error).message));
