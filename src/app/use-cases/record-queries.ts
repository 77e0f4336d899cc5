// Which records a person sees in a list, an export or a dashboard, and in what order. One function builds
// the WHERE and ORDER BY for all three, so an export can never hold rows the list did not show, or
// miss rows it did.
import { and, asc, eq, gte, ilike, inArray, lt, lte, not, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, type CalendarDate, zCalendarDate } from '../../kernel/index.ts';
import type { Db } from '../../store/connect.ts';
import { orgUnits, records } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { InputInvalidError } from '../errors.ts';
import { defineUseCase, type OrgScope } from '../use-case.ts';
import { orgToday } from './evaluate.ts';

export type RecordRow = typeof records.$inferSelect;

export function present(row: RecordRow) {
  return {
    id: row.id,
    pack: row.pack,
    kind: row.kind,
    unitId: row.unitId,
    title: row.title,
    state: row.state,
    data: row.data,
    dueOn: row.dueOn,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 'true' / 'false' in a query string; a boolean from code. */
const zFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const RECORD_SORTS = ['updatedAt', 'dueOn', 'title', 'state', 'createdAt'] as const;

/** The filters and order shared by the record list, its export and the dashboard. */
export const recordFilters = {
  pack: z.string().max(100).optional(),
  kind: z.string().max(100).optional(),
  state: z.string().max(100).optional(),
  unitId: z.string().max(64).optional().describe('records of this org unit only'),
  q: z.string().max(200).optional().describe('case-insensitive search in the title and the id'),
  dueFrom: zCalendarDate.optional().describe('due on or after this date'),
  dueTo: zCalendarDate.optional().describe('due on or before this date'),
  dueOnOrBefore: zCalendarDate.optional().describe('the same as dueTo (kept for earlier callers)'),
  open: zFlag
    .optional()
    .describe('true: records not in a final state of their workflow; false: only those in one'),
  sort: z.enum(RECORD_SORTS).default('updatedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
};

const filterObject = z.object(recordFilters);
export type RecordFilters = z.output<typeof filterObject>;

type FinalStates = { pack: string; kind: string; states: string[] }[];
const finalStatesOf = new WeakMap<App, FinalStates>();

/** Pack → record kind → the states its workflow marks terminal (final: nothing more to do). */
function finalStates(app: App): FinalStates {
  const cached = finalStatesOf.get(app);
  if (cached) return cached;
  const out: FinalStates = [];
  for (const mod of app.packs) {
    for (const rk of Object.values(mod.records ?? {})) {
      const machine = mod.pack.workflows?.[rk.workflow];
      const states = Object.entries(machine?.states ?? {})
        .filter(([, s]) => s.terminal === true)
        .map(([id]) => id);
      if (states.length > 0) out.push({ pack: mod.pack.manifest.id, kind: rk.id, states });
    }
  }
  finalStatesOf.set(app, out);
  return out;
}

/** True when the record's state is not a final state of its workflow (an unknown kind counts as open). */
export function isOpen(app: App, row: Pick<RecordRow, 'pack' | 'kind' | 'state'>): boolean {
  return !finalStates(app).some(
    (f) => f.pack === row.pack && f.kind === row.kind && f.states.includes(row.state),
  );
}

/** SQL true for records in a final state. */
function finalCondition(app: App): SQL {
  const parts = finalStates(app).map(
    (f) => and(eq(records.pack, f.pack), eq(records.kind, f.kind), inArray(records.state, f.states))!,
  );
  return parts.length > 0 ? or(...parts)! : sql`false`;
}

/** SQL true for records still open: what "open", "overdue" and "due this week" count. */
export function openCondition(app: App): SQL {
  return not(finalCondition(app));
}

/** Checks the filters hang together; the path names each field to fix. */
export function checkFilters(f: Pick<RecordFilters, 'dueFrom' | 'dueTo' | 'dueOnOrBefore'>): void {
  const from = f.dueFrom;
  if (from === undefined) return;
  const issues = (['dueTo', 'dueOnOrBefore'] as const)
    .filter((key) => f[key] !== undefined && f[key] < from)
    .map((key) => ({ path: `/${key}`, message: `must be on or after dueFrom (${from})` }));
  if (issues.length > 0) throw new InputInvalidError(issues);
}

/** The WHERE and ORDER BY of a record list: the filters, within the units the person may read. */
export function recordQuery(
  app: App,
  org: OrgScope,
  f: Partial<RecordFilters>,
): { where: SQL; orderBy: SQL[] } {
  checkFilters(f);
  const where: SQL[] = [eq(records.orgId, org.org.id)];
  if (f.pack) where.push(eq(records.pack, f.pack));
  if (f.kind) where.push(eq(records.kind, f.kind));
  if (f.state) where.push(eq(records.state, f.state));
  if (f.unitId) where.push(eq(records.unitId, f.unitId));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(records.title, pattern), ilike(records.id, pattern))!);
  }
  if (f.dueFrom) where.push(gte(records.dueOn, f.dueFrom));
  if (f.dueTo) where.push(lte(records.dueOn, f.dueTo));
  if (f.dueOnOrBefore) where.push(lte(records.dueOn, f.dueOnOrBefore));
  if (f.open !== undefined) where.push(f.open ? openCondition(app) : finalCondition(app));
  const scope = org.scope('records.read');
  if (scope !== 'org' && scope !== 'none') where.push(inArray(records.unitId, [...scope]));
  const column = {
    updatedAt: records.updatedAt,
    dueOn: records.dueOn,
    title: records.title,
    state: records.state,
    createdAt: records.createdAt,
  }[f.sort ?? 'updatedAt'];
  const direction = f.dir === 'asc' ? sql`asc` : sql`desc`;
  // Records without a due date come last either way: "what is due" lists read from the top.
  const primary = f.sort === 'dueOn' ? sql`${column} ${direction} nulls last` : sql`${column} ${direction}`;
  return { where: and(...where)!, orderBy: [primary, asc(records.id)] };
}

export function overdueCondition(app: App, today: CalendarDate): SQL {
  return and(openCondition(app), lt(records.dueOn, today))!;
}

export function weekEndOf(today: CalendarDate): CalendarDate {
  return addDays(today, 6);
}

/** A record as lists show it: with its unit's name, and whether it is open and overdue today. */
export function listItem(app: App, row: RecordRow, unitName: string | null, today: CalendarDate) {
  const open = isOpen(app, row);
  return {
    ...present(row),
    unitName,
    open,
    overdue: open && row.dueOn !== null && row.dueOn < today,
  };
}

export type RecordListItem = ReturnType<typeof listItem>;

export async function selectItems(
  app: App,
  db: Db,
  q: { where: SQL; orderBy: SQL[]; limit: number; offset?: number },
  today: CalendarDate,
): Promise<RecordListItem[]> {
  const rows = await db
    .select({ record: records, unitName: orgUnits.name })
    .from(records)
    .leftJoin(orgUnits, and(eq(orgUnits.orgId, records.orgId), eq(orgUnits.id, records.unitId)))
    .where(q.where)
    .orderBy(...q.orderBy)
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return rows.map((r) => listItem(app, r.record, r.unitName, today));
}

export async function countRecords(db: Db, where: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(records).where(where);
  return row?.n ?? 0;
}

export const listRecords = defineUseCase({
  name: 'list records',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({
    org: z.string(),
    ...recordFilters,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  }),
  async run({ app, org, input, now }) {
    const { where, orderBy } = recordQuery(app, org, input);
    const db = app.store.db;
    const total = await countRecords(db, where);
    const items = await selectItems(
      app,
      db,
      { where, orderBy, limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
      orgToday(org.org, now),
    );
    return { total, page: input.page, pageSize: input.pageSize, records: items };
  },
});
