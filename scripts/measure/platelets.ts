import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findWhiteCells } from '@/core/localise';
import { decodeImageFile } from '@testkit/decode-file';
import { fail } from '../lib/fail';

/**
 * How often cell finding boxes a platelet or a platelet clump as a white cell: PBC's PLATELET
 * folder holds images centred on platelets with no white cell meant, so every box is a false one.
 *   npm run measure:platelets [-- --data ../shared/data/pbc/PLATELET] [--verbose]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/pbc/PLATELET' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const dir = values.data!;
  const files = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort();
  if (files.length === 0) fail(`${dir} holds no images`);
  const boxed: string[] = [];
  for (const f of files) {
    const found = findWhiteCells(await decodeImageFile(join(dir, f)));
    if (found.cells.length > 0) boxed.push(`${f}: ${found.cells.length} box(es)`);
  }
  if (values.verbose) boxed.forEach((line) => console.log(line));
  const share = (100 * boxed.length) / files.length;
  console.log(`platelet images boxed as a white cell: ${boxed.length} of ${files.length} (${share.toFixed(1)} %)`);
}

main().catch((err: unknown) => fail((err as Error).message));
