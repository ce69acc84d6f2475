import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { extendSplit, PBC_SPLIT_HEADER, splitClassRows } from './pbc-split';
import { readSplitPartition } from './split-partition';

const SPLIT = 'training/splits/pbc.csv';
/** sha256 of the split file as the five-class model was trained and measured on it (4,500 rows). */
const FIVE_CLASS_SHA256 = '37e0e1a91ff6e82a5b1cc1a442b24810629a59f7d19f7426292e3d9acaf12964';
const ADDED = ['ERYTHROBLAST', 'IG', 'PLATELET'];

const committed = readFileSync(SPLIT, 'utf8');
const rows = committed.trim().split('\n').slice(1);
const labelOf = (row: string) => row.split(',')[1];

describe('the PBC split file', () => {
  it('keeps the five-class rows byte for byte: no file has moved partition', () => {
    const fiveClassRows = rows.filter((r) => !ADDED.includes(labelOf(r)));
    const before = [PBC_SPLIT_HEADER, ...fiveClassRows].join('\n') + '\n';
    expect(committed.startsWith(before)).toBe(true);
    expect(createHash('sha256').update(before).digest('hex')).toBe(FIVE_CLASS_SHA256);
  });

  it('is what the split tool writes from the five-class file and the new folders', () => {
    const before = [PBC_SPLIT_HEADER, ...rows.filter((r) => !ADDED.includes(labelOf(r)))].join('\n') + '\n';
    const folders = new Map<string, string[]>(
      CELL_CLASSES.map((c) => [c, rows.filter((r) => labelOf(r) === c).map((r) => r.split(',')[0].split('/')[1])]),
    );
    for (const c of ADDED) {
      // listed in reverse: the tool must not depend on the order a folder is read in
      folders.set(
        c,
        rows
          .filter((r) => labelOf(r) === c)
          .map((r) => r.split(',')[0].split('/')[1])
          .reverse(),
      );
    }
    expect(extendSplit(before, folders)).toBe(committed);
  });

  it('deals each new class into the same shares as the five: 60 / 15 / 5 / 20 %', () => {
    const count = (label: string, partition: string) =>
      rows.filter((r) => labelOf(r) === label && r.endsWith(`,${partition}`)).length;
    expect([count('IG', 'train'), count('IG', 'validation'), count('IG', 'practice'), count('IG', 'test')]).toEqual([
      540, 135, 45, 180,
    ]);
    expect(count('PLATELET', 'train') + count('PLATELET', 'validation')).toBe(225);
    expect(count('PLATELET', 'test')).toBe(60);
  });
});

describe('extendSplit', () => {
  const base = `${PBC_SPLIT_HEADER}\nA/a1.jpg,A,train\n`;

  it('refuses a file of a class already split rather than re-split that class', () => {
    expect(() => extendSplit(base, new Map([['A', ['a1.jpg', 'a2.jpg']]]))).toThrow(/A holds 1 file/);
  });

  it('gives a class the same rows whatever other classes are added with it, and a new seed other rows', () => {
    const names = Array.from({ length: 40 }, (_, i) => `b${i}.jpg`);
    const alone = extendSplit(base, new Map([['B', names]]));
    const withC = extendSplit(
      base,
      new Map([
        ['B', names],
        ['C', ['c1.jpg']],
      ]),
    );
    expect(withC.startsWith(alone)).toBe(true);
    expect(splitClassRows('B', names, 1)).not.toEqual(splitClassRows('B', names));
  });
});

describe('readSplitPartition', () => {
  it('skips the classes the model does not have', () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-'));
    const csv = join(dir, 'split.csv');
    writeFileSync(csv, `${PBC_SPLIT_HEADER}\nLYMPHOCYTE/l.jpg,LYMPHOCYTE,test\nPLATELET/p.jpg,PLATELET,test\n`);
    expect([...readSplitPartition(csv, 'test')]).toEqual(['LYMPHOCYTE/l.jpg']);
    expect([...readSplitPartition(csv, 'test', ['PLATELET'])]).toEqual(['PLATELET/p.jpg']);
  });

  it('reads the five earlier classes as before, and all seven with IG and erythroblasts', () => {
    const five = ['BASOPHIL', 'EOSINOPHIL', 'LYMPHOCYTE', 'MONOCYTE', 'NEUTROPHIL'];
    expect(readSplitPartition(SPLIT, 'test', five).size).toBe(900);
    const test = readSplitPartition(SPLIT, 'test');
    expect(test.size).toBe(180 * CELL_CLASSES.length);
    expect([...test].every((f) => (CELL_CLASSES as readonly string[]).includes(f.split('/')[0]))).toBe(true);
  });
});
