// A finding is what a rule concludes about a case, with the citations and the trace a person needs
// to check the reasoning by hand.
import type { Citation } from './citation.ts';
import type { CalendarDate } from './date.ts';
import type { ResolvedParameter } from './parameter.ts';

export type FindingKind = 'violation' | 'requirement' | 'deadline' | 'value' | 'notice';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export const FINDING_KINDS: readonly FindingKind[] = [
  'violation',
  'requirement',
  'deadline',
  'value',
  'notice',
];
/** least to most severe */
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export interface Trace {
  /** the leaf facts the rule read, keyed by dot path ("items.0.amount") */
  facts: Record<string, unknown>;
  /** the parameter values the rule read, in the order first read */
  parameters: ResolvedParameter[];
}

export interface Finding {
  rule: string;
  kind: FindingKind;
  severity: Severity;
  message: string;
  citations: Citation[];
  subject?: string;
  due?: CalendarDate;
  values?: Record<string, unknown>;
  trace: Trace;
}

/** What a rule returns; evaluate() completes it into a Finding. */
export interface FindingDraft {
  kind: FindingKind;
  severity?: Severity;
  message: string;
  subject?: string;
  due?: CalendarDate;
  values?: Record<string, unknown>;
  citations?: Citation[];
}

export const DEFAULT_SEVERITY: Readonly<Record<FindingKind, Severity>> = {
  violation: 'high',
  requirement: 'medium',
  deadline: 'medium',
  value: 'info',
  notice: 'info',
};

export function defaultSeverity(kind: FindingKind): Severity {
  return DEFAULT_SEVERITY[kind];
}

export function isFindingKind(s: unknown): s is FindingKind {
  return typeof s === 'string' && (FINDING_KINDS as readonly string[]).includes(s);
}

export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s);
}

/** -1, 0 or 1 as a is less, as, or more severe than b. */
export function compareSeverity(a: Severity, b: Severity): -1 | 0 | 1 {
  const d = SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}
