import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS } from '@/core/model-spec';
import type { DrillField } from '@/lib/network/drill-fields';
import type { PracticeItem } from '@/lib/network/practice-manifest';
import { buildDrill, isDrillSeed, seedNumber, typicalShare, type DrillCell } from './drill';

const items = (JSON.parse(readFileSync('public/practice/manifest.json', 'utf8')) as { items: PracticeItem[] }).items;
const fields = (JSON.parse(readFileSync('public/drill-fields/manifest.json', 'utf8')) as { fields: DrillField[] })
  .fields;

const whiteCells = (drill: readonly DrillCell[]) => drill.filter((c) => !PER_HUNDRED_WHITE_CELLS.includes(c.truth));

describe('buildDrill', () => {
  it('gives the same drill for the same code and size, and another for another code', () => {
    const a = buildDrill('k7f2qm', 100, items, fields).map((c) => c.id);
    expect(buildDrill('k7f2qm', 100, items, fields).map((c) => c.id)).toEqual(a);
    expect(buildDrill('k7f2qn', 100, items, fields).map((c) => c.id)).not.toEqual(a);
    expect(buildDrill('k7f2qm', 200, items, fields).map((c) => c.id)).not.toEqual(a.slice(0, 100));
  });

  it('has exactly the white cells asked, every cell once, whole fields and single cells mixed', () => {
    for (const size of [100, 200]) {
      const drill = buildDrill('bench', size, items, fields);
      // As a lab counts: `size` white cells, and the nucleated red cells met on the way beside them.
      expect(whiteCells(drill)).toHaveLength(size);
      expect(drill.length - size).toBe(drill.filter((c) => c.truth === 'ERYTHROBLAST').length);
      expect(new Set(drill.map((c) => c.id)).size).toBe(drill.length);
      expect(drill.some((c) => c.wholeField)).toBe(true);
      expect(drill.some((c) => !c.wholeField)).toBe(true);
    }
  });

  it('keeps a field’s cells together, left to right', () => {
    const drill = buildDrill('fields', 200, items, fields);
    const field = fields.find((f) => f.cells.length > 1 && drill.some((c) => c.id === `${f.id}#0`));
    expect(field).toBeDefined();
    const at = drill.findIndex((c) => c.id.startsWith(`${field!.id}#`));
    expect(drill[at].box.x).toBeLessThanOrEqual(drill[at + 1].box.x);
    expect(drill[at + 1].id.startsWith(`${field!.id}#`)).toBe(true);
  });

  it('mixes classes as a slide does: neutrophils most, never grouped by class', () => {
    const drill = buildDrill('slide', 100, items, fields);
    const counts = Object.fromEntries(CELL_CLASSES.map((c) => [c, drill.filter((d) => d.truth === c).length]));
    expect(counts.NEUTROPHIL).toBeGreaterThan(counts.LYMPHOCYTE);
    expect(counts.LYMPHOCYTE).toBeGreaterThan(counts.MONOCYTE);
    // Grouped by class, the class would change at most four times; a slide's order changes often.
    const changes = drill.filter((c, i) => i > 0 && c.truth !== drill[i - 1].truth).length;
    expect(changes).toBeGreaterThan(30);
    // 200 cells still read like a normal slide: about half neutrophils, a third lymphocytes.
    const long = buildDrill('slide', 200, items, fields);
    const share = (cls: string) => long.filter((d) => d.truth === cls).length / 200;
    expect(share('NEUTROPHIL')).toBeGreaterThan(0.45);
    expect(share('LYMPHOCYTE')).toBeGreaterThan(0.25);
  });

  it('meets the occasional immature granulocyte and nucleated red cell, as on patients’ slides', () => {
    const drills = Array.from({ length: 40 }, (_, n) => buildDrill(`rare-${n}`, 100, items, fields));
    const perDrill = (cls: string) => drills.map((d) => d.filter((c) => c.truth === cls).length);
    for (const cls of ['IG', 'ERYTHROBLAST']) {
      const counts = perDrill(cls);
      // About 1 cell in 200: some 100-cell drills have one or two, many none, none has many.
      expect(counts.filter((n) => n > 0).length).toBeGreaterThan(5);
      expect(counts.filter((n) => n === 0).length).toBeGreaterThan(counts.length / 4);
      expect(Math.max(...counts)).toBeLessThan(6);
    }
    // A nucleated red cell never ends a drill: it is met on the way to the last white cell.
    for (const d of drills) expect(d[d.length - 1].truth).not.toBe('ERYTHROBLAST');
  });

  it('fills from the other classes when one runs out, and stops at what there is', () => {
    const few = items.filter((i) => i.label === 'BASOPHIL').slice(0, 3);
    const lymphs = items.filter((i) => i.label === 'LYMPHOCYTE').slice(0, 4);
    const drill = buildDrill('small', 100, [...few, ...lymphs], []);
    expect(drill).toHaveLength(7);
    // Nucleated red cells alone make no count: there is no white cell to count them beside.
    expect(
      buildDrill(
        'small',
        100,
        items.filter((i) => i.label === 'ERYTHROBLAST'),
        [],
      ),
    ).toEqual([]);
  });
});

describe('drill codes', () => {
  it('accepts short lower-case codes and hashes them apart', () => {
    expect(isDrillSeed('k7f2qm')).toBe(true);
    expect(isDrillSeed('class-3b')).toBe(true);
    expect(isDrillSeed('')).toBe(false);
    expect(isDrillSeed('<script>')).toBe(false);
    expect(seedNumber('a')).not.toBe(seedNumber('b'));
  });

  it('reads each class’s share on a normal smear from the cell facts', () => {
    expect(typicalShare('NEUTROPHIL')).toBeCloseTo(0.55);
    expect(typicalShare('LYMPHOCYTE')).toBeCloseTo(0.3);
    expect(typicalShare('BASOPHIL')).toBeCloseTo(0.005);
    // Absent from normal blood ("0%", "0 per 100 white cells"), yet met now and then: as often as a basophil.
    expect(typicalShare('IG')).toBeCloseTo(0.005);
    expect(typicalShare('ERYTHROBLAST')).toBeCloseTo(0.005);
  });
});
