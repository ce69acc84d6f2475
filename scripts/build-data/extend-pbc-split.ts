import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extendSplit } from '../lib/pbc-split';
import { fail } from '../lib/fail';

/**
 * npm run build:pbc-split — appends to training/splits/pbc.csv every class folder of pbc/ it does
 * not hold yet (IG, ERYTHROBLAST, PLATELET), each split by scripts/lib/pbc-split.ts: the rows
 * already there stay byte for byte, so no file moves partition.
 *   [-- --data ../shared/data/pbc --split training/splits/pbc.csv]
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/pbc' },
    split: { type: 'string', default: 'training/splits/pbc.csv' },
  },
});
const data = values.data!;
const folders = new Map<string, string[]>();
for (const entry of readdirSync(data).sort()) {
  if (!statSync(join(data, entry)).isDirectory()) continue;
  folders.set(
    entry,
    readdirSync(join(data, entry)).filter((f) => /\.(jpe?g|png)$/i.test(f)),
  );
}
if (folders.size === 0) fail(`${data} holds no class folders`);
try {
  const before = readFileSync(values.split!, 'utf8');
  const after = extendSplit(before, folders);
  writeFileSync(values.split!, after);
  const added = after.slice(before.length).split('\n').filter(Boolean).length;
  console.log(`${values.split}: ${added} rows added, ${before.trim().split('\n').length - 1} kept as they were`);
} catch (err) {
  fail((err as Error).message);
}
