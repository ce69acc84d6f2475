/**
 * Prints the gzipped size of the JavaScript a visitor loads before the first interaction: the
 * entry chunk of the built app and every chunk it imports statically (not dynamic imports, not the
 * worker, not the WASM binaries or the model). Reads dist/.vite/manifest.json from `vite build`.
 *
 *   npx tsx scripts/measure-bundle.ts [--max-kb 250]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const DIST = 'dist';
const manifestPath = join(DIST, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} not found: run \`npm run build\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const seen = new Set<string>();
const visit = (key: string) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) visit(dep);
};
entries.forEach(visit);

const gz = (file: string) => {
  const raw = readFileSync(join(DIST, file));
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
};
const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
let total = 0;
console.log('JS loaded before first interaction (entry + static imports):');
for (const key of seen) {
  const { file } = manifest[key];
  const size = gz(file);
  total += size.gzip;
  console.log(`  ${file.padEnd(40)} ${kb(size.raw)} KB raw ${kb(size.gzip)} KB gzip`);
}
const css = [...seen].flatMap((k) => manifest[k].css ?? []);
for (const file of css) console.log(`  (css, not counted) ${file.padEnd(22)} ${kb(gz(file).gzip)} KB gzip`);
console.log(`total JS before interaction: ${(total / 1024).toFixed(1)} KB gzipped`);

const maxIndex = process.argv.indexOf('--max-kb');
if (maxIndex > 0) {
  const max = Number(process.argv[maxIndex + 1]);
  if (total / 1024 > max) {
    console.error(`over budget: ${(total / 1024).toFixed(1)} KB > ${max} KB`);
    process.exit(1);
  }
}
