import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyseImage } from '@/core/analyse';
import type { CellClassifier } from '@/core/classifier';
import type { RgbaImage } from '@/core/rgba-image';
import { decodeImageBytes, decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { fail } from '../lib/fail';
import { CELL_SETS as SETS, REENCODE_FORMATS as FORMATS, sampleFiles } from '../lib/reencode-formats';

/**
 * Same cell, same reading: each cell image of LISC eval and of PBC's test partition is re-encoded
 * from its decoded pixels as JPEG (quality 95 and 75, 4:2:0 chroma as cameras and browsers write
 * it), PNG, WebP (lossy, quality 80) and AVIF (quality 50), each is read back by the decoders
 * `npm run evaluate` uses (testkit/decode-file.ts: jpeg-js, pngjs, libvips for WebP and AVIF) and
 * the app's core pipeline, and per format the script prints how often the class read (that of the
 * most confident cell, as `npm run evaluate` scores) agrees with the original file's. Target: at
 * least 97 % per format.
 *   npm run measure:formats [-- --per-class 0] [--sets lisc,pbc] [--out report.json]
 * --per-class N reads N files per class of each set, spread evenly over its sorted list (0: all).
 */

/** The class read from an image: its most confident cell's, or 'none' when no cell is found. */
async function classRead(image: RgbaImage, classifier: CellClassifier): Promise<string> {
  const { cells } = await analyseImage(image, classifier);
  const best = cells.reduce<(typeof cells)[number] | undefined>(
    (a, c) => (!a || c.confidence > a.confidence ? c : a),
    undefined,
  );
  return best?.predicted ?? 'none';
}

interface Disagreement {
  readonly file: string;
  readonly format: string;
  readonly original: string;
  readonly reencoded: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'per-class': { type: 'string', default: '0' },
      sets: { type: 'string', default: 'lisc,pbc' },
      model: { type: 'string', default: 'public/model' },
      out: { type: 'string' },
    },
  });
  const perClass = Number(values['per-class']);
  if (!(perClass >= 0)) fail('--per-class must be 0 (all) or a positive number');
  const sets = values.sets!.split(',');
  const unknown = sets.filter((s) => !(s in SETS));
  if (unknown.length) fail(`unknown set ${unknown.join(', ')}; known: ${Object.keys(SETS).join(', ')}`);
  const classifier = await loadNodeClassifier(values.model!);

  const agree: Record<string, Record<string, number>> = {};
  const images: Record<string, number> = {};
  const disagreements: Disagreement[] = [];
  const started = performance.now();
  for (const set of sets) {
    const files = sampleFiles(SETS[set](), perClass);
    images[set] = files.length;
    agree[set] = Object.fromEntries(FORMATS.map((f) => [f.name, 0]));
    for (const file of files) {
      const pixels = await decodeImageFile(file.path);
      const original = await classRead(pixels, classifier);
      for (const format of FORMATS) {
        const bytes = await format.encode(pixels);
        const reencoded = await classRead(await decodeImageBytes(bytes, `${file.path} as ${format.name}`), classifier);
        if (reencoded === original) agree[set][format.name]++;
        else disagreements.push({ file: file.path, format: format.name, original, reencoded });
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)} %` : '–');
  const total = sets.reduce((s, set) => s + images[set], 0);
  const header = ['format', ...sets.map((s) => `${s} (n=${images[s]})`), `all (n=${total})`];
  console.log('Class read from the re-encoded image agrees with the original file’s (target ≥ 97 %):');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  const summary: Record<string, number> = {};
  for (const { name } of FORMATS) {
    const all = sets.reduce((s, set) => s + agree[set][name], 0);
    summary[name] = total > 0 ? all / total : NaN;
    const cells = sets.map((set) => `${pct(agree[set][name], images[set])} (${agree[set][name]})`);
    console.log(`| ${name} | ${cells.join(' | ')} | ${pct(all, total)}${all / total < 0.97 ? ' below target' : ''} |`);
  }
  console.log(`\n${disagreements.length} disagreements; ${total} originals in ${seconds.toFixed(0)} s`);
  for (const d of disagreements.slice(0, 40)) {
    console.log(`  ${d.format}: ${d.file} read ${d.original}, re-encoded ${d.reencoded}`);
  }
  if (values.out) {
    const report = { perClass, sets: images, agreement: summary, agree, disagreements, seconds };
    writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  }
}

main().catch((err: unknown) => fail((err as Error).message));
