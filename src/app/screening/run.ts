// One screening run over ledgers already readable by an engine: compile every screen of the pack for the
// engine's relation, run it, assemble its hits and build the report. The file path (DuckDB) and the
// in-database path (PostgreSQL) differ only in how the ledgers became relations and who runs the SQL.
import type { CalendarDate, ParameterOverride } from '../../kernel/index.ts';
import { parseDate } from '../../kernel/index.ts';
import type { PackModule } from '../../packs/framework.ts';
import type { Ledger } from '../../packs/screens.ts';
import { InputInvalidError } from '../errors.ts';
import { assembleHits, type SqlRow } from './assemble.ts';
import { compileScreen } from './compile.ts';
import type {
  BadRow,
  ScreenHit,
  ScreeningInput,
  ScreeningProgress,
  ScreeningReport,
  ScreenSummary,
} from './types.ts';

/** Bad input names its place: '/mapping/disbursements/columns/vendor', '/ledger', '/from'. */
export const inputProblem = (path: string, detail: string): InputInvalidError =>
  new InputInvalidError([{ path, message: detail }], `${path}: ${detail}`);

/** What every screening run takes, whichever engine and source. */
export interface ScreeningOptions {
  pack: PackModule;
  /** ISO dates; rows dated outside are left out. */
  from?: string;
  to?: string;
  /** The organisation's parameter overrides, read as the pack's values are: in force on each row's date. */
  overrides?: readonly ParameterOverride[];
  /** Default: the pack's fiscal year (July for lea-finance). */
  fiscalYearStartMonth?: number;
  organisation?: { id: string; name: string };
  onProgress?: (p: ScreeningProgress) => void;
  /** Transactions listed per hit (all are counted and totalled); 100 by default. */
  maxTransactionsPerHit?: number;
  /** Hits listed per screen (every hit is counted); 10,000 by default. */
  maxHitsPerScreen?: number;
  /** Bad rows listed (all are counted); 1,000 by default. */
  maxBadRows?: number;
}

/** A ledger an engine can read: the relation's SQL (canonical columns, `_row`, `_record`), what was read. */
export interface LedgerSource {
  ledger: Ledger;
  relation: string;
  input: ScreeningInput;
  badRows: BadRow[];
  badCount: number;
}

export interface RunOptions {
  pack: PackModule;
  engine: 'duckdb' | 'postgres';
  sources: ReadonlyMap<string, LedgerSource>;
  query: (sql: string) => Promise<SqlRow[]>;
  from?: CalendarDate;
  to?: CalendarDate;
  overrides?: readonly ParameterOverride[];
  fiscalYearStartMonth?: number;
  organisation?: { id: string; name: string };
  maxTransactionsPerHit?: number;
  /** Hits listed per screen (all are counted); 10,000 by default. */
  maxHitsPerScreen?: number;
  maxBadRows?: number;
  /** Why a ledger without a source was not screened (e.g. 'no file given (--pcard)'). */
  missing: (ledger: Ledger) => string;
  /** Reports progress across [start, end] of the bar. */
  progress?: { report: (p: ScreeningProgress) => void; start: number; end: number };
}

export function checkPeriod(from?: string, to?: string): { from?: CalendarDate; to?: CalendarDate } {
  const date = (value: string | undefined, field: string): CalendarDate | undefined => {
    if (value === undefined) return undefined;
    try {
      return parseDate(value, field);
    } catch {
      throw inputProblem(`/${field}`, `"${value}" is not a calendar date; expected YYYY-MM-DD`);
    }
  };
  const f = date(from, 'from');
  const t = date(to, 'to');
  if (f !== undefined && t !== undefined && f > t)
    throw inputProblem('/to', `the period ends (${t}) before it starts (${f})`);
  return { ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) };
}

export async function runScreens(
  opts: RunOptions,
): Promise<{ summaries: ScreenSummary[]; hits: ScreenHit[] }> {
  const { pack } = opts;
  const ledgers = pack.ledgers ?? [];
  const screens = pack.screens ?? [];
  const summaries: ScreenSummary[] = [];
  const hits: ScreenHit[] = [];
  for (const [i, screen] of screens.entries()) {
    const ledger = ledgers.find((l) => l.id === screen.ledger);
    const source = opts.sources.get(screen.ledger);
    const summary: ScreenSummary = {
      id: screen.id,
      title: screen.title,
      description: screen.description,
      ledger: screen.ledger,
      kind: screen.kind,
      severity: screen.severity,
      citations: [...screen.citations],
      hits: 0,
      rows: 0,
      milliseconds: 0,
    };
    summaries.push(summary);
    if (opts.progress) {
      const { report, start, end } = opts.progress;
      report({
        phase: 'screening',
        fraction: start + ((end - start) * i) / screens.length,
        message: screen.title,
      });
    }
    if (ledger === undefined || source === undefined) {
      summary.skipped =
        ledger === undefined ? `the pack has no ledger ${screen.ledger}` : opts.missing(ledger);
      continue;
    }
    const t0 = performance.now();
    const compiled = compileScreen(screen, {
      pack: pack.pack,
      ledger,
      relation: source.relation,
      ...(opts.overrides ? { overrides: opts.overrides } : {}),
      fiscalYearStartMonth: opts.fiscalYearStartMonth ?? pack.pack.fiscalYear?.startMonth ?? 7,
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
      maxTransactionsPerHit: opts.maxTransactionsPerHit ?? 100,
      maxHits: opts.maxHitsPerScreen ?? 10_000,
    });
    const found = assembleHits(
      {
        pack: pack.pack,
        ledger,
        screen,
        parameters: compiled.parameters,
        ...(opts.overrides ? { overrides: opts.overrides } : {}),
      },
      await opts.query(compiled.sql),
    );
    summary.hits = found.total;
    if (found.hits.length < found.total) summary.listed = found.hits.length;
    summary.rows = source.input.accepted;
    summary.milliseconds = Math.round(performance.now() - t0);
    hits.push(...found.hits);
  }
  return { summaries, hits };
}

export function buildReport(
  opts: RunOptions,
  run: { summaries: ScreenSummary[]; hits: ScreenHit[] },
  started: number,
): ScreeningReport {
  const { pack } = opts;
  const sources = [...opts.sources.values()];
  const { hits } = run;
  const inputs = sources.map((s) => s.input);
  return {
    pack: { id: pack.pack.manifest.id, version: pack.pack.manifest.version, title: pack.pack.manifest.title },
    ...(opts.organisation ? { organisation: opts.organisation } : {}),
    engine: opts.engine,
    generatedAt: new Date().toISOString(),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
    inputs,
    badRows: sources.flatMap((s) => s.badRows).slice(0, opts.maxBadRows ?? 1000),
    badRowCount: sources.reduce((n, s) => n + s.badCount, 0),
    screens: run.summaries,
    hits,
    totals: {
      rows: inputs.reduce((n, i) => n + i.rows, 0),
      hits: run.summaries.reduce((n, s) => n + s.hits, 0),
      violations: run.summaries.filter((s) => s.kind === 'violation').reduce((n, s) => n + s.hits, 0),
      notices: run.summaries.filter((s) => s.kind === 'notice').reduce((n, s) => n + s.hits, 0),
      flaggedCents: hits.reduce((n, h) => n + h.totalCents, 0),
    },
    milliseconds: Math.round(performance.now() - started),
  };
}
