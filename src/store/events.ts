// The append-only, hash-chained event log (DESIGN.md, Store). Each organisation has one chain:
// seq 1, 2, 3 …; prev_hash is the previous event's hash (64 zeros for the first);
// hash = sha256(prev_hash || canonical JSON of {orgId, seq, at, actor, kind, subject, payload}).
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { canonicalJson } from './canonical-json.ts';
import type { Db } from './connect.ts';
import { events } from './schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewEvent {
  orgId: string;
  actor: string;
  kind: string;
  subject: string;
  payload: Record<string, unknown>;
  at?: Date;
}

export interface EventRecord {
  orgId: string;
  seq: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function eventHash(prevHash: string, e: Omit<EventRecord, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    orgId: e.orgId,
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    kind: e.kind,
    subject: e.subject,
    payload: e.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

type EventRow = typeof events.$inferSelect;

function toRecord(row: EventRow): EventRecord {
  return {
    orgId: row.orgId,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    kind: row.kind,
    subject: row.subject,
    payload: row.payload as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * Appends one event. Call it inside the transaction that makes the state change it records, so the two
 * commit together or not at all. The per-organisation advisory lock serialises writers of one chain.
 */
export async function appendEvent(tx: Db, e: NewEvent): Promise<EventRecord> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`probity-events:${e.orgId}`}, 0))`);
  const [last] = await tx
    .select({ seq: events.seq, hash: events.hash })
    .from(events)
    .where(eq(events.orgId, e.orgId))
    .orderBy(desc(events.seq))
    .limit(1);
  // JSON round trip: the payload stored is exactly what was hashed (no undefined, no class instances).
  const payload = JSON.parse(canonicalJson(e.payload)) as Record<string, unknown>;
  const at = new Date(e.at ?? Date.now());
  const base = {
    orgId: e.orgId,
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: e.actor,
    kind: e.kind,
    subject: e.subject,
    payload,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = eventHash(prevHash, base);
  await tx.insert(events).values({ ...base, at, prevHash, hash });
  return { ...base, prevHash, hash };
}

export interface ListEventsOptions {
  subject?: string;
  kind?: string;
  /** Events with seq below this (paging backwards from the newest). */
  beforeSeq?: number;
  /** Events with seq above this (paging forwards, e.g. to follow the log). */
  afterSeq?: number;
  limit?: number;
  order?: 'asc' | 'desc';
}

export async function listEvents(
  db: Db,
  orgId: string,
  opts: ListEventsOptions = {},
): Promise<EventRecord[]> {
  const where = [eq(events.orgId, orgId)];
  if (opts.subject !== undefined) where.push(eq(events.subject, opts.subject));
  if (opts.kind !== undefined) where.push(eq(events.kind, opts.kind));
  if (opts.beforeSeq !== undefined) where.push(lt(events.seq, opts.beforeSeq));
  if (opts.afterSeq !== undefined) where.push(gt(events.seq, opts.afterSeq));
  const rows = await db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(opts.order === 'asc' ? asc(events.seq) : desc(events.seq))
    .limit(Math.min(Math.max(opts.limit ?? 100, 1), 1000));
  return rows.map(toRecord);
}

export type ChainBreak = 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch';

export type VerifyResult =
  | { ok: true; orgId: string; count: number; head: string }
  | {
      ok: false;
      orgId: string;
      count: number;
      /** The first event whose link is broken. */
      seq: number;
      reason: ChainBreak;
      message: string;
      expected: string;
      actual: string;
    };

/** Recomputes an organisation's chain from the first event and names the first broken link. */
export async function verifyChain(db: Db, orgId: string, batchSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(events)
      .where(and(eq(events.orgId, orgId), gt(events.seq, expectedSeq - 1)))
      .orderBy(asc(events.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, orgId, count, head: prevHash };
    for (const row of rows) {
      const e = toRecord(row);
      if (e.seq !== expectedSeq) {
        return {
          ok: false,
          orgId,
          count,
          seq: expectedSeq,
          reason: 'sequence-gap',
          message: `event ${expectedSeq} is missing: the next event found is ${e.seq}`,
          expected: String(expectedSeq),
          actual: String(e.seq),
        };
      }
      if (e.prevHash !== prevHash) {
        return {
          ok: false,
          orgId,
          count,
          seq: e.seq,
          reason: 'prev-hash-mismatch',
          message: `event ${e.seq} does not link to event ${e.seq - 1}: its prev_hash differs from that event's hash`,
          expected: prevHash,
          actual: e.prevHash,
        };
      }
      const recomputed = eventHash(prevHash, e);
      if (recomputed !== e.hash) {
        return {
          ok: false,
          orgId,
          count,
          seq: e.seq,
          reason: 'hash-mismatch',
          message: `event ${e.seq} (${e.kind} on ${e.subject}) was altered after it was written: its content no longer matches its hash`,
          expected: recomputed,
          actual: e.hash,
        };
      }
      prevHash = e.hash;
      expectedSeq++;
      count++;
    }
  }
}
