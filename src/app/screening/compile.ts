// Compiles a pack's declarative screens (src/packs/screens.ts) to one SQL query each. The SQL is written in
// the subset DuckDB and PostgreSQL share — window functions, CASE, date arithmetic in days, EXTRACT, lpad,
// replace — so the same text runs on a file through DuckDB and on the store through PostgreSQL
// (and Citus, where each organisation's rows sit on one node), and the two give the same hits.
//
// Every query reads a relation holding the ledger's canonical columns plus `_row` (the row's position in
// its source, for ordering ties and finding it again) and `_record` (the store's record id, or NULL), and
// returns the hits' member rows, every value cast to text, ordered hit by hit:
//   hit_no, g_hits (how many hits in all), g_count, g_total, g_first, g_last, g_period, g_threshold, kv_<column> (each key as the hit's first transaction writes it),
//   then _row, _record and the ledger's columns.
import type { CalendarDate, Pack, ParameterOverride } from '../../kernel/index.ts';
import { PackDefinitionError, parameterInForce, resolveParameter } from '../../kernel/index.ts';
import type {
  Condition,
  Ledger,
  LedgerColumn,
  Operand,
  Screen,
  ScreenKey,
  ScreenPeriod,
} from '../../packs/screens.ts';

export interface CompileContext {
  pack: Pack;
  ledger: Ledger;
  /** SQL naming the rows, aliased `r`: `ledger AS r`, or `(SELECT …) AS r`. */
  relation: string;
  overrides?: readonly ParameterOverride[];
  fiscalYearStartMonth: number;
  from?: CalendarDate;
  to?: CalendarDate;
  /** Member rows listed per hit; the count and total always cover every member. */
  maxTransactionsPerHit: number;
  /** Hits listed per screen (the first in date order); `g_hits` counts them all. */
  maxHits: number;
}

export interface CompiledScreen {
  screen: Screen;
  sql: string;
  /** Parameter ids the screen reads, in the order it names them. */
  parameters: string[];
}

const CODE_SEPARATORS = [' ', '-', '/', '.', '#', '_', ',', ':'];
const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** A parameter as SQL: its value in force on the date `dateSql`, from the pack's dated values and the
 * organisation's overrides (resolveParameter decides each span, so SQL and the kernel cannot disagree). A
 * date before the first value gives NULL, and a comparison with NULL is never a hit. */
export function parameterSql(
  pack: Pack,
  id: string,
  dateSql: string,
  overrides?: readonly ParameterOverride[],
): string {
  const p = pack.parameters.find((x) => x.id === id);
  if (p === undefined) {
    // parameterInForce names the pack's parameters in its error
    parameterInForce(pack, id, '9999-12-31' as CalendarDate, overrides);
    throw new PackDefinitionError(`parameter ${id}`, ['no such parameter']);
  }
  const starts = new Set<string>(p.values.map((v) => v.from));
  for (const o of overrides ?? []) if (o.parameterId === id) starts.add(o.from);
  const arms: string[] = [];
  for (const from of [...starts].sort().reverse()) {
    const r = resolveParameter(p, from as CalendarDate, overrides);
    if (r === undefined) continue;
    if (typeof r.value !== 'number' || !Number.isSafeInteger(r.value))
      throw new PackDefinitionError(`parameter ${id}`, [
        `screens compare numbers; its value is ${typeof r.value}`,
      ]);
    arms.push(`WHEN ${dateSql} >= DATE ${lit(from)} THEN ${r.value}`);
  }
  return `(CASE ${arms.join(' ')} ELSE NULL END)`;
}

class Compiler {
  readonly params: string[] = [];
  readonly columns: Map<string, LedgerColumn>;
  readonly ctx: CompileContext;
  readonly screenId: string;
  constructor(ctx: CompileContext, screenId: string) {
    this.ctx = ctx;
    this.screenId = screenId;
    this.columns = new Map(ctx.ledger.columns.map((c) => [c.name, c]));
  }

  column(name: string): LedgerColumn {
    const c = this.columns.get(name);
    if (c === undefined)
      throw new PackDefinitionError(`screen ${this.screenId}`, [
        `names column ${name}, which ledger ${this.ctx.ledger.id} does not have`,
      ]);
    return c;
  }

  param(id: string, dateSql: string): string {
    if (!this.params.includes(id)) this.params.push(id);
    try {
      return parameterSql(this.ctx.pack, id, dateSql, this.ctx.overrides);
    } catch (e) {
      // the pack's author looks for the screen that names it, as for an unknown column
      const detail = e instanceof PackDefinitionError ? e.problems.join('; ') : (e as Error).message;
      throw new PackDefinitionError(`screen ${this.screenId}`, [`names parameter ${id}: ${detail}`]);
    }
  }

  text(name: string): string {
    return `upper(trim(coalesce(${q(name)}, '')))`;
  }

  /** "inv-0042", "INV 0042" and "INV/0042." are one code, as are "00042" and "42": the separators people
   * type differently go (translate() deletes characters it has no replacement for, in both engines), and
   * then leading zeros. No regular expression: they cost ten times more over millions of rows. */
  code(name: string): string {
    return `ltrim(translate(${this.text(name)}, ${lit(CODE_SEPARATORS.join(''))}, ''), '0')`;
  }

  key(k: ScreenKey): { sql: string; column: string } {
    if (typeof k === 'string') {
      const c = this.column(k);
      return { sql: c.type === 'text' ? this.text(k) : `coalesce(CAST(${q(k)} AS VARCHAR), '')`, column: k };
    }
    this.column(k.column);
    return { sql: this.code(k.column), column: k.column };
  }

  operand(o: Operand, dateSql: string, textual: boolean): string {
    if ('column' in o) {
      const c = this.column(o.column);
      return c.type === 'text' && textual ? this.text(o.column) : q(o.column);
    }
    if ('param' in o) return this.param(o.param, dateSql);
    return typeof o.value === 'number'
      ? String(o.value)
      : lit(textual ? o.value.trim().toUpperCase() : o.value);
  }

  condition(c: Condition, dateSql: string): string {
    if ('all' in c) return `(${c.all.map((x) => this.condition(x, dateSql)).join(' AND ') || 'TRUE'})`;
    if ('any' in c) return `(${c.any.map((x) => this.condition(x, dateSql)).join(' OR ') || 'FALSE'})`;
    if ('not' in c) return `(NOT coalesce(${this.condition(c.not, dateSql)}, FALSE))`;
    if ('empty' in c) return this.empty(c.empty);
    if ('present' in c) return `(NOT ${this.empty(c.present)})`;
    if ('in' in c) {
      const col = this.column(c.column);
      if (c.in.length === 0)
        throw new PackDefinitionError(`screen ${this.screenId}`, [
          `lists no values for ${c.column} to be in`,
        ]);
      if (col.type !== 'text') return `(${q(c.column)} IN (${c.in.map(lit).join(', ')}))`;
      const values = c.in.map((v) => v.trim().toUpperCase());
      // Most rows fail a cheap test first: their length cannot be one of the values' unless spaces pad
      // them. Without it both engines upper-case and trim every row once per value (eight times slower).
      const x = q(c.column);
      const lengths = values.map((v) => v.length);
      const maybe = `(length(${x}) BETWEEN ${Math.min(...lengths)} AND ${Math.max(...lengths)} OR ${x} LIKE ' %' OR ${x} LIKE '% ')`;
      return `(${maybe} AND ${this.text(c.column)} IN (${values.map(lit).join(', ')}))`;
    }
    if ('daysBetween' in c) {
      const [from, to] = c.daysBetween;
      for (const d of [from, to])
        if (this.column(d).type !== 'date')
          throw new PackDefinitionError(`screen ${this.screenId}`, [
            `daysBetween needs date columns; ${d} is not one`,
          ]);
      return `((${q(to)} - ${q(from)}) ${c.op} ${this.operand(c.than, dateSql, false)})`;
    }
    const [a, op, b] = c.compare;
    const textual = [a, b].some((o) => 'column' in o && this.column(o.column).type === 'text');
    return `(${this.operand(a, dateSql, textual)} ${op} ${this.operand(b, dateSql, textual)})`;
  }

  empty(name: string): string {
    const c = this.column(name);
    // only a value starting with a space can be all spaces: the trim is spared for the rest
    const x = q(name);
    return c.type === 'text'
      ? `(${x} IS NULL OR ${x} = '' OR (${x} LIKE ' %' AND trim(${x}) = ''))`
      : `(${x} IS NULL)`;
  }

  period(p: ScreenPeriod, d: string): string {
    const year = `CAST(EXTRACT(YEAR FROM ${d}) AS INTEGER)`;
    const month = `CAST(EXTRACT(MONTH FROM ${d}) AS INTEGER)`;
    switch (p) {
      case 'day':
        return `CAST(${d} AS VARCHAR)`;
      case 'month':
        return `CAST(${year} AS VARCHAR) || '-' || lpad(CAST(${month} AS VARCHAR), 2, '0')`;
      case 'calendar-year':
        return `CAST(${year} AS VARCHAR)`;
      case 'fiscal-year': {
        // A fiscal year is named by the calendar year it ends in (July 2025 – June 2026 is FY2026).
        const start = this.ctx.fiscalYearStartMonth;
        const end = start === 1 ? year : `(${year} + CASE WHEN ${month} >= ${start} THEN 1 ELSE 0 END)`;
        return `'FY' || CAST(${end} AS VARCHAR)`;
      }
    }
  }
}

/** The rows a screen reads — the period asked for, the screen's own `where`, and `also` — as `select`. */
function source(c: Compiler, screen: Screen, select: string, also?: string): string {
  const { ledger, relation, from, to } = c.ctx;
  const d = q(ledger.dateColumn);
  const filters: string[] = [];
  if (from !== undefined) filters.push(`${d} >= DATE ${lit(from)}`);
  if (to !== undefined) filters.push(`${d} <= DATE ${lit(to)}`);
  if (screen.where !== undefined) filters.push(c.condition(screen.where, d));
  if (also !== undefined) filters.push(also);
  return `SELECT ${select} FROM ${relation}${filters.length ? ` WHERE ${filters.join(' AND ')}` : ''}`;
}

function memberColumns(c: Compiler, alias: string): string {
  const cols = c.ctx.ledger.columns.map(
    (col) => `CAST(${alias}.${q(col.name)} AS VARCHAR) AS ${q(col.name)}`,
  );
  return [`CAST(${alias}._row AS VARCHAR) AS _row`, `${alias}._record AS _record`, ...cols].join(', ');
}

/** Row screens test every row but list few: the test runs on the narrow columns it names, and only the
 * rows listed are fetched back whole (reading every column of millions of rows was most of their time). */
function rowScreen(c: Compiler, screen: Extract<Screen, { shape: 'row' }>): string {
  const { ledger, maxHits, relation } = c.ctx;
  const d = q(ledger.dateColumn);
  const when = c.condition(screen.when, d);
  return `WITH found AS (${source(c, screen, `r._row AS h_row, ${d} AS h_d`, when)}),
hits AS (SELECT h_row, ROW_NUMBER() OVER (ORDER BY h_d, h_row) AS hit_no, COUNT(*) OVER () AS g_hits FROM found)
SELECT CAST(h.hit_no AS VARCHAR) AS hit_no, CAST(h.g_hits AS VARCHAR) AS g_hits, '1' AS g_count,
  CAST(r.${q(ledger.amountColumn)} AS VARCHAR) AS g_total, CAST(r.${d} AS VARCHAR) AS g_first,
  CAST(r.${d} AS VARCHAR) AS g_last, NULL AS g_period, NULL AS g_threshold, ${memberColumns(c, 'r')}
FROM hits h JOIN ${relation} ON r._row = h.h_row WHERE h.hit_no <= ${maxHits} ORDER BY h.hit_no`;
}

/**
 * The grouped shapes sort and group millions of rows, so they work on narrow rows — `base`: the row's
 * position, date `d`, amount `a`, its normalised keys nk<i> (and period `per`) — and fetch the full rows
 * back by `_row` only for the transactions a hit lists. (Sorting whole rows was most of the run's time.)
 */
function base(c: Compiler, screen: Screen, keys: { sql: string }[], extra = ''): string {
  const { ledger } = c.ctx;
  const cols = [
    'r._row AS _row',
    `${q(ledger.dateColumn)} AS d`,
    `${q(ledger.amountColumn)} AS a`,
    keyColumns(keys),
  ];
  if (extra) cols.push(extra);
  return source(c, screen, cols.join(', '));
}

/** Shared tail of the grouped shapes: number the hits, list each one's first members in order with their
 * full rows. `hits` holds the group columns (nk<i>, `group`), n, tot, f, l, per and thr. */
function groupedTail(c: Compiler, keys: { sql: string; column: string }[], group: string): string {
  const { maxTransactionsPerHit, relation } = c.ctx;
  const join = [...keys.map((_, i) => `m.nk${i} = h.nk${i}`), `m.${group} = h.${group}`].join(' AND ');
  const hitOrder = `h.f, ${keys.map((_, i) => `h.nk${i}`).join(', ')}, h.${group}`;
  // each key as the hit's first transaction writes it (MIN() would depend on the server's collation)
  const kv = keys
    .map(
      (k) =>
        `CAST(FIRST_VALUE(r.${q(k.column)}) OVER (PARTITION BY p.g_hit ORDER BY p.rn) AS VARCHAR) AS ${q(`kv_${k.column}`)}`,
    )
    .join(', ');
  return `numbered AS (SELECT h.*, ROW_NUMBER() OVER (ORDER BY ${hitOrder}) AS hit_no, COUNT(*) OVER () AS hits_total FROM hits h),
listed AS (SELECT * FROM numbered WHERE hit_no <= ${c.ctx.maxHits}),
members AS (
  SELECT m._row AS m_row, h.hit_no AS g_hit, h.hits_total AS g_all, h.n AS g_n, h.tot AS g_tot, h.f AS g_f, h.l AS g_l,
    h.per AS g_per, h.thr AS g_thr, ROW_NUMBER() OVER (PARTITION BY h.hit_no ORDER BY m.d, m._row) AS rn
  FROM grouped m JOIN listed h ON ${join}),
picked AS (SELECT * FROM members WHERE rn <= ${maxTransactionsPerHit})
SELECT CAST(p.g_hit AS VARCHAR) AS hit_no, CAST(p.g_all AS VARCHAR) AS g_hits, CAST(p.g_n AS VARCHAR) AS g_count,
  CAST(p.g_tot AS VARCHAR) AS g_total, CAST(p.g_f AS VARCHAR) AS g_first, CAST(p.g_l AS VARCHAR) AS g_last,
  p.g_per AS g_period, CAST(p.g_thr AS VARCHAR) AS g_threshold, ${kv}, ${memberColumns(c, 'r')}
FROM picked p JOIN ${relation} ON r._row = p.m_row ORDER BY p.g_hit, p.rn`;
}

/** Keys as normalised columns nk<i>. */
function keyColumns(keys: { sql: string }[]): string {
  return keys.map((k, i) => `${k.sql} AS nk${i}`).join(', ');
}

const AGGREGATES = 'COUNT(*) AS n, CAST(SUM(a) AS BIGINT) AS tot, MAX(a) AS top, MIN(d) AS f, MAX(d) AS l';

function totalScreen(c: Compiler, screen: Extract<Screen, { shape: 'total' }>): string {
  const keys = screen.keys.map((k) => c.key(k));
  const nk = keys.map((_, i) => `nk${i}`).join(', ');
  const threshold = c.param(screen.above.param, 'f');
  const op = screen.above.inclusive ? '>=' : '>';
  const per = `${c.period(screen.period, q(c.ctx.ledger.dateColumn))} AS per`;
  return `WITH grouped AS (${base(c, screen, keys, per)}),
agg AS (SELECT ${nk}, per, ${AGGREGATES} FROM grouped GROUP BY ${nk}, per),
hits AS (SELECT *, ${threshold} AS thr FROM agg WHERE tot ${op} ${threshold}),
${groupedTail(c, keys, 'per')}`;
}

/** Rows sharing the keys, ordered by date: a new chain starts where the gap from the row before is more
 * than the window in force on the row's date — or no window is in force then (a date before the pack's
 * effective date) — and, without a window, every group is one chain. */
function chains(c: Compiler, keys: { sql: string }[], windowParam: string | undefined, from: string): string {
  const part = keys.map((_, i) => `nk${i}`).join(', ');
  if (windowParam === undefined) return `grouped AS (SELECT *, 0 AS chain FROM (${from}) b)`;
  const w = c.param(windowParam, 'd');
  return `gaps AS (SELECT *, LAG(d) OVER (PARTITION BY ${part} ORDER BY d, _row) AS prev FROM (${from}) b),
grouped AS (SELECT *, SUM(CASE WHEN prev IS NOT NULL AND d - prev <= ${w} THEN 0 ELSE 1 END)
  OVER (PARTITION BY ${part} ORDER BY d, _row ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS chain FROM gaps)`;
}

function clusterScreen(c: Compiler, screen: Extract<Screen, { shape: 'cluster' }>): string {
  const keys = screen.keys.map((k) => c.key(k));
  const nk = keys.map((_, i) => `nk${i}`).join(', ');
  // tier(x): how many of the ascending thresholds x is above; a chain is a hit when its total is above
  // more of them than its largest part is, and the threshold it crossed is the highest one.
  const t = screen.thresholds.map((p) => c.param(p, 'f'));
  const tier = (x: string) => `(${t.map((th) => `CASE WHEN ${x} > ${th} THEN 1 ELSE 0 END`).join(' + ')})`;
  const crossed = `CASE ${t
    .map((th, i) => ({ th, i }))
    .reverse()
    .map(({ th, i }) => `WHEN tot_tier >= ${i + 1} THEN ${th}`)
    .join(' ')} END`;
  return `WITH ${chains(c, keys, screen.windowDays, base(c, screen, keys))},
agg AS (SELECT ${nk}, chain, ${AGGREGATES} FROM grouped GROUP BY ${nk}, chain HAVING COUNT(*) >= 2),
tiers AS (SELECT *, ${tier('tot')} AS tot_tier, ${tier('top')} AS top_tier FROM agg),
hits AS (SELECT *, CAST(NULL AS VARCHAR) AS per, ${crossed} AS thr FROM tiers WHERE tot_tier > top_tier),
${groupedTail(c, keys, 'chain')}`;
}

/**
 * Duplicates are rare, so the costly work is done on the few candidates: rows are first grouped by the
 * plain keys and only rows sharing them with another row go on — to the chains in date order, to the code
 * keys (an invoice number cleaned of separators), to the count of distinct values in groups of two or more.
 */
function repeatScreen(c: Compiler, screen: Extract<Screen, { shape: 'repeat' }>): string {
  const { relation } = c.ctx;
  const keys = screen.keys.map((k) => c.key(k));
  const nk = keys.map((_, i) => `nk${i}`).join(', ');
  const plain = screen.keys.flatMap((k, i) => (typeof k === 'string' ? [i] : []));
  let from: string;
  if (plain.length > 0) {
    // a repeat needs two rows sharing the plain keys whatever their dates: keep only those rows
    const plainKeys = plain.map((i) => ({ sql: (keys[i] as { sql: string }).sql }));
    const pk = plain.map((_, j) => `nk${j}`).join(', ');
    const narrow = base(c, screen, plainKeys);
    const cols = keys.map((k, i) =>
      plain.includes(i) ? `b.nk${plain.indexOf(i)} AS nk${i}` : `${k.sql} AS nk${i}`,
    );
    const codes = plain.length < keys.length;
    from = `SELECT b._row, b.d, b.a, ${cols.join(', ')}
  FROM (SELECT n.* FROM (${narrow}) n
    JOIN (SELECT ${pk} FROM (${narrow}) m GROUP BY ${pk} HAVING COUNT(*) >= 2) k ON ${plain.map((_, j) => `n.nk${j} = k.nk${j}`).join(' AND ')}) b${codes ? `\n  JOIN ${relation} ON r._row = b._row` : ''}`;
  } else from = base(c, screen, keys);
  let agg = `agg AS (SELECT ${nk}, chain, ${AGGREGATES} FROM grouped GROUP BY ${nk}, chain HAVING COUNT(*) >= 2)`;
  if (screen.distinct !== undefined) {
    const dk = c.key(screen.distinct.column);
    const on = [...keys.map((_, i) => `g.nk${i} = x.nk${i}`), 'g.chain = x.chain'].join(' AND ');
    // an empty value is different from every other: it stands for itself (its row)
    agg = `pairs AS (SELECT ${nk}, chain, ${AGGREGATES} FROM grouped GROUP BY ${nk}, chain HAVING COUNT(*) >= 2),
counted AS (
  SELECT ${keys.map((_, i) => `x.nk${i}`).join(', ')}, x.chain,
    COUNT(DISTINCT CASE WHEN ${dk.sql} = '' THEN '#' || CAST(g._row AS VARCHAR) ELSE ${dk.sql} END) AS values_seen
  FROM grouped g JOIN pairs x ON ${on} JOIN ${relation} ON r._row = g._row
  GROUP BY ${keys.map((_, i) => `x.nk${i}`).join(', ')}, x.chain),
agg AS (SELECT x.* FROM pairs x JOIN counted y ON ${keys.map((_, i) => `x.nk${i} = y.nk${i}`).join(' AND ')} AND x.chain = y.chain
  WHERE y.values_seen >= ${screen.distinct.atLeast})`;
  }
  return `WITH ${chains(c, keys, screen.windowDays, from)},
${agg},
hits AS (SELECT *, CAST(NULL AS VARCHAR) AS per, CAST(NULL AS BIGINT) AS thr FROM agg),
${groupedTail(c, keys, 'chain')}`;
}

export function compileScreen(screen: Screen, ctx: CompileContext): CompiledScreen {
  const c = new Compiler(ctx, screen.id);
  for (const col of [ctx.ledger.dateColumn, ctx.ledger.idColumn, ctx.ledger.amountColumn]) c.column(col);
  let sql: string;
  switch (screen.shape) {
    case 'row':
      sql = rowScreen(c, screen);
      break;
    case 'total':
      sql = totalScreen(c, screen);
      break;
    case 'cluster':
      sql = clusterScreen(c, screen);
      break;
    case 'repeat':
      sql = repeatScreen(c, screen);
      break;
  }
  return { screen, sql, parameters: c.params };
}
