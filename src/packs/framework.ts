// What a pack module gives the platform beyond its kernel Pack: the roles its workflows name, the record
// kinds it keeps (each bound to a case kind whose rules judge it and a workflow that moves it), and the
// demo records that make a new installation look alive. Packs import only the kernel and zod.
import type { ZodType } from 'zod';
import type { Pack } from '../kernel/index.ts';

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
   * (e.g. approve → approvedBy), so segregation-of-duties rules judge who is really acting.
   */
  stamps?: Readonly<Record<string, string>>;
}

export interface DemoRecord {
  kind: string;
  data: unknown;
  /** Name of the demo organisation's unit the record belongs to (e.g. 'Lincoln Elementary'). */
  unit?: string;
  /** Transitions applied in order after creation, with the demo user role acting and days ago. */
  transitions?: readonly { name: string; daysAgo: number; by: string }[];
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
}
