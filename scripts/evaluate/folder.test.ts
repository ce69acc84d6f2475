import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { bloodCellsTestSample, pbcTrainSample } from '@testkit/dataset-sample';
import { decodeImageFile } from '@testkit/decode-file';
import { tiffBytes } from '@testkit/tiff-bytes';
import { runScript } from '../lib/run-script';

const tmp = mkdtempSync(join(tmpdir(), 'hv-evaluate-'));
/** Eight blood-cells TEST cells and five PBC cells, copied from ../shared/data for these tests. */
const cells = bloodCellsTestSample();
const pbcCells = pbcTrainSample();

function expectOneLineError(r: ReturnType<typeof runScript>, pattern: RegExp) {
  expect(r.status).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('npm run evaluate', () => {
  it('writes the whole report for a fixture set of class folders', () => {
    const out = join(tmp, 'report.json');
    const r = runScript('scripts/evaluate/folder.ts', ['--data', cells, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    for (const key of [
      'accuracy',
      'accuracyCI95',
      'macroF1',
      'ece',
      'imagesPerSecond',
      'classes',
      'perClass',
      'confusion',
      'noCellFound',
    ]) {
      expect(report, key).toHaveProperty(key);
    }
    expect(report.classes).toEqual([...CELL_CLASSES]);
    // A set without basophils (as TEST) is evaluated as it is: macro-F1 over the four it holds.
    expect(report.classesHeld).toEqual(['EOSINOPHIL', 'LYMPHOCYTE', 'MONOCYTE', 'NEUTROPHIL']);
    expect(report.perClass.BASOPHIL.support).toBe(0);
    const heldF1 = report.classesHeld.map((c: string) => report.perClass[c].f1);
    expect(report.macroF1).toBeCloseTo(heldF1.reduce((a: number, b: number) => a + b, 0) / 4, 10);
    expect(r.stdout).toMatch(
      new RegExp(`classes held: EOSINOPHIL, LYMPHOCYTE, MONOCYTE, NEUTROPHIL \\(of the model's ${CELL_CLASSES.length}`),
    );
    // Every class the set holds none of is counted where the model called it: each is a false alarm.
    const absent = CELL_CLASSES.filter((c) => !report.classesHeld.includes(c));
    expect(report.falseCalls.classes).toEqual(absent);
    const column = (c: string) =>
      report.confusion.reduce((s: number, row: number[]) => s + row[CELL_CLASSES.indexOf(c as never)], 0);
    for (const c of absent) expect(report.falseCalls.perClass[c].count).toBe(column(c));
    expect(report.falseCalls.count).toBe(absent.reduce((s, c) => s + column(c), 0));
    expect(report.falseCalls.share).toBeCloseTo(report.falseCalls.count / 8, 10);
    expect(r.stdout).toMatch(/called a class this set holds none of: \d+ of 8/);
    // A set of distinct images has no source-cell grouping: its interval resamples images.
    expect(report.accuracyCI95By).toEqual({ by: 'image' });
    expect(report.images).toBe(8);
    const counted = report.confusion.flat().reduce((a: number, b: number) => a + b, 0);
    expect(counted + report.noCellFound.length).toBe(8);
    const right = report.confusion.reduce((s: number, row: number[], i: number) => s + row[i], 0);
    expect(report.accuracy).toBeCloseTo(right / 8, 10);
    expect(report.accuracyCI95[0]).toBeLessThanOrEqual(report.accuracy);
    expect(report.accuracyCI95[1]).toBeGreaterThanOrEqual(report.accuracy);
    for (const c of report.classesHeld) expect(report.perClass[c].support).toBe(2);
    expect(r.stdout).toMatch(/accuracy \d+\.\d% \(95% CI/);
  }, 120_000);

  it('reads a folder of 16-bit TIFF copies as it reads the JPEGs they were made from', async () => {
    const tiffs = join(tmp, 'tiff-cells');
    for (const cls of readdirSync(cells)) {
      mkdirSync(join(tiffs, cls), { recursive: true });
      for (const name of readdirSync(join(cells, cls))) {
        const { data, width, height } = await decodeImageFile(join(cells, cls, name));
        // A 12-bit camera's levels in 16-bit samples, LZW-compressed.
        const rgb = Uint16Array.from(
          { length: width * height * 3 },
          (_, i) => data[Math.floor(i / 3) * 4 + (i % 3)] * 16,
        );
        const page = { width, height, samples: 3, bits: 16, data: rgb, compression: 'lzw' } as const;
        writeFileSync(join(tiffs, cls, name.replace(/\.jpe?g$/, '.tif')), tiffBytes([page]));
      }
    }
    const read = (data: string, out: string) => {
      const r = runScript('scripts/evaluate/folder.ts', ['--data', data, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8'));
    };
    const fromJpeg = read(cells, join(tmp, 'jpeg-copies.json'));
    const fromTiff = read(tiffs, join(tmp, 'tiff-copies.json'));
    expect(fromTiff.images).toBe(8);
    expect(fromTiff.confusion).toEqual(fromJpeg.confusion);
  }, 240_000);

  it('reads all five normal classes of a set that holds them', () => {
    const out = join(tmp, 'pbc-report.json');
    const r = runScript('scripts/evaluate/folder.ts', ['--data', pbcCells, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const folders = readdirSync(pbcCells);
    expect(report.classesHeld).toEqual(CELL_CLASSES.filter((c) => folders.includes(c)));
    expect(report.falseCalls?.classes ?? []).toEqual(CELL_CLASSES.filter((c) => !folders.includes(c)));
    expect(report.perClass.BASOPHIL.support).toBe(1);
    expect(report.noCellFound).toEqual([]);
  }, 120_000);

  it('fails with one clear line on a missing folder', () => {
    expectOneLineError(
      runScript('scripts/evaluate/folder.ts', ['--data', join(tmp, 'nope')]),
      /^error: no such folder/,
    );
  });

  it('fails with one clear line when there are no class folders', () => {
    const dir = join(tmp, 'flat');
    mkdirSync(join(dir, 'cats'), { recursive: true });
    expectOneLineError(runScript('scripts/evaluate/folder.ts', ['--data', dir]), /^error: .* has no class folders/);
  });

  it('fails with one clear line on an unreadable image and writes no report', () => {
    const dir = join(tmp, 'bad');
    mkdirSync(join(dir, 'MONOCYTE'), { recursive: true });
    writeFileSync(join(dir, 'MONOCYTE', 'notes.jpg'), 'this is text, not a picture');
    const out = join(tmp, 'bad-report.json');
    expectOneLineError(
      runScript('scripts/evaluate/folder.ts', ['--data', dir, '--out', out]),
      /^error: .*notes\.jpg: not a/,
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('fails with one clear line when the model is missing', () => {
    const r = runScript('scripts/evaluate/folder.ts', ['--data', cells, '--model', join(tmp, 'no-model')]);
    expectOneLineError(r, /^error: Model file metadata\.json is missing/);
  }, 60_000);
});
