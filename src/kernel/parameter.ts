// Parameters are legal values with a dated history, a citation per date, and the date they were last
// checked against the source (OpenFisca's idea). An organisation may override a value from a date.
import type { Citation } from './citation.ts';
import { type CalendarDate, isCalendarDate } from './date.ts';
import { PackDefinitionError } from './errors.ts';

export type ParameterUnit =
  | 'cents'
  | 'basis-points'
  | 'days'
  | 'months'
  | 'count'
  | 'boolean'
  | 'text'
  | 'date';

export const PARAMETER_UNITS: readonly ParameterUnit[] = [
  'cents',
  'basis-points',
  'days',
  'months',
  'count',
  'boolean',
  'text',
  'date',
];

export interface ParameterValue<T = unknown> {
  from: CalendarDate;
  value: T;
  citation: Citation;
  note?: string;
}

export interface Parameter<T = unknown> {
  id: string;
  title: string;
  description?: string;
  unit: ParameterUnit;
  /**
   * Bounds of a numeric parameter, in its unit. The least defaults to 0: a limit, a rate, a number of
   * days or a count below zero is a typing mistake, not a policy (a parameter that may go below zero
   * says so with its own `minimum`).
   */
  minimum?: number;
  maximum?: number;
  /** ascending by `from`, no two on the same date */
  values: ParameterValue<T>[];
  lastChecked: CalendarDate;
}

export interface ParameterDefinition<T> extends Omit<Parameter<T>, 'values' | 'lastChecked'> {
  values: { from: string; value: T; citation: Citation; note?: string }[];
  lastChecked: string;
}

function unitProblem(p: Pick<Parameter, 'unit' | 'minimum' | 'maximum'>, value: unknown): string | undefined {
  const unit = p.unit;
  switch (unit) {
    case 'cents':
    case 'basis-points':
    case 'days':
    case 'months':
    case 'count': {
      if (!Number.isSafeInteger(value))
        return `expected a whole number (${unit}), got ${JSON.stringify(value)}`;
      const n = value as number;
      const least = p.minimum ?? 0;
      if (n < least) return `must be at least ${least} (${unit}), got ${n}`;
      if (p.maximum !== undefined && n > p.maximum) return `must be at most ${p.maximum} (${unit}), got ${n}`;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case 'text':
      return typeof value === 'string' ? undefined : `expected text, got ${JSON.stringify(value)}`;
    case 'date':
      return isCalendarDate(value)
        ? undefined
        : `expected a calendar date YYYY-MM-DD that exists, got ${JSON.stringify(value)}`;
    default:
      return `unit ${JSON.stringify(unit)} is unknown; expected one of ${PARAMETER_UNITS.join(', ')}`;
  }
}

/** Why `value` cannot be a value of `p` (for an admin entering an override), or undefined if it can. */
export function validateParameterValue(
  p: Pick<Parameter, 'id' | 'unit' | 'minimum' | 'maximum'>,
  value: unknown,
): string | undefined {
  const problem = unitProblem(p, value);
  return problem === undefined ? undefined : `parameter "${p.id}": ${problem}`;
}

export function defineParameter<T>(p: ParameterDefinition<T>): Parameter<T> {
  const problems: string[] = [];
  if (!PARAMETER_UNITS.includes(p.unit))
    problems.push(`unit ${JSON.stringify(p.unit)} is unknown; expected one of ${PARAMETER_UNITS.join(', ')}`);
  if (!isCalendarDate(p.lastChecked))
    problems.push(
      `lastChecked ${JSON.stringify(p.lastChecked)} is not a calendar date YYYY-MM-DD that exists`,
    );
  if (p.values.length === 0) problems.push('it has no values; expected at least one dated value');
  const seen = new Set<string>();
  for (const v of p.values) {
    if (!isCalendarDate(v.from)) {
      problems.push(`value key ${JSON.stringify(v.from)} is not a calendar date YYYY-MM-DD that exists`);
      continue;
    }
    if (seen.has(v.from))
      problems.push(`value key ${v.from} appears more than once; expected one value per date`);
    seen.add(v.from);
    const bad = PARAMETER_UNITS.includes(p.unit) ? unitProblem(p, v.value) : undefined;
    if (bad !== undefined) problems.push(`value at ${v.from}: ${bad}`);
  }
  if (problems.length > 0) throw new PackDefinitionError(`parameter "${p.id}"`, problems);
  const values = p.values
    .map(
      (v): ParameterValue<T> => ({
        from: v.from as CalendarDate,
        value: v.value,
        citation: v.citation,
        ...(v.note === undefined ? {} : { note: v.note }),
      }),
    )
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    id: p.id,
    title: p.title,
    ...(p.description === undefined ? {} : { description: p.description }),
    ...(p.minimum === undefined ? {} : { minimum: p.minimum }),
    ...(p.maximum === undefined ? {} : { maximum: p.maximum }),
    unit: p.unit,
    values,
    lastChecked: p.lastChecked as CalendarDate,
  };
}

export interface ParameterOverride {
  parameterId: string;
  from: CalendarDate;
  value: unknown;
  reason: string;
  setBy?: string;
  setAt?: string;
}

export interface ResolvedParameter<T = unknown> {
  id: string;
  value: T;
  from: CalendarDate;
  source: 'pack' | 'override';
  unit: ParameterUnit;
  citation?: Citation;
  reason?: string;
}

/**
 * The value of `p` in force on `asOf`.
 *
 * An organisation's override, once in force (from ≤ asOf), applies until a later override — even
 * when the pack later publishes a new value, because the organisation chose its own figure and only
 * it can change that choice. So: the newest override with from ≤ asOf wins; failing that, the newest
 * pack value with from ≤ asOf; failing that, nothing is in force (undefined). Of two overrides on the
 * same date, the later in the list wins (it was recorded later).
 *
 * Override values are trusted here: validateParameterValue checks them when they are entered.
 */
export function resolveParameter<T>(
  p: Parameter<T>,
  asOf: CalendarDate,
  overrides?: readonly ParameterOverride[],
): ResolvedParameter<T> | undefined {
  let best: ParameterOverride | undefined;
  for (const o of overrides ?? []) {
    if (o.parameterId !== p.id || o.from > asOf) continue;
    if (best === undefined || o.from >= best.from) best = o;
  }
  if (best !== undefined) {
    return {
      id: p.id,
      value: best.value as T,
      from: best.from,
      source: 'override',
      unit: p.unit,
      reason: best.reason,
    };
  }
  let found: ParameterValue<T> | undefined;
  for (const v of p.values) {
    if (v.from <= asOf && (found === undefined || v.from >= found.from)) found = v;
  }
  if (found === undefined) return undefined;
  return {
    id: p.id,
    value: found.value,
    from: found.from,
    source: 'pack',
    unit: p.unit,
    citation: found.citation,
  };
}
