import { describe, expect, it } from 'vitest';
import { csvRows as parseCsv } from '@testkit/csv-rows';
import { cellKey, NOT_WBC, type CaseMeta } from '@/lib/storage/case-types';
import { caseCells } from './case-cells';
import { caseCsv, csvField, differentialCsv, WHITE_CELL_TOTAL } from './case-csv';
import { fakeCell, fakeCells, fakeImage } from './case-test-data';
import { tally } from './tally';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain.jpg')).toBe('plain.jpg');
    expect(csvField('a,b.jpg')).toBe('"a,b.jpg"');
    expect(csvField('say "hi".jpg')).toBe('"say ""hi"".jpg"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
  });
});

const images = [
  { ...fakeImage('a', 'field, "one".jpg', [fakeCell('NEUTROPHIL', 0.9, { x: 1.4, y: 2.6, width: 50, height: 60 })]) },
  {
    ...fakeImage('b', 'b.jpg', [fakeCell('LYMPHOCYTE'), fakeCell('MONOCYTE', 0.4)]),
    analysedAt: Date.UTC(2025, 2, 4, 9, 30),
  },
  fakeImage('c', 'empty.jpg', []),
];

const meta: CaseMeta = {
  id: 'case-1',
  name: 'Slide 7, ward B',
  createdAt: 0,
  updatedAt: 0,
  target: 100,
  imageIds: ['a', 'b', 'c'],
  decisions: {},
  cellCount: 3,
  bytes: 0,
};

describe('caseCsv', () => {
  it('writes a header and one row per cell with the final class and whether it was corrected', () => {
    const cells = caseCells(images, { [cellKey('b', 1)]: 'EOSINOPHIL', [cellKey('b', 0)]: NOT_WBC });
    const rows = parseCsv(caseCsv(meta, images, cells));
    const [header, ...body] = rows;
    expect(body).toHaveLength(3);
    const col = (name: string) => header.indexOf(name);
    expect(header).toContain('p_eosinophil');
    expect(body[0][col('image')]).toBe('field, "one".jpg');
    expect(body[0].slice(col('box_x'), col('box_h') + 1)).toEqual(['1', '3', '50', '60']);
    expect(body[1][col('final_class')]).toBe(NOT_WBC);
    expect(body[2][col('predicted_class')]).toBe('MONOCYTE');
    expect(body[2][col('final_class')]).toBe('EOSINOPHIL');
    expect(body[2][col('corrected')]).toBe('yes');
    expect(body[0][col('corrected')]).toBe('no');
    expect(body[2][col('p_monocyte')]).toBe('0.4000');
    expect(body.map((r) => r[col('counted_as')])).toEqual(['white cell', 'not counted', 'white cell']);
    expect(body.every((r) => r.length === header.length && r[col('model_version')] === 'v-test')).toBe(true);
  });

  it('names the model that read each row: shipped, or adapted with its fingerprint', () => {
    const adapted = {
      ...fakeImage('c', 'adapted.jpg', [fakeCell('LYMPHOCYTE')]),
      modelVersion: '1.0587e54e+lab.0badc0de',
    };
    const both = [{ ...images[0], modelVersion: '1.0587e54e' }, adapted];
    const [header, ...body] = parseCsv(caseCsv(meta, both, caseCells(both, {})));
    const models = new Set(body.map((r) => r[header.indexOf('model')]));
    expect(models).toEqual(new Set(['shipped model v1 · 0587e54e', 'adapted model lab.0badc0de (from v1 · 0587e54e)']));
  });

  it('names the case and the analysis date on every row', () => {
    const [header, ...body] = parseCsv(caseCsv(meta, images, caseCells(images, {})));
    const col = (name: string) => header.indexOf(name);
    expect(body.map((r) => [r[col('case_id')], r[col('case_name')]])).toEqual([
      ['case-1', 'Slide 7, ward B'],
      ['case-1', 'Slide 7, ward B'],
      ['case-1', 'Slide 7, ward B'],
    ]);
    expect(body.map((r) => r[col('analysed_at')])).toEqual([
      '1970-01-01T00:00:00.000Z',
      '2025-03-04T09:30:00.000Z',
      '2025-03-04T09:30:00.000Z',
    ]);
  });

  it('says which cells a person reviewed: confirmed as read, or given another class', () => {
    const cells = caseCells(images, { [cellKey('b', 1)]: 'MONOCYTE', [cellKey('a', 0)]: 'EOSINOPHIL' });
    const [header, ...body] = parseCsv(caseCsv(meta, images, cells));
    const col = (name: string) => header.indexOf(name);
    expect(body.map((r) => [r[col('reviewed')], r[col('corrected')]])).toEqual([
      ['yes', 'yes'],
      ['no', 'no'],
      ['yes', 'no'],
    ]);
  });
});

describe('differentialCsv', () => {
  it('gives each class its count, percentage and 95 % interval, naming the case on every row', () => {
    const cells = caseCells(images, { [cellKey('b', 0)]: NOT_WBC, [cellKey('b', 1)]: 'MONOCYTE' });
    const [header, ...body] = parseCsv(differentialCsv(meta, tally(cells), Date.UTC(2025, 2, 5)));
    const col = (name: string) => header.indexOf(name);
    const byClass = new Map(body.map((r) => [r[col('class')], r]));
    // Six white-cell classes, the white-cell total, nucleated red cells, the cells set aside.
    expect(body.map((r) => r[col('class')])).toEqual([
      'BASOPHIL',
      'EOSINOPHIL',
      'LYMPHOCYTE',
      'MONOCYTE',
      'NEUTROPHIL',
      'IG',
      WHITE_CELL_TOTAL,
      'ERYTHROBLAST',
      NOT_WBC,
    ]);
    // 1 of 2 counted cells: 50 %, exact interval 1.3–98.7 %.
    expect(byClass.get('MONOCYTE')?.slice(col('count'), col('ci95_high_percent') + 1)).toEqual([
      '1',
      '50',
      '1.3',
      '98.7',
    ]);
    // None of 2: 0 %, but up to 84.2 %.
    expect(byClass.get('BASOPHIL')?.slice(col('count'), col('ci95_high_percent') + 1)).toEqual([
      '0',
      '0',
      '0.0',
      '84.2',
    ]);
    expect(byClass.get(NOT_WBC)?.slice(col('count'), col('ci95_high_percent') + 1)).toEqual(['1', '', '', '']);
    for (const r of body) {
      expect(r[col('case_id')]).toBe('case-1');
      expect(r[col('case_name')]).toBe('Slide 7, ward B');
      expect(r[col('exported_at')]).toBe('2025-03-05T00:00:00.000Z');
      expect(r[col('white_cells_counted')]).toBe('2');
      expect(r[col('target')]).toBe('100');
      expect(r[col('reviewed')]).toBe('2');
    }
  });

  it('counts a skewed case as a lab reports it: percentages over white cells, NRBC per 100 WBC, the flags on every row', () => {
    // 100 cells: 88 white (6 immature granulocytes), 11 nucleated red cells (one reclassified from a lymphocyte), 1 set aside.
    const skewed = [
      fakeImage(
        's',
        's.jpg',
        fakeCells({ NEUTROPHIL: 60, LYMPHOCYTE: 20, IG: 6, MONOCYTE: 3, ERYTHROBLAST: 10, EOSINOPHIL: 1 }),
      ),
    ];
    const cells = caseCells(skewed, { [cellKey('s', 60)]: 'ERYTHROBLAST', [cellKey('s', 99)]: NOT_WBC });
    const [header, ...body] = parseCsv(differentialCsv(meta, tally(cells), 0));
    const col = (name: string) => header.indexOf(name);
    const byClass = new Map(body.map((r) => [r[col('class')], r]));
    const cellsOf = (cls: string, ...names: string[]) => names.map((n) => byClass.get(cls)?.[col(n)]);
    // 6 of 88 white cells: 6.8 %, whole 7 %.
    expect(cellsOf('IG', 'count', 'percent', 'ci95_low_percent', 'ci95_high_percent', 'per_100_wbc')).toEqual([
      '6',
      '7',
      '2.5',
      '14.3',
      '',
    ]);
    expect(cellsOf(WHITE_CELL_TOTAL, 'count', 'percent', 'ci95_low_percent')).toEqual(['88', '100', '']);
    // 11 nucleated red cells per 88 white cells: 12.5 per 100 WBC, outside the percentages.
    expect(cellsOf('ERYTHROBLAST', 'count', 'percent', 'ci95_low_percent', 'per_100_wbc')).toEqual([
      '11',
      '',
      '',
      '12.5',
    ]);
    expect(cellsOf(NOT_WBC, 'count', 'percent')).toEqual(['1', '']);
    const whitePercents = body
      .filter((r) => ![WHITE_CELL_TOTAL, 'ERYTHROBLAST', NOT_WBC].includes(r[col('class')]))
      .map((r) => Number(r[col('percent')]));
    expect(whitePercents.reduce((a, b) => a + b, 0)).toBe(100);
    for (const r of body) {
      expect(r[col('white_cells_counted')]).toBe('88');
      expect(r[col('nrbc_per_100_wbc')]).toBe('12.5');
      expect(r[col('nucleated_cells_counted')]).toBe('99');
      expect(r[col('white_share_of_nucleated_percent')]).toBe('88.9');
      expect(r[col('flags')]).toBe(
        'Immature granulocytes 6.8 % (≥ 2 %): review the smear; Nucleated red cells present: 12.5 per 100 WBC',
      );
    }
  });

  it('carries no flag for a case without immature granulocytes at 2 % or nucleated red cells', () => {
    const normal = [fakeImage('n', 'n.jpg', fakeCells({ NEUTROPHIL: 59, LYMPHOCYTE: 40, IG: 1 }))];
    const [header, ...body] = parseCsv(differentialCsv(meta, tally(caseCells(normal, {}))));
    expect(
      body.every((r) => r[header.indexOf('flags')] === '' && r[header.indexOf('nrbc_per_100_wbc')] === '0.0'),
    ).toBe(true);
  });

  it('leaves percentages and intervals empty when nothing is counted', () => {
    const [header, ...body] = parseCsv(differentialCsv(meta, tally([])));
    expect(body.every((r) => r[header.indexOf('percent')] === '' && r[header.indexOf('ci95_low_percent')] === '')).toBe(
      true,
    );
    expect(body.every((r) => r[header.indexOf('nrbc_per_100_wbc')] === '' && r[header.indexOf('flags')] === '')).toBe(
      true,
    );
  });

  it('with nucleated red cells and no white cell: no percentage, no ratio, the flag says so', () => {
    const only = [fakeImage('r', 'r.jpg', fakeCells({ ERYTHROBLAST: 2 }))];
    const [header, ...body] = parseCsv(differentialCsv(meta, tally(caseCells(only, {}))));
    const col = (name: string) => header.indexOf(name);
    const nrbc = body.find((r) => r[col('class')] === 'ERYTHROBLAST')!;
    expect([nrbc[col('count')], nrbc[col('per_100_wbc')], nrbc[col('white_cells_counted')]]).toEqual(['2', '', '0']);
    expect(nrbc[col('white_share_of_nucleated_percent')]).toBe('0.0');
    expect(nrbc[col('flags')]).toBe('Nucleated red cells present: 2, and no white cell counted');
    expect(body.every((r) => r[col('percent')] === '')).toBe(true);
  });
});
