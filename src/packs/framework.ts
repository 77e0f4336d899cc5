// What a pack module gives the platform beyond its kernel Pack: the roles its workflows name, the record
// kinds it keeps (each bound to a case kind whose rules judge it and a workflow that moves it), and the
// demo records that make a new installation look alive. Packs import only the kernel and zod.
import type { ZodType } from 'zod';
import type { CalendarDate, Citation, FiscalYearConfig, Pack } from '../kernel/index.ts';
import type { Ledger, Screen } from './screens.ts';

export interface PackRole {
  /** `<pack>.<role>`, e.g. `lea-finance.business-administrator`. */
  id: string;
  title: string;
  /** Core permissions the role carries (see src/app/roles.ts). */
  permissions: readonly string[];
}

export interface RecordKind<D = unknown> {
  id: string;
  title: string;
  /** Validates a record's data; the same data are the facts of `caseKind`. */
  schema: ZodType<D>;
  caseKind: string;
  /** Id of the pack workflow (state machine) that moves records of this kind. */
  workflow: string;
  /** A person's name for the record in lists. */
  titleOf(data: D): string;
  /**
   * Transition name → field of the data that takes the acting person's name before the guard runs
   * (e.g. approve → approvedBy), so segregation-of-duties rules judge who is really acting. The long
   * form also stamps the organisation's date of the act (`on`) and the actor's role ids (`roles`), so
   * rules can judge order (approved before ordered) and duties (a reviewer who cannot issue checks).
   */
  stamps?: Readonly<Record<string, string | Stamp>>;
  /**
   * State → the top-level fields an edit may change in that state (states not listed: every field). Once
   * people have signed for an amount, the amount is not theirs to change: only what later steps record
   * (the invoice, the packing slip) stays open.
   */
  editable?: Readonly<Record<string, readonly string[]>>;
  /**
   * Facts the app computes from the organisation's other records before each evaluation (a vendor's
   * fiscal-year spend, the purchases close in time to this one). Given facts are kept when a case is
   * evaluated on its own (`probity evaluate`); for a stored record the app's figures replace them.
   */
  related?: readonly Derivation[];
}

export interface Stamp {
  by: string;
  on?: string;
  roles?: string;
}

/** A period around this record's date, from which related records are taken. */
export type DerivationWindow =
  | { kind: 'fiscal-year' }
  | { kind: 'calendar-year' }
  | { kind: 'month' }
  | { kind: 'day' }
  /** `days` calendar days either side of this record's date; the number is a parameter's value */
  | { kind: 'days'; parameter: string };

export interface Derivation {
  /** The fact field that receives the result. */
  into: string;
  /** Record kinds of the same pack to look in (the record itself is always left out). */
  kinds: readonly string[];
  /** Related record's field → this record's field; values compared trimmed and case-insensitively. A
   * record whose own field is empty has no related records. */
  match: Readonly<Record<string, string>>;
  /** This record's date field, and the related records' (defaults to the same name). */
  dateField: string;
  relatedDateField?: string;
  /** A record without its date is judged as of the evaluation's date, which is also given to the rules
   * in `dateField` (a vendor's spend "this fiscal year"). Otherwise such a record has no related records. */
  asOfWhenMissing?: boolean;
  window: DerivationWindow;
  /** Only related records dated on or before this one (e.g. spend *before* this purchase). */
  onlyEarlier?: boolean;
  /** Only related records whose field holds one of the listed values (e.g. hospitality gifts only). */
  where?: Readonly<Record<string, readonly string[]>>;
  /** Related records in these workflow states are left out (rejected, cancelled). */
  excludeStates?: readonly string[];
  /** 'sum': the total of the related records' integer field `field`; 'list': one item per record,
   * `{ id, title, <date field>, ...picked fields }`, oldest first; 'count': how many. */
  fold: { kind: 'sum'; field: string } | { kind: 'list'; pick: readonly string[] } | { kind: 'count' };
}

/** A document a pack generates from the parameters in force and the organisation's records: shown as a
 * web page and rendered as a PDF by the platform, so it can never drift from the rules. */
export interface PackReport {
  id: string;
  title: string;
  description: string;
  /** Record kinds whose records the report reads (all of the organisation's, at most 100,000). */
  reads?: readonly string[];
  /** Named inputs the reader may give (e.g. a fiscal year), validated before build. */
  input?: ZodType<Record<string, unknown>>;
  build(ctx: ReportContext): ReportDocument;
}

export interface ReportRecord {
  id: string;
  kind: string;
  title: string;
  state: string;
  data: unknown;
}

export interface ReportContext {
  asOf: CalendarDate;
  /** The parameter's value in force on asOf, with the organisation's overrides. */
  param<T = unknown>(id: string): T;
  fiscalYear: FiscalYearConfig;
  input: Record<string, unknown>;
  records: readonly ReportRecord[];
  /** The organisation's own values in force on asOf, so a document can say where it departs from the pack. */
  overrides?: readonly { id: string; title: string; from: string; reason: string }[];
}

/** A cell: text, or a typed value the renderers format (money, date, a link to a record). */
export type ReportCell =
  | string
  | number
  | null
  | { cents: number }
  | { date: string }
  | { record: string; text: string }
  | { text: string; tone: 'ok' | 'warn' | 'bad' };

export interface ReportTable {
  columns: readonly string[];
  rows: readonly (readonly ReportCell[])[];
}

export interface ReportSection {
  heading: string;
  paragraphs?: readonly string[];
  table?: ReportTable;
  citations?: readonly Citation[];
}

export interface ReportDocument {
  title: string;
  subtitle?: string;
  asOf: CalendarDate;
  sections: readonly ReportSection[];
  /** Footnotes: interpretations, organisation overrides in force. */
  notes?: readonly string[];
}

export interface DemoRecord {
  kind: string;
  data: unknown;
  /** Name of the demo organisation's unit the record belongs to (e.g. 'Lincoln Elementary'). */
  unit?: string;
  /** Transitions applied in order after creation: who acts (the name stamped), how many days ago, and
   * the role ids stamped where the kind stamps roles. */
  transitions?: readonly { name: string; daysAgo: number; by: string; roles?: readonly string[] }[];
}

/** A document the pack's citations name (Citation.document is its id), shown to readers as published. */
export interface PackSource {
  id: string;
  title: string;
  /** Absolute path of the text (markdown or plain text) inside the pack's folder. */
  file: string;
}

export interface PackModule {
  pack: Pack;
  /** The source documents behind the rules, so a citation can be opened at its section. */
  sources?: readonly PackSource[];
  roles?: readonly PackRole[];
  records?: Readonly<Record<string, RecordKind>>;
  /** Rules whose violations mean one person would hold duties the policy keeps apart: the app refuses
   * such a transition as a segregation-of-duties refusal (PRB_SEGREGATION_OF_DUTIES). */
  segregationRules?: readonly string[];
  /** Records loaded into the demo organisation on first start; dates relative to today. */
  demo?(today: string): readonly DemoRecord[];
  /** Generated documents (e.g. the LEA's Decision Chart for Purchasing Thresholds). */
  reports?: readonly PackReport[];
  /** The ledgers the pack's screens read (disbursements, purchase-card transactions, …). */
  ledgers?: readonly Ledger[];
  /** Checks over whole ledgers, compiled to SQL by the platform (src/packs/screens.ts). */
  screens?: readonly Screen[];
}
