// CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote, CR or LF is quoted and its
// quotes doubled), with spreadsheet formula injection neutralised: a text cell that starts with =, +, -,
// @, TAB or CR would run as a formula when the file is opened in a spreadsheet (OWASP "CSV injection"),
// so it gets a leading single quote, which spreadsheets show as text. Numbers are written as they are:
// they are ours, not typed by anyone, and a formula cannot hide in one.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text that a spreadsheet would read as a formula with a single quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * `trusted`: a value Probity generated (an id of letters, digits, '-' and '_'), written as it is so it
 * still matches the API; it cannot hold a formula that does anything.
 */
export function csvField(value: CsvValue, trusted = false): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : trusted && /^[A-Za-z0-9_-]*$/.test(value)
        ? value
        : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row; `trusted` holds the indexes of columns of generated ids (see csvField). */
export function csvRow(values: readonly CsvValue[], trusted: ReadonlySet<number> = new Set()): string {
  return `${values.map((v, i) => csvField(v, trusted.has(i))).join(',')}\r\n`;
}

/** A byte-order mark first: Excel reads a CSV without one in the machine's legacy code page. */
export const UTF8_BOM = '\uFEFF';
