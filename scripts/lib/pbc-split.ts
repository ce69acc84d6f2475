import { seededRandom } from '@/core/seeded-random';

/** The split file's partitions, in the order a class's shuffled files are dealt into them. */
export const PBC_PARTITIONS = ['train', 'validation', 'practice', 'test'] as const;
/** The shares of the five classes' rows (540, 135, 45 and 180 of each class's 900). */
export const PBC_SHARES: Record<(typeof PBC_PARTITIONS)[number], number> = {
  train: 0.6,
  validation: 0.15,
  practice: 0.05,
  test: 0.2,
};
/** training/data.py's SPLIT_SEED: one seed for every seeded split of the project. */
export const PBC_SPLIT_SEED = 20261125;
export const PBC_SPLIT_HEADER = 'file,label,partition';

/** A class name's own seed, so a class's rows do not depend on which other classes are added with it. */
function classSeed(label: string, seed: number): number {
  let h = seed >>> 0;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * One class's rows: its file names in name order, shuffled by a seeded Fisher–Yates, dealt into
 * the partitions by PBC_SHARES (the rounding remainder goes to train), then written in name order.
 */
export function splitClassRows(label: string, fileNames: readonly string[], seed = PBC_SPLIT_SEED): string[] {
  const names = [...fileNames].sort();
  const order = [...names];
  const random = seededRandom(classSeed(label, seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const counts = PBC_PARTITIONS.map((p) => Math.round(PBC_SHARES[p] * names.length));
  counts[0] += names.length - counts.reduce((a, b) => a + b, 0);
  const partition = new Map<string, string>();
  let at = 0;
  PBC_PARTITIONS.forEach((p, k) => {
    for (const name of order.slice(at, at + counts[k])) partition.set(name, p);
    at += counts[k];
  });
  return names.map((name) => `${label}/${name},${label},${partition.get(name)}`);
}

/**
 * The split file with the classes it does not hold yet appended, each by splitClassRows. Rows
 * already there are kept byte for byte, so no file moves partition and earlier figures stay
 * comparable; a class already in the file is never re-split (its new files, if any, are refused).
 */
export function extendSplit(
  csv: string,
  folders: ReadonlyMap<string, readonly string[]>,
  seed = PBC_SPLIT_SEED,
): string {
  const lines = csv.split('\n');
  if (lines[0] !== PBC_SPLIT_HEADER) throw new Error(`unexpected split header "${lines[0]}"`);
  const body = lines.slice(1).filter((line) => line !== '');
  const known = new Map<string, Set<string>>();
  for (const line of body) {
    const [file, label] = line.split(',');
    if (!known.has(label)) known.set(label, new Set());
    known.get(label)!.add(file);
  }
  const added: string[] = [];
  for (const label of [...folders.keys()].sort()) {
    const names = folders.get(label)!;
    const rows = known.get(label);
    if (rows) {
      const unsplit = names.filter((n) => !rows.has(`${label}/${n}`));
      if (unsplit.length > 0) throw new Error(`${label} holds ${unsplit.length} file(s) the split does not name`);
      continue;
    }
    added.push(...splitClassRows(label, names, seed));
  }
  const ending = csv.endsWith('\n') ? '' : '\n';
  return added.length === 0 ? csv : csv + ending + added.join('\n') + '\n';
}
