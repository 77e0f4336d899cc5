import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { canonicalJson } from './canonical-json.ts';
import { appendEvent, GENESIS_HASH, listEvents, verifyChain } from './events.ts';
import { closeTestTemplate, openTestStore } from './testing.ts';

after(closeTestTemplate);

async function seeded(n: number) {
  const store = await openTestStore();
  for (let i = 1; i <= n; i++) {
    await store.db.transaction(async (tx) => {
      await appendEvent(tx, {
        orgId: 'org-a',
        actor: 'user:1',
        kind: 'record.created',
        subject: `record:${i}`,
        payload: { amountCents: i * 100, note: `n${i}` },
        at: new Date(Date.UTC(2026, 0, i, 12)),
      });
    });
  }
  return store;
}

describe('event log', () => {
  test('canonical JSON sorts keys and drops undefined so equal values hash equally', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } }), '{"a":{"d":[1,"x"]},"b":1}');
    assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
  });

  test('appends a chain per organisation whose links verify', async () => {
    const store = await seeded(5);
    try {
      await store.db.transaction((tx) =>
        appendEvent(tx, { orgId: 'org-b', actor: 'u', kind: 'k', subject: 's', payload: {} }),
      );
      const a = await listEvents(store.db, 'org-a', { order: 'asc' });
      assert.deepEqual(
        a.map((e) => e.seq),
        [1, 2, 3, 4, 5],
      );
      assert.equal(a[0]?.prevHash, GENESIS_HASH);
      assert.equal(a[1]?.prevHash, a[0]?.hash);
      const b = await listEvents(store.db, 'org-b');
      assert.equal(b[0]?.seq, 1, 'each organisation has its own chain');
      const result = await verifyChain(store.db, 'org-a', 2);
      assert.deepEqual(result.ok && [result.count, result.head], [5, a[4]?.hash]);
    } finally {
      await store.close();
    }
  });

  test('refuses UPDATE and DELETE on events through the append-only trigger', async () => {
    const store = await seeded(2);
    try {
      // Drizzle wraps the database error; the trigger's message is its cause.
      const appendOnly = (e: unknown) =>
        /append-only/.test(String((e as Error & { cause?: Error }).cause?.message));
      await assert.rejects(store.db.execute(sql`update events set actor = 'x' where seq = 1`), appendOnly);
      await assert.rejects(store.db.execute(sql`delete from events where seq = 2`), appendOnly);
      assert.equal((await verifyChain(store.db, 'org-a')).ok, true);
    } finally {
      await store.close();
    }
  });

  test('verify names the event whose row was edited directly in the database', async () => {
    const store = await seeded(6);
    try {
      // An attacker with owner rights disables the trigger and rewrites event 4's payload.
      await store.db.execute(sql`alter table events disable trigger events_append_only`);
      await store.db.execute(
        sql`update events set payload = '{"amountCents": 1, "note": "n4"}'::jsonb where org_id = 'org-a' and seq = 4`,
      );
      const result = await verifyChain(store.db, 'org-a', 2);
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.seq, 4);
      assert.equal(result.reason, 'hash-mismatch');
      assert.match(result.message, /event 4/);
    } finally {
      await store.close();
    }
  });

  test('verify names a deleted event as a gap in the sequence', async () => {
    const store = await seeded(4);
    try {
      await store.db.execute(sql`alter table events disable trigger events_append_only`);
      await store.db.execute(sql`delete from events where org_id = 'org-a' and seq = 2`);
      const result = await verifyChain(store.db, 'org-a');
      assert.ok(!result.ok);
      assert.deepEqual([result.seq, result.reason], [2, 'sequence-gap']);
    } finally {
      await store.close();
    }
  });

  test('verify names an event re-hashed to hide an edit because the next link breaks', async () => {
    const store = await seeded(4);
    try {
      const [e2] = await listEvents(store.db, 'org-a', { afterSeq: 1, limit: 1, order: 'asc' });
      assert.ok(e2);
      await store.db.execute(sql`alter table events disable trigger events_append_only`);
      await store.db.execute(
        sql`update events set hash = ${'f'.repeat(64)} where org_id = 'org-a' and seq = 2`,
      );
      const result = await verifyChain(store.db, 'org-a');
      assert.ok(!result.ok);
      assert.equal(result.seq, 2);
    } finally {
      await store.close();
    }
  });
});
