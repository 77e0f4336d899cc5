// The record list's filters, its CSV/XLSX export and the dashboard, over HTTP: the export must hold
// exactly the rows the list shows, and unit-scoped people see only their units everywhere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../app/csv.test-support.ts';
import { createOrganisation } from '../../app/use-cases/organisations.ts';
import { addDays, type CalendarDate, todayIn } from '../../kernel/index.ts';
import { organisations } from '../../store/schema.ts';
import { closeTestTemplate } from '../../store/testing.ts';
import { cookieOf, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

interface Item {
  id: string;
  title: string;
  state: string;
  unitId: string | null;
  unitName: string | null;
  dueOn: string | null;
  updatedAt: string;
  open: boolean;
  overdue: boolean;
  data: Record<string, unknown>;
}

const disbursement = (purpose: string, paidOn: string) => ({
  fund: 'Front office',
  purpose,
  amountCents: 2_000,
  paidOn,
  hasReceipt: true,
  requestedBy: 'Dana Reyes',
  custodian: 'Dana Reyes',
});

describe('records: list filters, export and dashboard', () => {
  let t: TestServer;
  let today: CalendarDate;
  let units: Record<string, string>;
  const ids: Record<string, string> = {};
  const as = (cookie: string) => ({ cookie });
  const get = (url: string, cookie = t.adminCookie) => t.server.inject({ url, headers: as(cookie) });
  const list = async (query: string, cookie = t.adminCookie): Promise<Item[]> => {
    const res = await get(`/api/v1/orgs/demo/records?pageSize=500&${query}`, cookie);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().records as Item[];
  };
  const titles = (items: readonly Item[]) => items.map((r) => r.title);

  before(async () => {
    t = await startTestServer();
    // Midday in Denver, a second per step: "today" cannot move under the assertions at midnight, and
    // "most recently updated" has one answer.
    let now = new Date(`${todayIn('America/Denver', new Date())}T19:00:00Z`);
    t.app.clock = () => now;
    const tick = () => {
      now = new Date(now.getTime() + 1000);
    };
    today = todayIn('America/Denver', now);
    // Units of their own: the demo records live in the demo units and would blur the assertions.
    for (const name of ['Maple School', 'Maple Athletics']) {
      const res = await t.server.inject({
        method: 'POST',
        url: '/api/v1/orgs/demo/units',
        headers: as(t.adminCookie),
        payload: { name },
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const u = (await get('/api/v1/orgs/demo/units')).json() as { id: string; name: string }[];
    units = Object.fromEntries(u.map((x) => [x.name, x.id]));
    // The approval rule asks for approval by the payment date: an unapproved disbursement is due then.
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
          data: disbursement(purpose, paidOn),
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      ids[key] = res.json().record.id;
    };
    await make('alpha', 'Alpha supplies', addDays(today, -2), 'Maple School');
    await make('beta', 'Beta postage', addDays(today, 3), 'Maple School');
    await make('gamma', 'Gamma snacks', addDays(today, 10), 'Maple Athletics');
    await make('delta', 'Delta books', addDays(today, -2), 'Maple School');
    await make('formula', '=HYPERLINK("http://evil.example","click")', addDays(today, 20), 'District office');
    tick();
    const rejected = await t.server.inject({
      method: 'POST',
      url: `/api/v1/orgs/demo/records/${ids.delta}/transitions`,
      headers: as(t.adminCookie),
      payload: { transition: 'reject' },
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
  });
  after(async () => {
    await t.close();
  });

  test('each item carries its unit name, whether it is open, and whether it is overdue today', async () => {
    const items = await list(`unitId=${units['Maple School']}&sort=title&dir=asc`);
    assert.deepEqual(
      items.map((r) => [r.title, r.unitName, r.state, r.dueOn, r.open, r.overdue]),
      [
        ['Alpha supplies (Front office)', 'Maple School', 'requested', addDays(today, -2), true, true],
        ['Beta postage (Front office)', 'Maple School', 'requested', addDays(today, 3), true, false],
        // Past its date but rejected: a closed record is never overdue.
        ['Delta books (Front office)', 'Maple School', 'rejected', addDays(today, -2), false, false],
      ],
    );
  });

  test('open=true keeps records not in a final state; open=false only those in one', async () => {
    const maple = `unitId=${units['Maple School']}&sort=title&dir=asc`;
    assert.deepEqual(titles(await list(`${maple}&open=true`)), [
      'Alpha supplies (Front office)',
      'Beta postage (Front office)',
    ]);
    assert.deepEqual(titles(await list(`${maple}&open=false`)), ['Delta books (Front office)']);
    const closed = await list('pack=sample&open=false');
    assert.ok(closed.length >= 2, 'the demo paid record and Delta');
    assert.ok(closed.every((r) => ['paid', 'rejected'].includes(r.state)));
  });

  test('dueFrom and dueTo are inclusive bounds; dueOnOrBefore still works as dueTo', async () => {
    const day = addDays(today, 3);
    // (In the test's own unit: a demo record falls due that day too.)
    assert.deepEqual(titles(await list(`unitId=${units['Maple School']}&dueFrom=${day}&dueTo=${day}`)), [
      'Beta postage (Front office)',
    ]);
    const upTo = titles(await list(`dueTo=${addDays(today, -2)}&sort=title&dir=asc`));
    const alias = titles(await list(`dueOnOrBefore=${addDays(today, -2)}&sort=title&dir=asc`));
    assert.deepEqual(alias, upTo);
    assert.ok(upTo.includes('Alpha supplies (Front office)') && upTo.includes('Delta books (Front office)'));
    assert.ok(!upTo.includes('Beta postage (Front office)'));
  });

  test('q searches the title or the id, ignoring case', async () => {
    assert.deepEqual(titles(await list('q=ALPHA')), ['Alpha supplies (Front office)']);
    assert.deepEqual(titles(await list(`q=${ids.gamma!.toLowerCase()}`)), ['Gamma snacks (Front office)']);
    assert.deepEqual(await list('q=100%25_'), [], 'LIKE wildcards are searched for literally');
  });

  test('sorting by due date puts records without one last, in both directions', async () => {
    for (const dir of ['asc', 'desc']) {
      const dues = (await list(`sort=dueOn&dir=${dir}`)).map((r) => r.dueOn);
      const firstNull = dues.indexOf(null);
      assert.ok(firstNull === -1 || dues.slice(firstNull).every((d) => d === null), dir);
      const dated = dues.filter((d): d is string => d !== null);
      const sorted = [...dated].sort();
      assert.deepEqual(dated, dir === 'asc' ? sorted : sorted.reverse());
    }
  });

  test('bad filters are refused naming the field', async () => {
    const flag = await get('/api/v1/orgs/demo/records?open=maybe');
    assert.equal(flag.statusCode, 400);
    assert.deepEqual(
      flag.json().errors.map((e: { path: string }) => e.path),
      ['/querystring/open'],
    );
    const range = await get(`/api/v1/orgs/demo/records?dueFrom=${today}&dueTo=${addDays(today, -1)}`);
    assert.equal(range.statusCode, 400);
    assert.deepEqual(
      range.json().errors.map((e: { path: string }) => e.path),
      ['/dueTo'],
    );
    // Both upper bounds apply, so the one before dueFrom is named, whichever it is.
    const alias = await get(
      `/api/v1/orgs/demo/records?dueFrom=${today}&dueTo=${addDays(today, 5)}&dueOnOrBefore=${addDays(today, -1)}`,
    );
    assert.deepEqual(
      alias.json().errors.map((e: { path: string }) => e.path),
      ['/dueOnOrBefore'],
    );
    const date = await get('/api/v1/orgs/demo/records?dueFrom=2026-02-30');
    assert.equal(date.statusCode, 400);
    assert.match(date.json().errors[0].path, /dueFrom/);
  });

  test('a CSV export holds exactly the rows and order of the list, with human column titles', async () => {
    const filters = 'pack=sample&sort=title&dir=asc&open=true';
    const res = await get(
      `/api/v1/orgs/demo/records/export?format=csv&${filters}&columns=id,title,unitName,dueOn,overdue,data.amountCents,data.purpose`,
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present');
    assert.equal(res.headers['content-disposition'], `attachment; filename="records-demo-${today}.csv"`);
    assert.ok(res.body.startsWith('\uFEFF'), 'a byte-order mark for spreadsheets');
    const [header, ...rows] = parseCsv(res.body.slice(1));
    // Amounts stay integer cents, so the header says so: 2000 is $20.00, not $2,000.
    assert.deepEqual(header, ['ID', 'Title', 'Unit', 'Due on', 'Overdue', 'Amount (cents)', 'Purpose']);
    const expected = (await list(filters)).map((r) => [
      r.id,
      r.title.startsWith('=') ? `'${r.title}` : r.title,
      r.unitName ?? '',
      r.dueOn ?? '',
      String(r.overdue),
      String(r.data.amountCents),
      String(r.data.purpose).startsWith('=') ? `'${r.data.purpose}` : String(r.data.purpose),
    ]);
    assert.ok(expected.length >= 5);
    assert.deepEqual(rows, expected);
    assert.equal(res.headers['x-record-count'], String(expected.length));
  });

  test('a text that would run as a spreadsheet formula is exported with a leading quote', async () => {
    const res = await get(`/api/v1/orgs/demo/records/export?q=${ids.formula}&columns=title`);
    const [, row] = parseCsv(res.body.slice(1));
    assert.deepEqual(row, [`'=HYPERLINK("http://evil.example","click") (Front office)`]);
    // XLSX cells are written as values, never formulas: the text stays as typed.
    const xlsx = await get(`/api/v1/orgs/demo/records/export?format=xlsx&q=${ids.formula}&columns=title`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('Records')!.getRow(2).getCell(1);
    assert.equal(cell.type, ExcelJS.ValueType.String);
    assert.equal(cell.value, '=HYPERLINK("http://evil.example","click") (Front office)');
  });

  test('an id is exported as it is, even one from before ids stopped starting with a hyphen', async () => {
    const [org] = await t.store.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, 'demo'));
    await t.store.db.execute(sql`
      insert into records (org_id, id, pack, kind, title, state, data, version, created_by)
      values (${org!.id}, '-6eEVqtUucBvY4b5', 'sample', 'disbursement', '-5 adjustment', 'paid', '{}'::jsonb, 1, 'system')`);
    const res = await get('/api/v1/orgs/demo/records/export?q=-6eEVqtUucBvY4b5&columns=id,title');
    assert.deepEqual(parseCsv(res.body.slice(1)), [
      ['ID', 'Title'],
      ['-6eEVqtUucBvY4b5', "'-5 adjustment"],
    ]);
    await t.store.db.execute(sql`delete from records where id = '-6eEVqtUucBvY4b5'`);
  });

  test('without columns the export has the default ones; an unknown column is refused', async () => {
    const res = await get('/api/v1/orgs/demo/records/export');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(parseCsv(res.body.slice(1))[0], [
      'Title',
      'Pack',
      'Kind',
      'State',
      'Unit',
      'Due on',
      'Updated at',
    ]);
    const bad = await get('/api/v1/orgs/demo/records/export?columns=title,nope,data.colour');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().errors.map((e: { path: string }) => e.path),
      ['/columns'],
    );
    assert.match(bad.json().detail, /"nope" is not a column.*no data field "colour"/);
    const format = await get('/api/v1/orgs/demo/records/export?format=pdf');
    assert.equal(format.statusCode, 400);
  });

  test('an XLSX export loads back with the same rows, a bold frozen header and real dates', async () => {
    const filters = `unitId=${units['Maple School']}&sort=dueOn&dir=asc`;
    const res = await t.server.inject({
      url: `/api/v1/orgs/demo/records/export?format=xlsx&${filters}&columns=title,state,dueOn,overdue,updatedAt`,
      headers: as(t.adminCookie),
    });
    assert.equal(res.statusCode, 200);
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(res.headers['content-disposition'], `attachment; filename="records-demo-${today}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Records');
    assert.ok(ws);
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [
      'Title',
      'State',
      'Due on',
      'Overdue',
      'Updated at',
    ]);
    assert.equal(ws.getRow(1).font?.bold, true);
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.ok(ws.getRow(2).getCell(3).value instanceof Date, 'a due date is a date cell');
    assert.equal(typeof ws.getRow(2).getCell(4).value, 'boolean');
    const items = await list(filters);
    const rows = [];
    for (let i = 2; i <= ws.rowCount; i++) {
      const v = ws.getRow(i).values as unknown[];
      rows.push([
        v[1],
        v[2],
        v[3] instanceof Date ? v[3].toISOString().slice(0, 10) : v[3],
        v[4],
        v[5] instanceof Date ? v[5].toISOString() : v[5],
      ]);
    }
    assert.deepEqual(
      rows,
      items.map((r) => [
        r.title,
        r.state,
        r.dueOn ?? undefined,
        r.overdue,
        new Date(r.updatedAt).toISOString(),
      ]),
    );
  });

  test('each export is an event naming the actor, filters, format and row count', async () => {
    await get(`/api/v1/orgs/demo/records/export?format=xlsx&state=rejected&columns=title`);
    const log = (await get('/api/v1/orgs/demo/events?kind=records.exported&limit=1')).json();
    const e = log.events[0];
    assert.equal(e.actorName, 'Demo Administrator');
    assert.deepEqual(e.payload.filters, { state: 'rejected', sort: 'updatedAt', dir: 'desc' });
    assert.equal(e.payload.format, 'xlsx');
    assert.equal(e.payload.rows, (await list('state=rejected')).length);
    assert.deepEqual(e.payload.columns, ['title']);
  });

  test('the dashboard of a unit: overdue, due this week, recent records and their events', async () => {
    const res = await get(`/api/v1/orgs/demo/dashboard?unitId=${units['Maple School']}`);
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.equal(d.today, today);
    assert.equal(d.weekEnd, addDays(today, 6));
    assert.deepEqual(d.counts, { overdue: 1, dueThisWeek: 1, open: 2 });
    assert.deepEqual(titles(d.overdue), ['Alpha supplies (Front office)']);
    assert.deepEqual(titles(d.dueThisWeek), ['Beta postage (Front office)']);
    assert.equal(d.overdue[0].unitName, 'Maple School');
    assert.equal(d.overdue[0].overdue, true);
    assert.deepEqual(titles(d.recent), [
      'Delta books (Front office)',
      'Beta postage (Front office)',
      'Alpha supplies (Front office)',
    ]);
    // Every installed pack has its row; this unit's records are all the sample pack's.
    assert.deepEqual(
      d.packs.find((p: { id: string }) => p.id === 'sample'),
      { id: 'sample', title: 'Sample: petty cash', open: 2, overdue: 1, dueThisWeek: 1 },
    );
    assert.ok(
      d.packs.filter((p: { id: string }) => p.id !== 'sample').every((p: { open: number }) => p.open === 0),
    );
    const [latest] = d.recentEvents;
    assert.equal(latest.kind, 'record.transitioned');
    assert.equal(latest.recordTitle, 'Delta books (Front office)');
    assert.equal(latest.actorName, 'Demo Administrator');
    assert.deepEqual(latest.transition, { name: 'reject', from: 'requested', to: 'rejected' });
    assert.ok(
      d.recentEvents.every((e: { recordId: string | null }) =>
        [ids.alpha, ids.beta, ids.delta].includes(e.recordId ?? ''),
      ),
      'a unit dashboard shows the events of that unit’s records only',
    );
  });

  test('the whole-organisation dashboard counts the demo records too and orders overdue oldest first', async () => {
    const d = (await get('/api/v1/orgs/demo/dashboard')).json();
    const dues = d.overdue.map((r: Item) => r.dueOn);
    assert.deepEqual(dues, [...dues].sort());
    assert.ok(d.overdue.every((r: Item) => r.open && r.dueOn! < today));
    assert.ok(d.dueThisWeek.every((r: Item) => r.dueOn! >= today && r.dueOn! <= d.weekEnd));
    assert.equal(d.counts.overdue, (await list(`open=true&dueTo=${addDays(today, -1)}`)).length);
    assert.equal(d.counts.open, (await list('open=true')).length);
  });

  test('a viewer of one unit sees only that unit in the list, the export and the dashboard', async () => {
    const created = await t.server.inject({
      method: 'POST',
      url: '/api/v1/orgs/demo/users',
      headers: as(t.adminCookie),
      payload: {
        email: 'coach@example.org',
        displayName: 'Casey Coach',
        role: 'viewer',
        unitId: units['Maple Athletics'],
      },
    });
    const otp = created.json().oneTimePassword as string;
    const signIn = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'coach@example.org', password: otp },
    });
    const cookie = cookieOf(signIn);
    await t.server.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: as(cookie),
      payload: { currentPassword: otp, newPassword: 'athletics all the way' },
    });
    assert.deepEqual(titles(await list('', cookie)), ['Gamma snacks (Front office)']);
    assert.deepEqual(await list(`unitId=${units['Maple School']}`, cookie), []);
    const csv = parseCsv((await get('/api/v1/orgs/demo/records/export?columns=title', cookie)).body.slice(1));
    assert.deepEqual(csv, [['Title'], ['Gamma snacks (Front office)']]);
    const d = (await get('/api/v1/orgs/demo/dashboard', cookie)).json();
    assert.deepEqual(d.counts, { overdue: 0, dueThisWeek: 0, open: 1 });
    assert.deepEqual(titles(d.recent), ['Gamma snacks (Front office)']);
    assert.deepEqual(
      d.recentEvents.map((e: { kind: string; recordId: string }) => [e.kind, e.recordId]),
      [['record.created', ids.gamma]],
      'no user or role events, and no other unit’s',
    );
    // The administrator reads the whole log: the viewer's account events are on their dashboard.
    const admin = (await get('/api/v1/orgs/demo/dashboard')).json();
    assert.ok(admin.recentEvents.some((e: { kind: string }) => e.kind === 'role.granted'));
  });

  test('another organisation’s dashboard and export are refused to a non-member', async () => {
    await createOrganisation(t.app, { slug: 'elsewhere', name: 'Elsewhere District' });
    for (const url of ['/api/v1/orgs/elsewhere/dashboard', '/api/v1/orgs/elsewhere/records/export']) {
      const res = await get(url);
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().code, 'PRB_FORBIDDEN');
    }
  });
});

describe('records export limit', () => {
  test('an export of more than 100,000 records is refused naming the count, and nothing is logged', async () => {
    const t = await startTestServer();
    try {
      const [org] = await t.store.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, 'demo'));
      await t.store.db.execute(sql`
        insert into records (org_id, id, pack, kind, title, state, data, version, created_by)
        select ${org!.id}, 'bulk-' || g, 'sample', 'disbursement', 'Bulk ' || g, 'paid', '{}'::jsonb, 1, 'system'
        from generate_series(1, 100001) g`);
      const res = await t.server.inject({
        url: '/api/v1/orgs/demo/records/export?pack=sample&state=paid',
        headers: { cookie: t.adminCookie },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'PRB_EXPORT_TOO_LARGE');
      assert.match(res.json().detail, /match 100,00[12] records; an export holds at most 100,000/);
      const narrowed = await t.server.inject({
        url: '/api/v1/orgs/demo/records/export?state=paid&q=Bulk%2099999&columns=title',
        headers: { cookie: t.adminCookie },
      });
      assert.equal(narrowed.statusCode, 200);
      assert.equal(narrowed.body, '\uFEFFTitle\r\nBulk 99999\r\n');
      const log = (
        await t.server.inject({
          url: '/api/v1/orgs/demo/events?kind=records.exported',
          headers: { cookie: t.adminCookie },
        })
      ).json();
      assert.equal(log.events.length, 1, 'only the export that happened');
    } finally {
      await t.close();
    }
  });
});
