import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field';

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u200E', '\u202E', '\u2066', '\u3164'];
const SPACES = [' ', '  ', '\u00A0', '\u3000', '\n'];

describe('csvField', () => {
  it('quotes commas, semicolons, quotes and line breaks', () => {
    expect(csvField('plain.jpg')).toBe('plain.jpg');
    expect(csvField('a,b.jpg')).toBe('"a,b.jpg"');
    expect(csvField('a;b.jpg')).toBe('"a;b.jpg"');
    expect(csvField('say "hi".jpg')).toBe('"say ""hi"".jpg"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses a cell that starts with = + - @, a tab or a carriage return', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      const field = csvField(`${start}HYPERLINK("http://x")`);
      expect(field, JSON.stringify(start)).toMatch(/^"?'/);
    }
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('looks through leading spaces and invisible characters to the first character that shows', () => {
    for (const before of [...SPACES, ...INVISIBLE, ' \u200B', '\uFEFF \u2060']) {
      for (const start of ['=', '+', '-', '@']) {
        const value = `${before}${start}1+1`;
        const field = csvField(value);
        expect(field, JSON.stringify(value)).toMatch(/^"?'/);
        // Nothing else changes: the apostrophe, then the value as it was.
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        expect(unquoted).toBe(`'${value}`);
      }
    }
  });

  it('leaves text alone when its first visible character is harmless, and numbers as numbers', () => {
    for (const value of ['lymphocyte', ' a=b', '\u200Bcell-1.jpg', 'x@y', '2025-03-04', 'a+b']) {
      expect(csvField(value), JSON.stringify(value)).not.toMatch(/^"?'/);
    }
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.25)).toBe('0.25');
  });
});
