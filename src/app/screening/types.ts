// What a screening run produces: the report every output (JSON, CSV, HTML, the API, the web page) is made
// from. Money is integer cents and dates are ISO calendar dates throughout.
import type { Citation, Severity } from '../../kernel/index.ts';

/** A parameter value a hit was judged by. */
export interface UsedParameter {
  id: string;
  title: string;
  unit: string;
  value: unknown;
  /** The date that value took effect, and whether it is the pack's or the organisation's own. */
  from: string;
  source: 'pack' | 'override';
}

/** One transaction of a hit, as the ledger holds it. */
export interface HitTransaction {
  /** The row's position in its source (0-based): among the rows DuckDB read (those with an empty required
   * value or a fraction of a cent included), or among the store's records of the ledger. */
  row: number;
  /** File line where the row starts (CSV), or the row number (Parquet, 1-based), or absent (store). */
  line?: number;
  /** The record's id when the row is one of the store's records. */
  record?: string;
  id: string;
  date: string;
  amountCents: number;
  /** Every mapped column of the row (money in cents, dates ISO, text as written). */
  fields: Record<string, string | number | null>;
}

export interface ScreenHit {
  /** The screen's id, e.g. 'lea-finance.screen.split-purchase'. */
  screen: string;
  title: string;
  kind: 'violation' | 'notice';
  severity: Severity;
  message: string;
  citations: Citation[];
  ledger: string;
  /** The grouping key's values as the hit's first transaction writes them (vendor, commodity, card, …); empty for row screens. */
  key: Record<string, string>;
  /** Fiscal year 'FY2026', calendar year '2025', month '2025-11' or day '2025-11-03' of a total screen. */
  period?: string;
  first: string;
  last: string;
  count: number;
  totalCents: number;
  /** Cluster screens: the threshold the parts crossed together. */
  thresholdCents?: number;
  parameters: UsedParameter[];
  /** Oldest first; at most the run's `maxTransactionsPerHit`, the rest counted in `omitted`. */
  transactions: HitTransaction[];
  omitted: number;
}

export interface BadRow {
  ledger: string;
  /** File line (CSV) or row number (Parquet); 0 for a record of the store (see `record`). */
  line: number;
  record?: string;
  column?: string;
  reason: string;
  /** The row as written (CSV), when the reader kept it. */
  text?: string;
}

export interface ScreeningInput {
  ledger: string;
  /** File name (not the path), or 'store' for the organisation's records. */
  source: string;
  format: 'csv' | 'parquet' | 'store';
  rows: number;
  accepted: number;
  rejected: number;
  /** Source column → ledger column, as applied. */
  mapping: Record<string, string>;
}

export interface ScreenSummary {
  id: string;
  title: string;
  description: string;
  ledger: string;
  kind: 'violation' | 'notice';
  severity: Severity;
  citations: Citation[];
  /** Every hit the screen found. */
  hits: number;
  /** How many of them the report lists, when fewer (the first in date order; a run caps each screen's list). */
  listed?: number;
  /** Rows of the ledger the screen read; 0 with `skipped` when the ledger was not given. */
  rows: number;
  milliseconds: number;
  skipped?: string;
}

export interface ScreeningReport {
  pack: { id: string; version: string; title: string };
  organisation?: { id: string; name: string };
  engine: 'duckdb' | 'postgres';
  /** When the run finished (ISO timestamp) and the date parameters were read for the run's own use. */
  generatedAt: string;
  /** Rows dated outside [from, to] were left out, when given. */
  from?: string;
  to?: string;
  inputs: ScreeningInput[];
  badRows: BadRow[];
  /** All bad rows, when more than `badRows` lists. */
  badRowCount: number;
  screens: ScreenSummary[];
  hits: ScreenHit[];
  /** `hits`, `violations` and `notices` count every hit found; `flaggedCents` adds up the hits listed. */
  totals: { rows: number; hits: number; violations: number; notices: number; flaggedCents: number };
  milliseconds: number;
}

/** Progress of a run: the phase and, while reading a file, how far through it. */
export interface ScreeningProgress {
  phase: 'reading' | 'screening' | 'writing' | 'done';
  /** 0..1 of the whole run. */
  fraction: number;
  message: string;
}
