// Screens: a pack's checks over whole ledgers (a year of disbursements, purchase-card transactions, travel
// claims), for patterns no single record shows. A screen is data, not code: which ledger it reads, which
// rows, how they are grouped (keys, a period or a chain of purchases close in time), the pack parameters
// that set its thresholds and windows, and the clause it enforces. The platform compiles each screen to
// SQL — DuckDB's for files, PostgreSQL's (and so Citus's) for the data in the store — so one definition
// gives the same hits wherever it runs (src/app/screening).
import type { Citation, Severity } from '../kernel/index.ts';

/** How a ledger column's text is read: money into integer cents, dates as calendar dates. */
export type LedgerColumnType = 'text' | 'date' | 'money' | 'integer';

export interface LedgerColumn {
  /** Canonical name (snake_case): what screens and column mappings refer to. */
  name: string;
  title: string;
  type: LedgerColumnType;
  /** A row without a value here is a bad row: reported with its line and left out of every screen. */
  required?: boolean;
  /** Header names an export commonly uses for the column, recognised without a mapping (compared
   * case-insensitively, ignoring spaces, underscores and punctuation). */
  aliases?: readonly string[];
  description?: string;
}

/** Where a ledger's rows come from when the data already sit in the store as the pack's records. */
export interface LedgerFromRecords {
  /** Record kind of the same pack (e.g. 'card-transaction'). */
  kind: string;
  /** Ledger column → the record data's field path ('vendor', 'invoice.number'), or `{ flag }`: a boolean
   * field read as 'yes' when true and empty otherwise. A column not listed is empty; the ledger's id column
   * defaults to the record's id. */
  columns: Readonly<Record<string, string | { flag: string }>>;
  /** Ledger column → a fixed value for every record of the kind (e.g. method 'check'). */
  constants?: Readonly<Record<string, string>>;
  /** Records in these workflow states are not rows (drafts, rejected, cancelled). */
  excludeStates?: readonly string[];
}

export interface Ledger {
  /** 'disbursements', 'pcard', … */
  id: string;
  title: string;
  /** The command-line option that names its file (`--ledger`, `--pcard`). */
  option: string;
  description: string;
  /** The columns holding each row's own identifier, its date and its amount. */
  idColumn: string;
  dateColumn: string;
  amountColumn: string;
  columns: readonly LedgerColumn[];
  fromRecords?: readonly LedgerFromRecords[];
}

/** A value a condition compares: a column of the row, a pack parameter in force on the row's (or the
 * group's) date, or a constant. */
export type Operand = { column: string } | { param: string } | { value: number | string };

export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '<>';

/** A condition over one row; text is compared trimmed and case-insensitively. */
export type Condition =
  | { compare: readonly [Operand, Comparison, Operand] }
  /** `to - from` in calendar days compared to a number of days (e.g. a claim filed > 30 days after return). */
  | { daysBetween: readonly [from: string, to: string]; op: Comparison; than: Operand }
  | { column: string; in: readonly string[] }
  | { empty: string }
  | { present: string }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/** A grouping key: a column, read as normalised text (trimmed, upper case); `code` also drops the
 * separators people type differently (space - / . # _ , :) and leading zeros ("inv-0042" and "INV 0042"
 * are one invoice, as are "00042" and "42"). */
export type ScreenKey = string | { column: string; normalise: 'code' };

export type ScreenPeriod = 'fiscal-year' | 'calendar-year' | 'month' | 'day';

interface ScreenBase {
  /** `<pack>.screen.<name>`, stable: hits are filed under it. */
  id: string;
  title: string;
  /** What the screen looks for, in the words of the people who read the report. */
  description: string;
  ledger: string;
  kind: 'violation' | 'notice';
  severity: Severity;
  citations: readonly Citation[];
  /** Rows the screen reads (e.g. only purchases not made under a contract). */
  where?: Condition;
  /**
   * The hit's one-line explanation. Placeholders: {key.<column>} (a grouping key's value, as first
   * written), {count}, {total}, {first}, {last} (dates), {period}, {param.<id>} (the value used, formatted
   * by its unit), {row.<column>} (row screens), {threshold} (cluster screens: the threshold crossed).
   */
  message: string;
}

/** Every row meeting `when` is a hit on its own. Parameters are read in force on the row's date. */
export interface RowScreen extends ScreenBase {
  shape: 'row';
  when: Condition;
}

/** Rows sharing `keys` within one `period` are totalled; the group is a hit when its total is above
 * (`inclusive`: at or above) the parameter in force on the period's first transaction. */
export interface TotalScreen extends ScreenBase {
  shape: 'total';
  keys: readonly ScreenKey[];
  period: ScreenPeriod;
  above: { param: string; inclusive?: boolean };
}

/**
 * Split purchases: rows sharing `keys` form a chain while each is dated within `windowDays` (a parameter)
 * of the one before. A chain is a hit when its total is above one of `thresholds` (ascending parameters)
 * that none of its rows is above on its own: together the parts crossed a line each stayed under.
 */
export interface ClusterScreen extends ScreenBase {
  shape: 'cluster';
  keys: readonly ScreenKey[];
  windowDays: string;
  thresholds: readonly string[];
}

/**
 * Duplicates: two or more rows sharing `keys` (with `windowDays`, each within that many days of the one
 * before) are a hit; with `distinct`, only when they hold at least that many different values of the
 * column (an empty value counts as different from every other).
 */
export interface RepeatScreen extends ScreenBase {
  shape: 'repeat';
  keys: readonly ScreenKey[];
  windowDays?: string;
  distinct?: { column: ScreenKey; atLeast: number };
}

export type Screen = RowScreen | TotalScreen | ClusterScreen | RepeatScreen;
