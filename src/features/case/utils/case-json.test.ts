import { describe, expect, it } from 'vitest';
import { cellKey, type CaseMeta } from '@/lib/storage/case-types';
import { caseCells } from './case-cells';
import { caseJson } from './case-json';
import { fakeCell, fakeImage } from './case-test-data';

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
});
