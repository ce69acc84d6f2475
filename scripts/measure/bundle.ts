/**
 * Prints the gzipped size of the JavaScript a visitor loads before the first interaction: the
 * entry chunk of the built app and every chunk it imports statically (not dynamic imports, not the
 * worker, not the WASM binaries or the model). Reads dist/.vite/manifest.json from `vite build`.
 *
 *   npx tsx scripts/measure/bundle.ts [--max-kb 250]
 */
import { initialJs } from '../lib/initial-js';

let measured;
try {
  measured = initialJs('dist');
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
const total = measured.totalGzip;
console.log('JS loaded before first interaction (entry + static imports):');
for (const f of measured.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.raw)} KB raw ${kb(f.gzip)} KB gzip`);
for (const f of measured.css) console.log(`  (css, not counted) ${f.file.padEnd(22)} ${kb(f.gzip)} KB gzip`);
console.log(`total JS before interaction: ${(total / 1024).toFixed(1)} KB gzipped`);

const maxIndex = process.argv.indexOf('--max-kb');
if (maxIndex > 0) {
  const max = Number(process.argv[maxIndex + 1]);
  if (total / 1024 > max) {
    console.error(`over budget: ${(total / 1024).toFixed(1)} KB > ${max} KB`);
    process.exit(1);
  }
}
