import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '@/lib/storage/case-edits';
import { cellKey, NOT_WBC, type CaseMeta, type FinalClass } from '@/lib/storage/case-types';
import { caseCells } from './case-cells';
import { caseJson } from './case-json';
import { fakeCell, fakeCells, fakeImage } from './case-test-data';

describe('caseJson', () => {
  it('holds the differential and every cell with its prediction, probabilities and final class', () => {
    const images = [fakeImage('a', 'a.jpg', [fakeCell('NEUTROPHIL'), fakeCell('MONOCYTE', 0.4)])];
    const decisions = { [cellKey('a', 1)]: 'LYMPHOCYTE' as const };
    const meta: CaseMeta = {
      id: 'c',
      name: 'Slide',
      createdAt: 0,
      updatedAt: 0,
      target: 200,
      imageIds: ['a'],
      decisions,
      cellCount: 2,
      bytes: 0,
    };
    const json = caseJson(meta, images, caseCells(images, decisions), 0);
    expect(json.differential).toMatchObject({
      counted: 2,
      reviewed: 1,
      corrected: 1,
      percent: { NEUTROPHIL: 50, LYMPHOCYTE: 50 },
      interval95Percent: { NEUTROPHIL: [1.3, 98.7], BASOPHIL: [0, 84.2] },
    });
    expect(json.id).toBe('c');
    expect(json.target).toBe(200);
    expect(json.modelVersions).toEqual(['v-test']);
    expect(json.images[0].model).toEqual({ kind: 'shipped', version: 'v-test', text: 'shipped model v-test' });
    const cell = json.images[0].cells[1];
    expect(cell).toMatchObject({
      number: 2,
      predicted: 'MONOCYTE',
      final: 'LYMPHOCYTE',
      reviewed: true,
      corrected: true,
    });
    expect(json.images[0].cells[0]).toMatchObject({ reviewed: false, corrected: false });
    expect(cell.probabilities.MONOCYTE).toBeCloseTo(0.4);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('numbers hand-drawn cells after the found ones, rounds boxes and probabilities, and keeps a record of removed boxes', () => {
    const images = [
      fakeImage('a', 'a.jpg', [
        fakeCell('NEUTROPHIL', 0.9, { x: 163.20000000000002, y: 20.4, width: 30.6, height: 40 }),
        fakeCell('MONOCYTE', 0.123456789),
      ]),
    ];
    const hand = {
      imageId: 'a',
      cell: fakeCell('BASOPHIL', 0.7),
      picture: new Blob([new Uint8Array(10)]),
      addedAt: 5,
    };
    const meta: CaseRecord = {
      id: 'c',
      name: 'Slide',
      createdAt: 0,
      updatedAt: 0,
      target: 100,
      imageIds: ['a'],
      decisions: {},
      handCells: [hand],
      removed: [cellKey('a', 1)],
      removals: [{ key: cellKey('a', 1), removed: true, at: Date.UTC(2026, 11, 7, 9), was: 'MONOCYTE' }],
      cellCount: 2,
      bytes: 0,
    };
    const json = caseJson(meta, images, caseCells(images, meta.decisions, meta), 0);
    expect(json.images[0].cells.map((c) => [c.number, c.final, c.addedByHand])).toEqual([
      [1, 'NEUTROPHIL', false],
      [3, 'BASOPHIL', true],
    ]);
    expect(json.images[0].cells[0].box).toEqual({ x: 163, y: 20, width: 31, height: 40 });
    expect(json.images[0].cells[1].probabilities.BASOPHIL).toBe(0.7);
    expect(json.removedBoxes).toEqual([
      {
        image: 'a.jpg',
        number: 2,
        addedByHand: false,
        box: { x: 10, y: 20, width: 30, height: 40 },
        action: 'removed',
        at: '2026-12-07T09:00:00.000Z',
        was: 'MONOCYTE',
      },
    ]);
    // No figure carries more digits than it means.
    expect(JSON.stringify(json)).not.toMatch(/\d\.\d{5,}/);
  });

  it('counts a skewed case as a lab reports it: percentages over white cells, NRBC per 100 WBC, the flags', () => {
    // 60 cells: 3 immature granulocytes, 4 nucleated red cells (one of them reclassified from a lymphocyte), 1 set aside.
    const images = [fakeImage('s', 's.jpg', fakeCells({ NEUTROPHIL: 40, LYMPHOCYTE: 14, IG: 3, ERYTHROBLAST: 3 }))];
    const decisions: Record<string, FinalClass> = { [cellKey('s', 40)]: 'ERYTHROBLAST', [cellKey('s', 0)]: NOT_WBC };
    const meta: CaseMeta = {
      id: 'c',
      name: 'Slide',
      createdAt: 0,
      updatedAt: 0,
      target: 100,
      imageIds: ['s'],
      decisions,
      cellCount: 60,
      bytes: 0,
    };
    const json = caseJson(meta, images, caseCells(images, decisions), 0);
    // 39 neutrophils, 13 lymphocytes and 3 immature granulocytes: 55 white cells.
    expect(json.differential).toMatchObject({
      counted: 55,
      whiteCells: 55,
      nucleatedCells: 59,
      excluded: 1,
      counts: { NEUTROPHIL: 39, LYMPHOCYTE: 13, IG: 3, ERYTHROBLAST: 4 },
      percent: { NEUTROPHIL: 71, LYMPHOCYTE: 24, IG: 5, BASOPHIL: 0 },
      per100WhiteCells: { ERYTHROBLAST: 7.3 },
      nrbcPer100Wbc: 7.3,
      whiteShareOfNucleatedPercent: 93.2,
      flags: [
        {
          kind: 'immature-granulocytes',
          count: 3,
          percent: 5.5,
          text: 'Immature granulocytes 5.5 % (≥ 2 %): review the smear',
        },
        {
          kind: 'nucleated-red-cells',
          count: 4,
          perHundredWhite: 7.3,
          text: 'Nucleated red cells present: 7.3 per 100 WBC',
        },
      ],
    });
    // Nucleated red cells are not white cells: no percentage, no interval.
    expect(Object.keys(json.differential.percent)).not.toContain('ERYTHROBLAST');
    expect(Object.keys(json.differential.interval95Percent ?? {})).not.toContain('ERYTHROBLAST');
    expect(Object.values(json.differential.percent).reduce((a, b) => a + b, 0)).toBe(100);
    expect(json.images[0].cells.find((c) => c.number === 41)).toMatchObject({
      predicted: 'LYMPHOCYTE',
      final: 'ERYTHROBLAST',
      countedAs: 'per 100 WBC',
    });
    expect(json.images[0].cells.find((c) => c.number === 1)?.countedAs).toBe('not counted');
    expect(json.images[0].cells.find((c) => c.number === 41 + 14)?.countedAs).toBe('white cell');
    expect(JSON.stringify(json)).not.toMatch(/\d\.\d{5,}/);
  });

  it('with no white cell: no percentage or interval, no ratio, and only the nucleated red cells flagged', () => {
    const images = [fakeImage('r', 'r.jpg', fakeCells({ ERYTHROBLAST: 2, NEUTROPHIL: 1 }))];
    const decisions: Record<string, FinalClass> = { [cellKey('r', 2)]: NOT_WBC };
    const meta: CaseMeta = {
      id: 'c',
      name: 'Slide',
      createdAt: 0,
      updatedAt: 0,
      target: 100,
      imageIds: ['r'],
      decisions,
      cellCount: 3,
      bytes: 0,
    };
    const json = caseJson(meta, images, caseCells(images, decisions), 0);
    expect(json.differential).toMatchObject({
      counted: 0,
      nucleatedCells: 2,
      interval95Percent: null,
      per100WhiteCells: { ERYTHROBLAST: null },
      nrbcPer100Wbc: null,
      whiteShareOfNucleatedPercent: 0,
      flags: [{ kind: 'nucleated-red-cells', count: 2, perHundredWhite: null }],
    });
    expect(Object.values(json.differential.percent).every((p) => p === 0)).toBe(true);
  });
});
