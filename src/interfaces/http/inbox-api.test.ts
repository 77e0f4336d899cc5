// The approvals inbox over HTTP: a person sees exactly the open records on which a step names a role they
// hold for the record's unit, with those steps; another unit's records are not theirs; once they act
// the record leaves (or shows the steps left); overdue first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, type CalendarDate, todayIn } from '../../kernel/index.ts';
import { closeTestTemplate } from '../../store/testing.ts';
import { sampleDisbursement, signedInMember, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

interface InboxItem {
  record: {
    id: string;
    pack: string;
    title: string;
    state: string;
    stateTitle: string;
    unitName: string | null;
    dueOn: string | null;
    overdue: boolean;
    updatedAt: string;
  };
  actions: { name: string; title: string; to: string; toTitle: string }[];
}

interface Inbox {
  total: number;
  items: InboxItem[];
  packs: { id: string; count: number }[];
}

describe('approvals inbox', () => {
  let t: TestServer;
  let today: CalendarDate;
  const units: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const people: Record<string, string> = {};
  const as = (cookie: string) => ({ cookie });
  const inbox = async (cookie: string, query = ''): Promise<Inbox> => {
    const res = await t.server.inject({
      url: `/api/v1/orgs/demo/inbox?${query.includes('pageSize') ? '' : 'pageSize=200'}${query}`,
      headers: as(cookie),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Inbox;
  };
  const step = (id: string, transition: string, cookie = t.adminCookie) =>
    t.server.inject({
      method: 'POST',
      url: `/api/v1/orgs/demo/records/${id}/transitions`,
      headers: as(cookie),
      payload: { transition },
    });
  const inUnit = (box: Inbox, unit: string) => box.items.filter((i) => i.record.unitName === unit);

  /** A member with one role (in one unit, or organisation-wide), signed in with their own password. */
  async function person(key: string, role: string, unit?: string) {
    const email = `${key}@example.org`;
    const displayName = `${key[0]!.toUpperCase()}${key.slice(1)} Person`;
    const unitId = unit === undefined ? undefined : units[unit];
    people[key] = (await signedInMember(t, { email, displayName, roles: [role], unitId })).cookie;
  }

  before(async () => {
    t = await startTestServer();
    let now = new Date(`${todayIn('America/Denver', new Date())}T19:00:00Z`);
    t.app.clock = () => now;
    const tick = () => {
      now = new Date(now.getTime() + 1000);
    };
    today = todayIn('America/Denver', now);
    for (const name of ['Oak School', 'Pine School']) {
      const res = await t.server.inject({
        method: 'POST',
        url: '/api/v1/orgs/demo/units',
        headers: as(t.adminCookie),
        payload: { name },
      });
      assert.equal(res.statusCode, 201, res.body);
      units[name] = res.json().id;
    }
    const make = async (key: string, purpose: string, paidOn: string, unit: string) => {
      tick();
      const res = await t.server.inject({
        method: 'POST',
        url: '/api/v1/orgs/demo/records',
        headers: as(t.adminCookie),
        payload: {
          pack: 'sample',
          kind: 'disbursement',
          unitId: units[unit],
          data: sampleDisbursement(purpose, paidOn),
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      ids[key] = res.json().record.id;
    };
    // An unapproved disbursement is due for approval on its payment date.
    await make('later', 'Later postage', addDays(today, 5), 'Oak School');
    await make('overdue', 'Overdue supplies', addDays(today, -3), 'Oak School');
    await make('approved', 'Approved books', addDays(today, 2), 'Oak School');
    await make('closed', 'Closed snacks', addDays(today, 1), 'Oak School');
    await make('pine', 'Pine paper', addDays(today, -10), 'Pine School');
    tick();
    assert.equal((await step(ids.approved!, 'approve')).statusCode, 200);
    tick();
    assert.equal((await step(ids.closed!, 'reject')).statusCode, 200);
    tick();
    await person('approver', 'sample.approver', 'Oak School');
    await person('custodian', 'sample.custodian', 'Oak School');
    await person('viewer', 'viewer');
  });
  after(async () => {
    await t.close();
  });

  test('an approver of one unit sees that unit’s open records they can act on, overdue first, with their steps', async () => {
    const box = await inbox(people.approver!);
    assert.deepEqual(
      box.items.map((i) => [
        i.record.title,
        i.record.stateTitle,
        i.record.overdue,
        i.actions.map((a) => a.name),
      ]),
      [
        ['Overdue supplies (Front office)', 'Requested', true, ['approve', 'reject']],
        ['Later postage (Front office)', 'Requested', false, ['approve', 'reject']],
        // Approved, it asks for nothing by a date any more: no due date comes after every due date.
        ['Approved books (Front office)', 'Approved', false, ['reject']],
      ],
    );
    assert.equal(box.total, 3);
    assert.deepEqual(box.items[0]!.actions[0], {
      name: 'approve',
      title: 'Approve',
      to: 'approved',
      toTitle: 'Approved',
    });
    assert.ok(box.items.every((i) => i.record.unitName === 'Oak School'));
    assert.deepEqual(
      box.packs.map((p) => [p.id, p.count]),
      [['sample', 3]],
    );
  });

  test('another unit’s records are not in it, however overdue', async () => {
    const box = await inbox(people.approver!);
    assert.ok(!box.items.some((i) => i.record.id === ids.pine));
    // The administrator holds org-admin, which every step allows, everywhere.
    const admin = await inbox(t.adminCookie);
    assert.ok(admin.items.some((i) => i.record.id === ids.pine));
    assert.equal(inUnit(admin, 'Pine School').length, 1);
    assert.ok(!admin.items.some((i) => i.record.id === ids.closed), 'a closed record waits for no one');
  });

  test('the custodian sees only what they can pay; a viewer, who holds no step’s role, sees nothing', async () => {
    const box = await inbox(people.custodian!);
    assert.deepEqual(
      box.items.map((i) => [i.record.title, i.actions.map((a) => a.name)]),
      [['Approved books (Front office)', ['pay']]],
    );
    const viewer = await inbox(people.viewer!);
    assert.deepEqual(viewer, { ...viewer, total: 0, items: [], packs: [] });
  });

  test('after the approver acts, the item shows the steps left, and leaves once closed', async () => {
    const approved = await step(ids.later!, 'approve', people.approver!);
    assert.equal(approved.statusCode, 200, approved.body);
    let box = await inbox(people.approver!);
    assert.deepEqual(
      box.items.find((i) => i.record.id === ids.later)?.actions.map((a) => a.name),
      ['reject'],
    );
    const custodian = await inbox(people.custodian!);
    assert.ok(
      custodian.items.some((i) => i.record.id === ids.later),
      'now waiting to be paid',
    );
    const rejected = await step(ids.later!, 'reject', people.approver!);
    assert.equal(rejected.statusCode, 200, rejected.body);
    box = await inbox(people.approver!);
    assert.ok(!box.items.some((i) => i.record.id === ids.later));
    assert.equal(box.total, 2);
  });

  test('pack and unit filters, paging, and a pack nobody installed gives an empty inbox', async () => {
    const page1 = await inbox(t.adminCookie, '&pageSize=1&page=1');
    const page2 = await inbox(t.adminCookie, '&pageSize=1&page=2');
    assert.equal(page1.items.length, 1);
    assert.notEqual(page1.items[0]!.record.id, page2.items[0]!.record.id);
    assert.equal(page1.total, page2.total);
    const oak = await inbox(t.adminCookie, `&unitId=${units['Oak School']}`);
    assert.ok(oak.items.length > 0 && oak.items.every((i) => i.record.unitName === 'Oak School'));
    const none = await inbox(t.adminCookie, '&pack=nothing-here');
    assert.deepEqual([none.total, none.items], [0, []]);
    const sample = await inbox(t.adminCookie, '&pack=sample&pageSize=100');
    assert.ok(sample.total > 0 && sample.total < page1.total, 'the other packs’ records are left out');
    assert.ok(sample.items.every((i) => i.record.pack === 'sample'));
  });

  test('holding two roles of a unit, a person sees the steps of both', async () => {
    const both = await signedInMember(t, {
      email: 'both@example.org',
      roles: ['sample.approver', 'sample.custodian'],
      unitId: units['Oak School'],
    });
    const box = await inbox(both.cookie);
    assert.deepEqual(
      box.items.map((i) => [i.record.title, i.actions.map((a) => a.name)]),
      [
        ['Overdue supplies (Front office)', ['approve', 'reject']],
        ['Approved books (Front office)', ['reject', 'pay']],
      ],
    );
  });

  test('odd paging: past the last page is empty, with the total; a zero or huge page size names the field', async () => {
    const far = await inbox(t.adminCookie, '&pageSize=25&page=1000000000');
    assert.deepEqual(far.items, []);
    assert.ok(far.total > 0);
    for (const [query, path] of [
      ['pageSize=0', '/querystring/pageSize'],
      ['pageSize=201', '/querystring/pageSize'],
      ['page=0', '/querystring/page'],
      ['page=1e20', '/querystring/page'],
      ['page=two', '/querystring/page'],
      [`unitId=${'u'.repeat(65)}`, '/querystring/unitId'],
    ]) {
      const res = await t.server.inject({
        url: `/api/v1/orgs/demo/inbox?${query}`,
        headers: as(t.adminCookie),
      });
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.deepEqual(
        res.json().errors.map((e: { path: string }) => e.path),
        [path],
        query,
      );
    }
  });

  test('anonymous requests and non-members are refused', async () => {
    const anon = await t.server.inject({ url: '/api/v1/orgs/demo/inbox' });
    assert.equal(anon.statusCode, 401);
    const other = await t.server.inject({ url: '/api/v1/orgs/elsewhere/inbox', headers: as(t.adminCookie) });
    assert.equal(other.statusCode, 403);
  });
});
