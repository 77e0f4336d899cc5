// Screening files: DuckDB reads each ledger file (CSV of any delimiter, quoted fields, UTF-8 with or without
// a BOM; or Parquet) in parallel with declared column types — money as DECIMAL then integer cents, dates as
// DATE, never a guessed DOUBLE — into a table of the ledger's canonical columns, keeps the rows it cannot
// read with their line and reason, and runs every compiled screen over that table. DuckDB was chosen by
// measurement (docs/decisions.md): it reads 10 million rows in about 3 seconds on two cores.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { parse as parseYaml } from 'yaml';
import type { PackModule } from '../../packs/framework.ts';
import type { Ledger, LedgerColumn } from '../../packs/screens.ts';
import type { SqlRow } from './assemble.ts';
import { linesOfRows } from './lines.ts';
import {
  buildReport,
  checkPeriod,
  inputProblem,
  type LedgerSource,
  type RunOptions,
  runScreens,
  type ScreeningOptions,
} from './run.ts';
import type { BadRow, ScreenHit, ScreeningReport } from './types.ts';

export interface LedgerMapping {
  /** Canonical ledger column → the header in the file. */
  columns?: Record<string, string>;
  /** Field delimiter; detected when absent. */
  delimiter?: string;
  /** strftime format of the file's dates, e.g. '%m/%d/%Y'; ISO (YYYY-MM-DD) when absent. */
  dateFormat?: string;
}

export type ColumnMapping = Record<string, LedgerMapping>;

export interface FileScreeningOptions extends ScreeningOptions {
  /** Ledger id → file path (.csv, .tsv, .txt or .parquet). */
  files: Record<string, string>;
  mapping?: ColumnMapping;
  /** DuckDB's memory ceiling; beyond it DuckDB spills to a temporary directory. */
  memoryLimit?: string;
}

const problem = inputProblem;

/** Header spelling → comparable form: "Invoice No." and "invoice_no" are one header. */
const comparable = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** Reads a mapping file (JSON or YAML): `{ <ledger>: { columns: { <canonical>: <header> }, delimiter, dateFormat } }`. */
export async function readMappingFile(path: string, pack?: PackModule): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw problem('/mapping', `cannot read the mapping file ${path}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw problem(
      '/mapping',
      `the mapping file ${basename(path)} is not valid JSON or YAML: ${(e as Error).message}`,
    );
  }
  return validateMapping(parsed, pack);
}

/** Checks a mapping's shape (and, given the pack, its ledger and column names) with errors naming the place. */
export function validateMapping(value: unknown, pack?: PackModule): ColumnMapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw problem(
      '/mapping',
      'a mapping is an object: { <ledger>: { columns: { <ledger column>: <header in the file> } } }',
    );
  const out: ColumnMapping = {};
  for (const [ledgerId, m] of Object.entries(value)) {
    const ledger = pack?.ledgers?.find((l) => l.id === ledgerId);
    if (pack !== undefined && ledger === undefined)
      throw problem(
        `/mapping/${ledgerId}`,
        `no ledger "${ledgerId}" in pack ${pack.pack.manifest.id}; its ledgers: ${(pack.ledgers ?? []).map((l) => l.id).join(', ')}`,
      );
    if (m === null || typeof m !== 'object' || Array.isArray(m))
      throw problem(`/mapping/${ledgerId}`, 'expected an object with columns, delimiter and dateFormat');
    const { columns, delimiter, dateFormat, ...rest } = m as Record<string, unknown>;
    const unknownKey = Object.keys(rest)[0];
    if (unknownKey !== undefined)
      throw problem(
        `/mapping/${ledgerId}/${unknownKey}`,
        `unknown setting; allowed: columns, delimiter, dateFormat`,
      );
    const entry: LedgerMapping = {};
    if (columns !== undefined) {
      if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
        throw problem(
          `/mapping/${ledgerId}/columns`,
          'expected an object: { <ledger column>: <header in the file> }',
        );
      entry.columns = {};
      for (const [canonical, header] of Object.entries(columns)) {
        if (ledger !== undefined && !ledger.columns.some((c) => c.name === canonical))
          throw problem(
            `/mapping/${ledgerId}/columns/${canonical}`,
            `ledger ${ledgerId} has no column "${canonical}"; its columns: ${ledger.columns.map((c) => c.name).join(', ')}`,
          );
        if (typeof header !== 'string' || header.trim() === '')
          throw problem(
            `/mapping/${ledgerId}/columns/${canonical}`,
            'expected the header of a column in the file',
          );
        entry.columns[canonical] = header;
      }
    }
    if (delimiter !== undefined) {
      if (
        typeof delimiter !== 'string' ||
        delimiter.length !== 1 ||
        delimiter === '"' ||
        /[\r\n]/.test(delimiter)
      )
        throw problem(
          `/mapping/${ledgerId}/delimiter`,
          'expected one character other than a quote or a line break, e.g. ";" or "\\t"',
        );
      entry.delimiter = delimiter;
    }
    if (dateFormat !== undefined) {
      if (typeof dateFormat !== 'string' || !dateFormat.includes('%'))
        throw problem(`/mapping/${ledgerId}/dateFormat`, 'expected a strftime format such as "%m/%d/%Y"');
      entry.dateFormat = dateFormat;
    }
    out[ledgerId] = entry;
  }
  return out;
}

/** How the file's headers answer the ledger's columns: the mapping first, then the column's own name and
 * its common aliases. A required column left unanswered is an error naming the headers the file has. */
export function resolveColumns(
  ledger: Ledger,
  headers: readonly string[],
  mapping: LedgerMapping | undefined,
): Map<string, string> {
  const byComparable = new Map(headers.map((h) => [comparable(h), h]));
  const resolved = new Map<string, string>();
  for (const col of ledger.columns) {
    const mapped = mapping?.columns?.[col.name];
    if (mapped !== undefined) {
      const header = headers.find((h) => h === mapped) ?? byComparable.get(comparable(mapped));
      if (header === undefined)
        throw problem(
          `/mapping/${ledger.id}/columns/${col.name}`,
          `the ${ledger.id} file has no column "${mapped}"; its columns: ${headers.join(', ')}`,
        );
      resolved.set(col.name, header);
      continue;
    }
    for (const name of [col.name, ...(col.aliases ?? [])]) {
      const header = byComparable.get(comparable(name));
      if (header !== undefined && ![...resolved.values()].includes(header)) {
        resolved.set(col.name, header);
        break;
      }
    }
    if (!resolved.has(col.name) && col.required)
      throw problem(
        `/${ledger.option}`,
        `the ${ledger.title} file has no "${col.name}" column (${col.title}); its columns: ${headers.join(', ')}. Name the column in a mapping: ${ledger.id}: { columns: { ${col.name}: "<header>" } }`,
      );
  }
  return resolved;
}

interface Loaded extends LedgerSource {
  table: string;
  /** Row position → line (CSV), filled for the rows the report names. */
  lineOf: (row: number) => number | undefined;
  lines: Map<number, number>;
  rejectedLines: Set<number>;
  csv?: { path: string; quote: string };
}

function duckType(col: LedgerColumn): string {
  switch (col.type) {
    case 'date':
      return 'DATE';
    case 'money':
      // four places so a fraction of a cent is seen (and refused), not rounded away
      return 'DECIMAL(18,4)';
    case 'integer':
      return 'BIGINT';
    case 'text':
      return 'VARCHAR';
  }
}

/** The canonical column from the file's column: money to integer cents, everything else as typed. */
function canonical(col: LedgerColumn, header: string | undefined, parquet: boolean): string {
  const sqlType = { date: 'DATE', money: 'BIGINT', integer: 'BIGINT', text: 'VARCHAR' }[col.type];
  if (header === undefined) return `CAST(NULL AS ${sqlType}) AS ${ident(col.name)}`;
  const src = ident(header);
  if (col.type === 'money') {
    const dec = parquet ? `TRY_CAST(${src} AS DECIMAL(18,4))` : src;
    return `CASE WHEN ${dec} * 100 = ROUND(${dec} * 100) THEN CAST(${dec} * 100 AS BIGINT) END AS ${ident(col.name)}`;
  }
  if (parquet) return `TRY_CAST(${src} AS ${sqlType}) AS ${ident(col.name)}`;
  return `${src} AS ${ident(col.name)}`;
}

/** Why a row read without error still cannot be screened: an empty required value, a fraction of a cent. */
function problemSql(ledger: Ledger, resolved: Map<string, string>, parquet: boolean): string {
  const arms: string[] = [];
  for (const col of ledger.columns) {
    const header = resolved.get(col.name);
    if (header === undefined) continue;
    const src = ident(header);
    const value = ident(col.name);
    if (col.type === 'money')
      arms.push(
        `WHEN ${src} IS NOT NULL AND ${value} IS NULL THEN ${sqlString(`${col.name}: ${parquet ? 'not an amount of money, or ' : ''}has a fraction of a cent`)}`,
      );
    else if (parquet && col.type !== 'text')
      arms.push(
        `WHEN ${src} IS NOT NULL AND ${value} IS NULL THEN ${sqlString(`${col.name}: not a ${col.type}`)}`,
      );
    if (col.required)
      arms.push(
        `WHEN ${value} IS NULL${col.type === 'text' ? ` OR trim(${value}) = ''` : ''} THEN ${sqlString(`${col.name}: empty, but every row needs one (${col.title})`)}`,
      );
  }
  return arms.length ? `CASE ${arms.join(' ')} END` : 'CAST(NULL AS VARCHAR)';
}

async function rows(conn: DuckDBConnection, sql: string): Promise<SqlRow[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJS() as SqlRow[];
}

async function load(
  conn: DuckDBConnection,
  ledger: Ledger,
  path: string,
  mapping: LedgerMapping | undefined,
  maxBadRows: number,
  onProgress: (fraction: number) => void,
): Promise<Loaded> {
  const parquet = extname(path).toLowerCase() === '.parquet';
  const table = `ledger_${ledger.id.replace(/[^a-z0-9_]/gi, '_')}`;
  const fileSql = sqlString(path);
  let reader: string;
  let headers: string[];
  let quote = '"';
  if (parquet) {
    reader = `read_parquet(${fileSql})`;
    headers = (await unreadable(ledger, path, 'Parquet', rows(conn, `DESCRIBE SELECT * FROM ${reader}`))).map(
      (r) => String(r.column_name),
    );
  } else {
    const dialect = [`header = true`, `encoding = 'utf-8'`];
    if (mapping?.delimiter !== undefined) dialect.push(`delim = ${sqlString(mapping.delimiter)}`);
    const sniff = (
      await unreadable(
        ledger,
        path,
        'CSV',
        rows(
          conn,
          // ignore_errors: one short or long row among the sampled ones would otherwise make the sniffer give
          // up on the delimiter (one column, '|'), and the whole file fail for a row that is only a bad row
          `SELECT Delimiter, Quote, Columns FROM sniff_csv(${fileSql}, ${dialect.join(', ')}, sample_size = 20480, ignore_errors = true)`,
        ),
      )
    )[0];
    if (sniff === undefined) throw problem(`/${ledger.option}`, `cannot read ${basename(path)} as CSV`);
    // a file without any quoted field sniffs as '(empty)', which read_csv refuses: the usual quote applies
    const sniffed = String(sniff.Quote ?? '');
    quote = sniffed.length === 1 ? sniffed : '"';
    headers = ((sniff.Columns as unknown as { name: string }[]) ?? []).map((c) => c.name);
    const resolved0 = resolveColumns(ledger, headers, mapping);
    const types = headers.map((h) => {
      const col = ledger.columns.find((c) => resolved0.get(c.name) === h);
      return `${sqlString(h)}: ${sqlString(col ? duckType(col) : 'VARCHAR')}`;
    });
    const options = [
      ...dialect,
      `delim = ${sqlString(String(sniff.Delimiter))}`,
      `quote = ${sqlString(quote)}`,
      // RFC 4180: a quote inside a quoted field is doubled. Left to the sniffer, a file whose sample holds
      // no doubled quote gets another escape, and a later "O'Brien ""Best"" Printing" is rejected.
      `escape = ${sqlString(quote)}`,
      `columns = {${types.join(', ')}}`,
      // "1,234.56" quoted in a comma-separated file is still an amount
      `thousands = ','`,
      ...(mapping?.dateFormat ? [`dateformat = ${sqlString(mapping.dateFormat)}`] : []),
      'store_rejects = true',
      `rejects_table = ${sqlString(`${table}_rejects`)}`,
      `rejects_scan = ${sqlString(`${table}_scan`)}`,
    ];
    reader = `read_csv(${fileSql}, ${options.join(', ')})`;
  }
  const resolved = resolveColumns(ledger, headers, mapping);
  const select = ledger.columns.map((c) => canonical(c, resolved.get(c.name), parquet));
  const typed = `SELECT ${select.join(', ')}, ${[...new Set(resolved.values())].map((h) => `${ident(h)} AS ${ident(`__src_${h}`)}`).join(', ')} FROM ${reader}`;
  // The problem column is computed over the typed values and the source values side by side.
  const problemCase = problemSql(ledger, new Map([...resolved].map(([k, h]) => [k, `__src_${h}`])), parquet);
  const ticker = setInterval(() => {
    const p = conn.progress;
    if (p.percentage >= 0) onProgress(p.percentage / 100);
  }, 200);
  try {
    await conn.run(
      `CREATE TABLE ${table} AS SELECT ${ledger.columns.map((c) => ident(c.name)).join(', ')}, ${problemCase} AS _problem FROM (${typed})`,
    );
  } catch (e) {
    throw problem(`/${ledger.option}`, `cannot read ${basename(path)}: ${(e as Error).message}`);
  } finally {
    clearInterval(ticker);
  }
  const count = (
    await rows(
      conn,
      `SELECT CAST(COUNT(*) AS VARCHAR) AS n, CAST(COUNT(_problem) AS VARCHAR) AS bad FROM ${table}`,
    )
  )[0];
  const kept = Number(count?.n ?? 0);
  const semanticBad = Number(count?.bad ?? 0);
  const badRows: BadRow[] = [];
  const rejectedLines = new Set<number>();
  let rejected = 0;
  if (!parquet) {
    const rej = await rows(
      conn,
      `SELECT CAST(line AS VARCHAR) AS line, column_name, error_type, error_message, csv_line FROM ${table}_rejects ORDER BY line`,
    );
    // a row can be rejected for several columns; it is one bad row, reported with its first reason
    for (const r of rej) {
      const line = Number(r.line);
      if (rejectedLines.has(line)) continue;
      rejectedLines.add(line);
      rejected++;
      if (badRows.length < maxBadRows)
        badRows.push({
          ledger: ledger.id,
          line,
          ...(r.column_name ? { column: canonicalName(resolved, String(r.column_name)) } : {}),
          reason: rejectReason(r),
          // DuckDB's text of a record after a blank line starts with that line's break
          ...(r.csv_line
            ? {
                text: String(r.csv_line)
                  .replace(/^[\r\n]+/, '')
                  .slice(0, 500),
              }
            : {}),
        });
    }
  }
  const lines = new Map<number, number>();
  const loaded: Loaded = {
    ledger,
    table,
    relation: `(SELECT rowid AS _row, CAST(NULL AS VARCHAR) AS _record, * EXCLUDE (_problem) FROM ${table} WHERE _problem IS NULL) AS r`,
    input: {
      ledger: ledger.id,
      source: basename(path),
      format: parquet ? 'parquet' : 'csv',
      rows: kept + rejected,
      accepted: kept - semanticBad,
      rejected: rejected + semanticBad,
      mapping: Object.fromEntries([...resolved].map(([c, h]) => [h, c])),
    },
    badRows,
    badCount: rejected + semanticBad,
    lineOf: (row) => (parquet ? row + 1 : lines.get(row)),
    lines,
    rejectedLines,
    ...(parquet ? {} : { csv: { path, quote } }),
  };
  const bad =
    semanticBad > 0
      ? await rows(
          conn,
          `SELECT CAST(rowid AS VARCHAR) AS _row, _problem FROM ${table} WHERE _problem IS NOT NULL ORDER BY rowid LIMIT ${Math.max(0, maxBadRows - badRows.length)}`,
        )
      : [];
  if (badRows.length + bad.length > 0 && !parquet) {
    // DuckDB numbers rejected records by unquoted line breaks; the report gives the file's own lines
    const recordLines = await findLines(
      loaded,
      bad.map((r) => Number(r._row)),
      badRows.map((r) => r.line),
    );
    for (const r of badRows) r.line = recordLines.get(r.line) ?? r.line;
  }
  for (const r of bad) {
    const reason = String(r._problem);
    badRows.push({
      ledger: ledger.id,
      line: loaded.lineOf(Number(r._row)) ?? Number(r._row) + 2,
      column: reason.slice(0, reason.indexOf(':')),
      reason,
    });
  }
  badRows.sort((x, y) => x.line - y.line);
  return loaded;
}

/** A file DuckDB cannot make out at all (not text, empty, not Parquet) is the user's bad input, named so. */
async function unreadable<T>(ledger: Ledger, path: string, format: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const reason = String((e as Error).message)
      .split('\n')[0]
      ?.replace(/^[A-Za-z ]+Error: /, '');
    throw problem(`/${ledger.option}`, `cannot read ${basename(path)} as ${format}: ${reason}`);
  }
}

function canonicalName(resolved: Map<string, string>, header: string): string {
  for (const [c, h] of resolved) if (h === header) return c;
  return header;
}

function rejectReason(r: SqlRow): string {
  const type = String(r.error_type ?? '');
  const message = String(r.error_message ?? '');
  if (type === 'CAST') {
    const m = /Could not convert string "(.*)" to '(\w+)'/.exec(message);
    if (m)
      return `"${m[1]}" is not a ${m[2] === 'DATE' ? 'date' : m[2] === 'DECIMAL' ? 'number (amount of money)' : m[2]?.toLowerCase()}`;
  }
  if (type === 'MISSING COLUMNS' || type === 'TOO MANY COLUMNS') return `${type.toLowerCase()}: ${message}`;
  return message || type;
}

/** File lines of the kept rows at `positions` and of DuckDB's `records`, in one pass over the file. */
async function findLines(
  loaded: Loaded,
  positions: number[],
  records: number[] = [],
): Promise<Map<number, number>> {
  if (loaded.csv === undefined) return new Map();
  const missing = positions.filter((p) => !loaded.lines.has(p));
  if (missing.length === 0 && records.length === 0) return new Map();
  const found = await linesOfRows(
    loaded.csv.path,
    { quote: loaded.csv.quote, header: true, rejected: loaded.rejectedLines },
    missing,
    records,
  );
  for (const [p, l] of found.rows) loaded.lines.set(p, l);
  return found.records;
}

/** What a run over loaded files shares whichever engine screens them. */
export type LoadedRunContext = Omit<RunOptions, 'engine' | 'sources' | 'query'> & {
  /** Puts the file line on each listed transaction of the hits. */
  addLines(hits: ScreenHit[]): Promise<void>;
  /** Runs SQL in the DuckDB holding the loaded ledgers. */
  duckdb(sql: string): Promise<SqlRow[]>;
};

/** The accepted rows of a loaded ledger, in order, `batch` at a time (money in cents, dates ISO, as text). */
export type ReadRows = (source: LedgerSource, batch: number) => AsyncGenerator<SqlRow[]>;

/**
 * Checks the options, reads every file into DuckDB (with the bad rows and their lines), hands the loaded
 * ledgers to `use`, and closes DuckDB and removes its spill directory whatever happens.
 */
export async function withLoadedFiles<T>(
  opts: FileScreeningOptions,
  use: (loaded: Map<string, LedgerSource>, read: ReadRows, ctx: LoadedRunContext) => Promise<T>,
): Promise<T> {
  const { pack } = opts;
  const ledgers = pack.ledgers ?? [];
  const period = checkPeriod(opts.from, opts.to);
  const maxBadRows = opts.maxBadRows ?? 1000;
  const progress = opts.onProgress ?? (() => {});
  const entries = Object.entries(opts.files);
  if (entries.length === 0)
    throw problem(
      '/ledger',
      `no file to screen; give one of: ${ledgers.map((l) => `--${l.option}`).join(', ')}`,
    );
  let totalBytes = 0;
  const sizes: number[] = [];
  for (const [id, path] of entries) {
    const ledger = ledgers.find((l) => l.id === id);
    if (ledger === undefined)
      throw problem(
        `/${id}`,
        `pack ${pack.pack.manifest.id} has no ledger "${id}"; its ledgers: ${ledgers.map((l) => l.id).join(', ')}`,
      );
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (e) {
      throw problem(
        `/${ledger.option}`,
        `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
    if (size === 0)
      throw problem(`/${ledger.option}`, `${basename(path)} is empty; expected a header line and rows`);
    sizes.push(size);
    totalBytes += size;
  }
  if (opts.mapping !== undefined) validateMapping(opts.mapping, pack);

  const spill = await mkdtemp(join(tmpdir(), 'probity-screen-'));
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: opts.memoryLimit ?? '1GB',
    temp_directory: spill,
    preserve_insertion_order: 'true',
  });
  const conn = await instance.connect();
  try {
    // Reading is most of the work: it takes the first 60% of the bar, in proportion to file sizes.
    const loaded = new Map<string, Loaded>();
    let done = 0;
    for (const [i, [id, path]] of entries.entries()) {
      const ledger = ledgers.find((l) => l.id === id) as Ledger;
      const share = totalBytes ? (sizes[i] as number) / totalBytes : 1 / entries.length;
      const base = done;
      const message = `Reading ${basename(path)}`;
      progress({ phase: 'reading', fraction: 0.6 * base, message });
      loaded.set(
        id,
        await load(conn, ledger, path, opts.mapping?.[id], maxBadRows, (f) =>
          progress({ phase: 'reading', fraction: 0.6 * (base + share * f), message }),
        ),
      );
      done += share;
    }
    const read: ReadRows = async function* (source, batch) {
      const l = source as Loaded;
      const cols = l.ledger.columns.map((c) => `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}`);
      const result = await conn.stream(
        `SELECT CAST(rowid AS VARCHAR) AS _row, ${cols.join(', ')} FROM ${l.table} WHERE _problem IS NULL ORDER BY rowid`,
      );
      let pending: SqlRow[] = [];
      for (;;) {
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) break;
        const names = result.columnNames();
        for (const row of chunk.getRows()) {
          const o: SqlRow = {};
          names.forEach((n, k) => {
            const v = row[k];
            o[n] = v === null || v === undefined ? null : String(v);
          });
          pending.push(o);
          if (pending.length >= batch) {
            yield pending;
            pending = [];
          }
        }
      }
      if (pending.length) yield pending;
    };
    const ctx: LoadedRunContext = {
      pack,
      ...period,
      ...(opts.overrides ? { overrides: opts.overrides } : {}),
      ...(opts.fiscalYearStartMonth ? { fiscalYearStartMonth: opts.fiscalYearStartMonth } : {}),
      ...(opts.organisation ? { organisation: opts.organisation } : {}),
      maxTransactionsPerHit: opts.maxTransactionsPerHit ?? 100,
      ...(opts.maxHitsPerScreen ? { maxHitsPerScreen: opts.maxHitsPerScreen } : {}),
      maxBadRows,
      missing: (ledger: Ledger) => `no ${ledger.title} file given (--${ledger.option})`,
      progress: { report: progress, start: 0.6, end: 0.95 },
      duckdb: (sql) => rows(conn, sql),
      async addLines(hits) {
        // one pass per file, after the screens, for every row the hits list
        progress({ phase: 'writing', fraction: 0.95, message: 'Finding the lines of the rows found' });
        for (const l of loaded.values()) {
          const mine = hits.filter((h) => h.ledger === l.ledger.id);
          await findLines(
            l,
            mine.flatMap((h) => h.transactions.map((t) => t.row)),
          );
          for (const h of mine)
            for (const t of h.transactions) {
              const line = l.lineOf(t.row);
              if (line !== undefined) t.line = line;
            }
        }
      },
    };
    return await use(loaded, read, ctx);
  } finally {
    conn.closeSync();
    instance.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
}

export async function screenFiles(opts: FileScreeningOptions): Promise<ScreeningReport> {
  const started = performance.now();
  return withLoadedFiles(opts, async (loaded, _read, ctx) => {
    const run = { ...ctx, engine: 'duckdb' as const, sources: loaded, query: ctx.duckdb };
    const result = await runScreens(run);
    await ctx.addLines(result.hits);
    const report = buildReport(run, result, started);
    ctx.progress?.report({ phase: 'done', fraction: 1, message: `${report.hits.length} hits` });
    return report;
  });
}
