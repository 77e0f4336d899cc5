// The lea-finance pack over HTTP: a requisition from entry to payment with the people the policies name,
// segregation of duties refused by the app, fields closed once signed, split purchases found from the
// organisation's other records, and the Decision Chart generated from the parameters in force.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeTestTemplate } from '../../store/testing.ts';
import { cookieOf, startTestServer, type TestServer } from './test-support.ts';

after(closeTestTemplate);

const quote = (company: string, amountCents: number) => ({
  method: 'written',
  amountCents,
  receivedOn: '2026-08-28',
  validUntil: '2026-12-31',
  delivery: '2026-09-20',
  companyName: company,
  companyAddress: '120 Main St, Provo UT',
  items: [{ description: 'Stacking chair', unit: 'each', quantity: 40, totalCents: amountCents - 12_000 }],
  shippingCents: 12_000,
  salesperson: 'Jo Lund',
  salespersonContact: 'jo.lund@example.org',
  employeeName: 'Rita Requestor',
  employeePosition: 'Teacher',
});

const chairs = {
  description: 'Classroom chairs for Lincoln Elementary',
  vendor: 'Summit Office Supply',
  category: 'goods-services',
  commodity: 'classroom furniture',
  amountCents: 240_000,
  requisitionDate: '2026-09-01',
  quotes: [quote('Summit Office Supply', 240_000)],
};

describe('lea-finance over HTTP', () => {
  let t: TestServer;
  const people: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.server.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  /** A person with the given roles, signed in with their own password. */
  async function person(name: string, roles: string[]): Promise<string> {
    const email = `${name.toLowerCase().replace(' ', '.')}@example.org`;
    const created = await call('POST', '/api/v1/orgs/demo/users', t.adminCookie, {
      email,
      displayName: name,
      role: roles[0],
    });
    assert.equal(created.statusCode, 201, created.body);
    const userId = created.json().user?.id ?? created.json().id;
    for (const role of roles.slice(1)) {
      const granted = await call('POST', `/api/v1/orgs/demo/users/${userId}/roles`, t.adminCookie, { role });
      assert.ok(granted.statusCode < 300, granted.body);
    }
    const otp = created.json().oneTimePassword as string;
    const cookie = cookieOf(
      await t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: otp },
      }),
    );
    const changed = await call('POST', '/api/v1/me/password', cookie, {
      currentPassword: otp,
      newPassword: 'ledgers balance on the first of the month',
    });
    assert.ok(changed.statusCode < 300, changed.body);
    return cookie;
  }

  before(async () => {
    t = await startTestServer();
    // Rita requests purchases and is also a department's business officer: she may sign for others, never
    // for her own request (D.2, I.2).
    people.rita = await person('Rita Requestor', ['lea-finance.requestor', 'lea-finance.supervisor']);
    people.sam = await person('Sam Supervisor', ['lea-finance.supervisor']);
    people.bea = await person('Bea Business', ['lea-finance.business-administrator']);
    people.al = await person('Al Accounting', ['lea-finance.accounting']);
  });
  after(() => t.close());

  const step = (id: string, transition: string, cookie: string) =>
    call('POST', `/api/v1/orgs/demo/records/${id}/transitions`, cookie, { transition });
  const open = async (id: string) =>
    (await call('GET', `/api/v1/orgs/demo/records/${id}`, t.adminCookie)).json();
  const edit = async (id: string, cookie: string, change: object) => {
    const { record } = await open(id);
    return call('PATCH', `/api/v1/orgs/demo/records/${id}`, cookie, {
      version: record.version,
      data: { ...record.data, ...change },
    });
  };

  test('a requisition goes from entry to payment; the missing quote, self-approval and a changed amount are refused', async () => {
    const created = await call('POST', '/api/v1/orgs/demo/records', people.rita!, {
      pack: 'lea-finance',
      kind: 'requisition',
      data: chairs,
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().record.id as string;

    const noQuote = await step(id, 'submit', people.rita!);
    assert.equal(noQuote.statusCode, 409, noQuote.body);
    assert.equal(noQuote.json().code, 'PRB_TRANSITION_REFUSED');
    const refusedBy = noQuote.json().findings.filter((f: { kind: string }) => f.kind === 'violation');
    assert.ok(refusedBy.some((f: { rule: string }) => f.rule === 'lea-finance.procurement.quotes'));
    assert.ok(
      refusedBy.some((f: { citations: { section: string }[] }) =>
        f.citations.some((c) => c.section === 'D.2.b'),
      ),
      'the refusal cites D.2.b',
    );

    assert.equal(
      (
        await edit(id, people.rita!, {
          quotes: [...chairs.quotes, quote('Beehive School Furnishings', 262_500)],
        })
      ).statusCode,
      200,
    );
    assert.equal((await step(id, 'submit', people.rita!)).statusCode, 200);
    assert.equal((await open(id)).record.data.requestedBy, 'Rita Requestor');

    const self = await step(id, 'sign-supervisor', people.rita!);
    assert.equal(self.statusCode, 403, self.body);
    assert.equal(self.json().code, 'PRB_SEGREGATION_OF_DUTIES');
    assert.equal((await open(id)).record.data.supervisorSignedBy, undefined, 'the refusal wrote nothing');

    const raised = await edit(id, people.rita!, { amountCents: 480_000 });
    assert.equal(raised.statusCode, 400, 'the amount is closed while signatures are gathered');
    assert.equal(raised.json().errors[0].path, '/data/amountCents');

    const early = await step(id, 'approve', people.bea!);
    assert.equal(early.statusCode, 409, 'the purchase order waits for the signatures D.2.b requires');

    for (const [transition, who] of [
      ['sign-supervisor', people.sam],
      ['sign-business-administrator', people.bea],
      ['approve', people.bea],
      ['order', people.rita],
    ] as const) {
      const res = await step(id, transition, who!);
      assert.equal(res.statusCode, 200, `${transition}: ${res.body}`);
    }
    assert.equal((await edit(id, people.rita!, { packingSlipComplete: true })).statusCode, 200);
    assert.equal((await step(id, 'receive', people.rita!)).statusCode, 200);

    // I.5: an invoice for more than was authorised cannot be paid.
    const bigInvoice = { number: 'INV-1001', date: '2026-09-25', amountCents: 250_000 };
    assert.equal((await edit(id, people.al!, { invoice: bigInvoice })).statusCode, 200);
    assert.equal((await step(id, 'record-invoice', people.al!)).statusCode, 200);
    const mismatch = await step(id, 'pay', people.al!);
    assert.equal(mismatch.statusCode, 409, mismatch.body);
    assert.equal(
      (await edit(id, people.al!, { invoice: { ...bigInvoice, amountCents: 240_000 } })).statusCode,
      200,
    );
    const paid = await step(id, 'pay', people.al!);
    assert.equal(paid.statusCode, 200, paid.body);

    const done = await open(id);
    assert.equal(done.record.state, 'paid');
    assert.equal(done.record.data.paidBy, 'Al Accounting');
    const kinds = done.timeline.map((e: { kind: string; payload: { transition?: string } }) =>
      e.payload.transition ? `${e.kind}:${e.payload.transition}` : e.kind,
    );
    assert.deepEqual(
      kinds.filter((k: string) => k.startsWith('record.transitioned')),
      [
        'record.transitioned:submit',
        'record.transitioned:sign-supervisor',
        'record.transitioned:sign-business-administrator',
        'record.transitioned:approve',
        'record.transitioned:order',
        'record.transitioned:receive',
        'record.transitioned:record-invoice',
        'record.transitioned:pay',
      ],
    );
    assert.equal(kinds.filter((k: string) => k.startsWith('record.transition-refused')).length, 4);
  });

  test('two uniform orders from one vendor days apart are flagged together as a split purchase (B.3)', async () => {
    const uniforms = (amountCents: number, requisitionDate: string) => ({
      description: `Team uniforms ${requisitionDate}`,
      vendor: 'Wasatch Athletic Supply',
      category: 'goods-services',
      commodity: 'athletic uniforms',
      amountCents,
      requisitionDate,
    });
    const first = await call('POST', '/api/v1/orgs/demo/records', people.rita!, {
      pack: 'lea-finance',
      kind: 'requisition',
      data: uniforms(80_000, '2026-10-01'),
    });
    const firstId = first.json().record.id as string;
    assert.equal(
      (await step(firstId, 'submit', people.rita!)).statusCode,
      200,
      'alone, $800.00 needs no quotes',
    );
    const second = await call('POST', '/api/v1/orgs/demo/records', people.rita!, {
      pack: 'lea-finance',
      kind: 'requisition',
      data: uniforms(70_000, '2026-10-06'),
    });
    const split = second
      .json()
      .evaluation.findings.find((f: { rule: string }) => f.rule === 'lea-finance.procurement.split-purchase');
    assert.ok(split, 'the second order is judged with the first');
    assert.equal(split.kind === 'violation' || split.kind === 'requirement', true);
    assert.ok(JSON.stringify(split.values).includes(firstId), 'the group names the first order');
    const refused = await step(second.json().record.id, 'submit', people.rita!);
    assert.equal(refused.statusCode, 409, refused.body);
  });

  test('past purchases imported as paid count toward the vendor’s fiscal-year total (B.1.c), from July 1 only', async () => {
    const header = 'description,vendor,category,commodity,amountCents,requisitionDate,state';
    const csv = [
      header,
      // FY2026 (ends June 30, 2026): not counted in FY2027.
      'Bus parts,Granite Fleet Parts,goods-services,bus parts,"$30,000.00",2026-06-30,paid',
      'Bus tires,Granite Fleet Parts,goods-services,tires,"$25,000.00",7/1/2026,paid',
      'Bus brakes,Granite Fleet Parts,goods-services,brakes,"$24,500.00",2026-08-15,paid',
    ].join('\r\n');
    const imported = await call('POST', '/api/v1/orgs/demo/records/import', t.adminCookie, {
      pack: 'lea-finance',
      kind: 'requisition',
      csv,
    });
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().created, 3);
    const next = await call('POST', '/api/v1/orgs/demo/records', people.rita!, {
      pack: 'lea-finance',
      kind: 'requisition',
      data: {
        description: 'Wiper blades',
        vendor: 'granite fleet parts ',
        category: 'goods-services',
        commodity: 'wipers',
        amountCents: 50_001,
        requisitionDate: '2026-09-01',
      },
    });
    assert.equal(next.statusCode, 201, next.body);
    const cumulative = next
      .json()
      .evaluation.findings.filter(
        (f: { rule: string }) => f.rule === 'lea-finance.procurement.vendor-annual-cumulative',
      );
    const value = cumulative.find((f: { kind: string }) => f.kind === 'value');
    assert.equal(value.values.fiscalYearToDateCents, 4_950_000, 'the two FY2027 purchases, not June 30’s');
    assert.equal(value.values.totalCents, 5_000_001);
    assert.ok(
      cumulative.some((f: { kind: string }) => f.kind === 'requirement'),
      'one cent over $50,000.00: a bid or RFP is required',
    );
  });

  test('a hospitality gift is totalled with the giver’s earlier hospitality gifts to the recipient only (B.4.c(a))', async () => {
    const gift = (giftDate: string, valueCents: number, category: string, recipient = 'Grace Kim') => ({
      giver: 'Granite Bus Lines',
      giverType: 'vendor',
      giverHasContract: true,
      recipient,
      recipientType: 'lea-employee',
      procurementDecisionAuthority: true,
      giftDate,
      valueCents,
      description: `${category} ${giftDate}`,
      category,
    });
    const add = async (data: object) => {
      const res = await call('POST', '/api/v1/orgs/demo/records', t.adminCookie, {
        pack: 'lea-finance',
        kind: 'gift',
        data,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    await add(gift('2025-12-31', 4_000, 'token-item')); // last calendar year: not counted
    await add(gift('2026-02-01', 900, 'token-item'));
    await add(gift('2026-02-02', 4_500, 'meal')); // a gratuity, judged on its own
    await add(gift('2026-02-03', 900, 'snack', 'Someone Else'));
    const later = await add(gift('2026-03-01', 900, 'beverage'));
    const hospitality = later.evaluation.findings.find(
      (f: { rule: string }) => f.rule === 'lea-finance.gifts.hospitality-gift',
    );
    assert.ok(hospitality, JSON.stringify(later.evaluation.findings.map((f: { rule: string }) => f.rule)));
    assert.equal(
      hospitality.trace.facts.giverRecipientYearToDateCents,
      900,
      'only this year’s hospitality gift',
    );
  });

  test('the Decision Chart follows the thresholds in force, as a page and as a PDF', async () => {
    const url = '/api/v1/orgs/demo/packs/lea-finance/reports/decision-chart';
    const chart = await call('GET', `${url}?asOf=2026-11-23`, t.adminCookie);
    assert.equal(chart.statusCode, 200, chart.body);
    const goods = chart
      .json()
      .document.sections.find((s: { heading: string }) => s.heading === 'Goods and services');
    assert.equal(goods.table.rows[1][0], '$1,000.01 – $5,000.00');

    const override = await call(
      'POST',
      '/api/v1/orgs/demo/packs/lea-finance/parameters/lea-finance.decision_tree.tier_a_max/overrides',
      t.adminCookie,
      { from: '2026-12-01', value: 50_000, reason: 'Board policy 4.2: quotes above $500' },
    );
    assert.ok(override.statusCode < 300, override.body);
    const before = (await call('GET', `${url}?asOf=2026-11-30`, t.adminCookie)).json();
    const afterChart = (await call('GET', `${url}?asOf=2026-12-01`, t.adminCookie)).json();
    const row = (doc: { document: { sections: { heading: string; table?: { rows: string[][] } }[] } }) =>
      doc.document.sections.find((s) => s.heading === 'Goods and services')?.table?.rows[1]?.[0];
    assert.equal(row(before), '$1,000.01 – $5,000.00');
    assert.equal(row(afterChart), '$500.01 – $5,000.00');
    assert.ok(afterChart.document.notes.some((n: string) => n.includes('Board policy 4.2')));

    const pdf = await call('GET', `${url}/pdf?asOf=2026-12-01`, t.adminCookie);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.rawPayload.length > 2_000);

    const spend = (
      await call('GET', '/api/v1/orgs/demo/packs/lea-finance/reports/vendor-spend', t.adminCookie)
    ).json();
    assert.ok(spend.report.input?.properties?.fiscalYear, 'the report says it takes a fiscal year');
    const badYear = await call(
      'GET',
      '/api/v1/orgs/demo/packs/lea-finance/reports/vendor-spend?fiscalYear=1999',
      t.adminCookie,
    );
    assert.equal(badYear.statusCode, 400, badYear.body);
    assert.equal(badYear.json().errors[0].path, '/fiscalYear');
    const unknown = await call('GET', '/api/v1/orgs/demo/packs/lea-finance/reports/nope', t.adminCookie);
    assert.equal(unknown.statusCode, 404);
  });
});
