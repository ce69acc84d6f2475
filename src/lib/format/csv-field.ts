/**
 * What a spreadsheet may run as a formula: a cell that starts with = + - @ (or their full-width
 * forms), or with a tab or carriage return (OWASP's CSV injection rule). Spreadsheets skip leading
 * spaces and characters that show nothing, so those are looked through: whitespace, format
 * characters (zero-width space, joiners, word joiner, byte-order mark, bidi marks, soft hyphen:
 * Unicode's Cf), the combining grapheme joiner and the Hangul fillers.
 */
const FORMULA_START = /^[\s\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** A field is quoted when it holds a quote, a line break, or a separator: a comma, or the semicolon many locales use. */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One CSV field: text that a spreadsheet would run as a formula (a file name like
 * "=HYPERLINK(…)", or " \u200B=1+1") gets an apostrophe in front, which spreadsheets read as
 * "this is text"; then it is quoted when it must be (RFC 4180). Numbers are written as they are.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
