// Parameter values as people read and type them: cents as dollars, basis points as a percentage, days
// as "10 days". Typed amounts become integers by string arithmetic, never through floating point, so
// "0.29" is exactly 29 cents. The order of values mirrors the kernel's resolveParameter.
import {
  amountText,
  formatBasisPoints,
  formatDate,
  formatMoney,
  percentText,
  readAmount,
  readPercent,
} from '../../format.ts';
import type { Citation } from '../../types.ts';

export interface PackValue {
  from: string;
  value: unknown;
  citation: Citation;
  note?: string;
}

export interface OverrideValue {
  parameterId: string;
  from: string;
  value: unknown;
  reason: string;
  setBy?: string;
  setByName?: string | null;
  setAt?: string;
}

export interface ParameterInfo {
  id: string;
  title: string;
  description: string | null;
  unit: string;
  lastChecked: string;
  values: PackValue[];
  overrides: OverrideValue[];
  inForce: {
    value: unknown;
    from: string;
    source: 'pack' | 'override';
    citation?: Citation;
    reason?: string;
  } | null;
}

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function formatParameterValue(unit: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    switch (unit) {
      case 'cents':
        return formatMoney(value);
      case 'basis-points':
        return formatBasisPoints(value);
      case 'days':
        return plural(value, 'day', 'days');
      case 'months':
        return plural(value, 'month', 'months');
      case 'count':
        return value.toLocaleString('en-US');
    }
  }
  if (unit === 'boolean' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (unit === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export const UNIT_LABELS: Record<string, string> = {
  cents: 'an amount of money',
  'basis-points': 'a percentage',
  days: 'a number of calendar days',
  months: 'a number of months',
  count: 'a whole number',
  boolean: 'yes or no',
  text: 'text',
  date: 'a date',
};

/** How a value of this unit is typed in the override form. */
export function inputHint(unit: string): string {
  switch (unit) {
    case 'cents':
      return 'In dollars and cents, e.g. 150.00 or 1,250.50.';
    case 'basis-points':
      return 'As a percentage with up to two decimals, e.g. 12.5.';
    case 'days':
      return 'A whole number of calendar days, e.g. 10.';
    case 'months':
      return 'A whole number of months, e.g. 6.';
    case 'count':
      return 'A whole number, e.g. 3.';
    case 'date':
      return 'The date the value names.';
    default:
      return '';
  }
}

/** The typed text as the value the server stores, or the reason it cannot be one. */
export function parseParameterInput(
  unit: string,
  raw: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = raw.trim();
  if (unit === 'text')
    return text ? { ok: true, value: text } : { ok: false, message: 'enter the new value' };
  if (!text) return { ok: false, message: 'enter the new value' };
  switch (unit) {
    case 'cents': {
      const cents = readAmount(text);
      return cents === undefined
        ? { ok: false, message: 'enter an amount in dollars and cents, like 150.00 (at most two decimals)' }
        : { ok: true, value: cents };
    }
    case 'basis-points': {
      const bp = readPercent(text);
      return bp === undefined
        ? { ok: false, message: 'enter a percentage with at most two decimals, like 12.5' }
        : { ok: true, value: bp };
    }
    case 'days':
    case 'months':
    case 'count': {
      if (!/^\d+$/.test(text.replace(/,/g, '')))
        return { ok: false, message: 'enter a whole number, like 10' };
      const n = Number(text.replace(/,/g, ''));
      return Number.isSafeInteger(n)
        ? { ok: true, value: n }
        : { ok: false, message: 'that number is too large' };
    }
    case 'boolean':
      return text === 'true' || text === 'false'
        ? { ok: true, value: text === 'true' }
        : { ok: false, message: 'choose yes or no' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, message: 'enter a date' };
    default:
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: true, value: text };
      }
  }
}

/** The value as it goes back into the form's input (e.g. 15000 cents → '150.00'). */
export function toInputText(unit: string, value: unknown): string {
  if (typeof value === 'number') {
    if (unit === 'cents' && Number.isSafeInteger(value)) return amountText(value);
    if (unit === 'basis-points' && Number.isSafeInteger(value)) return percentText(value);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  return value === undefined ? '' : JSON.stringify(value);
}

export type RowStatus =
  | { kind: 'in-force' }
  | { kind: 'scheduled' }
  | { kind: 'replaced' }
  | { kind: 'set-aside' }
  | { kind: 'never' };

export interface HistoryRow {
  key: string;
  from: string;
  value: unknown;
  source: 'pack' | 'override';
  pack?: PackValue;
  override?: OverrideValue;
  status: RowStatus;
}

interface Resolved {
  source: 'pack' | 'override';
  index: number;
}

/** Which entry decides the value on `date`: the newest override in force, else the newest pack value. */
function resolve(p: ParameterInfo, date: string): Resolved | undefined {
  let best = -1;
  p.overrides.forEach((o, i) => {
    const current = p.overrides[best];
    if (o.from <= date && (current === undefined || o.from >= current.from)) best = i;
  });
  if (best >= 0) return { source: 'override', index: best };
  let found = -1;
  p.values.forEach((v, i) => {
    const current = p.values[found];
    if (v.from <= date && (current === undefined || v.from >= current.from)) found = i;
  });
  return found >= 0 ? { source: 'pack', index: found } : undefined;
}

/**
 * The pack's values and the organisation's overrides in date order, each marked: in force on `asOf`,
 * scheduled (takes effect later), replaced by a later value, set aside (a pack value the organisation's
 * own value overrules), or never applied (a later-recorded override on the same date won).
 */
export function history(p: ParameterInfo, asOf: string): HistoryRow[] {
  const now = resolve(p, asOf);
  const rows: HistoryRow[] = [];
  const statusOf = (source: 'pack' | 'override', index: number, from: string): RowStatus => {
    if (now && now.source === source && now.index === index) return { kind: 'in-force' };
    if (from > asOf) {
      const then = resolve(p, from);
      if (then && then.source === source && then.index === index) return { kind: 'scheduled' };
      return source === 'pack' ? { kind: 'set-aside' } : { kind: 'never' };
    }
    if (source === 'pack' && now?.source === 'override') {
      const o = p.overrides[now.index];
      if (o && o.from <= from) return { kind: 'set-aside' };
    }
    if (source === 'override') {
      // An older override on the same date as a newer one never decided anything.
      const then = resolve(p, from);
      if (!then || then.index !== index || then.source !== 'override') return { kind: 'never' };
    }
    return { kind: 'replaced' };
  };
  p.values.forEach((v, i) => {
    rows.push({
      key: `pack-${i}`,
      from: v.from,
      value: v.value,
      source: 'pack',
      pack: v,
      status: statusOf('pack', i, v.from),
    });
  });
  p.overrides.forEach((o, i) => {
    rows.push({
      key: `override-${i}`,
      from: o.from,
      value: o.value,
      source: 'override',
      override: o,
      status: statusOf('override', i, o.from),
    });
  });
  // Stable sort: by date; on one date the pack's value first, then overrides in the order recorded.
  return rows.sort((a, b) =>
    a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.source === b.source ? 0 : a.source === 'pack' ? -1 : 1,
  );
}
