// The reminder job beside the server: runs at start and on its interval, logs what it sent, survives a
// failing store, and stops cleanly.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, eq } from 'drizzle-orm';
import { type App, createApp } from '../../app/app.ts';
import { bootstrap } from '../../app/use-cases/bootstrap.ts';
import { todayIn } from '../../kernel/index.ts';
import { samplePack } from '../../packs/sample/index.ts';
import { events } from '../../store/schema.ts';
import { closeTestTemplate, openTestStore } from '../../store/testing.ts';
import { startReminderJob } from './reminders.ts';

after(closeTestTemplate);

describe('reminder job', () => {
  test('sends the reminders due at start, once, and logs them; a later run writes nothing new', async () => {
    const store = await openTestStore();
    try {
      const now = new Date(`${todayIn('America/Denver', new Date())}T19:00:00Z`);
      // The sample pack only: its demo records are the ones counted below.
      const app = createApp({ store, packs: [samplePack], clock: () => now });
      await bootstrap(app);
      const info: string[] = [];
      const errors: string[] = [];
      const job = startReminderJob(app, { info: (l) => info.push(l), error: (l) => errors.push(l) });
      await job.runNow();
      // The sample demo: two records overdue by a day or two, two due within the week.
      assert.deepEqual(info, ['Deadline reminders sent: demo: 4 (due 2, before-7 2).']);
      const sent = async () => {
        const [row] = await store.db
          .select({ n: count() })
          .from(events)
          .where(eq(events.kind, 'reminder.sent'));
        return row?.n ?? 0;
      };
      assert.equal(await sent(), 4);
      await job.runNow();
      assert.equal(await sent(), 4, 'idempotent');
      assert.equal(info.length, 1, 'nothing new, nothing logged');
      await job.stop();
      await job.runNow();
      assert.deepEqual(errors, []);
    } finally {
      await store.close();
    }
  });

  test('a failure is logged, the job keeps its schedule, and stop ends it', async () => {
    const broken = {
      store: {
        db: {
          select() {
            throw new Error('the database went away');
          },
        },
      },
      packs: [],
      roles: [],
      clock: () => new Date(),
      sessionHours: 12,
    } as unknown as App;
    const errors: string[] = [];
    const job = startReminderJob(
      broken,
      { info: () => {}, error: (l) => errors.push(l) },
      { intervalMs: 10 },
    );
    await sleep(60);
    await job.stop();
    assert.ok(errors.length >= 2, `ran at start and again on its interval (${errors.length} runs)`);
    assert.equal(errors[0], 'Deadline reminders failed (the next run tries again): the database went away');
    const seen = errors.length;
    await sleep(40);
    assert.equal(errors.length, seen, 'no run after stop');
  });
});
