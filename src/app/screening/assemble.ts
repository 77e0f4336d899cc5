// From the rows a compiled screen returns (every value as text, ordered hit by hit) to the hits of the
// report: the group's figures, its transactions, the parameter values it was judged by and its message.
// Both engines return the same text, so the same hits come out whichever ran the SQL.
import type { CalendarDate, Cents, Pack, ParameterOverride } from '../../kernel/index.ts';
import { formatMoney, parameterInForce } from '../../kernel/index.ts';
import type { Ledger, Screen } from '../../packs/screens.ts';
import type { HitTransaction, ScreenHit, UsedParameter } from './types.ts';

export type SqlRow = Record<string, string | null>;

export interface AssembleContext {
  pack: Pack;
  ledger: Ledger;
  screen: Screen;
  parameters: readonly string[];
  overrides?: readonly ParameterOverride[];
  /** Row position → file line, when the source has lines. */
  lineOf?: (row: number) => number | undefined;
}

function toNumber(s: string | null): number {
  if (s === null) return 0;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new RangeError(`screening: ${s} is not a safe integer`);
  return n;
}

function transaction(ctx: AssembleContext, row: SqlRow): HitTransaction {
  const { ledger } = ctx;
  const fields: Record<string, string | number | null> = {};
  for (const c of ledger.columns) {
    const v = row[c.name] ?? null;
    fields[c.name] = v === null ? null : c.type === 'money' || c.type === 'integer' ? toNumber(v) : v;
  }
  const position = toNumber(row._row ?? null);
  const line = ctx.lineOf?.(position);
  return {
    row: position,
    ...(line === undefined ? {} : { line }),
    ...(row._record ? { record: row._record } : {}),
    id: row[ledger.idColumn] ?? '',
    date: row[ledger.dateColumn] ?? '',
    amountCents: toNumber(row[ledger.amountColumn] ?? null),
    fields,
  };
}

function formatParameter(p: UsedParameter): string {
  if (p.value === null || p.value === undefined) return '';
  switch (p.unit) {
    case 'cents':
      return formatMoney(p.value as Cents);
    case 'days':
      return `${p.value} days`;
    case 'months':
      return `${p.value} months`;
    default:
      return String(p.value);
  }
}

function render(ctx: AssembleContext, hit: Omit<ScreenHit, 'message'>): string {
  const first = hit.transactions[0];
  return ctx.screen.message.replace(
    /\{([a-z]+)(?:\.([A-Za-z0-9_.-]+))?\}/g,
    (whole, head: string, rest?: string) => {
      switch (head) {
        case 'count':
          return String(hit.count);
        case 'total':
          return formatMoney(hit.totalCents as Cents);
        case 'threshold':
          return hit.thresholdCents === undefined ? '' : formatMoney(hit.thresholdCents as Cents);
        case 'first':
          return hit.first;
        case 'last':
          return hit.last;
        case 'period':
          return hit.period ?? '';
        case 'key':
          return rest === undefined ? whole : (hit.key[rest] ?? String(first?.fields[rest] ?? ''));
        case 'param': {
          const p = hit.parameters.find((x) => x.id === rest);
          return p === undefined ? whole : formatParameter(p);
        }
        case 'row': {
          if (rest === undefined || first === undefined) return whole;
          const v = first.fields[rest];
          const col = ctx.ledger.columns.find((c) => c.name === rest);
          if (v === null || v === undefined) return '';
          return col?.type === 'money' ? formatMoney(v as Cents) : String(v);
        }
        default:
          return whole;
      }
    },
  );
}

/** The parameters a hit was judged by, in force on its first transaction's date (as the SQL read them). */
function usedParameters(ctx: AssembleContext, on: string): UsedParameter[] {
  const out: UsedParameter[] = [];
  for (const id of ctx.parameters) {
    const def = ctx.pack.parameters.find((p) => p.id === id);
    try {
      const r = parameterInForce(ctx.pack, id, on as CalendarDate, ctx.overrides);
      out.push({
        id,
        title: def?.title ?? id,
        unit: r.unit,
        value: r.value,
        from: r.from,
        source: r.source,
      });
    } catch {
      // not in force on that date: the SQL read NULL and no hit can rest on it
    }
  }
  return out;
}

/** Groups the ordered rows into hits. `g_count` and `g_total` cover every member; rows list the first few.
 * `total` is how many hits the screen found, of which the rows list the first `maxHits`. */
export function assembleHits(
  ctx: AssembleContext,
  rows: readonly SqlRow[],
): { hits: ScreenHit[]; total: number } {
  const hits: ScreenHit[] = [];
  let current: { no: string; hit: Omit<ScreenHit, 'message'> } | undefined;
  const { screen } = ctx;
  const keyColumns = 'keys' in screen ? screen.keys.map((k) => (typeof k === 'string' ? k : k.column)) : [];
  const finish = () => {
    if (current === undefined) return;
    const h = current.hit;
    h.omitted = h.count - h.transactions.length;
    hits.push({ ...h, message: render(ctx, h) });
  };
  for (const row of rows) {
    const no = row.hit_no ?? '';
    if (current === undefined || current.no !== no) {
      finish();
      const first = row.g_first ?? '';
      const key: Record<string, string> = {};
      for (const k of keyColumns) {
        const v = row[`kv_${k}`];
        if (v !== null && v !== undefined && v !== '') key[k] = v;
      }
      current = {
        no,
        hit: {
          screen: screen.id,
          title: screen.title,
          kind: screen.kind,
          severity: screen.severity,
          citations: [...screen.citations],
          ledger: ctx.ledger.id,
          key,
          ...(row.g_period ? { period: row.g_period } : {}),
          first,
          last: row.g_last ?? first,
          count: toNumber(row.g_count ?? null),
          totalCents: toNumber(row.g_total ?? null),
          ...(row.g_threshold ? { thresholdCents: toNumber(row.g_threshold) } : {}),
          parameters: usedParameters(ctx, first),
          transactions: [],
          omitted: 0,
        },
      };
    }
    current.hit.transactions.push(transaction(ctx, row));
  }
  finish();
  return { hits, total: rows.length ? toNumber(rows[0]?.g_hits ?? null) : 0 };
}
