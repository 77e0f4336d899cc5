import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'drizzle-orm';
import { closeTestTemplate } from '../../store/testing.ts';
import { ADMIN_PASSWORD, cookieOf, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

const facts = {
  fund: 'Front office',
  purpose: 'Postage',
  amountCents: 12_000,
  paidOn: '2026-06-30',
  hasReceipt: true,
  requestedBy: 'Dana Reyes',
  custodian: 'Dana Reyes',
  approvedBy: 'Lee Park',
};

describe('HTTP API', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
  });

  const as = (cookie: string) => ({ cookie });
  const get = (url: string, cookie = t.adminCookie) => t.server.inject({ url, headers: as(cookie) });
  const post = (url: string, payload: object, cookie = t.adminCookie) =>
    t.server.inject({ method: 'POST', url, headers: as(cookie), payload });
  const patch = (url: string, payload: object) =>
    t.server.inject({ method: 'PATCH', url, headers: as(t.adminCookie), payload });
  const signIn = (email: string, password: string) =>
    t.server.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

  test('health and readiness answer without sign-in', async () => {
    assert.equal((await t.server.inject('/healthz')).json().status, 'ok');
    const ready = await t.server.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
  });

  test('a path nothing answers is a 404 problem, even one too long for a file name', async () => {
    for (const url of [`/${'x'.repeat(300)}`, '/.env', '/api/v1/nope']) {
      const res = await t.server.inject({ url, headers: { accept: 'application/json' } });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().code, 'PRB_NOT_FOUND', url);
    }
  });

  test('sets security headers on every response', async () => {
    const res = await t.server.inject('/healthz');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });

  test('the OpenAPI document is valid OpenAPI 3.1 and lists the evaluate route', async () => {
    const res = await t.server.inject('/api/v1/openapi.json');
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/evaluate/{pack}/{caseKind}']?.post);
    const result = await new Validator().validate(doc);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  test('every API route except sign-in refuses an anonymous request with 401 problem+json', async () => {
    const doc = (await t.server.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, 'x');
        const res = await t.server.inject({
          method: method.toUpperCase() as 'GET',
          url,
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        if (path === '/api/v1/auth/sign-in') {
          assert.notEqual(res.statusCode, 200);
          continue;
        }
        checked++;
        assert.equal(res.statusCode, 401, `${method} ${path} answered ${res.statusCode}`);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.equal(res.json().code, 'PRB_UNAUTHENTICATED');
      }
    }
    assert.ok(checked > 20, `checked ${checked} routes`);
  });

  test('a one-time password must be changed before anything else, and a weak new password is refused', async () => {
    const created = await post('/api/v1/orgs/demo/users', {
      email: 'viewer@example.org',
      displayName: 'Val Viewer',
      role: 'viewer',
    });
    assert.equal(created.statusCode, 201);
    const otp = created.json().oneTimePassword as string;
    assert.match(otp, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const signedIn = await signIn('VIEWER@example.org', otp);
    assert.equal(signedIn.statusCode, 200);
    assert.match(String(signedIn.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const cookie = cookieOf(signedIn);
    const blocked = await get('/api/v1/orgs/demo/records', cookie);
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'PRB_PASSWORD_CHANGE_REQUIRED');
    const weak = await post('/api/v1/me/password', { currentPassword: otp, newPassword: 'short' }, cookie);
    assert.equal(weak.statusCode, 400);
    assert.deepEqual(
      weak.json().errors.map((e: { path: string }) => e.path),
      ['/newPassword'],
    );
    const ok = await post(
      '/api/v1/me/password',
      { currentPassword: otp, newPassword: 'a much longer passphrase' },
      cookie,
    );
    assert.equal(ok.statusCode, 200);
    assert.equal((await get('/api/v1/orgs/demo/records', cookie)).statusCode, 200);
    // A viewer may not read the event log or manage users.
    assert.equal((await get('/api/v1/orgs/demo/events', cookie)).json().code, 'PRB_FORBIDDEN');
    assert.equal((await get('/api/v1/orgs/demo/users', cookie)).statusCode, 403);
  });

  test('a wrong password and an unknown e-mail fail alike', async () => {
    const a = await signIn('admin@demo.example.org', 'nope');
    const b = await signIn('nobody@example.org', 'nope');
    assert.equal(a.statusCode, 401);
    assert.equal(b.statusCode, 401);
    assert.equal(a.json().detail, b.json().detail);
  });

  test('evaluates a case with findings, citations and a trace', async () => {
    const res = await post('/api/v1/evaluate/sample/disbursement?org=demo', { facts, asOf: '2026-06-30' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    const limit = body.findings.find((f: { rule: string }) => f.rule === 'sample.limits.single-disbursement');
    assert.equal(limit.kind, 'violation');
    assert.deepEqual(limit.values, { amountCents: 12_000, limitCents: 10_000, excessCents: 2_000 });
    assert.equal(limit.citations[0].section, '2.1');
    assert.equal(limit.trace.facts.amountCents, 12_000);
    assert.equal(limit.trace.parameters[0].id, 'sample.limits.single_disbursement');
    const nextDay = await post('/api/v1/evaluate/sample/disbursement', {
      facts: { ...facts, paidOn: '2026-07-01' },
      asOf: '2026-07-01',
      org: 'demo',
    });
    assert.equal(
      nextDay.json().findings.some((f: { rule: string }) => f.rule === 'sample.limits.single-disbursement'),
      false,
    );
  });

  test('invalid facts answer 400 naming the path of every invalid field', async () => {
    const res = await post('/api/v1/evaluate/sample/disbursement', {
      facts: { ...facts, amountCents: 1.5, paidOn: '2026-02-30' },
      asOf: '2026-13-01',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(
      res.json().errors.map((e: { path: string }) => e.path),
      ['/body/asOf'],
    );
    const facts2 = await post('/api/v1/evaluate/sample/disbursement', {
      facts: { ...facts, amountCents: 1.5, paidOn: '2026-02-30' },
      org: 'demo',
    });
    assert.equal(facts2.json().code, 'PRB_FACTS_INVALID');
    assert.deepEqual(
      facts2
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
      ['/body/facts/amountCents', '/body/facts/paidOn'],
    );
    const noOrg = await post('/api/v1/evaluate/sample/disbursement', { facts });
    assert.equal(noOrg.statusCode, 400);
    assert.deepEqual(
      noOrg.json().errors.map((e: { path: string }) => e.path),
      ['/org'],
    );
    const unknown = await post('/api/v1/evaluate/nope/x?org=demo', { facts: {} });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'PRB_UNKNOWN_PACK');
  });

  test('API tokens authenticate as bearer until revoked', async () => {
    const created = await post('/api/v1/me/tokens', { name: 'nightly export' });
    assert.equal(created.statusCode, 201);
    const { token, id } = created.json();
    const auth = { authorization: `Bearer ${token}` };
    assert.equal(
      (await t.server.inject({ url: '/api/v1/me', headers: auth })).json().email,
      'admin@demo.example.org',
    );
    const list = (await t.server.inject({ url: '/api/v1/me/tokens', headers: auth })).json();
    assert.equal(JSON.stringify(list).includes(token), false, 'a token is shown once, never listed');
    assert.equal(
      (await t.server.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: auth })).statusCode,
      200,
    );
    assert.equal((await t.server.inject({ url: '/api/v1/me', headers: auth })).statusCode, 401);
  });

  test('the app refuses a custodian approving their own disbursement and logs the refusal with its findings', async () => {
    const created = await post('/api/v1/orgs/demo/records', {
      pack: 'sample',
      kind: 'disbursement',
      data: {
        ...facts,
        amountCents: 5_000,
        requestedBy: 'Demo Administrator',
        custodian: 'Demo Administrator',
        approvedBy: undefined,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const recordId = created.json().record.id;
    assert.equal(created.json().record.state, 'requested');
    const refused = await post(`/api/v1/orgs/demo/records/${recordId}/transitions`, {
      transition: 'approve',
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'PRB_SEGREGATION_OF_DUTIES');
    const violations = refused.json().findings.filter((f: { kind: string }) => f.kind === 'violation');
    assert.deepEqual(
      violations.map((f: { rule: string }) => f.rule),
      ['sample.approval.custodian-self-approval'],
    );
    const record = (await get(`/api/v1/orgs/demo/records/${recordId}`)).json();
    assert.equal(record.record.state, 'requested');
    assert.deepEqual(
      record.timeline.map((e: { kind: string }) => e.kind),
      ['record.created', 'record.transition-refused'],
    );
    assert.equal(record.timeline[1].actorName, 'Demo Administrator');
    const logged = record.timeline[1].payload.findings.find((f: { kind: string }) => f.kind === 'violation');
    assert.equal(logged.citations[0].section, '4.2');
  });

  test('a record of an unknown kind, or in a unit the organisation lacks, is refused naming the field', async () => {
    const refused = async (payload: object) => {
      const data = { ...facts, approvedBy: undefined };
      const res = await post('/api/v1/orgs/demo/records', { pack: 'sample', data, ...payload });
      assert.equal(res.statusCode, 400, res.body);
      return res.json().errors.map((e: { path: string }) => e.path);
    };
    for (const kind of ['nope', '__proto__', 'toString']) {
      assert.deepEqual(await refused({ kind }), ['/kind'], kind);
    }
    assert.deepEqual(await refused({ kind: 'disbursement', unitId: 'no-such-unit' }), ['/unitId']);
    // Who approved is the workflow's to write: a new record cannot claim it.
    const claimed = await post('/api/v1/orgs/demo/records', {
      pack: 'sample',
      kind: 'disbursement',
      data: facts,
    });
    assert.equal(claimed.statusCode, 400, claimed.body);
    assert.deepEqual(
      claimed.json().errors.map((e: { path: string }) => e.path),
      ['/data/approvedBy'],
    );
    const list = (await get('/api/v1/orgs/demo/records?unitId=no-such-unit')).json();
    assert.equal(list.total, 0, 'nothing was written');
  });

  test('a record moves through its workflow when the guards pass, and a stale edit is refused', async () => {
    const created = await post('/api/v1/orgs/demo/records', {
      pack: 'sample',
      kind: 'disbursement',
      data: { ...facts, amountCents: 2_000, approvedBy: undefined },
    });
    const id = created.json().record.id;
    const edit = await patch(`/api/v1/orgs/demo/records/${id}`, {
      version: 1,
      data: { ...facts, amountCents: 2_100, approvedBy: undefined },
    });
    assert.equal(edit.statusCode, 200, edit.body);
    const stale = await patch(`/api/v1/orgs/demo/records/${id}`, { version: 1, data: facts });
    assert.equal(stale.json().code, 'PRB_CONFLICT');
    const approve = await post(`/api/v1/orgs/demo/records/${id}/transitions`, { transition: 'approve' });
    assert.equal(approve.statusCode, 200, approve.body);
    assert.equal(approve.json().record.state, 'approved');
    assert.equal(approve.json().record.data.approvedBy, 'Demo Administrator');
    const wrong = await post(`/api/v1/orgs/demo/records/${id}/transitions`, { transition: 'approve' });
    assert.equal(wrong.statusCode, 409);
    assert.match(wrong.json().detail, /allowed from there: reject, pay/);
    const list = (
      await get('/api/v1/orgs/demo/records?pack=sample&state=approved&sort=title&dir=asc')
    ).json();
    assert.ok(list.records.some((r: { id: string }) => r.id === id));
    assert.ok(list.records.every((r: { state: string }) => r.state === 'approved'));
  });

  test('of two concurrent edits from the same version exactly one is written, the other refused', async () => {
    const created = await post('/api/v1/orgs/demo/records', {
      pack: 'sample',
      kind: 'disbursement',
      data: { ...facts, approvedBy: undefined },
    });
    const id = created.json().record.id;
    const edit = (amountCents: number) =>
      patch(`/api/v1/orgs/demo/records/${id}`, {
        version: 1,
        data: { ...facts, amountCents, approvedBy: undefined },
      });
    const results = await Promise.all([edit(1_111), edit(2_222)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().record.data.amountCents;
    const record = (await get(`/api/v1/orgs/demo/records/${id}`)).json();
    assert.deepEqual([record.record.version, record.record.data.amountCents], [2, winner]);
  });

  test('a malformed Origin header on a cookie write is refused, not a crash', async () => {
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { ...as(t.adminCookie), origin: 'not a url' },
      payload: { name: 'x' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'PRB_FORBIDDEN');
  });

  test('the demo organisation starts with the sample pack demo records', async () => {
    const list = (await get('/api/v1/orgs/demo/records?pack=sample&sort=createdAt&dir=asc')).json();
    const states = list.records.slice(0, 3).map((r: { state: string }) => r.state);
    assert.deepEqual(states, ['paid', 'requested', 'requested']);
  });

  test('a marked document is readable by its permitted readers only, and reading it is logged', async () => {
    const up = await post('/api/v1/orgs/demo/documents', {
      name: 'receipt.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('Receipt: $42.80').toString('base64'),
      sensitivity: 'sensitive',
      readerRoles: ['auditor'],
    });
    assert.equal(up.statusCode, 201, up.body);
    const doc = up.json();
    assert.equal(doc.sha256, createHash('sha256').update('Receipt: $42.80').digest('hex'));
    const admin = await get(`/api/v1/orgs/demo/documents/${doc.id}/content`);
    assert.equal(admin.body, 'Receipt: $42.80');
    const v = await signIn('viewer@example.org', 'a much longer passphrase');
    const denied = await get(`/api/v1/orgs/demo/documents/${doc.id}/content`, cookieOf(v));
    assert.equal(denied.statusCode, 403);
    const log = (await get('/api/v1/orgs/demo/events?kind=document.read')).json();
    assert.equal(log.events.length, 1);
  });

  test('the event log verifies over the API, and names an event edited in the database', async () => {
    const ok = (await get('/api/v1/orgs/demo/events/verify')).json();
    assert.equal(ok.ok, true);
    assert.ok(ok.count > 10);
    await t.store.db.execute(sql`alter table events disable trigger events_append_only`);
    await t.store.db.execute(sql`update events set actor = 'user:intruder' where seq = 3`);
    await t.store.db.execute(sql`alter table events enable trigger events_append_only`);
    const broken = (await get('/api/v1/orgs/demo/events/verify')).json();
    assert.equal(broken.ok, false);
    assert.equal(broken.seq, 3);
  });

  test('a NUL character, which PostgreSQL cannot store, is refused naming its field', async () => {
    const paths = async (res: Promise<{ statusCode: number; json(): { errors?: { path: string }[] } }>) => {
      const r = await res;
      assert.equal(r.statusCode, 400);
      return r.json().errors?.map((e) => e.path);
    };
    assert.deepEqual(await paths(get('/api/v1/orgs/demo/records?q=a%00b')), ['/querystring/q']);
    assert.deepEqual(await paths(get('/api/v1/orgs/demo/records/%00x')), ['/params/id']);
    assert.deepEqual(
      await paths(
        post('/api/v1/orgs/demo/records', {
          pack: 'sample',
          kind: 'disbursement',
          data: { ...facts, purpose: 'Stamps\u0000' },
        }),
      ),
      ['/body/data/purpose'],
    );
  });

  test('no input, however malformed, yields a 500', async () => {
    const text = await t.server.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { ...as(t.adminCookie), 'content-type': 'text/plain' },
      payload: '{"name":"x"}',
    });
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().code, 'PRB_UNSUPPORTED_MEDIA_TYPE');
    // A bearer token, which the sign-out route fuzzed below does not end (a session would be): every
    // request reaches the route's validation and its use case instead of stopping at 401.
    const auth = {
      authorization: `Bearer ${(await post('/api/v1/me/tokens', { name: 'fuzz' })).json().token}`,
    };
    const doc = (await t.server.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const bodies: string[] = [
      '{',
      '[]',
      'null',
      '"x"',
      '{"facts": {"amountCents": "1e999"}}',
      '{"a":'.repeat(50),
      JSON.stringify({ org: { $ne: 1 }, facts: [], version: -1, transition: 'x'.repeat(5000) }),
      // PostgreSQL refuses NUL in text and jsonb: a request holding one is refused before the store.
      JSON.stringify({
        name: 'a\u0000b',
        email: 'a\u0000@example.org',
        reason: '\u0000',
        transition: '\u0000',
        facts: { fund: '\u0000' },
        data: { '\u0000': 1 },
        pack: 'sample',
        kind: 'disbursement',
      }),
    ];
    const queries = [
      '',
      '?q=%00&unitId=%00&kind=%00&section=%00&columns=%00&asOf=%00',
      '?page=1e999&pageSize=-1&limit=1e20&before=99999999999999999999&asOf=2026-02-30&dueFrom=x',
      '?q=x&q=y&sort[a]=1&open=maybe&format=pdf&section=(.*)%2B%5B&columns=data.__proto__',
    ];
    const answered: string[] = [];
    const check = async (method: string, path: string, url: string, payload?: string) => {
      const res = await t.server.inject({
        method: method.toUpperCase() as 'POST',
        url,
        headers: { ...auth, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { payload }),
      });
      assert.ok(
        res.statusCode < 500,
        `${method} ${url} with ${String(payload).slice(0, 40)} gave ${res.statusCode}: ${res.body}`,
      );
      answered.push(`${res.statusCode} ${method} ${path}`);
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        for (const param of ['x', '%00x']) {
          const url = path.replace('{org}', 'demo').replace(/\{[^}]+\}/g, param);
          if (method === 'get' || method === 'delete') {
            for (const query of queries) await check(method, path, url + query);
          } else {
            for (const payload of bodies) await check(method, path, url, payload);
          }
        }
      }
    }
    // Nothing stopped at the door: only the routes about one's own password may answer 401, and the
    // calendar feed, whose credential is the secret in its URL (none given here).
    const unauthenticated = answered.filter(
      (a) => a.startsWith('401') && !/\/auth\/sign-in|\/me\/password|\/deadlines\.ics$/.test(a),
    );
    assert.deepEqual(unauthenticated, []);
    assert.ok(answered.length > 300, `${answered.length} requests`);
    const odd = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '10.8.8.8',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=x',
    });
    assert.equal(odd.statusCode, 415);
  });

  test('sign-in is rate limited per client', async () => {
    let last = 0;
    for (let i = 0; i < t.config.signInPerMinute + 2; i++) {
      last = (
        await t.server.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          remoteAddress: '10.9.9.9',
          payload: { email: 'x@example.org', password: ADMIN_PASSWORD },
        })
      ).statusCode;
    }
    assert.equal(last, 429);
  });
});
