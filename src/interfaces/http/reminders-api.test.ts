// Deadline reminders, "my reminders" and the calendar feed, over the use cases and HTTP: the stages on
// both sides of each threshold, idempotence, re-arming after a due date changes, who is reminded, and a
// feed that only its secret opens and that lists only what its owner may read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, isNull } from 'drizzle-orm';
import { createApp } from '../../app/app.ts';
import { execute, OPERATOR } from '../../app/use-case.ts';
import { bootstrap } from '../../app/use-cases/bootstrap.ts';
import { createOrganisation, createOrganisationInput } from '../../app/use-cases/organisations.ts';
import {
  myReminders,
  reminderStage,
  type SentReminder,
  sendReminders,
  stageWords,
} from '../../app/use-cases/reminders.ts';
import { addDays, type CalendarDate, todayIn } from '../../kernel/index.ts';
import type { PackModule } from '../../packs/framework.ts';
import { samplePack } from '../../packs/sample/index.ts';
import { calendarFeeds, events, organisations, users } from '../../store/schema.ts';
import { closeTestTemplate, openTestStore } from '../../store/testing.ts';
import { remind, remindText } from '../cli/commands/remind.ts';
import type { Io } from '../cli/io.ts';
import { runCli } from '../cli/program.ts';
import { sampleDisbursement, signedInMember, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

const d = (s: string) => s as CalendarDate;

describe('reminderStage: the latest threshold a due date has reached', () => {
  test('7 and 1 days before, on the day, then every 7 days overdue; nothing before 7 days', () => {
    const due = d('2026-03-15');
    const at = (offset: number) => reminderStage(due, addDays(due, offset));
    assert.equal(at(-8), undefined);
    assert.deepEqual(at(-7), { id: 'before-7', escalated: false });
    assert.deepEqual(at(-2), { id: 'before-7', escalated: false });
    assert.deepEqual(at(-1), { id: 'before-1', escalated: false });
    assert.deepEqual(at(0), { id: 'due', escalated: false });
    assert.deepEqual(at(6), { id: 'due', escalated: false });
    assert.deepEqual(at(7), { id: 'overdue-7', escalated: true });
    assert.deepEqual(at(13), { id: 'overdue-7', escalated: true });
    assert.deepEqual(at(14), { id: 'overdue-14', escalated: true });
    assert.deepEqual(at(370), { id: 'overdue-364', escalated: true });
  });

  test('stage words', () => {
    const due = d('2024-02-29');
    assert.equal(stageWords(due, d('2024-02-22'), false), 'due in 7 days');
    assert.equal(stageWords(due, d('2024-02-28'), false), 'due tomorrow');
    assert.equal(stageWords(due, due, false), 'due today');
    assert.equal(stageWords(due, d('2024-03-01'), false), '1 day overdue');
    assert.equal(stageWords(due, d('2024-03-03'), true), '3 days overdue — escalated');
  });
});

describe('reminders over an organisation: stages, idempotence, recipients, my reminders, the feed', () => {
  let t: TestServer;
  let now: Date;
  let today: CalendarDate;
  let adminId: string;
  const units: Record<string, string> = {};
  const people: Record<string, { id: string; cookie: string }> = {};
  const ids: Record<string, string> = {};
  const as = (cookie: string) => ({ cookie });
  const get = (url: string, cookie = t.adminCookie) => t.server.inject({ url, headers: as(cookie) });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = t.adminCookie) =>
    t.server.inject({ method, url, headers: as(cookie), ...(payload ? { payload } : {}) });

  const run = async (asOf: CalendarDate, dryRun = false) => {
    const result = await execute(t.app, sendReminders, OPERATOR, { org: 'maple', asOf, dryRun });
    const [maple] = result.organisations;
    assert.ok(maple);
    return maple;
  };
  const of = (reminders: readonly SentReminder[], key: string) =>
    reminders.filter((r) => r.recordId === ids[key]);
  const sentCount = async () => {
    const [org] = await t.app.store.db.select().from(organisations).where(eq(organisations.slug, 'maple'));
    const [row] = await t.app.store.db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.orgId, org!.id), eq(events.kind, 'reminder.sent')));
    return row?.n ?? 0;
  };

  const member = (email: string, role: string, unit: string) =>
    signedInMember(t, { org: 'maple', email, roles: [role], unitId: units[unit] });

  async function record(key: string, purpose: string, paidOn: CalendarDate, unit: string) {
    const res = await send('POST', '/api/v1/orgs/maple/records', {
      pack: 'sample',
      kind: 'disbursement',
      unitId: units[unit],
      data: sampleDisbursement(purpose, paidOn),
    });
    assert.equal(res.statusCode, 201, res.body);
    ids[key] = res.json().record.id;
  }

  before(async () => {
    t = await startTestServer();
    // Midday in Denver: "today" cannot move under the assertions at midnight.
    now = new Date(`${todayIn('America/Denver', new Date())}T19:00:00Z`);
    t.app.clock = () => now;
    today = todayIn('America/Denver', now);
    adminId = (await get('/api/v1/me')).json().id;
    // An organisation of its own: the demo organisation's records would blur the assertions.
    await createOrganisation(
      t.app,
      createOrganisationInput.parse({ slug: 'maple', name: 'Maple Unified', adminUserId: adminId }),
      now,
    );
    for (const name of ['North School', 'South School']) {
      const res = await send('POST', '/api/v1/orgs/maple/units', { name });
      assert.equal(res.statusCode, 201, res.body);
      units[name] = res.json().id;
    }
    people.approverN = await member('ana@maple.example.org', 'sample.approver', 'North School');
    people.custodianN = await member('cal@maple.example.org', 'sample.custodian', 'North School');
    people.viewerN = await member('vic@maple.example.org', 'viewer', 'North School');
    people.approverS = await member('sol@maple.example.org', 'sample.approver', 'South School');
    people.adminS = await member('sue@maple.example.org', 'org-admin', 'South School');
    // An unapproved disbursement is due for approval on its payment date (sample.approval.required).
    await record('north', 'Chalk for North', today, 'North School');
    await record('south', 'Chalk for South', today, 'South School');
    await record('closed', 'Chalk never bought', today, 'North School');
    const rejected = await send('POST', `/api/v1/orgs/maple/records/${ids.closed}/transitions`, {
      transition: 'reject',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
  });
  after(async () => {
    await t.close();
  });

  test('8 days before nothing; 7 days before, 1 day before, on the day; then escalation on days 7 and 14', async () => {
    assert.deepEqual(of((await run(addDays(today, -8))).reminders, 'north'), []);

    const week = await run(addDays(today, -7));
    assert.deepEqual(
      of(week.reminders, 'north').map((r) => [r.stage, r.daysLeft, r.daysOverdue, r.escalated, r.words]),
      [['before-7', 7, undefined, false, 'due in 7 days']],
    );
    assert.deepEqual(week.byStage, { 'before-7': 2 }, 'north and south; the rejected record never');
    assert.deepEqual(of((await run(addDays(today, -6))).reminders, 'north'), [], 'still at the 7-day stage');

    const eve = of((await run(addDays(today, -1))).reminders, 'north');
    assert.deepEqual(
      eve.map((r) => [r.stage, r.daysLeft]),
      [['before-1', 1]],
    );
    const onTheDay = of((await run(today)).reminders, 'north');
    assert.deepEqual(
      onTheDay.map((r) => [r.stage, r.daysLeft, r.words]),
      [['due', 0, 'due today']],
    );
    assert.deepEqual(
      of((await run(addDays(today, 6))).reminders, 'north'),
      [],
      'day 6 overdue: no new stage',
    );

    const seventh = of((await run(addDays(today, 7))).reminders, 'north');
    assert.deepEqual(
      seventh.map((r) => [r.stage, r.daysOverdue, r.daysLeft, r.escalated, r.words]),
      [['overdue-7', 7, undefined, true, '7 days overdue — escalated']],
    );
    assert.deepEqual(of((await run(addDays(today, 13))).reminders, 'north'), []);
    const fourteenth = of((await run(addDays(today, 14))).reminders, 'north');
    assert.deepEqual(
      fourteenth.map((r) => [r.stage, r.daysOverdue]),
      [['overdue-14', 14]],
    );
  });

  test('running twice on a day writes nothing new; a dry run lists without writing', async () => {
    const before = await sentCount();
    const again = await run(addDays(today, 14));
    assert.equal(again.sent, 0);
    assert.deepEqual(again.byStage, {});
    assert.equal(await sentCount(), before);

    const dry = await run(addDays(today, 21), true);
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.byStage, { 'overdue-21': 2 });
    assert.equal(await sentCount(), before, 'the dry run wrote no event');
  });

  test('the event carries the record, the stage and the recipients: role holders of the record’s unit', async () => {
    const res = await get('/api/v1/orgs/maple/events?kind=reminder.sent&limit=1000');
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json().events as { subject: string; actor: string; payload: Record<string, unknown> }[];
    const north = list.filter((e) => e.subject === `record:${ids.north}`);
    assert.deepEqual(north.map((e) => e.payload.stage).reverse(), [
      'before-7',
      'before-1',
      'due',
      'overdue-7',
      'overdue-14',
    ]);
    const first = north.at(-1)!;
    assert.equal(first.actor, 'system');
    assert.deepEqual(
      { ...first.payload, recipients: [...(first.payload.recipients as string[])].sort() },
      {
        title: 'Chalk for North (Front office)',
        pack: 'sample',
        kind: 'disbursement',
        dueOn: today,
        stage: 'before-7',
        escalated: false,
        asOf: addDays(today, -7),
        daysLeft: 7,
        // Approve and reject need sample.approver or org-admin: the North approver and the organisation's
        // administrator; not the custodian (paying comes later), the viewer, South's approver, nor the
        // administrator of South only.
        recipients: [adminId, people.approverN!.id].sort(),
      },
    );
    const south = list.find((e) => e.subject === `record:${ids.south}`)!;
    assert.deepEqual(
      [...(south.payload.recipients as string[])].sort(),
      [adminId, people.approverS!.id, people.adminS!.id].sort(),
    );
    assert.ok(!list.some((e) => e.subject === `record:${ids.closed}`), 'a closed record is never reminded');
    const dashboard = (await get('/api/v1/orgs/maple/dashboard')).json();
    assert.ok(dashboard.recentEvents.length > 0);
    assert.ok(
      !dashboard.recentEvents.some((e: { kind: string }) => e.kind === 'reminder.sent'),
      'the dashboard’s recent activity is what people did, not the reminder job',
    );
  });

  test('my reminders: the latest per record addressed to me, while the record is open and still due then', async () => {
    const mine = async (cookie: string) => {
      const res = await get('/api/v1/me/reminders?org=maple', cookie);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().reminders as {
        stage: string;
        escalated: boolean;
        dueOn: string;
        daysLeft: number;
        words: string;
        record: { id: string; title: string; state: string };
      }[];
    };
    const north = await mine(people.approverN!.cookie);
    assert.deepEqual(
      north.map((r) => [r.record.title, r.stage, r.escalated, r.dueOn, r.daysLeft, r.words]),
      // Words as of today (the record falls due today), the stage as last sent.
      [['Chalk for North (Front office)', 'overdue-14', true, today, 0, 'due today — escalated']],
    );
    assert.deepEqual(
      (await mine(people.approverS!.cookie)).map((r) => r.record.title),
      ['Chalk for South (Front office)'],
    );
    assert.deepEqual(await mine(people.custodianN!.cookie), [], 'not addressed to the custodian');
    assert.equal((await mine(t.adminCookie)).length, 2);
    assert.equal((await get('/api/v1/me/reminders?org=demo', people.approverN!.cookie)).statusCode, 403);

    // A finished record drops out.
    await record('east', 'Chalk for East', today, 'North School');
    await run(today);
    assert.deepEqual((await mine(people.approverN!.cookie)).map((r) => r.record.title).sort(), [
      'Chalk for East (Front office)',
      'Chalk for North (Front office)',
    ]);
    const rejected = await send('POST', `/api/v1/orgs/maple/records/${ids.east}/transitions`, {
      transition: 'reject',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.deepEqual(
      (await mine(people.approverN!.cookie)).map((r) => r.record.title),
      ['Chalk for North (Front office)'],
    );

    // Older than 30 days: gone. (Through the use case: a month later the test's session has expired.)
    const ana = { userId: people.approverN!.id, email: 'ana@maple.example.org', displayName: 'ana' };
    const principal = { ...ana, mustChangePassword: false, via: 'session' as const };
    const saved = now;
    now = new Date(saved.getTime() + 30 * 86_400_000);
    try {
      const within = await execute(t.app, myReminders, principal, { org: 'maple' });
      assert.equal(within.reminders.length, 1, 'on day 30 still there');
      now = new Date(saved.getTime() + 30 * 86_400_000 + 1);
      assert.deepEqual((await execute(t.app, myReminders, principal, { org: 'maple' })).reminders, []);
    } finally {
      now = saved;
    }
  });

  test('a changed due date re-arms: the stages start again for the new date, and the old reminder drops out', async () => {
    const current = (await get(`/api/v1/orgs/maple/records/${ids.north}`)).json().record;
    const moved = addDays(today, 30);
    const res = await send('PATCH', `/api/v1/orgs/maple/records/${ids.north}`, {
      version: current.version,
      data: { ...current.data, paidOn: moved },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().record.dueOn, moved);
    const mineNow = (await get('/api/v1/me/reminders?org=maple', people.approverN!.cookie)).json().reminders;
    assert.deepEqual(mineNow, [], 'the reminder was for a date that no longer applies');

    assert.deepEqual(of((await run(addDays(moved, -8))).reminders, 'north'), []);
    const rearmed = of((await run(addDays(moved, -7))).reminders, 'north');
    assert.deepEqual(
      rearmed.map((r) => [r.stage, r.dueOn, r.daysLeft]),
      [['before-7', moved, 7]],
    );
    assert.deepEqual(of((await run(addDays(moved, -7))).reminders, 'north'), [], 'and only once');
    const mine = (await get('/api/v1/me/reminders?org=maple', people.approverN!.cookie)).json().reminders;
    assert.deepEqual(
      mine.map((r: { stage: string; dueOn: string; words: string }) => [r.stage, r.dueOn, r.words]),
      [['before-7', moved, 'due in 30 days']],
    );
  });

  test('probity remind prints what was or would be sent, as text or JSON; a dry run writes nothing', async () => {
    const lines: string[] = [];
    const io: Io = {
      out: (s) => lines.push(s),
      err: (s) => lines.push(`ERR ${s}`),
      readStdin: async () => '',
      stdinIsTty: false,
      env: {},
    };
    const before = await sentCount();
    // North falls due on today + 30 (moved above), South fell due today.
    const asOf = addDays(today, 29);
    assert.equal(await remind({ app: t.app }, { org: 'maple', asOf, dryRun: true }, io), 0);
    assert.equal(await sentCount(), before, 'dry run: nothing written');
    const dryText = lines.join('\n');
    assert.match(dryText, new RegExp(`^maple \\(as of ${asOf}\\): 2 reminders would be sent \\(`, 'm'));
    assert.match(
      dryText,
      /\n {2}Chalk for North \(Front office\) — due tomorrow \(due \S+, stage before-1\) → ana, Demo Administrator$/m,
    );
    assert.match(
      dryText,
      /Chalk for South \(Front office\) — 29 days overdue — escalated \(due \S+, stage overdue-28\)/,
    );

    lines.length = 0;
    assert.equal(await remind({ app: t.app }, { org: 'maple', asOf, json: true }, io), 0);
    const json = JSON.parse(lines.join('\n'));
    assert.equal(json.sent, 2);
    assert.deepEqual(json.organisations[0].byStage, { 'before-1': 1, 'overdue-28': 1 });
    assert.equal(await sentCount(), before + 2);

    lines.length = 0;
    await remind({ app: t.app }, { org: 'maple', asOf }, io);
    assert.equal(lines.join('\n'), `maple (as of ${asOf}): 0 reminders sent`);
    assert.equal(remindText([]), 'No organisations in the store yet: no reminders to send.');
    await assert.rejects(remind({ app: t.app }, { org: 'nowhere' }, io), /no organisation "nowhere"/);
  });

  test('the command line knows remind, and refuses a malformed --as-of as a usage error', async () => {
    const out: string[] = [];
    const io: Io = {
      out: (s) => out.push(s),
      err: (s) => out.push(s),
      readStdin: async () => '',
      stdinIsTty: false,
      env: {},
    };
    assert.equal(await runCli(['remind', '--help'], io), 0);
    assert.match(out.join(''), /--dry-run/);
    assert.equal(await runCli(['remind', '--as-of', '2026-02-30'], io), 2);
  });

  describe('the calendar feed', () => {
    let feedUrl: string;
    const path = (url: string) => {
      const u = new URL(url);
      return `${u.pathname}${u.search}`;
    };
    const anon = (url: string) => t.server.inject({ url });
    const myFeed = (method: 'GET' | 'POST' | 'DELETE', cookie: string) =>
      t.server.inject({ method, url: '/api/v1/me/calendar-feed?org=maple', headers: as(cookie) });

    test('created per person and organisation, its URL shown once; the status shows only that it exists', async () => {
      const none = await myFeed('GET', people.approverN!.cookie);
      assert.deepEqual(none.json(), { active: false });
      const created = await myFeed('POST', people.approverN!.cookie);
      assert.equal(created.statusCode, 201, created.body);
      feedUrl = created.json().url;
      assert.match(
        feedUrl,
        /^http:\/\/localhost(:\d+)?\/api\/v1\/orgs\/maple\/deadlines\.ics\?token=prc_[\w-]{43}$/,
      );
      const status = (await myFeed('GET', people.approverN!.cookie)).json();
      assert.equal(status.active, true);
      assert.equal(status.prefix, new URL(feedUrl).searchParams.get('token')!.slice(0, 10));
      assert.ok(!JSON.stringify(status).includes(new URL(feedUrl).searchParams.get('token')!));
    });

    test('the feed is RFC 5545 text listing the open records its owner may read, as all-day events', async () => {
      // A long title with multi-byte characters, so lines must fold by octets.
      await record(
        'long',
        `Überweisung für Kreide ${'é'.repeat(60)}; und, mehr`,
        addDays(today, 3),
        'North School',
      );
      const res = await anon(path(feedUrl));
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/calendar; charset=utf-8/);
      const text = res.body;
      assert.ok(text.endsWith('\r\n'), 'the last line ends with CRLF');
      assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
      const physical = text.split('\r\n').slice(0, -1);
      for (const line of physical) {
        assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `at most 75 octets: ${line}`);
      }
      const cal = parseIcs(text);
      assert.equal(cal.props.VERSION, '2.0');
      const byUid = new Map(cal.events.map((e) => [e.UID, e]));
      assert.deepEqual(
        [...byUid.keys()].sort(),
        [`record-${ids.long}@maple.probity`, `record-${ids.north}@maple.probity`].sort(),
        'North’s open records only: not South’s (unreadable), not the rejected ones',
      );
      const long = byUid.get(`record-${ids.long}@maple.probity`)!;
      assert.equal(
        long.SUMMARY,
        `Überweisung für Kreide ${'é'.repeat(60)}\\; und\\, mehr (Front office): due`,
      );
      assert.equal(long['DTSTART;VALUE=DATE'], addDays(today, 3).replaceAll('-', ''));
      const origin = feedUrl.slice(0, feedUrl.indexOf('/api/'));
      assert.equal(long.DESCRIPTION, `State: Requested\\n${origin}/o/maple/records/${ids.long}`);
      assert.equal(long['URL;VALUE=URI'], `${origin}/o/maple/records/${ids.long}`);

      const admin = await myFeed('POST', t.adminCookie);
      const all = parseIcs((await anon(path(admin.json().url))).body);
      assert.equal(all.events.length, 3, 'the administrator reads North and South');
    });

    test('the UID is stable: a changed due date moves the event', async () => {
      const current = (await get(`/api/v1/orgs/maple/records/${ids.long}`)).json().record;
      const res = await send('PATCH', `/api/v1/orgs/maple/records/${ids.long}`, {
        version: current.version,
        data: { ...current.data, paidOn: addDays(today, 9) },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cal = parseIcs((await anon(path(feedUrl))).body);
      const long = cal.events.filter((e) => e.UID === `record-${ids.long}@maple.probity`);
      assert.deepEqual(
        long.map((e) => e['DTSTART;VALUE=DATE']),
        [addDays(today, 9).replaceAll('-', '')],
      );
    });

    test('two creations at once (a double click) leave one active feed', async () => {
      const [a, b] = await Promise.all([1, 2].map(() => myFeed('POST', people.viewerN!.cookie)));
      assert.deepEqual([a!.statusCode, b!.statusCode], [201, 201]);
      const [org] = await t.app.store.db.select().from(organisations).where(eq(organisations.slug, 'maple'));
      const active = await t.app.store.db
        .select({ id: calendarFeeds.id })
        .from(calendarFeeds)
        .where(
          and(
            eq(calendarFeeds.orgId, org!.id),
            eq(calendarFeeds.userId, people.viewerN!.id),
            isNull(calendarFeeds.revokedAt),
          ),
        );
      assert.equal(active.length, 1);
      const works = await Promise.all([a!, b!].map((r) => anon(path(r.json().url))));
      assert.deepEqual(works.map((r) => r.statusCode).sort(), [200, 404]);
    });

    test('a missing secret is 401; a wrong one, another organisation or a revoked feed 404', async () => {
      const token = new URL(feedUrl).searchParams.get('token')!;
      assert.equal((await anon('/api/v1/orgs/maple/deadlines.ics')).statusCode, 401);
      const long = await anon(`/api/v1/orgs/maple/deadlines.ics?token=${'x'.repeat(10_000)}`);
      assert.equal(long.statusCode, 400, 'a 10,000-character secret is refused before any lookup');
      assert.equal(long.json().errors[0].path, '/querystring/token');
      assert.equal((await anon(`/api/v1/orgs/nowhere/deadlines.ics?token=${token}`)).statusCode, 404);
      assert.equal((await anon(`/api/v1/orgs/maple/deadlines.ics?token=${token}x`)).statusCode, 404);
      assert.equal((await anon(`/api/v1/orgs/demo/deadlines.ics?token=${token}`)).statusCode, 404);
      // A new feed replaces the old one.
      const again = await myFeed('POST', people.approverN!.cookie);
      assert.equal((await anon(path(feedUrl))).statusCode, 404, 'the replaced URL no longer works');
      assert.equal((await anon(path(again.json().url))).statusCode, 200);
      const revoked = await myFeed('DELETE', people.approverN!.cookie);
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal((await anon(path(again.json().url))).statusCode, 404);
      assert.deepEqual((await myFeed('GET', people.approverN!.cookie)).json(), {
        active: false,
      });
      const twice = await myFeed('DELETE', people.approverN!.cookie);
      assert.equal(twice.statusCode, 404);
    });
  });
});

describe('escalation adds the organisation’s administrators', () => {
  test('with a workflow that names no administrator role, only the overdue escalation reaches them', async () => {
    const wf = samplePack.pack.workflows!['sample.disbursement']!;
    const withoutAdmins = {
      ...wf,
      transitions: wf.transitions.map((x) => ({
        ...x,
        roles: (x.roles ?? []).filter((r) => r !== 'org-admin'),
      })),
    };
    const pack: PackModule = {
      ...samplePack,
      pack: { ...samplePack.pack, workflows: { ...samplePack.pack.workflows, [wf.id]: withoutAdmins } },
    };
    const store = await openTestStore();
    try {
      const now = new Date(`${todayIn('America/Denver', new Date())}T19:00:00Z`);
      const app = createApp({ store, packs: [pack], clock: () => now });
      await bootstrap(app);
      const today = todayIn('America/Denver', now);
      const [admin] = await store.db.select({ id: users.id }).from(users);
      // The demo's "Classroom supplies" fell due two days ago and no one holds sample.approver.
      const run = async (asOf: CalendarDate) =>
        (
          await execute(app, sendReminders, OPERATOR, { org: 'demo', asOf })
        ).organisations[0]!.reminders.filter((r) => r.title.startsWith('Classroom supplies'));
      assert.deepEqual(
        (await run(today)).map((r) => [r.stage, r.recipients]),
        [['due', []]],
      );
      assert.deepEqual(
        (await run(addDays(today, 5))).map((r) => [r.stage, r.escalated, r.recipients]),
        [['overdue-7', true, [admin!.id]]],
      );
    } finally {
      await store.close();
    }
  });
});

/** A small RFC 5545 reader: unfolds continuation lines, then collects each VEVENT's properties. */
function parseIcs(text: string) {
  const lines = text.split('\r\n').reduce<string[]>((out, line) => {
    if (line.startsWith(' ') || line.startsWith('\t')) out[out.length - 1] += line.slice(1);
    else if (line !== '') out.push(line);
    return out;
  }, []);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  const props: Record<string, string> = {};
  const evs: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      evs.push(current!);
      current = undefined;
    } else {
      const colon = line.indexOf(':');
      assert.ok(colon > 0, `a property line: ${line}`);
      (current ?? props)[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return { props, events: evs };
}
