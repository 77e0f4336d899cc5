// Packs for the browser (record kinds' JSON Schemas, roles, sources), source documents, organisations,
// password resets, parameter override history and units, over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { InputInvalidError } from '../../app/errors.ts';
import { execute, OPERATOR, type Principal } from '../../app/use-case.ts';
import { createOrganisation, createOrganisationUseCase } from '../../app/use-cases/organisations.ts';
import { users } from '../../store/schema.ts';
import { closeTestTemplate } from '../../store/testing.ts';
import { ADMIN_PASSWORD, cookieOf, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

describe('packs, sources, organisations and administration', () => {
  let t: TestServer;
  let adminId: string;
  const as = (cookie: string) => ({ cookie });
  const get = (url: string, cookie = t.adminCookie) => t.server.inject({ url, headers: as(cookie) });
  const post = (url: string, payload: object = {}, cookie = t.adminCookie) =>
    t.server.inject({ method: 'POST', url, headers: as(cookie), payload });

  /** A member with a changed password, signed in. */
  async function member(email: string, role: string, unitId?: string) {
    const created = await post('/api/v1/orgs/demo/users', {
      email,
      displayName: email.split('@')[0],
      role,
      ...(unitId ? { unitId } : {}),
    });
    assert.equal(created.statusCode, 201, created.body);
    const otp = created.json().oneTimePassword as string;
    const first = cookieOf(
      await t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: otp },
      }),
    );
    const password = 'a long and unguessable passphrase';
    const changed = await post('/api/v1/me/password', { currentPassword: otp, newPassword: password }, first);
    assert.equal(changed.statusCode, 200, changed.body);
    return { id: created.json().id as string, email, password, cookie: first };
  }

  before(async () => {
    t = await startTestServer();
    adminId = (await get('/api/v1/me')).json().id;
  });
  after(async () => {
    await t.close();
  });

  test('packs list their record kinds with a JSON Schema a form can be built from, roles and sources', async () => {
    const res = await get('/api/v1/orgs/demo/packs');
    assert.equal(res.statusCode, 200);
    const sample = res.json().find((p: { id: string }) => p.id === 'sample');
    const [kind] = sample.recordKinds;
    assert.deepEqual(
      [kind.id, kind.title, kind.caseKind, kind.workflow],
      ['disbursement', 'Petty-cash disbursement', 'disbursement', 'sample.disbursement'],
    );
    const props = kind.schema.properties;
    assert.deepEqual(
      [props.amountCents.title, props.amountCents.format, props.amountCents.type, props.amountCents.minimum],
      ['Amount', 'cents', 'integer', 1],
    );
    assert.deepEqual(
      [props.paidOn.title, props.paidOn.format, props.paidOn.type],
      ['Paid on', 'date', 'string'],
    );
    assert.equal(props.paidOn.description, 'date the cash is (or will be) paid out');
    assert.equal(props.hasReceipt.type, 'boolean');
    assert.ok(
      Object.values(props).every((p) => typeof (p as { title?: string }).title === 'string'),
      'every field has a label',
    );
    assert.deepEqual(kind.schema.required, [
      'fund',
      'purpose',
      'amountCents',
      'paidOn',
      'hasReceipt',
      'requestedBy',
      'custodian',
    ]);
    assert.deepEqual(
      sample.roles.map((r: { id: string }) => r.id),
      ['sample.custodian', 'sample.approver'],
    );
    assert.deepEqual(sample.sources, [{ id: 'sample-petty-cash-policy', title: 'Sample Petty Cash Policy' }]);
  });

  test('a source document opens as blocks, focused on the cited section or its nearest parent', async () => {
    const res = await get('/api/v1/packs/sample/sources/sample-petty-cash-policy?section=2.1');
    assert.equal(res.statusCode, 200, res.body);
    const doc = res.json();
    assert.deepEqual(
      [doc.pack, doc.id, doc.title, doc.focus],
      ['sample', 'sample-petty-cash-policy', 'Sample Petty Cash Policy', 's-2.1'],
    );
    const focus = doc.blocks.find((b: { id: string }) => b.id === 's-2.1');
    assert.match(focus.text, /^2\.1 A single petty-cash disbursement may not exceed \$100\.00/);
    assert.deepEqual(
      doc.blocks.find((b: { id: string }) => b.id === 's-2'),
      { id: 's-2', kind: 'heading', level: 2, section: '2', text: '2. Limits' },
    );
    assert.equal(
      (await get('/api/v1/packs/sample/sources/sample-petty-cash-policy?section=2.9')).json().focus,
      's-2',
    );
    assert.equal(
      (await get('/api/v1/packs/sample/sources/sample-petty-cash-policy?section=9')).json().focus,
      null,
    );
    assert.equal((await get('/api/v1/packs/sample/sources/sample-petty-cash-policy')).json().focus, null);
    // Regular-expression characters are text to look for, not a pattern.
    assert.equal(
      (await get('/api/v1/packs/sample/sources/sample-petty-cash-policy?section=%5B(.*)%2B')).json().focus,
      null,
    );
    const empty = await get('/api/v1/packs/sample/sources/sample-petty-cash-policy?section=%20');
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(
      empty.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      [['/querystring/section', 'name a section, e.g. 2.1, or leave section out']],
    );
  });

  test('an unknown source or pack is a 404 naming what exists', async () => {
    const doc = await get('/api/v1/packs/sample/sources/nope');
    assert.equal(doc.statusCode, 404);
    assert.equal(doc.json().code, 'PRB_NOT_FOUND');
    assert.match(doc.json().detail, /its sources: sample-petty-cash-policy/);
    const pack = await get('/api/v1/packs/nope/sources/x');
    assert.equal(pack.json().code, 'PRB_UNKNOWN_PACK');
  });

  test('a parameter override lists who set it, by name, and when, in date order', async () => {
    for (const [from, value] of [
      ['2027-07-01', 20_000],
      ['2027-01-01', 17_500],
    ] as const) {
      const res = await post(
        '/api/v1/orgs/demo/packs/sample/parameters/sample.limits.single_disbursement/overrides',
        {
          from,
          value,
          reason: 'Board resolution 2026-14',
        },
      );
      assert.equal(res.statusCode, 201, res.body);
    }
    const params = (await get('/api/v1/orgs/demo/packs/sample/parameters')).json();
    const limit = params.parameters.find((p: { id: string }) => p.id === 'sample.limits.single_disbursement');
    assert.deepEqual(
      limit.overrides.map((o: { from: string; value: number; setBy: string; setByName: string }) => [
        o.from,
        o.value,
        o.setBy,
        o.setByName,
      ]),
      [
        ['2027-01-01', 17_500, adminId, 'Demo Administrator'],
        ['2027-07-01', 20_000, adminId, 'Demo Administrator'],
      ],
    );
    assert.ok(limit.overrides.every((o: { setAt: string }) => !Number.isNaN(Date.parse(o.setAt))));
    // The route validates with the use case's own schema: a reason too short to say why is named there.
    const terse = await post(
      '/api/v1/orgs/demo/packs/sample/parameters/sample.limits.single_disbursement/overrides',
      { from: '2027-07-01', value: 20_000, reason: 'ok' },
    );
    assert.equal(terse.statusCode, 400);
    assert.deepEqual(
      terse.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      [['/body/reason', 'say why (e.g. the board resolution)']],
    );
    // A limit below zero is a typing mistake: refused at /value, and nothing is stored.
    const negative = await post(
      '/api/v1/orgs/demo/packs/sample/parameters/sample.limits.single_disbursement/overrides',
      { from: '2027-09-01', value: -5, reason: 'Board resolution 2026-15' },
    );
    assert.equal(negative.statusCode, 400);
    assert.deepEqual(
      negative.json().errors.map((e: { path: string }) => e.path),
      ['/value'],
    );
    assert.match(negative.json().errors[0].message, /at least 0 \(cents\), got -5/);
    const after = (await get('/api/v1/orgs/demo/packs/sample/parameters')).json();
    const still = after.parameters.find((p: { id: string }) => p.id === 'sample.limits.single_disbursement');
    assert.equal(still.overrides.length, 2);
  });

  test('units list their parent and how many people hold a role in them', async () => {
    const before = (await get('/api/v1/orgs/demo/units')).json() as { id: string; name: string }[];
    const athletics = before.find((u) => u.name === 'Athletics')!;
    const sub = await post('/api/v1/orgs/demo/units', {
      name: 'Athletics: football',
      parentId: athletics.id,
    });
    assert.equal(sub.statusCode, 201);
    await member('coach1@example.org', 'viewer', athletics.id);
    await member('coach2@example.org', 'member', athletics.id);
    const units = (await get('/api/v1/orgs/demo/units')).json();
    assert.deepEqual(
      units.map((u: { name: string; parentId: string | null; memberCount: number }) => [
        u.name,
        u.parentId,
        u.memberCount,
      ]),
      [
        ['Athletics', null, 2],
        ['Athletics: football', athletics.id, 0],
        ['District office', null, 0],
        ['Lincoln Elementary', null, 0],
      ],
    );
  });

  test('an administrator resets a member’s password: a one-time password, their sessions end, an event without it', async () => {
    const m = await member('forgetful@example.org', 'member');
    assert.equal((await get('/api/v1/orgs/demo/records', m.cookie)).statusCode, 200);
    const res = await post(`/api/v1/orgs/demo/users/${m.id}/reset-password`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.email, 'forgetful@example.org');
    assert.equal(body.mustChangePassword, true);
    assert.equal(body.sessionsEnded, 1);
    assert.match(body.oneTimePassword, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    assert.equal((await get('/api/v1/orgs/demo/records', m.cookie)).statusCode, 401, 'the old session ended');
    const old = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: m.email, password: m.password },
    });
    assert.equal(old.statusCode, 401, 'the old password no longer works');
    const fresh = cookieOf(
      await t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: m.email, password: body.oneTimePassword },
      }),
    );
    assert.equal((await get('/api/v1/orgs/demo/records', fresh)).json().code, 'PRB_PASSWORD_CHANGE_REQUIRED');
    const log = (await get(`/api/v1/orgs/demo/events?kind=user.password-reset`)).json();
    assert.equal(log.events.length, 1);
    assert.equal(log.events[0].subject, `user:${m.id}`);
    assert.equal(log.events[0].actorName, 'Demo Administrator');
    assert.ok(!JSON.stringify(log).includes(body.oneTimePassword), 'the password is not logged');
  });

  test('a password reset is refused for oneself, for non-administrators, and for someone of an organisation one does not manage', async () => {
    const self = await post(`/api/v1/orgs/demo/users/${adminId}/reset-password`);
    assert.equal(self.statusCode, 403);
    assert.match(self.json().detail, /POST \/api\/v1\/me\/password/);
    const a = await member('plain@example.org', 'member');
    const b = await member('other@example.org', 'viewer');
    const notAdmin = await post(`/api/v1/orgs/demo/users/${b.id}/reset-password`, {}, a.cookie);
    assert.equal(notAdmin.statusCode, 403);
    assert.match(notAdmin.json().detail, /users\.manage/);
    // b also administers another organisation: whoever resets b's account takes over that one too.
    await createOrganisation(t.app, { slug: 'b-corp', name: 'B Corp', adminEmail: b.email });
    const elsewhere = await post(`/api/v1/orgs/demo/users/${b.id}/reset-password`);
    assert.equal(elsewhere.statusCode, 403);
    assert.match(elsewhere.json().detail, /belongs to an organisation whose users you do not manage/);
    const unknown = await post('/api/v1/orgs/demo/users/nobody/reset-password');
    assert.equal(unknown.statusCode, 404);
  });

  test('two creations of one slug at the same moment: one organisation, the other told the slug is taken', async () => {
    const results = await Promise.allSettled([
      createOrganisation(t.app, { slug: 'twin-district', name: 'Twin District A' }),
      createOrganisation(t.app, { slug: 'twin-district', name: 'Twin District B' }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'], 'exactly one succeeds');
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(refused.reason instanceof InputInvalidError, String(refused.reason));
    assert.deepEqual(
      refused.reason.issues.map((i: { path: string }) => i.path),
      ['/slug'],
    );
  });

  test('createOrganisation gives an existing account a second organisation it can use at once', async () => {
    const r = await createOrganisation(t.app, {
      slug: 'second-district',
      name: 'Second District',
      adminUserId: adminId,
    });
    assert.deepEqual(
      [r.org.slug, r.org.timeZone, r.org.fiscalYearStartMonth, r.admin?.created, r.admin?.oneTimePassword],
      ['second-district', 'America/Denver', 7, false, undefined],
    );
    const me = (await get('/api/v1/me')).json();
    assert.deepEqual(
      me.organisations.map((o: { slug: string; roles: { role: string }[] }) => [
        o.slug,
        o.roles.map((x) => x.role),
      ]),
      [
        ['demo', ['org-admin']],
        ['second-district', ['org-admin']],
      ],
    );
    const records = (await get('/api/v1/orgs/second-district/records')).json();
    assert.equal(records.total, 0);
    const verify = (await get('/api/v1/orgs/second-district/events/verify')).json();
    assert.deepEqual([verify.ok, verify.count], [true, 2], 'organisation.created and role.granted');
  });

  test('a new organisation’s new administrator must change the one-time password first', async () => {
    const r = await createOrganisation(t.app, {
      slug: 'north',
      name: 'North Schools',
      adminEmail: 'Nora@North.example.org',
      adminName: 'Nora North',
      timeZone: 'America/New_York',
    });
    assert.equal(r.admin?.email, 'nora@north.example.org');
    assert.equal(r.admin?.created, true);
    const cookie = cookieOf(
      await t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nora@north.example.org', password: r.admin?.oneTimePassword },
      }),
    );
    const me = (await get('/api/v1/me', cookie)).json();
    assert.equal(me.mustChangePassword, true);
    assert.equal(me.displayName, 'Nora North');
    assert.equal(
      (await get('/api/v1/orgs/north/records', cookie)).json().code,
      'PRB_PASSWORD_CHANGE_REQUIRED',
    );
    const [row] = await t.store.db.select().from(users).where(eq(users.id, r.admin!.userId));
    assert.match(row?.passwordHash ?? '', /^\$argon2id\$/, 'only its argon2id hash is stored');
    assert.ok(!row?.passwordHash.includes(r.admin?.oneTimePassword ?? '?'));
  });

  test('organisation slugs are validated and unique; both administrator forms at once are refused', async () => {
    const refused = async (input: Parameters<typeof createOrganisation>[1]) => {
      try {
        await createOrganisation(t.app, input);
      } catch (error) {
        assert.ok(error instanceof InputInvalidError);
        return error.issues.map((i) => `${i.path}: ${i.message}`);
      }
      assert.fail('expected a refusal');
    };
    assert.deepEqual(await refused({ slug: 'demo', name: 'Again' }), [
      '/slug: an organisation "demo" already exists; choose another slug',
    ]);
    for (const slug of ['A-B', 'x', '-ab', 'ab-', 'a'.repeat(41), 'a b']) {
      const issues = await refused({ slug, name: 'X' });
      assert.match(issues[0]!, /^\/slug: use 2 to 40 lowercase letters/, slug);
    }
    assert.deepEqual(await refused({ slug: 'ok-slug', name: 'X', timeZone: 'Mars/Olympus' }), [
      '/timeZone: is not a time zone; use an IANA name such as America/Denver',
    ]);
    assert.deepEqual(
      await refused({ slug: 'ok-slug', name: 'X', adminUserId: adminId, adminEmail: 'a@b.org' }),
      ['/adminEmail: give the administrator by adminUserId or by adminEmail, not both'],
    );
    assert.deepEqual(await refused({ slug: 'ok-slug', name: 'X', adminUserId: 'nobody' }), [
      '/adminUserId: is not an account',
    ]);
    assert.equal((await get('/api/v1/orgs/ok-slug/records')).statusCode, 403, 'nothing was created');
  });

  test('creating an organisation is the operator’s act: a signed-in person is refused', async () => {
    const person: Principal = {
      userId: adminId,
      email: 'admin@demo.example.org',
      displayName: 'Demo Administrator',
      mustChangePassword: false,
      via: 'session',
    };
    await assert.rejects(execute(t.app, createOrganisationUseCase, person, { slug: 'via-api', name: 'X' }), {
      code: 'PRB_FORBIDDEN',
    });
    const made = await execute(t.app, createOrganisationUseCase, OPERATOR, { slug: 'via-cli', name: 'Y' });
    assert.equal((made as { org: { slug: string } }).org.slug, 'via-cli');
  });

  test('the OpenAPI document describes the new routes and stays valid', async () => {
    const doc = (await t.server.inject('/api/v1/openapi.json')).json();
    for (const [path, method] of [
      ['/api/v1/orgs/{org}/records/export', 'get'],
      ['/api/v1/orgs/{org}/dashboard', 'get'],
      ['/api/v1/packs/{pack}/sources/{document}', 'get'],
      ['/api/v1/orgs/{org}/users/{userId}/reset-password', 'post'],
    ] as const) {
      assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    }
    const listParams = doc.paths['/api/v1/orgs/{org}/records'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    for (const name of ['unitId', 'q', 'dueFrom', 'dueTo', 'dueOnOrBefore', 'open'])
      assert.ok(listParams.includes(name), name);
    const exportParams = doc.paths['/api/v1/orgs/{org}/records/export'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    for (const name of ['format', 'columns', 'unitId', 'open', 'sort'])
      assert.ok(exportParams.includes(name), name);
  });

  test('the demo administrator’s password still works (no reset touched it)', async () => {
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'admin@demo.example.org', password: ADMIN_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
  });
});
