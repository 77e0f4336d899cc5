// CSV import over HTTP: a file is written whole or not at all, its errors name the line and column, and
// history (records in a later state, with who approved them) is an administrator's to import.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeTestTemplate } from '../../store/testing.ts';
import { cookieOf, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

const HEADER = 'fund,purpose,amountCents,paidOn,hasReceipt,requestedBy,custodian';

describe('records: CSV import', () => {
  let t: TestServer;
  const as = (cookie: string) => ({ cookie });
  const importCsv = (payload: object, cookie = t.adminCookie) =>
    t.server.inject({
      method: 'POST',
      url: '/api/v1/orgs/demo/records/import',
      headers: as(cookie),
      payload: { pack: 'sample', kind: 'disbursement', ...payload },
    });
  const count = async (q: string) =>
    (
      await t.server.inject({
        method: 'GET',
        url: `/api/v1/orgs/demo/records?pack=sample&q=${encodeURIComponent(q)}`,
        headers: as(t.adminCookie),
      })
    ).json().total as number;

  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  test('the template names the kind’s columns, stamps and state last, with an example row', async () => {
    const res = await t.server.inject({
      method: 'GET',
      url: '/api/v1/orgs/demo/records/import-template?pack=sample&kind=disbursement',
      headers: as(t.adminCookie),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /^text\/csv/);
    const [header, example] = res.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(header, `${HEADER},fundFiscalYearToDateCents,approvedBy,state`);
    assert.equal(example?.split(',').length, 10);
  });

  test('a valid file creates every row; dollars, US dates and yes/no are read', async () => {
    const csv = [
      HEADER,
      'Front office,Imported stamps,"$1,234.56",7/1/2026,yes,Dana Reyes,Dana Reyes',
      'Athletics,"Imported, with a comma",12.00,2026-06-30,no,Sam Ortiz,Lee Park',
    ].join('\r\n');
    const dry = await importCsv({ csv, dryRun: true });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual([dry.json().rows, dry.json().created], [2, 0]);
    assert.equal(await count('Imported'), 0, 'a dry run writes nothing');
    const res = await importCsv({ csv });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 2);
    const id = res.json().records[0].id as string;
    const rec = (
      await t.server.inject({
        method: 'GET',
        url: `/api/v1/orgs/demo/records/${id}`,
        headers: as(t.adminCookie),
      })
    ).json();
    assert.equal(rec.record.data.amountCents, 123_456);
    assert.equal(rec.record.data.paidOn, '2026-07-01');
    assert.equal(rec.record.state, 'requested');
    assert.equal(rec.timeline[0].payload.imported, undefined, 'not history: created as if entered');
  });

  test('one bad row refuses the whole file, naming each line and column', async () => {
    const csv = [
      HEADER,
      'Front office,Good row,10.00,2026-07-01,yes,Dana Reyes,Dana Reyes',
      'Front office,Bad amount,12.345,2026-07-01,yes,Dana Reyes,Dana Reyes',
      'Front office,Bad date,10.00,2026-02-30,maybe,Dana Reyes,',
    ].join('\r\n');
    const res = await importCsv({ csv });
    assert.equal(res.statusCode, 400, res.body);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    assert.deepEqual(paths.sort(), [
      '/csv/3/amountCents',
      '/csv/4/custodian',
      '/csv/4/hasReceipt',
      '/csv/4/paidOn',
    ]);
    assert.equal(await count('Good row'), 0, 'nothing of the file was written');
    const noUnit = await importCsv({
      csv: `${HEADER}\r\nFront office,Good row,10.00,2026-07-01,yes,Dana Reyes,Dana Reyes`,
      unitId: 'no-such-unit',
    });
    assert.equal(noUnit.statusCode, 400, noUnit.body);
    assert.deepEqual(
      noUnit.json().errors.map((e: { path: string }) => e.path),
      ['/unitId'],
    );
    assert.equal(await count('Good row'), 0);
    const unknown = await importCsv({ csv: 'fund,colour\r\nFront office,blue\r\n' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].path, '/csv/1/colour');
  });

  test('history — a later state, or who approved — needs the administrator role', async () => {
    const csv = [
      `${HEADER},approvedBy,state`,
      'Front office,History row,10.00,2025-07-01,yes,Dana Reyes,Dana Reyes,Lee Park,paid',
    ].join('\r\n');
    const badState = await importCsv({ csv: csv.replace(/,paid$/, ',archived') });
    assert.equal(badState.statusCode, 400);
    assert.equal(badState.json().errors[0].path, '/csv/2/state');

    const created = await t.server.inject({
      method: 'POST',
      url: '/api/v1/orgs/demo/users',
      headers: as(t.adminCookie),
      payload: { email: 'clerk@example.org', displayName: 'Chris Clerk', role: 'member' },
    });
    const otp = created.json().oneTimePassword as string;
    const cookie = cookieOf(
      await t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'clerk@example.org', password: otp },
      }),
    );
    await t.server.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: as(cookie),
      payload: { currentPassword: otp, newPassword: 'clerical work all day' },
    });
    const refused = await importCsv({ csv }, cookie);
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(await count('History row'), 0);

    const res = await importCsv({ csv });
    assert.equal(res.statusCode, 200, res.body);
    const id = res.json().records[0].id as string;
    const rec = (
      await t.server.inject({
        method: 'GET',
        url: `/api/v1/orgs/demo/records/${id}`,
        headers: as(t.adminCookie),
      })
    ).json();
    assert.equal(rec.record.state, 'paid');
    assert.equal(rec.record.data.approvedBy, 'Lee Park');
    assert.equal(rec.timeline[0].payload.imported, true);
  });
});
