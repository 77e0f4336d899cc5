// Deadline reminders and escalation, the same for every pack. Records carry `due_on`, the next date their
// rules ask for something; as that date comes near, passes, and stays passed, the people who can act on
// the record are reminded, and an overdue record is escalated to the organisation's administrators.
//
// A reminder is a `reminder.sent` event on the record, one per record, stage and due date: a run that
// finds the event already written writes nothing (so running twice a day is harmless), and a record whose
// due date changes starts again from the stage the new date is at. Delivery (the dashboard, "my
// reminders", the calendar feed) reads these events; nothing else is stored.
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  addDays,
  availableTransitions,
  type CalendarDate,
  diffDays,
  zCalendarDate,
} from '../../kernel/index.ts';
import type { Db } from '../../store/connect.ts';
import { events, organisations, records, roleMemberships, users } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { AppError } from '../errors.ts';
import { defineUseCase, type Organisation } from '../use-case.ts';
import { orgToday } from './evaluate.ts';
import { recordEvent } from './events.ts';
import { openCondition, recordQuery } from './record-queries.ts';

/**
 * Days before the due date at which a reminder goes out (0: on the day). Constants rather than an
 * organisation setting: they are the same for every pack, and a setting would need its own table and
 * screen for little gain. docs/cli.md and src/interfaces/jobs/README.md describe them.
 */
export const LEAD_DAYS = [7, 1, 0] as const;
/** Once overdue, the record is escalated every this many days (days 7, 14, 21 … after the due date). */
export const ESCALATE_EVERY_DAYS = 7;
/** "My reminders" shows the reminders of the last this many days. */
export const MY_REMINDERS_DAYS = 30;

export const REMINDER_EVENT = 'reminder.sent';

export interface ReminderStage {
  /** 'before-7', 'before-1', 'due', or 'overdue-7', 'overdue-14' … */
  id: string;
  /** An escalation: the organisation's administrators are told as well. */
  escalated: boolean;
}

/**
 * The stage a due date is at on a day: the latest threshold reached. Before the first lead day there is
 * none. A run that missed a day sends the stage the record is at, not every stage it passed.
 */
export function reminderStage(dueOn: CalendarDate, today: CalendarDate): ReminderStage | undefined {
  const offset = diffDays(today, dueOn); // > 0: overdue by that many days
  if (offset >= ESCALATE_EVERY_DAYS) {
    const k = Math.floor(offset / ESCALATE_EVERY_DAYS) * ESCALATE_EVERY_DAYS;
    return { id: `overdue-${k}`, escalated: true };
  }
  let reached: number | undefined;
  for (const lead of LEAD_DAYS) if (offset >= -lead) reached = lead;
  if (reached === undefined) return undefined;
  return { id: reached === 0 ? 'due' : `before-${reached}`, escalated: false };
}

/** How a stage reads to a person, e.g. "due in 7 days", "14 days overdue — escalated". */
export function stageWords(dueOn: CalendarDate, today: CalendarDate, escalated: boolean): string {
  const left = diffDays(dueOn, today);
  const when =
    left > 1
      ? `due in ${left} days`
      : left === 1
        ? 'due tomorrow'
        : left === 0
          ? 'due today'
          : `${-left} day${left === -1 ? '' : 's'} overdue`;
  return escalated ? `${when} — escalated` : when;
}

export interface SentReminder {
  recordId: string;
  title: string;
  pack: string;
  kind: string;
  state: string;
  unitId: string | null;
  dueOn: CalendarDate;
  stage: string;
  escalated: boolean;
  /** Days until the due date (0 on the day); absent once overdue. */
  daysLeft?: number;
  /** Days past the due date; absent until then. */
  daysOverdue?: number;
  /** User ids of the people who can act on the record (and, escalated, the administrators). */
  recipients: string[];
  recipientNames: string[];
  words: string;
}

export interface ReminderRun {
  org: string;
  today: CalendarDate;
  dryRun: boolean;
  sent: number;
  byStage: Record<string, number>;
  reminders: SentReminder[];
}

/** A run's counts by stage, e.g. "before-7 2, due 1" ("" when nothing was sent). */
export function stageCounts(run: Pick<ReminderRun, 'byStage'>): string {
  return Object.entries(run.byStage)
    .map(([stage, n]) => `${stage} ${n}`)
    .join(', ');
}

type Member = { userId: string; name: string; role: string; unitId: string | null };

/** What a reminder, "my reminders" and the calendar feed read of a record. */
export const dueRecordColumns = {
  id: records.id,
  title: records.title,
  pack: records.pack,
  kind: records.kind,
  state: records.state,
  unitId: records.unitId,
  dueOn: records.dueOn,
};

/** The workflow of a record's kind; undefined when its pack or kind is no longer installed. */
export function workflowOfRecord(app: App, row: { pack: string; kind: string }) {
  const mod = app.packs.find((p) => p.pack.manifest.id === row.pack);
  const rk = mod?.records && Object.hasOwn(mod.records, row.kind) ? mod.records[row.kind] : undefined;
  return rk ? mod?.pack.workflows?.[rk.workflow] : undefined;
}

/** The roles that can take one of the transitions open from the record's state. */
function actingRoles(app: App, row: { pack: string; kind: string; state: string }): Set<string> {
  const machine = workflowOfRecord(app, row);
  const out = new Set<string>();
  if (!machine) return out;
  for (const t of availableTransitions(machine, row.state)) {
    // A transition naming no roles is open to whoever may write records.
    const roles =
      t.roles ?? app.roles.filter((r) => r.permissions.includes('records.write')).map((r) => r.id);
    for (const r of roles) out.add(r);
  }
  return out;
}

function recipientsOf(
  members: readonly Member[],
  roles: ReadonlySet<string>,
  unitId: string | null,
  escalated: boolean,
): Member[] {
  const inUnit = (m: Member) => m.unitId === null || m.unitId === unitId;
  const byId = new Map<string, Member>();
  for (const m of members) {
    if (!inUnit(m)) continue;
    if (roles.has(m.role) || (escalated && m.role === 'org-admin')) byId.set(m.userId, m);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** Sends (or, dry, lists) one organisation's reminders for a day, all in one transaction. */
export async function runReminders(
  app: App,
  org: Organisation,
  opts: { today: CalendarDate; now: Date; dryRun?: boolean },
): Promise<ReminderRun> {
  const { today, now } = opts;
  const dryRun = opts.dryRun === true;
  return app.store.db.transaction(async (tx) => {
    // Two runs at once (the daily job and the command line) take turns, so neither writes twice.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`probity-reminders:${org.id}`}, 0))`,
    );
    const due = await tx
      .select(dueRecordColumns)
      .from(records)
      .where(
        and(
          eq(records.orgId, org.id),
          isNotNull(records.dueOn),
          lte(records.dueOn, addDays(today, Math.max(...LEAD_DAYS))),
          openCondition(app),
        ),
      )
      .orderBy(asc(records.dueOn), asc(records.id));
    const candidates = due.flatMap((r) => {
      const dueOn = r.dueOn as CalendarDate;
      const stage = reminderStage(dueOn, today);
      return stage ? [{ ...r, dueOn, stage }] : [];
    });
    const already = await sentKeys(
      tx,
      org.id,
      candidates.map((c) => `record:${c.id}`),
    );
    const members = await orgMembers(tx, org.id);
    const out: SentReminder[] = [];
    for (const c of candidates) {
      if (already.has(key(c.id, c.dueOn, c.stage.id))) continue;
      const who = recipientsOf(members, actingRoles(app, c), c.unitId, c.stage.escalated);
      const left = diffDays(c.dueOn, today);
      const reminder: SentReminder = {
        recordId: c.id,
        title: c.title,
        pack: c.pack,
        kind: c.kind,
        state: c.state,
        unitId: c.unitId,
        dueOn: c.dueOn,
        stage: c.stage.id,
        escalated: c.stage.escalated,
        ...(left >= 0 ? { daysLeft: left } : { daysOverdue: -left }),
        recipients: who.map((m) => m.userId),
        recipientNames: who.map((m) => m.name),
        words: stageWords(c.dueOn, today, c.stage.escalated),
      };
      out.push(reminder);
      if (dryRun) continue;
      await recordEvent(tx, {
        orgId: org.id,
        actor: 'system',
        kind: REMINDER_EVENT,
        subject: `record:${c.id}`,
        payload: {
          title: c.title,
          pack: c.pack,
          kind: c.kind,
          dueOn: c.dueOn,
          stage: c.stage.id,
          escalated: c.stage.escalated,
          asOf: today,
          ...(left >= 0 ? { daysLeft: left } : { daysOverdue: -left }),
          recipients: reminder.recipients,
        },
        at: now,
      });
    }
    const byStage: Record<string, number> = {};
    for (const r of out) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
    return { org: org.slug, today, dryRun, sent: out.length, byStage, reminders: out };
  });
}

const key = (recordId: string, dueOn: string, stage: string) => `${recordId}|${dueOn}|${stage}`;

/** The (record, due date, stage) reminders already written for these records. */
async function sentKeys(db: Db, orgId: string, subjects: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < subjects.length; i += 500) {
    const rows = await db
      .select({
        subject: events.subject,
        dueOn: sql<string>`${events.payload}->>'dueOn'`,
        stage: sql<string>`${events.payload}->>'stage'`,
      })
      .from(events)
      .where(
        and(
          eq(events.orgId, orgId),
          eq(events.kind, REMINDER_EVENT),
          inArray(events.subject, subjects.slice(i, i + 500)),
        ),
      );
    for (const r of rows) out.add(key(r.subject.slice('record:'.length), r.dueOn, r.stage));
  }
  return out;
}

/** Every role held in the organisation by an account that is not disabled. */
async function orgMembers(db: Db, orgId: string): Promise<Member[]> {
  return db
    .select({
      userId: roleMemberships.userId,
      name: users.displayName,
      role: roleMemberships.role,
      unitId: roleMemberships.unitId,
    })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .where(and(eq(roleMemberships.orgId, orgId), isNull(users.disabledAt)));
}

/** The operator's run, for one organisation or all: the command line and the daily job. */
export const sendReminders = defineUseCase({
  name: 'send deadline reminders',
  access: { kind: 'operator' },
  input: z.object({
    org: z.string().min(1).max(100).optional().describe('one organisation (slug); default every one'),
    asOf: zCalendarDate.optional().describe("the day to remind as of (default: each organisation's today)"),
    dryRun: z.boolean().default(false).describe('list what would be sent, write nothing'),
  }),
  async run({ app, input, now }) {
    const db = app.store.db;
    const orgs = await db
      .select()
      .from(organisations)
      .where(input.org === undefined ? undefined : eq(organisations.slug, input.org))
      .orderBy(asc(organisations.slug));
    if (input.org !== undefined && orgs.length === 0) {
      const all = await db.select({ slug: organisations.slug }).from(organisations);
      throw new AppError(
        'PRB_NOT_FOUND',
        `There is no organisation "${input.org}" in this store; organisations: ${all.map((o) => o.slug).join(', ') || '(none)'}.`,
      );
    }
    const runs: ReminderRun[] = [];
    for (const org of orgs) {
      runs.push(
        await runReminders(app, org, { today: input.asOf ?? orgToday(org, now), now, dryRun: input.dryRun }),
      );
    }
    return { organisations: runs, sent: runs.reduce((n, r) => n + r.sent, 0) };
  },
});

/**
 * The signed-in person's reminders of the last 30 days, newest first: the latest one per record, and only
 * while it still stands (the record is open, still due on that date, and the person may still read it).
 */
export const myReminders = defineUseCase({
  name: 'list my reminders',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({ org: z.string() }),
  async run({ app, org, principal, now }) {
    const db = app.store.db;
    const today = orgToday(org.org, now);
    const visible: SQL = recordQuery(app, org, { open: true }).where;
    const rows = await db
      .selectDistinctOn([events.subject], {
        seq: events.seq,
        at: events.at,
        payload: events.payload,
        record: dueRecordColumns,
      })
      .from(events)
      .innerJoin(
        records,
        and(eq(records.orgId, events.orgId), eq(records.id, sql`substr(${events.subject}, 8)`)),
      )
      .where(
        and(
          eq(events.orgId, org.org.id),
          eq(events.kind, REMINDER_EVENT),
          gte(events.at, new Date(now.getTime() - MY_REMINDERS_DAYS * 86_400_000)),
          sql`${events.payload}->'recipients' @> ${JSON.stringify([principal.userId])}::jsonb`,
          sql`${records.dueOn} = (${events.payload}->>'dueOn')::date`,
          visible,
        ),
      )
      .orderBy(events.subject, sql`${events.seq} desc`);
    rows.sort((a, b) => b.seq - a.seq);
    return {
      today,
      reminders: rows.map((r) => {
        const p = r.payload as { stage?: string; escalated?: boolean };
        const dueOn = r.record.dueOn as CalendarDate;
        const escalated = p.escalated === true;
        return {
          seq: r.seq,
          sentAt: r.at.toISOString(),
          stage: p.stage ?? '',
          escalated,
          dueOn,
          /** As of today: negative once overdue. */
          daysLeft: diffDays(dueOn, today),
          words: stageWords(dueOn, today, escalated),
          record: { ...r.record, dueOn },
        };
      }),
    };
  },
});
