// A person's iCalendar feed of an organisation's deadlines: every open record with a due date that the
// person may read, as an all-day event on that date. Calendar apps send no cookie or header, so the feed
// is found by a secret in its URL; only the secret's SHA-256 is stored, as for API tokens. One active
// feed per person and organisation; creating a new one revokes the old, and revoking ends it.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import ical from 'ical-generator';
import { z } from 'zod';
import type { CalendarDate } from '../../kernel/index.ts';
import type { Db } from '../../store/connect.ts';
import { calendarFeeds, organisations, records, users } from '../../store/schema.ts';
import { newId, newSecret, sha256 } from '../auth/secrets.ts';
import { AppError, notFound } from '../errors.ts';
import { defineUseCase, loadOrgScope, type Organisation, type Principal } from '../use-case.ts';
import { recordEvent } from './events.ts';
import { recordQuery } from './record-queries.ts';
import { dueRecordColumns, workflowOfRecord } from './reminders.ts';

export const FEED_PREFIX = 'prc_';
/** At most this many events in one feed: the nearest due dates first. */
export const FEED_LIMIT = 2000;

const feedPath = (slug: string, secret: string) =>
  `/api/v1/orgs/${encodeURIComponent(slug)}/deadlines.ics?token=${encodeURIComponent(secret)}`;

/** The person's active feed in the organisation (at most one; see revokeActiveFeeds). */
const activeFeedOf = (orgId: string, userId: string) =>
  and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt));

/**
 * Revokes the person's active feed, returning the ids revoked. Two requests at once (a double click)
 * take turns on a lock held to the end of the transaction, so the second revokes the feed the first
 * created instead of leaving two active.
 */
async function revokeActiveFeeds(tx: Db, orgId: string, userId: string, now: Date) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`probity-feed:${orgId}:${userId}`}, 0))`,
  );
  return tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(activeFeedOf(orgId, userId))
    .returning({ id: calendarFeeds.id });
}

export const calendarFeedStatus = defineUseCase({
  name: 'show my calendar feed',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({ org: z.string() }),
  async run({ app, org, principal }) {
    const [feed] = await app.store.db
      .select()
      .from(calendarFeeds)
      .where(activeFeedOf(org.org.id, principal.userId))
      .limit(1);
    return feed
      ? {
          active: true,
          prefix: feed.prefix,
          createdAt: feed.createdAt.toISOString(),
          lastUsedAt: feed.lastUsedAt?.toISOString() ?? null,
        }
      : { active: false };
  },
});

export const createCalendarFeed = defineUseCase({
  name: 'create my calendar feed',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({ org: z.string() }),
  async run({ app, org, principal, now }) {
    const secret = newSecret(FEED_PREFIX);
    const id = newId();
    const prefix = secret.slice(0, 10);
    await app.store.db.transaction(async (tx) => {
      const revoked = await revokeActiveFeeds(tx, org.org.id, principal.userId, now);
      await tx.insert(calendarFeeds).values({
        orgId: org.org.id,
        id,
        userId: principal.userId,
        prefix,
        tokenHash: sha256(secret),
        createdAt: now,
      });
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'calendar-feed.created',
        subject: `user:${principal.userId}`,
        payload: { feedId: id, prefix, replaced: revoked.map((r) => r.id) },
        at: now,
      });
    });
    // The path; the HTTP route makes it a full URL with the server's own address.
    return { id, prefix, createdAt: now.toISOString(), path: feedPath(org.org.slug, secret) };
  },
});

export const revokeCalendarFeed = defineUseCase({
  name: 'revoke my calendar feed',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({ org: z.string() }),
  async run({ app, org, principal, now }) {
    return app.store.db.transaction(async (tx) => {
      const revoked = await revokeActiveFeeds(tx, org.org.id, principal.userId, now);
      if (revoked.length === 0) throw notFound(`An active calendar feed of yours in ${org.org.name}`);
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'calendar-feed.revoked',
        subject: `user:${principal.userId}`,
        payload: { feedId: revoked.map((r) => r.id) },
        at: now,
      });
      return { revoked: true };
    });
  },
});

export interface FeedItem {
  id: string;
  title: string;
  pack: string;
  kind: string;
  state: string;
  /** The state as its workflow names it, e.g. "Requested". */
  stateTitle: string;
  dueOn: CalendarDate;
}

/**
 * The feed itself, found by its secret (public access: the secret is the credential). A missing secret is
 * 401; a wrong or revoked one, an unknown organisation, or a person no longer a member are all 404, so
 * the answer tells nothing about which organisations or feeds exist.
 */
export const deadlinesFeed = defineUseCase({
  name: 'read a calendar feed of deadlines',
  access: { kind: 'public' },
  input: z.object({ org: z.string().min(1).max(100), token: z.string().max(200).optional() }),
  async run({ app, input, now }) {
    if (!input.token) {
      throw new AppError(
        'PRB_UNAUTHENTICATED',
        'A calendar feed address carries its key (?token=…); create one on your profile page.',
      );
    }
    const gone = () => notFound('This calendar feed');
    const db = app.store.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.slug, input.org));
    if (!org) throw gone();
    // The organisation's id first, so the feed is read from its own shard (Citus) by its unique index.
    const [row] = await db
      .select({ feed: calendarFeeds, user: users })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(
        and(
          eq(calendarFeeds.orgId, org.id),
          eq(calendarFeeds.tokenHash, sha256(input.token)),
          isNull(calendarFeeds.revokedAt),
        ),
      );
    if (!row || row.user.disabledAt) throw gone();
    const principal: Principal = {
      userId: row.user.id,
      email: row.user.email,
      displayName: row.user.displayName,
      mustChangePassword: false,
      via: 'token',
      credentialId: row.feed.id,
    };
    const scope = await loadOrgScope(app, principal, input.org).catch(() => undefined);
    if (!scope || scope.scope('records.read') === 'none') throw gone();
    const { where, orderBy } = recordQuery(app, scope, { open: true, sort: 'dueOn', dir: 'asc' });
    const rows = await db
      .select(dueRecordColumns)
      .from(records)
      .where(and(where, isNotNull(records.dueOn)))
      .orderBy(...orderBy)
      .limit(FEED_LIMIT);
    await db
      .update(calendarFeeds)
      .set({ lastUsedAt: now })
      .where(and(eq(calendarFeeds.orgId, org.id), eq(calendarFeeds.id, row.feed.id)));
    const items: FeedItem[] = rows.map((r) => ({
      ...r,
      stateTitle: workflowOfRecord(app, r)?.states[r.state]?.title ?? r.state,
      dueOn: r.dueOn as CalendarDate,
    }));
    return { org, items };
  },
});

/**
 * RFC 5545 text: CRLF line ends, lines folded at 75 octets and text escaped (ical-generator does both).
 * `origin` is the server's own address, for the link back to each record.
 */
export function deadlinesCalendar(
  org: Organisation,
  items: readonly FeedItem[],
  opts: { origin: string; now: Date },
): string {
  const cal = ical({
    name: `${org.name}: deadlines (Probity)`,
    prodId: { company: 'Probity', product: 'deadlines', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const i of items) {
    const link = `${opts.origin}/o/${encodeURIComponent(org.slug)}/records/${encodeURIComponent(i.id)}`;
    cal.createEvent({
      // Stable per record: a changed due date moves the event instead of adding another.
      id: `record-${i.id}@${org.slug}.probity`,
      // A date string with allDay is written as DTSTART;VALUE=DATE, independent of any time zone.
      start: i.dueOn,
      allDay: true,
      stamp: opts.now,
      summary: `${i.title}: due`,
      description: `State: ${i.stateTitle}\n${link}`,
      url: link,
    });
  }
  const text = cal.toString();
  // Every content line ends with CRLF, the last one too.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
