import { readFileSync } from 'node:fs';

/**
 * The files of one partition of a split file (training/splits/pbc.csv: file,label,partition),
 * as the `CLASS/name` paths a folder of class folders holds them under.
 */
export function readSplitPartition(csvPath: string, partition: string): Set<string> {
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
  const files = rows.map((line) => line.split(',')).filter((cols) => cols[2] === partition);
  if (files.length === 0) throw new Error(`${csvPath} has no files in a partition named ${partition}`);
  return new Set(files.map((cols) => cols[0]));
}
