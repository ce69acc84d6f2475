import { describe, expect, it } from 'vitest';
import { cellKey, NOT_WBC } from '../../../lib/case-types';
import { caseCells } from './case-cells';
import { caseCsv, csvField } from './case-csv';
import { fakeCell, fakeImage } from './case-test-data';

/** A small RFC 4180 reader, so the test checks what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

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

describe('caseCsv', () => {
  const images = [
    fakeImage('a', 'field, "one".jpg', [fakeCell('NEUTROPHIL', 0.9, { x: 1.4, y: 2.6, width: 50, height: 60 })]),
    fakeImage('b', 'b.jpg', [fakeCell('LYMPHOCYTE'), fakeCell('MONOCYTE', 0.4)]),
    fakeImage('c', 'empty.jpg', []),
  ];

  it('writes a header and one row per cell with the final class and whether it was corrected', () => {
    const cells = caseCells(images, { [cellKey('b', 1)]: 'EOSINOPHIL', [cellKey('b', 0)]: NOT_WBC });
    const rows = parseCsv(caseCsv(cells));
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
    expect(body.every((r) => r.length === header.length && r[col('model_version')] === 'v-test')).toBe(true);
  });
});
