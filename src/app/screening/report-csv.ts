// A screening report as one CSV table for a spreadsheet: one row per transaction of each hit, the hit's
// columns repeated on each of its rows (so a filter or a pivot table on any column works), then the
// transaction's own. Only hits: a table whose lower part has other columns (bad rows, a totals block)
// breaks sorting and filtering, so the bad rows are a second, separate table (`badRowsCsv`), which the CLI
// writes beside the report when there are any. RFC 4180 with the formula guard of src/app/csv.ts.

import { formatCitation, formatMoney } from '../../kernel/index.ts';
import { PACKS } from '../../packs/registry.ts';
import type { Ledger, LedgerColumn } from '../../packs/screens.ts';
import { csvField, UTF8_BOM } from '../csv.ts';
import type { HitTransaction, ScreenHit, ScreeningReport } from './types.ts';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export interface ReportTableOptions {
  /** The ledgers the report's hits come from, for column titles and types; default: the report's pack's,
   * from the installed packs. */
  ledgers?: readonly Ledger[];
}

/** The ledgers of the report's pack among the installed packs (none when the pack is not installed). */
export function ledgersOfReport(report: ScreeningReport): readonly Ledger[] {
  return PACKS.find((p) => p.pack.manifest.id === report.pack.id)?.ledgers ?? [];
}

/** Cents as a spreadsheet reads a number: "1234.56", "-12.00" — no $ and no thousands separators. */
export function decimalDollars(cents: number): string {
  return formatMoney(cents).replace(/[$,]/g, '');
}

/** A cell we made ourselves from a number: digits, '-' and '.', needing neither quotes nor the formula
 * guard (which would turn "-12.00" into text). */
type Cell = string | number | null | undefined | { raw: string };

function field(cell: Cell): string {
  if (cell !== null && typeof cell === 'object') return cell.raw;
  return csvField(cell);
}

function row(cells: readonly Cell[]): string {
  return `${cells.map(field).join(',')}\r\n`;
}

const HIT_COLUMNS = [
  'hit',
  'screen',
  'title',
  'kind',
  'severity',
  'citation',
  'key',
  'period',
  'first',
  'last',
  'hit_count',
  'hit_total',
  'threshold',
  'omitted',
  'message',
] as const;

const TRANSACTION_COLUMNS = ['ledger', 'line', 'record', 'id', 'date', 'amount'] as const;

interface FieldColumn {
  header: string;
  name: string;
  type?: LedgerColumn['type'];
}

/**
 * The ledger columns after the fixed ones: every column of the ledgers the hits come from, in the ledger's
 * order, without each ledger's id, date and amount (they are the id, date and amount columns), a column
 * shared by two ledgers (entity) once; then any field no ledger declares, in the order first seen. A name
 * that is also a fixed column gets a `field_` prefix in the header.
 */
function fieldColumns(report: ScreeningReport, ledgers: readonly Ledger[]): FieldColumn[] {
  const fixed = new Set<string>([...HIT_COLUMNS, ...TRANSACTION_COLUMNS]);
  const out: FieldColumn[] = [];
  const seen = new Set<string>();
  const add = (name: string, type?: LedgerColumn['type']) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, header: fixed.has(name) ? `field_${name}` : name, ...(type ? { type } : {}) });
  };
  const own = (l: Ledger) => new Set([l.idColumn, l.dateColumn, l.amountColumn]);
  for (const id of new Set(report.hits.map((h) => h.ledger))) {
    const ledger = ledgers.find((l) => l.id === id);
    if (!ledger) continue;
    const skip = own(ledger);
    for (const c of ledger.columns) if (!skip.has(c.name)) add(c.name, c.type);
  }
  for (const h of report.hits) {
    const ledger = ledgers.find((l) => l.id === h.ledger);
    const skip = ledger ? own(ledger) : new Set<string>();
    for (const t of h.transactions) for (const name of Object.keys(t.fields)) if (!skip.has(name)) add(name);
  }
  return out;
}

function fieldCell(value: string | number | null | undefined, type: LedgerColumn['type'] | undefined): Cell {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'money' && typeof value === 'number') return { raw: decimalDollars(value) };
  if (typeof value === 'number') return { raw: String(value) };
  return value;
}

/** "vendor: ACME; commodity: 5300" — the grouping key as first written. */
export function keyText(key: Readonly<Record<string, string>>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}

function hitCells(h: ScreenHit, n: number): Cell[] {
  return [
    n,
    h.screen,
    h.title,
    h.kind,
    h.severity,
    // ' | ' between citations: an authority may itself hold a semicolon.
    h.citations.map(formatCitation).join(' | '),
    keyText(h.key),
    h.period,
    h.first,
    h.last,
    h.count,
    { raw: decimalDollars(h.totalCents) },
    h.thresholdCents === undefined ? '' : { raw: decimalDollars(h.thresholdCents) },
    h.omitted,
    h.message,
  ];
}

function transactionCells(
  h: ScreenHit,
  t: HitTransaction | undefined,
  columns: readonly FieldColumn[],
): Cell[] {
  if (!t) return [h.ledger, '', '', '', '', '', ...columns.map(() => '')];
  return [
    h.ledger,
    t.line,
    t.record,
    t.id,
    t.date,
    { raw: decimalDollars(t.amountCents) },
    ...columns.map((c) => fieldCell(t.fields[c.name], c.type)),
  ];
}

/** The hits table in pieces: a byte-order mark and the header, then one piece per hit. */
export function* reportCsvChunks(report: ScreeningReport, opts: ReportTableOptions = {}): Generator<string> {
  const columns = fieldColumns(report, opts.ledgers ?? ledgersOfReport(report));
  yield UTF8_BOM + row([...HIT_COLUMNS, ...TRANSACTION_COLUMNS, ...columns.map((c) => c.header)]);
  for (const [i, h] of report.hits.entries()) {
    const head = hitCells(h, i + 1);
    // A hit always lists a transaction; should one come without any, it still gets its row.
    const list = h.transactions.length > 0 ? h.transactions : [undefined];
    yield list.map((t) => row([...head, ...transactionCells(h, t, columns)])).join('');
  }
}

/**
 * One row per (hit, transaction): `hit` numbers the hits 1, 2, … (a hit's rows share it), money is in
 * dollars as "1234.56", dates are YYYY-MM-DD, `omitted` counts a hit's transactions not listed.
 */
export function reportCsv(report: ScreeningReport, opts: ReportTableOptions = {}): string {
  return [...reportCsvChunks(report, opts)].join('');
}

/** The rows the screening could not read: ledger, file, line (or the store's record), column, reason, the
 * row as written. */
export function badRowsCsv(report: ScreeningReport): string {
  const source = new Map(report.inputs.map((i) => [i.ledger, i.source]));
  const out = [UTF8_BOM + row(['ledger', 'file', 'line', 'record', 'column', 'reason', 'text'])];
  for (const b of report.badRows)
    out.push(
      row([
        b.ledger,
        source.get(b.ledger),
        b.record === undefined ? b.line : '',
        b.record,
        b.column,
        b.reason,
        b.text,
      ]),
    );
  return out.join('');
}
