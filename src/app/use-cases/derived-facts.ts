// Facts a record's rules need from the organisation's other records (RecordKind.related): a vendor's
// fiscal-year spend, the purchases close in time to this one, a card's other charges that day. The pack
// declares what it needs; the app looks it up here, in the same transaction as the evaluation, so a
// record is always judged against the records as they are when it is judged.
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import {
  addDays,
  type CalendarDate,
  calendarYearOf,
  type FiscalYearConfig,
  fiscalYearOf,
  isCalendarDate,
  monthOf,
  type Pack,
  type ParameterOverride,
  parameterInForce,
} from '../../kernel/index.ts';
import type { Derivation, RecordKind } from '../../packs/framework.ts';
import type { Db } from '../../store/connect.ts';
import { records } from '../../store/schema.ts';

export interface DeriveArgs {
  orgId: string;
  pack: Pack;
  rk: RecordKind;
  /** The record's own id (left out of its related records), when it is stored. */
  recordId?: string;
  data: unknown;
  asOf: CalendarDate;
  overrides: readonly ParameterOverride[];
  fiscalYear: FiscalYearConfig;
}

/** The window of dates, both ends inclusive, a derivation looks in around `date`. */
export function derivationWindow(
  d: Derivation,
  date: CalendarDate,
  a: Pick<DeriveArgs, 'pack' | 'asOf' | 'overrides' | 'fiscalYear'>,
): { from: CalendarDate; to: CalendarDate } {
  let period: { start: CalendarDate; end: CalendarDate };
  switch (d.window.kind) {
    case 'fiscal-year':
      period = fiscalYearOf(date, a.fiscalYear);
      break;
    case 'calendar-year':
      period = calendarYearOf(date);
      break;
    case 'month':
      period = monthOf(date);
      break;
    case 'day':
      period = { start: date, end: date };
      break;
    case 'days': {
      const days = parameterInForce<number>(a.pack, d.window.parameter, a.asOf, a.overrides).value;
      period = { start: addDays(date, -days), end: addDays(date, days) };
      break;
    }
  }
  const to = d.onlyEarlier ? date : period.end;
  return { from: period.start, to };
}

const field = (data: unknown, name: string): unknown =>
  data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;

const key = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined;

async function derive(db: Db, d: Derivation, a: DeriveArgs): Promise<unknown> {
  const empty = d.fold.kind === 'list' ? [] : 0;
  const own = field(a.data, d.dateField);
  const date = own === undefined && d.asOfWhenMissing ? a.asOf : own;
  if (!isCalendarDate(date)) return empty;
  const wanted = Object.entries(d.match).map(([related, own]) => [related, key(field(a.data, own))] as const);
  if (wanted.some(([, v]) => v === undefined)) return empty;
  const { from, to } = derivationWindow(d, date, a);
  const relatedDate = d.relatedDateField ?? d.dateField;
  const dateSql = sql`${records.data}->>${relatedDate}`;
  const rows = await db
    .select({ id: records.id, title: records.title, data: records.data })
    .from(records)
    .where(
      and(
        eq(records.orgId, a.orgId),
        eq(records.pack, a.pack.manifest.id),
        inArray(records.kind, [...d.kinds]),
        a.recordId === undefined ? undefined : ne(records.id, a.recordId),
        d.excludeStates?.length ? notInArray(records.state, [...d.excludeStates]) : undefined,
        ...wanted.map(([related, v]) => sql`lower(trim(${records.data}->>${related})) = ${v}`),
        ...Object.entries(d.where ?? {}).map(([f, values]) =>
          values.length === 0 ? sql`false` : inArray(sql`${records.data}->>${f}`, [...values]),
        ),
        sql`${dateSql} >= ${from}`,
        sql`${dateSql} <= ${to}`,
      ),
    );
  rows.sort((x, y) => {
    const dx = String(field(x.data, relatedDate));
    const dy = String(field(y.data, relatedDate));
    return dx < dy ? -1 : dx > dy ? 1 : x.id < y.id ? -1 : 1;
  });
  switch (d.fold.kind) {
    case 'count':
      return rows.length;
    case 'sum': {
      const name = d.fold.field;
      // Integers only (cents): a stored value that is not one is a broken record, not zero.
      return rows.reduce((total, r) => {
        const v = field(r.data, name);
        return Number.isSafeInteger(v) ? total + (v as number) : total;
      }, 0);
    }
    case 'list': {
      const pick = d.fold.pick;
      return rows.map((r) => {
        const item: Record<string, unknown> = {
          id: r.id,
          title: r.title,
          [relatedDate]: field(r.data, relatedDate),
        };
        for (const p of pick) {
          const v = field(r.data, p);
          if (v !== undefined && v !== null) item[p] = v;
        }
        return item;
      });
    }
  }
}

/**
 * The record's data with its derived facts filled in from the organisation's records. Data that are not
 * an object (invalid data the schema will name) are returned unchanged.
 */
export async function withDerivedFacts(db: Db, a: DeriveArgs): Promise<unknown> {
  const related = a.rk.related ?? [];
  if (related.length === 0 || a.data === null || typeof a.data !== 'object' || Array.isArray(a.data)) {
    return a.data;
  }
  const out: Record<string, unknown> = { ...(a.data as Record<string, unknown>) };
  for (const d of related) {
    out[d.into] = await derive(db, d, a);
    if (d.asOfWhenMissing && out[d.dateField] === undefined) out[d.dateField] = a.asOf;
  }
  return out;
}

/** The fields a record kind's derivations fill in: forms show them as computed, not as inputs. */
export function derivedFields(rk: RecordKind): string[] {
  return (rk.related ?? []).map((d) => d.into);
}
