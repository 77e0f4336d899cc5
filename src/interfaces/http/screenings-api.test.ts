// Screening over HTTP, with the real engine: an uploaded ledger (a planted split purchase and a row that
// cannot be read) is screened in the background and its report names both; the report downloads as a
// page, a spreadsheet table or JSON once the run is done, and not before; the records in the store are
// screened the same way; runs belong to their organisation; bad input is a 400 naming the field.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { ScreeningReport } from '../../app/screening/types.ts';
import { createOrganisation } from '../../app/use-cases/organisations.ts';
import { screeningsDir } from '../../app/use-cases/screenings.ts';
import { organisations, screeningRuns } from '../../store/schema.ts';
import { closeTestTemplate } from '../../store/testing.ts';
import {
  cookieOf,
  MEMBER_PASSWORD,
  signedInMember,
  startTestServer,
  type TestServer,
} from './test-support.ts';

after(closeTestTemplate);

const SCREENINGS = '/api/v1/orgs/demo/packs/lea-finance/screenings';

// Two purchases of paper from one vendor 18 days apart, each under the $1,000.00 individual threshold and
// together above it (B.3); then a row whose amount is not money (line 4, counting the header as line 1).
const LEDGER = [
  'txn_id,paid_on,vendor,commodity,description,amount,invoice,contract',
  'T1,2025-09-02,Acme Supply,Paper,Copy paper,600.00,INV-1,',
  'T2,2025-09-20,Acme Supply,Paper,More copy paper,550.00,INV-2,',
  'T3,2025-09-21,Acme Supply,Paper,Toner,twelve,INV-3,',
].join('\n');

type Part =
  | { name: string; value: string }
  | { name: string; filename: string; type?: string; content: string };

/** A multipart/form-data body as a browser sends it. */
function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----probity-test-boundary';
  const chunks: string[] = [];
  for (const p of parts) {
    chunks.push(`--${boundary}\r\n`);
    if ('filename' in p) {
      chunks.push(
        `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'text/csv'}\r\n\r\n${p.content}\r\n`,
      );
    } else {
      chunks.push(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`);
    }
  }
  chunks.push(`--${boundary}--\r\n`);
  return {
    payload: Buffer.from(chunks.join(''), 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface RunAnswer {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  source: string;
  error: string | null;
  summary: { rows: number; badRows: number; hits: number; violations: number; flaggedCents: number } | null;
  files: { ledger: string; name: string; bytes: number }[];
}

describe('screening over HTTP', () => {
  let t: TestServer;
  const as = (cookie: string) => ({ cookie });

  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
  });

  const upload = (parts: readonly Part[], cookie = t.adminCookie) => {
    const body = multipart(parts);
    return t.server.inject({
      method: 'POST',
      url: SCREENINGS,
      headers: { ...as(cookie), ...body.headers },
      payload: body.payload,
    });
  };

  /** Follows the run at its Location until it is done or failed, as a client polls. */
  async function settled(location: string): Promise<RunAnswer> {
    for (let i = 0; i < 1000; i++) {
      const res = await t.server.inject({ url: location, headers: as(t.adminCookie) });
      assert.equal(res.statusCode, 200, res.body);
      const run = res.json() as RunAnswer;
      assert.ok(run.progress >= 0 && run.progress <= 10_000);
      if (run.status === 'done' || run.status === 'failed') return run;
      await sleep(20);
    }
    throw new Error(`the run at ${location} did not finish`);
  }

  let uploaded: string;

  test('an uploaded ledger is screened in the background: 202 and the run at its Location, then a report with the planted split purchase and the bad row by its line', async () => {
    const res = await upload([
      { name: 'disbursements', filename: 'AP export FY2026.csv', content: LEDGER },
      { name: 'from', value: '2025-07-01' },
      { name: 'to', value: '2026-06-30' },
    ]);
    assert.equal(res.statusCode, 202, res.body);
    const queued = res.json() as RunAnswer;
    assert.equal(res.headers.location, `/api/v1/orgs/demo/screenings/${queued.id}`);
    assert.equal(queued.source, 'upload');
    assert.deepEqual(queued.files, [
      { ledger: 'disbursements', name: 'AP export FY2026.csv', bytes: Buffer.byteLength(LEDGER) },
    ]);
    const done = await settled(res.headers.location as string);
    assert.equal(done.status, 'done', done.error ?? '');
    assert.equal(done.progress, 10_000);
    assert.deepEqual(done.summary, { rows: 3, badRows: 1, hits: 1, violations: 1, flaggedCents: 115_000 });
    assert.equal(existsSync(join(screeningsDir(t.app), queued.id)), false, 'the uploaded file is gone');
    uploaded = queued.id;

    const report = await t.server.inject({
      url: `/api/v1/orgs/demo/screenings/${queued.id}/report?format=json`,
      headers: as(t.adminCookie),
    });
    assert.equal(report.statusCode, 200);
    assert.equal(report.headers['content-type'], 'application/json; charset=utf-8');
    const r = report.json() as ScreeningReport;
    assert.equal(r.engine, 'duckdb');
    assert.equal(r.organisation?.id, 'demo');
    assert.equal(r.inputs[0]?.source, 'AP export FY2026.csv');
    const split = r.hits.filter((h) => h.screen === 'lea-finance.screen.split-purchase');
    assert.equal(split.length, 1);
    assert.deepEqual(
      split[0]?.transactions.map((x) => x.id),
      ['T1', 'T2'],
    );
    assert.equal(split[0]?.totalCents, 115_000);
    assert.equal(r.badRowCount, 1);
    assert.equal(r.badRows[0]?.line, 4);
    assert.equal(r.badRows[0]?.column, 'amount');
  });

  test('the report downloads as a page to view and a CSV to save, by suffix or ?format; before a run is done it is a 409', async () => {
    const html = await t.server.inject({
      url: `/api/v1/orgs/demo/screenings/${uploaded}/report.html`,
      headers: as(t.adminCookie),
    });
    assert.equal(html.statusCode, 200);
    assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(
      String(html.headers['content-disposition']),
      /^inline; filename="screening-lea-finance-.*\.html"$/,
    );
    assert.match(html.body, /<html/i);
    assert.match(html.body, /Acme Supply/);
    const csv = await t.server.inject({
      url: `/api/v1/orgs/demo/screenings/${uploaded}/report?format=csv`,
      headers: as(t.adminCookie),
    });
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), /^attachment; filename=".*\.csv"$/);
    assert.match(csv.body, /T1/);
    assert.match(csv.body, /T2/);
    const json = await t.server.inject({
      url: `/api/v1/orgs/demo/screenings/${uploaded}/report.json`,
      headers: as(t.adminCookie),
    });
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal((json.json() as ScreeningReport).totals.hits, 1);

    // A run nobody has taken yet (written here, not queued in this process) has no report.
    const [demo] = await t.store.db.select().from(organisations).where(eq(organisations.slug, 'demo'));
    await t.store.db.insert(screeningRuns).values({
      orgId: demo?.id ?? '',
      id: 'waiting-run-0001',
      pack: 'lea-finance',
      source: 'store',
      status: 'queued',
      requestedBy: 'system',
    });
    const early = await t.server.inject({
      url: '/api/v1/orgs/demo/screenings/waiting-run-0001/report.html',
      headers: as(t.adminCookie),
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(early.json().code, 'PRB_SCREENING_NOT_DONE');
    assert.match(early.json().detail, /it is queued \(0%\)/);
    await t.store.db.delete(screeningRuns).where(eq(screeningRuns.id, 'waiting-run-0001'));
  });

  test("a store screening of the demo organisation's records returns a report", async () => {
    const res = await t.server.inject({
      method: 'POST',
      url: SCREENINGS,
      headers: as(t.adminCookie),
      payload: { source: 'store' },
    });
    assert.equal(res.statusCode, 202, res.body);
    const done = await settled(res.headers.location as string);
    assert.equal(done.status, 'done', done.error ?? '');
    assert.equal(done.source, 'store');
    const report = await t.server.inject({
      url: `${res.headers.location}/report.json`,
      headers: as(t.adminCookie),
    });
    const r = report.json() as ScreeningReport;
    assert.equal(r.engine, 'postgres');
    assert.equal(r.pack.id, 'lea-finance');
    assert.ok(r.inputs.length > 0, 'the ledgers kept as records were read');
    assert.ok(r.inputs.every((i) => i.format === 'store'));
    assert.equal(r.totals.rows, done.summary?.rows);
    const list = await t.server.inject({ url: '/api/v1/orgs/demo/screenings', headers: as(t.adminCookie) });
    const answer = list.json() as { runs: RunAnswer[]; packs: { id: string; store: boolean }[] };
    assert.deepEqual(
      answer.runs.slice(0, 2).map((x) => x.id),
      [done.id, uploaded],
      'newest first',
    );
    assert.deepEqual(
      answer.packs.map((p) => [p.id, p.store]),
      [['lea-finance', true]],
    );
  });

  test("another organisation's person does not find the run (404); one who reads records only in some units is refused (403)", async () => {
    const other = await createOrganisation(t.app, {
      slug: 'other-lea',
      name: 'Other LEA',
      adminEmail: 'admin@other-lea.example.org',
    });
    const signIn = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'admin@other-lea.example.org', password: other.admin?.oneTimePassword },
    });
    const otp = cookieOf(signIn);
    await t.server.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: as(otp),
      payload: { currentPassword: other.admin?.oneTimePassword, newPassword: MEMBER_PASSWORD },
    });
    for (const url of [
      `/api/v1/orgs/other-lea/screenings/${uploaded}`,
      `/api/v1/orgs/other-lea/screenings/${uploaded}/report.json`,
    ]) {
      const res = await t.server.inject({ url, headers: as(otp) });
      assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
      assert.equal(res.json().code, 'PRB_NOT_FOUND');
    }
    const list = await t.server.inject({ url: '/api/v1/orgs/other-lea/screenings', headers: as(otp) });
    assert.deepEqual((list.json() as { runs: unknown[] }).runs, [], "the demo's runs are not in its list");
    // Through the demo's own address it is not a member, as everywhere in the API.
    const notMember = await t.server.inject({
      url: `/api/v1/orgs/demo/screenings/${uploaded}`,
      headers: as(otp),
    });
    assert.equal(notMember.statusCode, 403);

    const units = await t.server.inject({ url: '/api/v1/orgs/demo/units', headers: as(t.adminCookie) });
    const unit = (units.json() as { id: string }[])[0];
    assert.ok(unit);
    const { cookie } = await signedInMember(t, {
      email: 'unit-viewer@demo.example.org',
      roles: ['viewer'],
      unitId: unit.id,
    });
    for (const res of [
      await t.server.inject({ url: '/api/v1/orgs/demo/screenings', headers: as(cookie) }),
      await t.server.inject({ url: `/api/v1/orgs/demo/screenings/${uploaded}`, headers: as(cookie) }),
      await upload([{ name: 'disbursements', filename: 'a.csv', content: LEDGER }], cookie),
    ]) {
      assert.equal(res.statusCode, 403, res.body);
      assert.match(res.json().detail, /across all of/);
    }
  });

  test('bad input is a 400 naming the field: a date that does not exist, a part that is no ledger, no file, a JSON body not for the store', async () => {
    const problems = async (res: { statusCode: number; json(): unknown; body: string }) => {
      assert.equal(res.statusCode, 400, res.body);
      return (res.json() as { errors: { path: string; message: string }[] }).errors;
    };
    const badFrom = await problems(
      await upload([
        { name: 'disbursements', filename: 'a.csv', content: LEDGER },
        { name: 'from', value: '2025-02-30' },
      ]),
    );
    assert.deepEqual(
      badFrom.map((e) => e.path),
      ['/body/from'],
    );
    assert.match(badFrom[0]?.message ?? '', /calendar date/);
    const storeFrom = await problems(
      await t.server.inject({
        method: 'POST',
        url: SCREENINGS,
        headers: as(t.adminCookie),
        payload: { source: 'store', from: 'last July' },
      }),
    );
    assert.deepEqual(
      storeFrom.map((e) => e.path),
      ['/body/from'],
    );
    const reversed = await problems(
      await t.server.inject({
        method: 'POST',
        url: SCREENINGS,
        headers: as(t.adminCookie),
        payload: { source: 'store', from: '2026-07-01', to: '2026-06-30' },
      }),
    );
    assert.deepEqual(
      reversed.map((e) => e.path),
      ['/to'],
    );
    const payroll = await problems(
      await upload([{ name: 'payroll', filename: 'p.csv', content: 'a,b\n1,2\n' }]),
    );
    assert.equal(payroll[0]?.path, '/body/payroll');
    assert.match(payroll[0]?.message ?? '', /disbursements, pcard, travel, gifts/);
    const none = await problems(await upload([{ name: 'from', value: '2025-07-01' }]));
    assert.equal(none[0]?.path, '/files');
    const mapping = await problems(
      await upload([
        { name: 'disbursements', filename: 'a.csv', content: LEDGER },
        { name: 'mapping', value: 'disbursements:\n  columns:\n    amount_paid: Amount\n' },
      ]),
    );
    assert.equal(mapping[0]?.path, '/mapping/disbursements/columns/amount_paid');
    const notStore = await problems(
      await t.server.inject({ method: 'POST', url: SCREENINGS, headers: as(t.adminCookie), payload: {} }),
    );
    assert.equal(notStore[0]?.path, '/body/source');
    // Nothing of the refused uploads is left on disk.
    const { readdir } = await import('node:fs/promises');
    assert.deepEqual(await readdir(screeningsDir(t.app)).catch(() => []), []);
    const sample = await t.server.inject({
      method: 'POST',
      url: '/api/v1/orgs/demo/packs/sample/screenings',
      headers: as(t.adminCookie),
      payload: { source: 'store' },
    });
    assert.equal(sample.statusCode, 404);
    assert.match(sample.json().detail, /has no screens; packs with screens: lea-finance/);
  });

  test('the OpenAPI document gives the POST both bodies: the files as multipart/form-data, or JSON for the store', async () => {
    const doc = (await t.server.inject('/api/v1/openapi.json')).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const post = doc.paths['/api/v1/orgs/{org}/packs/{pack}/screenings']?.post;
    const content = post?.requestBody?.content ?? {};
    assert.deepEqual(Object.keys(content).sort(), ['application/json', 'multipart/form-data']);
    const form = content['multipart/form-data']?.schema as { properties: Record<string, unknown> };
    assert.deepEqual(Object.keys(form.properties), [
      'disbursements',
      'pcard',
      'travel',
      'gifts',
      'mapping',
      'from',
      'to',
    ]);
    assert.ok(doc.paths['/api/v1/orgs/{org}/screenings/{id}/report.{format}']?.get);
  });
});
