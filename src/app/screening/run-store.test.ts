// Screening inside the database (PGlite here; the PostgreSQL server when DATABASE_URL is set): the
// organisation's own lea-finance records projected into ledger rows by the pack's fromRecords — only
// payments actually made, only that organisation's — and ledger files screened by PostgreSQL giving
// exactly what DuckDB gives on the same files.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { leaFinancePack } from '../../packs/lea-finance/index.ts';
import { organisations } from '../../store/schema.ts';
import { closeTestTemplate, openTestStore, type TestStore } from '../../store/testing.ts';
import { type App, createApp } from '../app.ts';
import { systemScope } from '../use-cases/bootstrap.ts';
import { createOrganisation } from '../use-cases/organisations.ts';
import { createRecordInTx } from '../use-cases/records.ts';
import { hitsOf, type Row, screensHit, tempDir, writeLedgers } from './fixtures.test-support.ts';
import { screenFiles } from './run-files.ts';
import { screenFilesInDatabase, screenStore } from './run-store.ts';

after(closeTestTemplate);

const NOW = new Date('2025-06-15T18:00:00Z');

async function organisation(app: App, slug: string) {
  const created = await createOrganisation(app, { slug, name: slug.toUpperCase() }, NOW);
  const [row] = await app.store.db.select().from(organisations).where(eq(organisations.id, created.org.id));
  return systemScope(row!);
}

/** Creates a lea-finance record as imported history (in any state, with its steps' dates); its id. */
async function record(
  app: App,
  org: Awaited<ReturnType<typeof organisation>>,
  kind: string,
  state: string,
  data: Record<string, unknown>,
): Promise<string> {
  const { record } = await createRecordInTx(app, app.store.db, {
    org,
    actor: 'system',
    pack: 'lea-finance',
    kind,
    data,
    now: NOW,
    history: true,
    state,
  });
  return record.id;
}

const card = (merchant: string, transactionDate: string, amountCents: number, more: object = {}) => ({
  cardId: '•••• 4821',
  cardType: 'assigned',
  holder: 'Pat Lee',
  merchant,
  transactionDate,
  amountCents,
  ...more,
});

const trip = (returnOn: string, more: object = {}) => ({
  traveler: 'Pat Lee',
  purpose: 'Conference',
  destinations: ['Provo'],
  travelType: 'in-state',
  departOn: '2025-01-08',
  returnOn,
  ...more,
});

const gift = (valueCents: number, giver = 'Acme Supply') => ({
  giver,
  recipient: 'Pat Lee',
  recipientType: 'lea-employee',
  giftDate: '2025-02-01',
  valueCents,
  description: 'Coffee mug',
  category: 'token-item',
});

const check = (checkNumber: string, payee: string | undefined, amountCents: number | undefined) => ({
  checkNumber,
  ...(payee === undefined ? {} : { payee }),
  ...(amountCents === undefined ? {} : { amountCents }),
  issuedBy: 'Ann Clerk',
  issuedOn: '2025-03-10',
});

const requisition = (vendor: string, approvedOn: string, paidOn: string, amountCents: number) => ({
  description: 'Lab supplies',
  vendor,
  category: 'goods-services',
  commodity: 'lab supplies',
  amountCents,
  requisitionDate: '2025-03-20',
  purchaseOrderNumber: `PO-${vendor}`,
  approvedOn,
  paidOn,
  invoice: { number: `INV-${vendor}`, date: paidOn, amountCents },
});

describe('screening the store', () => {
  test("an organisation's records: the hits name their records; drafts, unpaid, voided, returned and other organisations' records are not rows", async () => {
    const store = await openTestStore();
    try {
      const app = createApp({ store, packs: [leaFinancePack], clock: () => NOW });
      const a = await organisation(app, 'alpine-sd');
      const b = await organisation(app, 'beaver-sd');
      const ids = {
        atm: await record(
          app,
          a,
          'card-transaction',
          'recorded',
          card('Bank ATM', '2025-03-03', 20_000, { transactionType: 'atm' }),
        ),
        lunch: await record(app, a, 'card-transaction', 'reconciled', card('Deli', '2025-03-04', 4_500)),
        approved: await record(
          app,
          a,
          'card-transaction',
          'reconciled',
          card('Dell', '2025-03-05', 150_000, { preApproved: true }),
        ),
        unapproved: await record(
          app,
          a,
          'card-transaction',
          'referred',
          card('Apple', '2025-03-12', 120_000),
        ),
        advance: await record(
          app,
          a,
          'card-transaction',
          'recorded',
          card('Bank', '2025-03-20', 10_000, { transactionType: 'cash-advance' }),
        ),
        lateClaim: await record(
          app,
          a,
          'travel',
          'claimed',
          trip('2025-01-10', { reimbursementFormOn: '2025-02-20' }),
        ),
        onTime: await record(
          app,
          a,
          'travel',
          'reimbursed',
          trip('2025-01-10', { reimbursementFormOn: '2025-01-20' }),
        ),
        notClaimed: await record(app, a, 'travel', 'authorized', trip('2025-01-10')),
        tenDollars: await record(app, a, 'gift', 'reported', gift(1000)),
        small: await record(app, a, 'gift', 'accepted', gift(999, 'Birch Books')),
        returned: await record(app, a, 'gift', 'returned', gift(5000, 'Cedar Tech')),
        toCash: await record(app, a, 'check', 'issued', check('1001', 'Cash', 5000)),
        mailed: await record(app, a, 'check', 'mailed', check('1002', 'Acme Supply', 1000)),
        voided: await record(app, a, 'check', 'voided', check('1003', 'Bearer', 7000)),
        blank: await record(app, a, 'check', 'issued', check('1004', undefined, undefined)),
        paidEarly: await record(
          app,
          a,
          'requisition',
          'paid',
          requisition('Delta', '2025-04-05', '2025-04-01', 30_000),
        ),
        paidLater: await record(
          app,
          a,
          'requisition',
          'paid',
          requisition('Echo', '2025-04-01', '2025-04-20', 40_000),
        ),
        draft: await record(
          app,
          a,
          'requisition',
          'draft',
          requisition('Foxtrot', '2025-04-05', '2025-04-01', 50_000),
        ),
        invoiced: await record(
          app,
          a,
          'requisition',
          'invoiced',
          requisition('Golf', '2025-04-05', '2025-04-01', 60_000),
        ),
      };
      const other = [
        await record(
          app,
          b,
          'card-transaction',
          'recorded',
          card('Bank ATM', '2025-03-03', 30_000, { transactionType: 'atm' }),
        ),
        await record(app, b, 'gift', 'reported', gift(2000)),
        await record(app, b, 'check', 'issued', check('9001', 'Bearer', 100)),
      ];

      const report = await screenStore(store.db, {
        orgId: a.org.id,
        pack: leaFinancePack,
        organisation: { id: a.org.id, name: a.org.name },
      });
      assert.equal(report.engine, 'postgres');
      assert.deepEqual(screensHit(report), [
        'card-cash',
        'card-cash',
        'card-preapproval',
        'check-to-cash',
        'gift-value',
        'paid-before-po',
        'travel-claim-late',
      ]);
      const records = (name: string) => hitsOf(report, name).map((h) => h.transactions.map((x) => x.record));
      assert.deepEqual(records('card-cash'), [[ids.atm], [ids.advance]]);
      assert.deepEqual(records('card-preapproval'), [[ids.unapproved]]);
      assert.deepEqual(records('check-to-cash'), [[ids.toCash]]);
      assert.deepEqual(records('gift-value'), [[ids.tenDollars]]);
      assert.deepEqual(records('paid-before-po'), [[ids.paidEarly]]);
      assert.deepEqual(records('travel-claim-late'), [[ids.lateClaim]]);

      // a row of the store: no file line, the record's id as the row's id, the record's fields projected
      const [cash] = hitsOf(report, 'card-cash');
      const atm = cash!.transactions[0]!;
      assert.equal(atm.line, undefined);
      assert.equal(atm.id, ids.atm);
      assert.deepEqual(atm.fields, {
        txn_id: ids.atm,
        posted_on: '2025-03-03',
        card: '•••• 4821',
        merchant: 'Bank ATM',
        mcc: null,
        type: 'atm',
        amount: 20_000,
        preapproval: null,
        entity: null,
      });
      const paid = hitsOf(report, 'paid-before-po')[0]!.transactions[0]!;
      assert.deepEqual(
        [paid.date, paid.amountCents, paid.fields.po_approved_on, paid.fields.invoice, paid.fields.po_number],
        ['2025-04-01', 30_000, '2025-04-05', 'INV-Delta', 'PO-Delta'],
      );
      const toCash = hitsOf(report, 'check-to-cash')[0]!.transactions[0]!;
      assert.deepEqual(
        [toCash.fields.vendor, toCash.fields.payee, toCash.fields.method, toCash.amountCents],
        ['Cash', 'Cash', 'check', 5000],
      );
      const claim = hitsOf(report, 'travel-claim-late')[0]!.transactions[0]!;
      assert.deepEqual(
        [claim.fields.employee, claim.fields.claim_type, claim.fields.returned_on, claim.date],
        ['Pat Lee', 'travel', '2025-01-10', '2025-02-20'],
      );

      // what was read: only payments made, the blank check a bad row naming its record
      assert.deepEqual(
        report.inputs.map((i) => [i.ledger, i.source, i.format, i.rows, i.accepted, i.rejected]),
        [
          ['disbursements', 'store', 'store', 5, 4, 1],
          ['pcard', 'store', 'store', 5, 5, 0],
          ['travel', 'store', 'store', 2, 2, 0],
          ['gifts', 'store', 'store', 2, 2, 0],
        ],
      );
      assert.deepEqual(report.badRows, [
        {
          ledger: 'disbursements',
          line: 0,
          record: ids.blank,
          column: 'vendor',
          reason: 'vendor: empty, but every row needs one (Vendor)',
        },
      ]);
      assert.equal(report.badRowCount, 1);

      const named = report.hits.flatMap((h) => h.transactions.map((x) => x.record));
      for (const id of other) assert.ok(!named.includes(id), 'another organisation’s record is never a row');
      for (const id of [ids.notClaimed, ids.returned, ids.voided, ids.draft, ids.invoiced])
        assert.ok(!named.includes(id));

      // the other organisation sees only its own
      const theirs = await screenStore(store.db, { orgId: b.org.id, pack: leaFinancePack });
      assert.deepEqual(
        theirs.hits.map((h) => [h.screen, h.transactions.map((x) => x.record)]),
        [
          ['lea-finance.screen.card-cash', [other[0]]],
          ['lea-finance.screen.check-to-cash', [other[2]]],
          ['lea-finance.screen.gift-value', [other[1]]],
        ],
      );
    } finally {
      await store.close();
    }
  });

  test('from/to keep to the period on the store too', async () => {
    const store = await openTestStore();
    try {
      const app = createApp({ store, packs: [leaFinancePack], clock: () => NOW });
      const a = await organisation(app, 'cache-sd');
      const march = await record(
        app,
        a,
        'card-transaction',
        'recorded',
        card('ATM', '2025-03-03', 100, { transactionType: 'atm' }),
      );
      await record(
        app,
        a,
        'card-transaction',
        'recorded',
        card('ATM', '2025-04-03', 100, { transactionType: 'atm' }),
      );
      const report = await screenStore(store.db, {
        orgId: a.org.id,
        pack: leaFinancePack,
        from: '2025-03-01',
        to: '2025-03-31',
      });
      assert.deepEqual(
        report.hits.map((h) => h.transactions.map((x) => x.record)),
        [[march]],
      );
    } finally {
      await store.close();
    }
  });
});

// Every disbursement and card screen hit at least once, a row the reader refuses and one with an empty
// required value, keys written in several spellings: the rows both engines must agree on.
const DISBURSEMENTS: Row[] = [
  {
    txn_id: 'D01',
    paid_on: '2025-08-01',
    vendor: 'Acme',
    commodity: 'paper',
    amount: '600.00',
    invoice: 'INV-1',
  },
  {
    txn_id: 'D02',
    paid_on: '2025-08-15',
    vendor: ' ACME ',
    commodity: 'Paper',
    amount: '550.00',
    invoice: 'INV-2',
  },
  { txn_id: 'D03', paid_on: '2025-07-01', vendor: 'Birch', commodity: 'buses', amount: '30000.00' },
  { txn_id: 'D04', paid_on: '2026-06-30', vendor: 'birch', commodity: 'fuel', amount: '20000.01' },
  { txn_id: 'D05', paid_on: '2025-09-01', vendor: 'Cedar', amount: '250.00', invoice: 'INV-0042' },
  { txn_id: 'D06', paid_on: '2026-01-10', vendor: 'Cedar', amount: '250.00', invoice: 'INV-0042' },
  { txn_id: 'D07', paid_on: '2025-10-01', vendor: 'Dogwood', amount: '75.00' },
  { txn_id: 'D08', paid_on: '2025-10-04', vendor: 'Dogwood', amount: '75.00', invoice: 'X-9' },
  { txn_id: 'D09', paid_on: '2025-11-01', vendor: 'Petty Cash', amount: '20.00', payee: 'cash' },
  { txn_id: 'D10', paid_on: '2025-11-02', vendor: 'Elm', amount: '40.00', po_approved_on: '2025-11-03' },
  { txn_id: 'D11', paid_on: '2025-11-03', vendor: 'Fir', amount: '12.3.4' },
  { txn_id: 'D12', paid_on: '2025-11-04', vendor: '', amount: '1.00' },
  { txn_id: 'D13', paid_on: '2025-08-02', vendor: 'Gum', amount: '900.00', contract: 'SC-1' },
  {
    txn_id: 'D14',
    paid_on: '2025-08-03',
    vendor: 'Gum',
    amount: '900.00',
    contract: 'SC-1',
    entity: 'LEA-B',
  },
];

const PCARD: Row[] = [
  { txn_id: 'C01', posted_on: '2025-03-03', card: 'A-1', merchant: 'Bank', type: 'ATM', amount: '200.00' },
  { txn_id: 'C02', posted_on: '2025-03-10', card: 'A-1', merchant: 'Costco', amount: '1000.01' },
  {
    txn_id: 'C03',
    posted_on: '2025-03-17',
    card: 'B-2',
    merchant: 'Dell',
    amount: '5000.01',
    preapproval: 'EA-1',
  },
  {
    txn_id: 'C04',
    posted_on: '2025-03-18',
    card: 'B-2',
    merchant: 'HP',
    amount: '3000.00',
    preapproval: 'EA-2',
  },
  {
    txn_id: 'C05',
    posted_on: '2025-03-18',
    card: 'B-2',
    merchant: 'Acer',
    amount: '2000.01',
    preapproval: 'EA-3',
  },
  {
    txn_id: 'C06',
    posted_on: '2025-03-19',
    card: 'b-2',
    merchant: 'Lenovo',
    amount: '4999.99',
    preapproval: 'EA-4',
  },
  {
    txn_id: 'C07',
    posted_on: '2025-03-20',
    card: 'B-2 ',
    merchant: 'Apple',
    amount: '5000.00',
    preapproval: 'EA-5',
  },
  { txn_id: 'C08', posted_on: '2025-04-01', card: 'F-8', merchant: 'Office Depot', amount: '600.00' },
  { txn_id: 'C09', posted_on: '2025-04-04', card: 'F-8', merchant: 'office depot', amount: '400.01' },
  { txn_id: 'C10', posted_on: '2025-04-05', card: 'F-8', merchant: 'Bank', mcc: '6011', amount: 'abc' },
];

const TRAVEL: Row[] = [
  {
    claim_id: 'T1',
    employee: 'Pat',
    claim_type: 'travel',
    returned_on: '2024-01-30',
    submitted_on: '2024-03-01',
    amount: '10.00',
  },
  {
    claim_id: 'T2',
    employee: 'Pat',
    claim_type: 'mileage',
    returned_on: '2024-01-30',
    submitted_on: '2024-03-16',
    amount: '10.00',
  },
];

const GIFTS: Row[] = [
  { gift_id: 'G1', received_on: '2025-02-02', giver: 'Acme', recipient: 'Pat', value: '10.00' },
  { gift_id: 'G2', received_on: '2025-02-03', giver: 'Birch', recipient: 'Pat', value: '9.99' },
  { gift_id: 'G3', received_on: '2025-12-31', giver: 'birch', recipient: 'PAT', value: '40.01' },
];

describe('ledger files screened by PostgreSQL', () => {
  let store: TestStore | undefined;
  after(async () => store?.close());

  test('give exactly the hits, bad rows and inputs DuckDB gives on the same files', async (t) => {
    store = await openTestStore();
    const files = writeLedgers(tempDir(t), {
      disbursements: DISBURSEMENTS,
      pcard: PCARD,
      travel: TRAVEL,
      gifts: GIFTS,
    });
    const options = { pack: leaFinancePack, files, from: '2024-01-01', to: '2026-12-31' };
    const duck = await screenFiles(options);
    const pg = await screenFilesInDatabase(store.db, options);
    assert.deepEqual(
      [...new Set(screensHit(duck))],
      [
        'card-cash',
        'card-daily-limit',
        'card-monthly-limit',
        'card-preapproval',
        'card-split',
        'card-transaction-limit',
        'check-to-cash',
        'duplicate-invoice',
        'duplicate-payment',
        'gift-annual',
        'gift-value',
        'mileage-claim-late',
        'paid-before-po',
        'split-purchase',
        'travel-claim-late',
        'vendor-annual-spend',
      ],
      'every screen hit on the file path',
    );
    assert.equal(duck.engine, 'duckdb');
    assert.equal(pg.engine, 'postgres');
    assert.deepEqual(pg.hits, duck.hits);
    assert.deepEqual(pg.badRows, duck.badRows);
    assert.equal(pg.badRowCount, 3);
    assert.equal(duck.badRowCount, 3);
    assert.deepEqual(pg.inputs, duck.inputs);
    assert.deepEqual(pg.totals, duck.totals);
    const summary = (r: typeof duck) => r.screens.map(({ milliseconds: _ms, ...s }) => s);
    assert.deepEqual(summary(pg), summary(duck));
  });
});
