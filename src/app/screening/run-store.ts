// The in-database path: the same compiled screens, run by PostgreSQL (PGlite embedded, a server, or Citus
// with the tables distributed by org_id — every relation here is filtered to one organisation, so each
// query runs on the node that holds it). Two sources: the organisation's records, projected into ledger
// rows by the pack's `fromRecords` (scheduled screening of the data already in the store); and ledger files,
// read by DuckDB as on the file path and copied into a temporary table (the same rows, so the same hits).
import { sql } from 'drizzle-orm';
import type { Ledger, LedgerColumn, LedgerFromRecords } from '../../packs/screens.ts';
import type { Db } from '../../store/connect.ts';
import type { SqlRow } from './assemble.ts';
import { buildReport, checkPeriod, type LedgerSource, runScreens, type ScreeningOptions } from './run.ts';
import { type FileScreeningOptions, withLoadedFiles } from './run-files.ts';
import type { BadRow, ScreeningReport } from './types.ts';

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string): string => `"${s.replaceAll('"', '""')}"`;
const PG_TYPE: Record<LedgerColumn['type'], string> = {
  text: 'VARCHAR',
  date: 'DATE',
  money: 'BIGINT',
  integer: 'BIGINT',
};

async function query(db: Db, text: string): Promise<SqlRow[]> {
  const result = await db.execute(sql.raw(text));
  return (result as unknown as { rows: SqlRow[] }).rows;
}

/** A record's field as the column's type; a value of the wrong shape is empty rather than an error. */
function fieldSql(
  col: LedgerColumn,
  source: string | { flag: string } | undefined,
  constant?: string,
): string {
  const type = PG_TYPE[col.type];
  if (constant !== undefined) return `CAST(${lit(constant)} AS ${type})`;
  if (source === undefined) return `CAST(NULL AS ${type})`;
  if (typeof source !== 'string')
    return `CASE WHEN (r.data #>> ${lit(`{${source.flag.split('.').join(',')}}`)}) = 'true' THEN 'yes' END`;
  const text = `(r.data #>> ${lit(`{${source.split('.').join(',')}}`)})`;
  switch (col.type) {
    case 'text':
      return text;
    case 'money':
    case 'integer':
      return `CASE WHEN ${text} ~ '^-?[0-9]+$' THEN CAST(${text} AS BIGINT) END`;
    case 'date':
      return `CASE WHEN ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(${text} AS DATE) END`;
  }
}

function projection(orgId: string, packId: string, ledger: Ledger, from: LedgerFromRecords): string {
  const cols = ledger.columns.map((c) => {
    const source = from.columns[c.name];
    const expr =
      c.name === ledger.idColumn && source === undefined && from.constants?.[c.name] === undefined
        ? 'r.id'
        : fieldSql(c, source, from.constants?.[c.name]);
    return `${expr} AS ${ident(c.name)}`;
  });
  const states = from.excludeStates?.length
    ? ` AND r.state NOT IN (${from.excludeStates.map(lit).join(', ')})`
    : '';
  return `SELECT r.id AS _record, ${cols.join(', ')} FROM records r WHERE r.org_id = ${lit(orgId)} AND r.pack = ${lit(packId)} AND r.kind = ${lit(from.kind)}${states}`;
}

/** Why a record cannot be a ledger row: an empty required column. */
function problemSql(ledger: Ledger): string {
  const arms = ledger.columns
    .filter((c) => c.required)
    .map(
      (c) =>
        `WHEN ${ident(c.name)} IS NULL${c.type === 'text' ? ` OR trim(${ident(c.name)}) = ''` : ''} THEN ${lit(`${c.name}: empty, but every row needs one (${c.title})`)}`,
    );
  return arms.length ? `CASE ${arms.join(' ')} END` : 'CAST(NULL AS VARCHAR)';
}

export interface StoreScreeningOptions extends ScreeningOptions {
  orgId: string;
}

/** Screens the organisation's records of the pack (the ledgers with `fromRecords`). */
export async function screenStore(db: Db, opts: StoreScreeningOptions): Promise<ScreeningReport> {
  const started = performance.now();
  const period = checkPeriod(opts.from, opts.to);
  const packId = opts.pack.pack.manifest.id;
  const maxBadRows = opts.maxBadRows ?? 1000;
  const progress = opts.onProgress ?? (() => {});
  progress({ phase: 'reading', fraction: 0, message: 'Reading the records' });
  const sources = new Map<string, LedgerSource>();
  for (const ledger of opts.pack.ledgers ?? []) {
    if (!ledger.fromRecords?.length) continue;
    const union = ledger.fromRecords
      .map((f) => projection(opts.orgId, packId, ledger, f))
      .join(' UNION ALL ');
    const rowsSql = `SELECT ROW_NUMBER() OVER (ORDER BY _record) - 1 AS _row, u.*, ${problemSql(ledger)} AS _problem FROM (${union}) u`;
    const counts = (
      await query(
        db,
        `SELECT CAST(COUNT(*) AS VARCHAR) AS n, CAST(COUNT(_problem) AS VARCHAR) AS bad FROM (${rowsSql}) x`,
      )
    )[0];
    const n = Number(counts?.n ?? 0);
    const bad = Number(counts?.bad ?? 0);
    const badRows: BadRow[] = (
      await query(
        db,
        `SELECT _record, _problem FROM (${rowsSql}) x WHERE _problem IS NOT NULL ORDER BY _record LIMIT ${maxBadRows}`,
      )
    ).map((r) => ({
      ledger: ledger.id,
      line: 0,
      record: String(r._record),
      column: String(r._problem).slice(0, String(r._problem).indexOf(':')),
      reason: String(r._problem),
    }));
    const columns = ledger.columns.map((c) => ident(c.name)).join(', ');
    sources.set(ledger.id, {
      ledger,
      relation: `(SELECT _row, _record, ${columns} FROM (${rowsSql}) x WHERE _problem IS NULL) AS r`,
      input: {
        ledger: ledger.id,
        source: 'store',
        format: 'store',
        rows: n,
        accepted: n - bad,
        rejected: bad,
        mapping: Object.fromEntries(
          ledger.fromRecords.flatMap((f) =>
            Object.entries(f.columns).map(([c, s]) => [`${f.kind}.${typeof s === 'string' ? s : s.flag}`, c]),
          ),
        ),
      },
      badRows,
      badCount: bad,
    });
  }
  const run = {
    pack: opts.pack,
    engine: 'postgres' as const,
    sources,
    query: (text: string) => query(db, text),
    ...period,
    ...(opts.overrides ? { overrides: opts.overrides } : {}),
    ...(opts.fiscalYearStartMonth ? { fiscalYearStartMonth: opts.fiscalYearStartMonth } : {}),
    ...(opts.organisation ? { organisation: opts.organisation } : {}),
    ...(opts.maxTransactionsPerHit ? { maxTransactionsPerHit: opts.maxTransactionsPerHit } : {}),
    ...(opts.maxHitsPerScreen ? { maxHitsPerScreen: opts.maxHitsPerScreen } : {}),
    maxBadRows,
    missing: (ledger: Ledger) => `${ledger.title}: the pack keeps no records for this ledger`,
    progress: { report: progress, start: 0.1, end: 1 },
  };
  const report = buildReport(run, await runScreens(run), started);
  progress({ phase: 'done', fraction: 1, message: `${report.hits.length} hits` });
  return report;
}

/**
 * Ledger files screened by PostgreSQL: DuckDB reads and checks the files exactly as the file path does,
 * the accepted rows (with their positions) go into temporary tables in one transaction, and the
 * PostgreSQL form of every screen runs there. On Citus the same rows would sit in a table distributed by
 * org_id (docs/scaling.md); here the tables live for the transaction only.
 */
export async function screenFilesInDatabase(db: Db, opts: FileScreeningOptions): Promise<ScreeningReport> {
  const started = performance.now();
  return withLoadedFiles(opts, async (loaded, read, ctx) =>
    db.transaction(async (tx) => {
      const sources = new Map<string, LedgerSource>();
      for (const [id, l] of loaded) {
        const table = `screen_${id.replace(/[^a-z0-9_]/gi, '_')}`;
        const cols = l.ledger.columns;
        await tx.execute(
          sql.raw(
            `CREATE TEMPORARY TABLE ${table} (_row BIGINT, _record VARCHAR, ${cols.map((c) => `${ident(c.name)} ${PG_TYPE[c.type]}`).join(', ')}) ON COMMIT DROP`,
          ),
        );
        for await (const batch of read(l, 2000)) {
          const values = batch.map(
            (r) =>
              `(${r._row}, NULL, ${cols.map((c) => (r[c.name] === null || r[c.name] === undefined ? 'NULL' : `CAST(${lit(String(r[c.name]))} AS ${PG_TYPE[c.type]})`)).join(', ')})`,
          );
          if (values.length) await tx.execute(sql.raw(`INSERT INTO ${table} VALUES ${values.join(', ')}`));
        }
        sources.set(id, { ...l, relation: `${table} AS r` });
      }
      const run = {
        ...ctx,
        engine: 'postgres' as const,
        sources,
        query: async (text: string) =>
          ((await tx.execute(sql.raw(text))) as unknown as { rows: SqlRow[] }).rows,
      };
      const result = await runScreens(run);
      await ctx.addLines(result.hits);
      return buildReport(run, result, started);
    }),
  );
}
