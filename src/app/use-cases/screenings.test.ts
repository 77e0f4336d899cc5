// Screening runs as background jobs, with a stand-in engine so the runner's own behaviour is what is
// judged: a run is taken and reports progress, ends done with its totals and report or failed with a reason,
// its uploaded files go when it ends, runs a stopped server left are failed or resumed, stopping fails the
// run under way, and the daily schedule queues one store screening per organisation that uses the pack.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { ProbityError } from '../../kernel/index.ts';
import type { PackModule } from '../../packs/framework.ts';
import { samplePack } from '../../packs/sample/index.ts';
import type { Ledger, Screen } from '../../packs/screens.ts';
import { events, organisations, screeningRuns, users } from '../../store/schema.ts';
import { closeTestTemplate, openTestStore, type TestStore } from '../../store/testing.ts';
import { type App, createApp } from '../app.ts';
import type { FileScreeningOptions } from '../screening/run-files.ts';
import type { StoreScreeningOptions } from '../screening/run-store.ts';
import type { ScreeningReport } from '../screening/types.ts';
import { execute, OPERATOR, type Principal } from '../use-case.ts';
import { bootstrap, DEMO_ADMIN_EMAIL } from './bootstrap.ts';
import { createOrganisation } from './organisations.ts';
import {
  beginScreeningUpload,
  createStoreScreening,
  createUploadScreening,
  getScreening,
  getScreeningReport,
  listScreenings,
  type RunnerLog,
  type ScreeningEngine,
  scheduleScreenings,
  screeningRunner,
  screeningsDir,
} from './screenings.ts';

after(closeTestTemplate);

// The sample pack with one ledger made from its petty-cash disbursements and one screen: enough for
// the runner, which never looks inside a screen (the stand-in engine does the screening).
const cash: Ledger = {
  id: 'cash',
  title: 'Petty cash',
  option: 'cash',
  description: 'Petty-cash payments',
  idColumn: 'id',
  dateColumn: 'paid_on',
  amountColumn: 'amount',
  columns: [
    { name: 'id', title: 'Payment', type: 'text', required: true },
    { name: 'paid_on', title: 'Paid on', type: 'date', required: true },
    { name: 'amount', title: 'Amount', type: 'money', required: true },
  ],
  fromRecords: [{ kind: 'disbursement', columns: { paid_on: 'paidOn', amount: 'amountCents' } }],
};
const large: Screen = {
  id: 'sample.screen.large-payment',
  title: 'Large petty-cash payment',
  description: 'A payment above $1,000.00',
  ledger: 'cash',
  kind: 'violation',
  severity: 'medium',
  citations: [],
  message: 'Paid {row.amount}',
  shape: 'row',
  when: { compare: [{ column: 'amount' }, '>', { value: 100_000 }] },
};
const screenedSample: PackModule = { ...samplePack, ledgers: [cash], screens: [large] };

function sampleReport(hits: number): ScreeningReport {
  return {
    pack: { id: 'sample', version: '1.0.0', title: 'Sample' },
    engine: 'duckdb',
    generatedAt: '2026-11-23T12:00:00.000Z',
    inputs: [
      {
        ledger: 'cash',
        source: 'cash.csv',
        format: 'csv',
        rows: 3,
        accepted: 2,
        rejected: 1,
        mapping: {},
      },
    ],
    badRows: [{ ledger: 'cash', line: 4, column: 'amount', reason: '"twelve" is not an amount' }],
    badRowCount: 1,
    screens: [],
    hits: [],
    totals: { rows: 3, hits, violations: hits, notices: 0, flaggedCents: 150_000 },
    milliseconds: 4,
  };
}

/** A stand-in engine: records what it was asked, and runs `behave` (default: a report with 2 hits). */
function standIn(
  behave?: (progress: (fraction: number, message: string) => void) => Promise<ScreeningReport>,
) {
  const calls: { files?: FileScreeningOptions; store?: StoreScreeningOptions }[] = [];
  const run = (
    onProgress: ((p: { phase: 'reading'; fraction: number; message: string }) => void) | undefined,
  ) =>
    (behave ?? (async () => sampleReport(2)))((fraction, message) =>
      onProgress?.({ phase: 'reading', fraction, message }),
    );
  const engine: ScreeningEngine = {
    async screenFiles(opts) {
      calls.push({ files: opts });
      return run(opts.onProgress);
    },
    async screenStore(_db, opts) {
      calls.push({ store: opts });
      return run(opts.onProgress);
    },
    async readMappingFile() {
      return { cash: { columns: { amount: 'Total' } } };
    },
  };
  return { engine, calls };
}

interface Fixture {
  store: TestStore;
  app: App;
  admin: Principal;
  log: RunnerLog;
  /** What the runner logged. */
  lines: { info: string[]; error: string[] };
  now: { value: Date };
}

/** The demo organisation over a fresh store, its administrator, and a runner with the stand-in engine. */
async function fixture(engine: ScreeningEngine): Promise<Fixture> {
  const store = await openTestStore();
  const now = { value: new Date('2026-11-23T19:00:00Z') };
  const app = createApp({ store, packs: [screenedSample], clock: () => now.value });
  await bootstrap(app);
  const [user] = await store.db.select().from(users).where(eq(users.email, DEMO_ADMIN_EMAIL));
  assert.ok(user);
  const lines = { info: [] as string[], error: [] as string[] };
  const log: RunnerLog = { info: (l) => lines.info.push(l), error: (l) => lines.error.push(l) };
  screeningRunner(app, { engine, log, progressEveryMs: 0 });
  const admin: Principal = {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    mustChangePassword: false,
    via: 'session',
  };
  return { store, app, admin, log, lines, now };
}

/** Waits until `check` holds (the runner works in the background), failing after a generous while. */
async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const got = await check();
    if (got !== undefined) return got;
    await sleep(10);
  }
  throw new Error(`gave up waiting until ${what}`);
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

async function eventsOf(store: TestStore, id: string) {
  return store.db
    .select({ kind: events.kind, actor: events.actor, payload: events.payload })
    .from(events)
    .where(eq(events.subject, `screening:${id}`))
    .orderBy(events.seq);
}

describe('screening runs', () => {
  test('a store run is queued, reports its progress while it runs, and once done holds its totals and report', async () => {
    const halfway = gate();
    const release = gate();
    const { engine, calls } = standIn(async (progress) => {
      progress(0.5, 'Screening 8 of 16');
      halfway.open();
      await release.opened;
      return sampleReport(2);
    });
    const f = await fixture(engine);
    try {
      const queued = await execute(f.app, createStoreScreening, f.admin, {
        org: 'demo',
        pack: 'sample',
        from: '2025-07-01',
        to: '2026-06-30',
      });
      assert.equal(queued.status, 'queued');
      assert.equal(queued.source, 'store');
      assert.deepEqual(queued.requestedBy, { id: f.admin.userId, name: f.admin.displayName });
      await halfway.opened;
      const running = await until('the progress is written', async () => {
        const run = await execute(f.app, getScreening, f.admin, { org: 'demo', id: queued.id });
        return run.progress === 5000 ? run : undefined;
      });
      assert.equal(running.status, 'running');
      assert.equal(running.message, 'Screening 8 of 16');
      await assert.rejects(
        execute(f.app, getScreeningReport, f.admin, { org: 'demo', id: queued.id, format: 'json' }),
        (e: ProbityError) => e.code === 'PRB_SCREENING_NOT_DONE' && /running \(50%\)/.test(e.message),
      );
      release.open();
      await screeningRunner(f.app).idle();
      const done = await execute(f.app, getScreening, f.admin, { org: 'demo', id: queued.id });
      assert.equal(done.status, 'done');
      assert.equal(done.progress, 10_000);
      assert.deepEqual(done.summary, { rows: 3, badRows: 1, hits: 2, violations: 2, flaggedCents: 150_000 });
      assert.equal(
        done.message,
        '2 hits (2 violations, $1,500.00 flagged) in 3 rows; 1 row could not be read',
      );
      // The engine was asked for the organisation's records of the pack, in the period, with its year.
      const asked = calls[0]?.store;
      assert.equal(asked?.orgId, (await orgId(f.store, 'demo')) ?? '');
      assert.equal(asked?.pack.pack.manifest.id, 'sample');
      assert.equal(asked?.from, '2025-07-01');
      assert.equal(asked?.to, '2026-06-30');
      assert.equal(asked?.fiscalYearStartMonth, 7);
      assert.equal(asked?.organisation?.id, 'demo');
      const report = await execute(f.app, getScreeningReport, f.admin, {
        org: 'demo',
        id: queued.id,
        format: 'json',
      });
      assert.equal(report.mediaType, 'application/json; charset=utf-8');
      assert.match(report.filename, new RegExp(`^screening-sample-2026-11-23-${queued.id}\\.json$`));
      const parsed = JSON.parse([...report.chunks].join('')) as ScreeningReport;
      assert.deepEqual(parsed.badRows, sampleReport(2).badRows);
      assert.deepEqual(parsed.totals, sampleReport(2).totals);
      const csv = await execute(f.app, getScreeningReport, f.admin, {
        org: 'demo',
        id: queued.id,
        format: 'csv',
      });
      assert.equal(csv.mediaType, 'text/csv; charset=utf-8');
      assert.deepEqual(
        (await eventsOf(f.store, queued.id)).map((e) => [
          e.kind,
          e.actor,
          (e.payload as { status?: string }).status,
        ]),
        [
          ['screening.requested', `user:${f.admin.userId}`, undefined],
          ['screening.finished', 'system', 'done'],
        ],
      );
      assert.deepEqual(f.lines.error, []);
    } finally {
      await f.store.close();
    }
  });

  test('an upload run reads the files kept under the data directory, names them as uploaded, and removes them when it ends', async () => {
    const { engine, calls } = standIn();
    const f = await fixture(engine);
    try {
      const begun = await execute(f.app, beginScreeningUpload, f.admin, { org: 'demo', pack: 'sample' });
      assert.equal(begun.dir, join(screeningsDir(f.app), begun.id));
      assert.deepEqual(begun.ledgers, [{ id: 'cash', title: 'Petty cash' }]);
      const csv = 'id,paid_on,amount\nP1,2026-07-01,1500.00\n';
      await writeFile(join(begun.dir, 'cash.csv'), csv);
      await writeFile(join(begun.dir, 'mapping.yaml'), 'cash:\n  columns:\n    amount: Total\n');
      const input = {
        org: 'demo',
        pack: 'sample',
        id: begun.id,
        files: { cash: { name: 'FY2027 petty cash.csv', file: 'cash.csv', bytes: csv.length } },
        mapping: { name: 'mapping.yaml', file: 'mapping.yaml', bytes: 33 },
      };
      // A ledger the pack lacks, and a file that never arrived, are named.
      await assert.rejects(
        execute(f.app, createUploadScreening, f.admin, {
          ...input,
          files: { ...input.files, payroll: { name: 'p.csv', file: 'payroll.csv', bytes: 1 } },
        }),
        (e: ProbityError & { issues?: { path: string; message: string }[] }) =>
          e.issues?.[0]?.path === '/files/payroll' && /its ledgers are cash/.test(e.issues[0].message),
      );
      await assert.rejects(
        execute(f.app, createUploadScreening, f.admin, {
          ...input,
          files: { cash: { ...input.files.cash, bytes: 999 } },
        }),
        (e: ProbityError & { issues?: { path: string }[] }) => e.issues?.[0]?.path === '/files/cash',
      );
      const queued = await execute(f.app, createUploadScreening, f.admin, input);
      assert.deepEqual(queued.files, [{ ledger: 'cash', name: 'FY2027 petty cash.csv', bytes: csv.length }]);
      await screeningRunner(f.app).idle();
      const asked = calls[0]?.files;
      assert.deepEqual(asked?.files, { cash: join(begun.dir, 'cash.csv') });
      assert.deepEqual(asked?.mapping, { cash: { columns: { amount: 'Total' } } });
      assert.equal(existsSync(begun.dir), false, 'the files are gone');
      const report = await execute(f.app, getScreeningReport, f.admin, {
        org: 'demo',
        id: queued.id,
        format: 'json',
      });
      const parsed = JSON.parse([...report.chunks].join('')) as ScreeningReport;
      assert.equal(parsed.inputs[0]?.source, 'FY2027 petty cash.csv');
      const list = await execute(f.app, listScreenings, f.admin, { org: 'demo' });
      assert.deepEqual(
        list.runs.map((r) => [r.id, r.status]),
        [[queued.id, 'done']],
      );
      assert.deepEqual(
        list.packs.map((p) => [p.id, p.store, p.ledgers.map((l) => l.id)]),
        [['sample', true, ['cash']]],
      );
    } finally {
      await f.store.close();
    }
  });

  test('a run the engine refuses fails with its reason; an unexpected error fails it without showing the details, which are logged', async () => {
    let next: Error = new ProbityError('PRB_INPUT_INVALID', 'cash.csv has no column "paid_on"');
    const { engine } = standIn(async () => {
      throw next;
    });
    const f = await fixture(engine);
    try {
      const refused = await execute(f.app, createStoreScreening, f.admin, { org: 'demo', pack: 'sample' });
      await screeningRunner(f.app).idle();
      const failed = await execute(f.app, getScreening, f.admin, { org: 'demo', id: refused.id });
      assert.equal(failed.status, 'failed');
      assert.equal(failed.error, 'cash.csv has no column "paid_on"');
      assert.equal(failed.summary, null);
      await assert.rejects(
        execute(f.app, getScreeningReport, f.admin, { org: 'demo', id: refused.id, format: 'html' }),
        (e: ProbityError) =>
          e.code === 'PRB_SCREENING_NOT_DONE' && /it failed \(cash\.csv has no column/.test(e.message),
      );
      next = new Error('socket hang up at 10.0.0.7');
      const broken = await execute(f.app, createStoreScreening, f.admin, { org: 'demo', pack: 'sample' });
      await screeningRunner(f.app).idle();
      const failedToo = await execute(f.app, getScreening, f.admin, { org: 'demo', id: broken.id });
      assert.equal(failedToo.status, 'failed');
      assert.match(failedToo.error ?? '', /unexpected error \(the server log has the details\)/);
      assert.doesNotMatch(failedToo.error ?? '', /10\.0\.0\.7/);
      assert.equal(f.lines.error.length, 1);
      assert.match(f.lines.error[0] ?? '', /socket hang up at 10\.0\.0\.7/);
    } finally {
      await f.store.close();
    }
  });

  test('runs a stopped server left: running ones fail saying so, queued ones resume, queued uploads whose files are gone fail', async () => {
    const { engine } = standIn();
    const f = await fixture(engine);
    try {
      const demo = (await orgId(f.store, 'demo')) ?? '';
      const minutesAgo = (n: number) => new Date(f.now.value.getTime() - n * 60_000);
      const row = (id: string, status: 'queued' | 'running', source: 'store' | 'upload', beat = 0) => ({
        orgId: demo,
        id,
        pack: 'sample',
        source,
        status,
        requestedBy: f.admin.userId,
        inputs:
          source === 'upload' ? [{ ledger: 'cash', name: 'cash.csv', file: 'cash.csv', bytes: 10 }] : [],
        createdAt: minutesAgo(10),
        ...(status === 'running' ? { startedAt: minutesAgo(10), heartbeatAt: minutesAgo(beat) } : {}),
      });
      await f.store.db
        .insert(screeningRuns)
        .values([
          row('left-running-silent', 'running', 'store', 3),
          row('left-running-beating', 'running', 'store', 0),
          row('left-queued-store', 'queued', 'store'),
          row('left-queued-upload', 'queued', 'upload'),
        ]);
      // A new process over the same store: its runner recovers when it starts.
      const later = createApp({ store: f.store, packs: [screenedSample], clock: () => f.now.value });
      const runner = screeningRunner(later, { engine, log: f.log, progressEveryMs: 0 });
      await runner.idle();
      const status = (id: string) => execute(later, getScreening, f.admin, { org: 'demo', id });
      const lostRun = 'The server stopped while this screening ran (a restart or a crash); start it again.';
      // Its heartbeat stopped three minutes ago: lost, whichever store.
      const silent = await status('left-running-silent');
      assert.equal(silent.status, 'failed');
      assert.equal(silent.error, lostRun);
      assert.equal((await status('left-queued-store')).status, 'done');
      const beating = await status('left-running-beating');
      const upload = await status('left-queued-upload');
      if (f.store.kind === 'pglite') {
        // One process holds the embedded store: whatever it left running or queued without files is lost.
        assert.equal(beating.status, 'failed');
        assert.equal(beating.error, lostRun);
        assert.equal(upload.status, 'failed');
        assert.match(upload.error ?? '', /uploaded files were lost/);
      } else {
        // On a server another process may be running it, or hold its files.
        assert.equal(beating.status, 'running');
        assert.equal(upload.status, 'queued');
      }
    } finally {
      await f.store.close();
    }
  });

  test('stopping the runner fails the run under way, and its late result is not written', async () => {
    const started = gate();
    const release = gate();
    const { engine } = standIn(async () => {
      started.open();
      await release.opened;
      return sampleReport(5);
    });
    const f = await fixture(engine);
    try {
      const run = await execute(f.app, createStoreScreening, f.admin, { org: 'demo', pack: 'sample' });
      await started.opened;
      await screeningRunner(f.app).stop();
      release.open();
      // The run's own ending (which would write "done") has come and gone.
      await screeningRunner(f.app).idle();
      const stopped = await execute(f.app, getScreening, f.admin, { org: 'demo', id: run.id });
      assert.equal(stopped.status, 'failed');
      assert.equal(stopped.error, 'The server was stopped while this screening ran; start it again.');
      assert.equal(stopped.summary, null);
    } finally {
      await f.store.close();
    }
  });

  test('the schedule queues one store screening a day for each organisation that keeps records the pack screens', async () => {
    const { engine, calls } = standIn();
    const f = await fixture(engine);
    try {
      // An organisation without any petty-cash record has nothing to screen.
      await createOrganisation(f.app, { slug: 'empty-lea', name: 'Empty LEA' });
      const first = await execute(f.app, scheduleScreenings, OPERATOR, {});
      assert.deepEqual(
        first.started.map((s) => [s.org, s.pack]),
        [['demo', 'sample']],
      );
      await screeningRunner(f.app).idle();
      const run = await execute(f.app, getScreening, f.admin, {
        org: 'demo',
        id: first.started[0]?.id ?? '',
      });
      assert.equal(run.scheduled, true);
      assert.equal(run.requestedBy, null);
      assert.equal(run.status, 'done');
      assert.equal(calls.length, 1);
      assert.deepEqual(
        (await eventsOf(f.store, run.id)).map((e) => e.actor),
        ['system', 'system'],
      );
      f.now.value = new Date(f.now.value.getTime() + 22 * 3_600_000);
      assert.deepEqual((await execute(f.app, scheduleScreenings, OPERATOR, {})).started, [], 'not yet a day');
      f.now.value = new Date(f.now.value.getTime() + 1 * 3_600_000);
      const nextDay = await execute(f.app, scheduleScreenings, OPERATOR, {});
      assert.deepEqual(
        nextDay.started.map((s) => s.org),
        ['demo'],
      );
      await screeningRunner(f.app).idle();
      await assert.rejects(
        execute(f.app, scheduleScreenings, f.admin, {}),
        (e: ProbityError) => e.code === 'PRB_FORBIDDEN',
        'only the operator',
      );
    } finally {
      await f.store.close();
    }
  });
});

async function orgId(store: TestStore, slug: string): Promise<string | undefined> {
  const [o] = await store.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  return o?.id;
}
