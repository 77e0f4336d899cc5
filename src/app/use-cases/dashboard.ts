// What needs attention today: overdue and due-this-week records, what changed lately, and the open work
// per pack. "Today" is the organisation's (its time zone); the week runs from today through today + 6.
// Every part respects the person's unit-scoped roles exactly as the record list does (recordQuery).
import { and, desc, eq, isNotNull, like, ne, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '../../kernel/index.ts';
import type { Db } from '../../store/connect.ts';
import { events, records } from '../../store/schema.ts';
import { defineUseCase, type OrgScope } from '../use-case.ts';
import { orgToday } from './evaluate.ts';
import { withActorNames } from './events.ts';
import { openCondition, recordQuery, selectItems, weekEndOf } from './record-queries.ts';
import { REMINDER_EVENT } from './reminders.ts';

const LIST_SIZE = 10;
const EVENTS_SIZE = 15;

export const dashboard = defineUseCase({
  name: 'show the dashboard',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({
    org: z.string(),
    unitId: z.string().max(64).optional().describe('only records of this org unit'),
  }),
  async run({ app, org, input, now }) {
    const db = app.store.db;
    const today = orgToday(org.org, now);
    const weekEnd = weekEndOf(today);
    const unit = input.unitId === undefined ? {} : { unitId: input.unitId };
    const overdueQ = recordQuery(app, org, {
      ...unit,
      open: true,
      dueTo: addDays(today, -1),
      sort: 'dueOn',
      dir: 'asc',
    });
    const weekQ = recordQuery(app, org, {
      ...unit,
      open: true,
      dueFrom: today,
      dueTo: weekEnd,
      sort: 'dueOn',
      dir: 'asc',
    });
    const recentQ = recordQuery(app, org, { ...unit, sort: 'updatedAt', dir: 'desc' });
    const open = openCondition(app);
    const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
    const perPack = await db
      .select({
        pack: records.pack,
        open: count(open),
        overdue: count(sql`${open} and ${records.dueOn} < ${today}`),
        dueThisWeek: count(sql`${open} and ${records.dueOn} >= ${today} and ${records.dueOn} <= ${weekEnd}`),
      })
      .from(records)
      .where(recentQ.where)
      .groupBy(records.pack);
    const total = (k: 'open' | 'overdue' | 'dueThisWeek') => perPack.reduce((n, p) => n + p[k], 0);
    return {
      today,
      weekEnd,
      counts: { overdue: total('overdue'), dueThisWeek: total('dueThisWeek'), open: total('open') },
      overdue: await selectItems(app, db, { ...overdueQ, limit: LIST_SIZE }, today),
      dueThisWeek: await selectItems(app, db, { ...weekQ, limit: LIST_SIZE }, today),
      recent: await selectItems(app, db, { ...recentQ, limit: LIST_SIZE }, today),
      recentEvents: await recentEvents(db, org, recentQ.where, input.unitId === undefined),
      packs: app.packs.map(({ pack }) => {
        const p = perPack.find((x) => x.pack === pack.manifest.id);
        return {
          id: pack.manifest.id,
          title: pack.manifest.title,
          open: p?.open ?? 0,
          overdue: p?.overdue ?? 0,
          dueThisWeek: p?.dueThisWeek ?? 0,
        };
      }),
    };
  },
});

/**
 * The latest events. Whoever may read the whole event log (administrators, auditors) sees every kind;
 * everyone else, and a dashboard narrowed to a unit, sees only the events of records they may read.
 */
async function recentEvents(db: Db, org: OrgScope, visibleRecords: SQL, wholeOrg: boolean) {
  const everything = wholeOrg && org.scope('events.read') === 'org';
  const rows = await db
    .select({
      seq: events.seq,
      at: events.at,
      actor: events.actor,
      kind: events.kind,
      subject: events.subject,
      payload: events.payload,
      recordId: records.id,
      recordTitle: records.title,
    })
    .from(events)
    // 'record:<id>' → the record's primary key, so the join is an index lookup per event.
    .leftJoin(
      records,
      and(
        eq(records.orgId, events.orgId),
        like(events.subject, 'record:%'),
        eq(records.id, sql`substr(${events.subject}, 8)`),
      ),
    )
    .where(
      and(
        everything
          ? eq(events.orgId, org.org.id)
          : and(eq(events.orgId, org.org.id), isNotNull(records.id), visibleRecords),
        // The reminder job's own events would crowd out what people did; "Reminders for you" shows them.
        ne(events.kind, REMINDER_EVENT),
      ),
    )
    .orderBy(desc(events.seq))
    .limit(EVENTS_SIZE);
  const named = await withActorNames(db, rows);
  return named.map((e) => {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    return {
      seq: e.seq,
      at: e.at.toISOString(),
      kind: e.kind,
      subject: e.subject,
      actor: e.actor,
      actorName: e.actorName,
      recordId: e.recordId,
      recordTitle: e.recordTitle,
      // Enough to say "approved (requested → approved)" without shipping whole payloads.
      ...(typeof p.transition === 'string'
        ? { transition: { name: p.transition, from: p.from ?? null, to: p.to ?? null } }
        : {}),
    };
  });
}
