// The event log as use cases: every state change records its event through recordEvent, inside the
// change's own transaction; admins and auditors read and verify the chain.
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../store/connect.ts';
import {
  appendEvent,
  type EventRecord,
  listEvents as listStoredEvents,
  verifyChain,
} from '../../store/events.ts';
import { users } from '../../store/schema.ts';
import { defineUseCase, type Principal } from '../use-case.ts';

export function actorId(p: Principal | 'system'): string {
  return p === 'system' || p.via === 'system' ? 'system' : `user:${p.userId}`;
}

export function recordEvent(
  tx: Db,
  e: {
    orgId: string;
    actor: Principal | 'system';
    kind: string;
    subject: string;
    payload: Record<string, unknown>;
    at: Date;
  },
): Promise<EventRecord> {
  return appendEvent(tx, {
    orgId: e.orgId,
    actor: actorId(e.actor),
    kind: e.kind,
    subject: e.subject,
    payload: e.payload,
    at: e.at,
  });
}

/** Adds the display name of each event's actor, for timelines that say who did what. */
export async function withActorNames<E extends Pick<EventRecord, 'actor'>>(db: Db, list: E[]) {
  const ids = [...new Set(list.filter((e) => e.actor.startsWith('user:')).map((e) => e.actor.slice(5)))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const u of await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, ids))) {
      names.set(`user:${u.id}`, u.name);
    }
  }
  return list.map((e) => ({ ...e, actorName: names.get(e.actor) ?? e.actor }));
}

export const listEvents = defineUseCase({
  name: 'read the event log',
  access: { kind: 'org', permission: 'events.read' },
  input: z.object({
    org: z.string(),
    subject: z.string().max(200).optional(),
    kind: z.string().max(100).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    afterSeq: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
  async run({ app, org, input }) {
    const list = await listStoredEvents(app.store.db, org.org.id, {
      ...(input.subject === undefined ? {} : { subject: input.subject }),
      ...(input.kind === undefined ? {} : { kind: input.kind }),
      ...(input.beforeSeq === undefined ? {} : { beforeSeq: input.beforeSeq }),
      ...(input.afterSeq === undefined ? {} : { afterSeq: input.afterSeq, order: 'asc' as const }),
      limit: input.limit,
    });
    return { events: await withActorNames(app.store.db, list) };
  },
});

export const verifyEvents = defineUseCase({
  name: 'verify the event log',
  access: { kind: 'org', permission: 'events.verify' },
  input: z.object({ org: z.string() }),
  async run({ app, org }) {
    return verifyChain(app.store.db, org.org.id);
  },
});
