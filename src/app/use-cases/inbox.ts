// The approvals inbox: the organisation's open records on which the signed-in person can take a workflow
// step now, with the steps they can take. A step counts when its transition declares roles and the
// person holds one of them for the record's unit (organisation-wide, or in exactly that unit — the same
// check transitionRecordInTx makes), and may change records there. Steps open to anyone who may edit
// records are not "waiting for" anyone in particular, so they do not fill everyone's inbox. A signature
// that leaves the record in its state (sign as supervisor, then the business administrator signs…) is
// no longer waiting once its stamp names who signed.
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CalendarDate } from '../../kernel/index.ts';
import { records } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { type Reach, reaches, reachOf } from '../roles.ts';
import { defineUseCase, type OrgScope } from '../use-case.ts';
import { orgToday } from './evaluate.ts';
import { countRecords, selectItems } from './record-queries.ts';

/** Where a person may act: everywhere in the organisation, in these units only, or nowhere. */

export interface InboxAction {
  name: string;
  title: string;
  to: string;
  toTitle: string;
}

/** One (pack, kind, state) whose records wait for the person, with the steps they can take there. */
interface Waiting {
  pack: string;
  kind: string;
  state: string;
  stateTitle: string;
  /** Units where the person can take at least one of the steps. */
  reach: Reach;
  /** Each step with the units where the person may take it. */
  steps: Step[];
}

type Step = InboxAction & {
  reach: Reach;
  /** A signature that leaves the record where it is (sign as supervisor…) is done once its stamp is
   * filled in: the field naming who signed. */
  doneWhen?: string;
};

function stampField(stamp: string | { by: string } | undefined): string | undefined {
  return typeof stamp === 'string' ? stamp : stamp?.by;
}

/** Whether a step is still to be taken on a record with these data (see Step.doneWhen). */
function pending(step: Step, data: unknown): boolean {
  if (!step.doneWhen) return true;
  const v = (data as Record<string, unknown> | null)?.[step.doneWhen];
  return v === undefined || v === null || v === '';
}

function intersect(a: Reach, b: Reach | 'none'): Reach | undefined {
  if (b === 'none') return undefined;
  if (a === 'org') return b;
  if (b === 'org') return a;
  const both = new Set([...a].filter((u) => b.has(u)));
  return both.size > 0 ? both : undefined;
}

function union(a: Reach | undefined, b: Reach): Reach {
  if (a === undefined) return b;
  if (a === 'org' || b === 'org') return 'org';
  return new Set([...a, ...b]);
}

/** Every non-final (pack, kind, state) where the person can take a role-declared step somewhere. */
export function waitingFor(app: App, org: OrgScope, pack?: string): Waiting[] {
  const write = org.scope('records.write');
  const out: Waiting[] = [];
  for (const mod of app.packs) {
    const packId = mod.pack.manifest.id;
    if (pack !== undefined && packId !== pack) continue;
    for (const rk of Object.values(mod.records ?? {})) {
      const machine = mod.pack.workflows?.[rk.workflow];
      if (!machine) continue;
      for (const [state, info] of Object.entries(machine.states)) {
        if (info.terminal) continue;
        const steps: Waiting['steps'] = [];
        let reach: Reach | undefined;
        for (const t of machine.transitions) {
          if (!t.from.includes(state) || !t.roles || t.roles.length === 0) continue;
          const held = reachOf(org.memberships, t.roles);
          const may = held && intersect(held, write);
          if (!may) continue;
          const doneWhen = t.to === state ? stampField(rk.stamps?.[t.name]) : undefined;
          steps.push({
            name: t.name,
            title: t.title,
            to: t.to,
            toTitle: machine.states[t.to]?.title ?? t.to,
            reach: may,
            ...(doneWhen ? { doneWhen } : {}),
          });
          reach = union(reach, may);
        }
        if (reach && steps.length > 0) {
          out.push({ pack: packId, kind: rk.id, state, stateTitle: info.title, reach, steps });
        }
      }
    }
  }
  return out;
}

/** Records in the waiting state on which one of its steps is open to the person (unit, not yet done). */
function condition(w: Waiting): SQL {
  const steps = w.steps.map((step) => {
    const parts: SQL[] = [];
    if (step.reach !== 'org') parts.push(inArray(records.unitId, [...step.reach]));
    if (step.doneWhen) parts.push(sql`coalesce(${records.data} ->> ${step.doneWhen}, '') = ''`);
    return parts.length > 0 ? and(...parts)! : sql`true`;
  });
  return and(eq(records.pack, w.pack), eq(records.kind, w.kind), eq(records.state, w.state), or(...steps))!;
}

/** The WHERE of the inbox: records in a waiting (pack, kind, state), in a unit the person reaches there. */
export function inboxWhere(
  app: App,
  org: OrgScope,
  f: { pack?: string | undefined; unitId?: string | undefined },
): { where: SQL; waiting: Waiting[] } {
  const waiting = waitingFor(app, org, f.pack);
  const parts: SQL[] = [eq(records.orgId, org.org.id)];
  parts.push(waiting.length > 0 ? or(...waiting.map(condition))! : sql`false`);
  if (f.unitId) parts.push(eq(records.unitId, f.unitId));
  // Whoever may act may read, but the list stays inside the units the person may read all the same.
  const read = org.scope('records.read');
  if (read !== 'org') parts.push(read === 'none' ? sql`false` : inArray(records.unitId, [...read]));
  return { where: and(...parts)!, waiting };
}

/** Overdue first, then the earliest due date (none last), then the longest waiting. */
export function inboxOrder(today: CalendarDate): SQL[] {
  return [
    sql`case when ${records.dueOn} < ${today} then 0 else 1 end`,
    sql`${records.dueOn} asc nulls last`,
    asc(records.updatedAt),
    asc(records.id),
  ];
}

export const inbox = defineUseCase({
  name: 'show my approvals inbox',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({
    org: z.string(),
    pack: z.string().max(100).optional().describe('only records of this pack'),
    unitId: z.string().max(64).optional().describe('only records of this org unit'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  }),
  async run({ app, org, input, now }) {
    const db = app.store.db;
    const today = orgToday(org.org, now);
    const { where, waiting } = inboxWhere(app, org, input);
    const total = await countRecords(db, where);
    const rows = await selectItems(
      app,
      db,
      { where, orderBy: inboxOrder(today), limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
      today,
    );
    // Per pack, how many wait (for the filter), whatever pack is chosen.
    const all = input.pack === undefined ? where : inboxWhere(app, org, { unitId: input.unitId }).where;
    const perPack = await db
      .select({ pack: records.pack, n: sql<number>`count(*)::int` })
      .from(records)
      .where(all)
      .groupBy(records.pack);
    const items = rows.map((r) => {
      const w = waiting.find((x) => x.pack === r.pack && x.kind === r.kind && x.state === r.state);
      return {
        record: {
          id: r.id,
          pack: r.pack,
          kind: r.kind,
          title: r.title,
          state: r.state,
          stateTitle: w?.stateTitle ?? r.state,
          unitId: r.unitId,
          unitName: r.unitName,
          dueOn: r.dueOn,
          overdue: r.overdue,
          version: r.version,
          /** When the record last changed: how long it has been waiting. */
          updatedAt: r.updatedAt,
        },
        actions: (w?.steps ?? [])
          .filter((s) => reaches(s.reach, r.unitId) && pending(s, r.data))
          .map(({ name, title, to, toTitle }) => ({ name, title, to, toTitle })),
      };
    });
    return {
      today,
      total,
      page: input.page,
      pageSize: input.pageSize,
      items,
      packs: app.packs
        .map(({ pack }) => ({
          id: pack.manifest.id,
          title: pack.manifest.title,
          count: perPack.find((p) => p.pack === pack.manifest.id)?.n ?? 0,
        }))
        .filter((p) => p.count > 0 || p.id === input.pack),
    };
  },
});
