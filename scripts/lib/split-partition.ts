import { readFileSync } from 'node:fs';
import { CELL_CLASSES } from '@/core/model-spec';

/**
 * The files of one partition of a split file (training/splits/pbc.csv: file,label,partition),
 * as the `CLASS/name` paths a folder of class folders holds them under. Only rows of `classes`
 * (the model's own) are read: the split also holds classes the model does not have, and those
 * must change nothing the model is measured or built on.
 */
export function readSplitPartition(
  csvPath: string,
  partition: string,
  classes: readonly string[] = CELL_CLASSES,
): Set<string> {
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
  const files = rows
    .map((line) => line.split(','))
    .filter((cols) => cols[2] === partition && classes.includes(cols[1]));
  if (files.length === 0) throw new Error(`${csvPath} has no files in a partition named ${partition}`);
  return new Set(files.map((cols) => cols[0]));
}
