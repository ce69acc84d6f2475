import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface InitialJs {
  readonly files: { file: string; raw: number; gzip: number }[];
  readonly css: { file: string; gzip: number }[];
  /** Gzipped bytes of all JS loaded before the first interaction. */
  readonly totalGzip: number;
}

/**
 * The JavaScript a visitor loads before the first interaction: each entry chunk of a `vite build`
 * and every chunk it imports statically (not dynamic imports, not the worker, not the WASM
 * binaries or the model), read from dist/.vite/manifest.json and gzipped at level 9.
 */
export function initialJs(dist: string): InitialJs {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  Object.keys(manifest)
    .filter((k) => manifest[k].isEntry)
    .forEach(visit);
  const gz = (file: string) => {
    const raw = readFileSync(join(dist, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  };
  const files = [...seen].map((k) => gz(manifest[k].file));
  const css = [...seen].flatMap((k) => manifest[k].css ?? []).map(gz);
  return { files, css, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
