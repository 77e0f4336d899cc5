// Worked cases for each of the sixteen lea-finance screens, run as a user runs them: small CSV ledgers
// through screenFiles. Every threshold is tried on both sides to the cent and every window to the day;
// the fiscal year's turn (June 30 / July 1), the calendar year's (December 31 / January 1), a leap day,
// contract purchases, LEAs kept apart, invoice numbers written two ways, an organisation's override of a
// parameter from a date, and the from/to period. Each case asserts every hit of the run, not just one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type JsonSchema, recordKindSchema } from '../../../app/record-kinds.ts';
import {
  hitsOf,
  idsOf,
  paramsOf,
  type Row,
  screenRows,
  screensHit,
} from '../../../app/screening/fixtures.test-support.ts';
import type { ParameterOverride } from '../../../kernel/index.ts';
import { leaFinancePack } from '../index.ts';

const PACK = 'pack';
const SINCE = '2016-07-01';
const SPLIT_PARAMS: [string, unknown, string, string][] = [
  ['lea-finance.procurement.individual_threshold', 100_000, PACK, SINCE],
  ['lea-finance.procurement.single_aggregate_threshold', 500_000, PACK, SINCE],
  ['lea-finance.decision_tree.tier_c_max', 1_000_000, PACK, SINCE],
  ['lea-finance.decision_tree.tier_d_max', 5_000_000, PACK, SINCE],
  ['lea-finance.split.window_days', 30, PACK, SINCE],
];

/** A disbursement: id, date, vendor, amount, then whatever the case needs. */
const pay = (txn_id: string, paid_on: string, vendor: string, amount: string, more: Row = {}): Row => ({
  txn_id,
  paid_on,
  vendor,
  amount,
  ...more,
});

/** A card transaction; pre-approved unless the case says otherwise, so only the screen tried can hit. */
const charge = (
  txn_id: string,
  posted_on: string,
  card: string,
  merchant: string,
  amount: string,
  more: Row = {},
): Row => ({ txn_id, posted_on, card, merchant, amount, type: 'purchase', preapproval: 'EA-1', ...more });

const claim = (
  claim_id: string,
  claim_type: string,
  returned_on: string,
  submitted_on: string,
  employee = 'Pat Lee',
): Row => ({ claim_id, employee, claim_type, returned_on, submitted_on, amount: '120.00' });

const gift = (
  gift_id: string,
  received_on: string,
  giver: string,
  recipient: string,
  value: string,
): Row => ({
  gift_id,
  received_on,
  giver,
  recipient,
  description: 'Box of chocolates',
  value,
});

const override = (parameterId: string, from: string, value: number): ParameterOverride =>
  ({ parameterId, from, value, reason: 'board decision' }) as ParameterOverride;

describe('lea-finance screens on worked cases', { concurrency: true }, () => {
  describe('split-purchase (B.3)', () => {
    test('parts each at or under $1,000.00 that together exceed it by a cent are a hit; exactly $1,000.00 together is not', async (t) => {
      const report = await screenRows(t, {
        disbursements: [
          pay('A1', '2025-08-01', 'Acme', '500.00', { commodity: 'paper' }),
          pay('A2', '2025-08-10', 'Acme', '500.00', { commodity: 'paper' }),
          pay('B1', '2025-08-01', 'Birch', '500.00', { commodity: 'paper' }),
          pay('B2', '2025-08-10', 'Birch', '500.01', { commodity: 'paper' }),
          // a part at the threshold is not above it
          pay('C1', '2025-08-01', 'Cedar', '1000.00', { commodity: 'paper' }),
          pay('C2', '2025-08-02', 'Cedar', '0.01', { commodity: 'paper' }),
          // a part above the threshold crossed it alone: not a split of that threshold
          pay('E1', '2025-08-01', 'Elm', '1000.01', { commodity: 'paper' }),
          pay('E2', '2025-08-02', 'Elm', '100.00', { commodity: 'paper' }),
        ],
      });
      assert.deepEqual(screensHit(report), ['split-purchase', 'split-purchase']);
      const hits = hitsOf(report, 'split-purchase');
      assert.deepEqual(idsOf(hits), [
        ['B1', 'B2'],
        ['C1', 'C2'],
      ]);
      assert.deepEqual(
        hits.map((h) => [h.totalCents, h.thresholdCents, h.count, h.first, h.last]),
        [
          [100_001, 100_000, 2, '2025-08-01', '2025-08-10'],
          [100_001, 100_000, 2, '2025-08-01', '2025-08-02'],
        ],
      );
      assert.deepEqual(hits[0]?.key, { vendor: 'Birch', commodity: 'paper' });
      assert.deepEqual(paramsOf(hits[0]!), SPLIT_PARAMS);
      assert.equal(
        hits[0]?.message,
        '2 purchases of paper from Birch between 2025-08-01 and 2025-08-10 total $1,000.01: each is at or under $1,000.00, together they are above it.',
      );
      assert.equal(hits[0]?.kind, 'violation');
      assert.equal(hits[0]?.severity, 'high');
    });

    test('the higher thresholds: $5,000.00, $10,000.00 and $50,000.00, each on both sides', async (t) => {
      const report = await screenRows(t, {
        disbursements: [
          pay('F1', '2025-09-01', 'Fir', '3000.00', { commodity: 'desks' }),
          pay('F2', '2025-09-05', 'Fir', '2000.01', { commodity: 'desks' }),
          // each above $1,000.00, together exactly $5,000.00: no threshold crossed by the parts together
          pay('G1', '2025-09-01', 'Gum', '2400.00', { commodity: 'desks' }),
          pay('G2', '2025-09-05', 'Gum', '2600.00', { commodity: 'desks' }),
          pay('H1', '2025-09-01', 'Hazel', '9000.00', { commodity: 'desks' }),
          pay('H2', '2025-09-20', 'Hazel', '1000.01', { commodity: 'desks' }),
          pay('I1', '2025-09-01', 'Ivy', '30000.00', { commodity: 'buses' }),
          pay('I2', '2025-09-02', 'Ivy', '20000.01', { commodity: 'buses' }),
        ],
      });
      const hits = hitsOf(report, 'split-purchase');
      assert.deepEqual(idsOf(hits), [
        ['F1', 'F2'],
        ['H1', 'H2'],
        ['I1', 'I2'],
      ]);
      assert.deepEqual(
        hits.map((h) => [h.totalCents, h.thresholdCents]),
        [
          [500_001, 500_000],
          [1_000_001, 1_000_000],
          [5_000_001, 5_000_000],
        ],
      );
      // Ivy's $50,000.01 under no contract is also above the annual cumulative threshold
      assert.deepEqual(screensHit(report), [
        'split-purchase',
        'split-purchase',
        'split-purchase',
        'vendor-annual-spend',
      ]);
      assert.deepEqual(idsOf(hitsOf(report, 'vendor-annual-spend')), [['I1', 'I2']]);
    });

    test('the window: 30 days apart chain, 31 do not; a chain runs on while each purchase is within 30 days of the one before', async (t) => {
      const report = await screenRows(t, {
        disbursements: [
          pay('J1', '2025-10-01', 'Juniper', '600.00'),
          pay('J2', '2025-10-31', 'Juniper', '600.00'),
          pay('K1', '2025-10-01', 'Kapok', '600.00'),
          pay('K2', '2025-11-01', 'Kapok', '600.00'),
          pay('L1', '2025-10-01', 'Larch', '400.00'),
          pay('L2', '2025-10-26', 'Larch', '400.00'),
          pay('L3', '2025-11-20', 'Larch', '400.00'),
        ],
      });
      assert.deepEqual(screensHit(report), ['split-purchase', 'split-purchase']);
      const hits = hitsOf(report, 'split-purchase');
      assert.deepEqual(idsOf(hits), [
        ['J1', 'J2'],
        ['L1', 'L2', 'L3'],
      ]);
      assert.deepEqual(
        hits.map((h) => [h.totalCents, h.first, h.last]),
        [
          [120_000, '2025-10-01', '2025-10-31'],
          [120_000, '2025-10-01', '2025-11-20'],
        ],
      );
    });

    test('contract purchases are left out, LEAs are kept apart, and vendor, commodity and LEA compare trimmed and in any case', async (t) => {
      const report = await screenRows(t, {
        disbursements: [
          pay('M1', '2025-08-01', 'Maple', '600.00', { commodity: 'paper' }),
          pay('M2', '2025-08-05', ' MAPLE ', '600.50', { commodity: 'PAPER ' }),
          pay('N1', '2025-08-01', 'Nutmeg', '600.00', { commodity: 'paper', contract: 'SC-12' }),
          pay('N2', '2025-08-05', 'Nutmeg', '600.50', { commodity: 'paper' }),
          pay('O1', '2025-08-01', 'Oak', '600.00', { commodity: 'paper', entity: 'LEA-A' }),
          pay('O2', '2025-08-05', 'Oak', '600.50', { commodity: 'paper', entity: 'LEA-B' }),
          pay('P1', '2025-08-01', 'Pine', '600.00', { commodity: 'paper', entity: 'lea-a' }),
          pay('P2', '2025-08-05', 'Pine', '600.50', { commodity: 'paper', entity: 'LEA-A ' }),
        ],
      });
      assert.deepEqual(screensHit(report), ['split-purchase', 'split-purchase']);
      assert.deepEqual(idsOf(hitsOf(report, 'split-purchase')), [
        ['M1', 'M2'],
        ['P1', 'P2'],
      ]);
      assert.deepEqual(
        hitsOf(report, 'split-purchase').map((h) => h.totalCents),
        [120_050, 120_050],
      );
    });

    test("thresholds are read on the chain's first date: an override from July 1 moves only chains that start on or after it", async (t) => {
      const report = await screenRows(
        t,
        {
          disbursements: [
            // starts June 20: the pack's $1,000.00
            pay('Q1', '2025-06-20', 'Quince', '600.00'),
            pay('Q2', '2025-07-10', 'Quince', '600.50'),
            // starts after July 1: the organisation's $1,500.00, not crossed
            pay('R1', '2025-07-05', 'Rowan', '600.00'),
            pay('R2', '2025-07-20', 'Rowan', '600.50'),
            // crossed by a cent
            pay('S1', '2025-07-05', 'Spruce', '700.00'),
            pay('S2', '2025-07-20', 'Spruce', '800.01'),
          ],
        },
        { overrides: [override('lea-finance.procurement.individual_threshold', '2025-07-01', 150_000)] },
      );
      assert.deepEqual(screensHit(report), ['split-purchase', 'split-purchase']);
      const [q, s] = hitsOf(report, 'split-purchase');
      assert.deepEqual(
        q?.transactions.map((x) => x.id),
        ['Q1', 'Q2'],
      );
      assert.equal(q?.thresholdCents, 100_000);
      assert.deepEqual(paramsOf(q!)[0], [
        'lea-finance.procurement.individual_threshold',
        100_000,
        PACK,
        SINCE,
      ]);
      assert.deepEqual(
        s?.transactions.map((x) => x.id),
        ['S1', 'S2'],
      );
      assert.equal(s?.thresholdCents, 150_000);
      assert.equal(s?.totalCents, 150_001);
      assert.deepEqual(paramsOf(s!)[0], [
        'lea-finance.procurement.individual_threshold',
        150_000,
        'override',
        '2025-07-01',
      ]);
      assert.match(s?.message ?? '', /each is at or under \$1,500\.00/);
    });
  });

  test('vendor-annual-spend (B.1.c): above $50,000.00 in a fiscal year July–June, named by the year it ends; contracts and other LEAs apart', async (t) => {
    const report = await screenRows(t, {
      disbursements: [
        pay('V1', '2024-07-01', 'Vega', '30000.00', { commodity: 'c1' }),
        pay('V2', '2025-06-30', 'Vega', '20000.01', { commodity: 'c2' }),
        // FY2026 starts July 1: exactly $50,000.00 is not above
        pay('V3', '2025-07-01', 'Vega', '25000.00', { commodity: 'c3' }),
        pay('V4', '2026-06-30', 'Vega', '25000.00', { commodity: 'c4' }),
        pay('W1', '2025-07-01', 'Willow', '25000.00', { commodity: 'buses' }),
        pay('W2', '2025-07-02', 'Willow', '25000.01', { commodity: 'fuel' }),
        pay('X1', '2025-08-01', 'Xylo', '40000.00', { commodity: 'c1', contract: 'SC-9' }),
        pay('X2', '2025-08-02', 'Xylo', '20000.00', { commodity: 'c2' }),
        pay('Y1', '2025-08-01', 'Yew', '30000.00', { commodity: 'c1', entity: 'LEA-A' }),
        pay('Y2', '2025-08-02', 'Yew', '30000.00', { commodity: 'c2', entity: 'LEA-B' }),
      ],
    });
    assert.deepEqual(screensHit(report), ['vendor-annual-spend', 'vendor-annual-spend']);
    const hits = hitsOf(report, 'vendor-annual-spend');
    assert.deepEqual(idsOf(hits), [
      ['V1', 'V2'],
      ['W1', 'W2'],
    ]);
    assert.deepEqual(
      hits.map((h) => [h.period, h.totalCents, h.count, h.first, h.last]),
      [
        ['FY2025', 5_000_001, 2, '2024-07-01', '2025-06-30'],
        ['FY2026', 5_000_001, 2, '2025-07-01', '2025-07-02'],
      ],
    );
    assert.deepEqual(paramsOf(hits[0]!), [
      ['lea-finance.procurement.annual_cumulative_threshold', 5_000_000, PACK, SINCE],
    ]);
    assert.equal(
      hits[0]?.message,
      'Vega was paid $50,000.01 in FY2025 in 2 payments under no contract, above the $50,000.00 annual cumulative threshold.',
    );
  });

  test('duplicate-invoice (I.4–I.5): one invoice written two ways ("INV-0042", "inv 0042"; "00042", "42") for the same amount, months apart', async (t) => {
    const report = await screenRows(t, {
      disbursements: [
        pay('D1', '2025-01-05', 'Acme', '250.00', { invoice: 'INV-0042' }),
        pay('D2', '2025-09-30', 'Acme', '250.00', { invoice: 'inv 0042' }),
        // another amount against the same invoice: a partial payment, not a duplicate
        pay('D3', '2025-02-01', 'Acme', '250.01', { invoice: 'INV-0042' }),
        // the number alone is not the lettered invoice
        pay('D4', '2025-05-01', 'Acme', '250.00', { invoice: '0042' }),
        // no invoice: nothing to compare
        pay('D5', '2025-07-01', 'Acme', '250.00'),
        // another LEA's payment of the same invoice number
        pay('D6', '2025-03-01', 'Acme', '250.00', { invoice: 'INV-0042', entity: 'LEA-B' }),
        // leading zeros of a number do not count
        pay('N1', '2025-04-01', 'Birch', '99.00', { invoice: '00042' }),
        pay('N2', '2025-10-01', 'Birch', '99.00', { invoice: '42' }),
        pay('N3', '2025-06-01', 'Birch', '99.00', { invoice: 'INV/42.' }),
      ],
    });
    assert.deepEqual(screensHit(report), ['duplicate-invoice', 'duplicate-invoice']);
    const hits = hitsOf(report, 'duplicate-invoice');
    assert.deepEqual(idsOf(hits), [
      ['D1', 'D2'],
      ['N1', 'N2'],
    ]);
    assert.deepEqual(
      hits.map((h) => [h.count, h.totalCents, h.first, h.last]),
      [
        [2, 50_000, '2025-01-05', '2025-09-30'],
        [2, 19_800, '2025-04-01', '2025-10-01'],
      ],
    );
    assert.deepEqual(hits[0]?.parameters, []);
    assert.equal(
      hits[0]?.message,
      'Invoice INV-0042 of Acme for $250.00 was paid 2 times, $500.00 in all (2025-01-05 to 2025-09-30).',
    );
  });

  test('duplicate-payment (I.5): equal payments 7 days apart against different or missing invoices are a notice; 8 days are not', async (t) => {
    const report = await screenRows(t, {
      disbursements: [
        pay('P1', '2025-03-01', 'Birch', '480.00', { invoice: 'INV-1' }),
        pay('P2', '2025-03-08', 'Birch', '480.00', { invoice: 'INV-2' }),
        pay('Q1', '2025-03-01', 'Cedar', '480.00', { invoice: 'INV-1' }),
        pay('Q2', '2025-03-09', 'Cedar', '480.00', { invoice: 'INV-2' }),
        // no invoice on either: each counts as different
        pay('R1', '2025-04-01', 'Dogwood', '75.00'),
        pay('R2', '2025-04-03', 'Dogwood', '75.00'),
        // one invoice written two ways: the duplicate-invoice screen's, not this one's
        pay('S1', '2025-04-01', 'Elm', '75.00', { invoice: 'INV-7' }),
        pay('S2', '2025-04-02', 'Elm', '75.00', { invoice: 'inv-7' }),
        // a chain: each within 7 days of the one before, 11 days first to last
        pay('T1', '2025-05-01', 'Fir', '60.00', { invoice: 'A' }),
        pay('T2', '2025-05-06', 'Fir', '60.00', { invoice: 'B' }),
        pay('T3', '2025-05-12', 'Fir', '60.00', { invoice: 'C' }),
      ],
    });
    assert.deepEqual(screensHit(report), [
      'duplicate-invoice',
      'duplicate-payment',
      'duplicate-payment',
      'duplicate-payment',
    ]);
    const hits = hitsOf(report, 'duplicate-payment');
    assert.deepEqual(idsOf(hits), [
      ['P1', 'P2'],
      ['R1', 'R2'],
      ['T1', 'T2', 'T3'],
    ]);
    assert.deepEqual(
      hits.map((h) => [h.totalCents, h.kind, h.severity]),
      [
        [96_000, 'notice', 'medium'],
        [15_000, 'notice', 'medium'],
        [18_000, 'notice', 'medium'],
      ],
    );
    assert.deepEqual(paramsOf(hits[0]!), [['lea-finance.screening.duplicate_window_days', 7, PACK, SINCE]]);
    assert.deepEqual(idsOf(hitsOf(report, 'duplicate-invoice')), [['S1', 'S2']]);
  });

  test('check-to-cash (A.6, J.4): payee or vendor "cash" or "bearer", in any case and spacing; a vendor named "Cash and Carry" is not', async (t) => {
    const report = await screenRows(t, {
      disbursements: [
        pay('X1', '2025-01-10', 'Petty Cash Fund', '12.00', { payee: 'cash' }),
        pay('X2', '2025-02-10', ' Bearer ', '13.00'),
        pay('X3', '2025-03-10', 'Cash and Carry', '14.00', { payee: 'Cash and Carry' }),
        pay('X4', '2025-04-10', 'CASH', '15.00'),
      ],
    });
    assert.deepEqual(screensHit(report), ['check-to-cash', 'check-to-cash', 'check-to-cash']);
    const hits = hitsOf(report, 'check-to-cash');
    assert.deepEqual(idsOf(hits), [['X1'], ['X2'], ['X4']]);
    assert.equal(
      hits[0]?.message,
      'Payment X1 of $12.00 on 2025-01-10 is made out to cash or bearer (vendor "Petty Cash Fund", payee "cash"), not to a named payee.',
    );
    assert.equal(hits[0]?.severity, 'critical');
  });

  test('paid-before-po (I.1–I.2): paid the day before the approval is a hit, on the day is not, no approval date is not', async (t) => {
    const report = await screenRows(t, {
      disbursements: [
        pay('Y1', '2025-03-01', 'Acme', '10.00', { po_number: 'PO-1', po_approved_on: '2025-03-02' }),
        pay('Y2', '2025-04-02', 'Acme', '11.00', { po_number: 'PO-2', po_approved_on: '2025-04-02' }),
        pay('Y3', '2025-05-01', 'Acme', '12.00', { po_number: 'PO-3' }),
        pay('Y4', '2024-02-29', 'Acme', '13.00', { po_number: 'PO-4', po_approved_on: '2024-03-01' }),
      ],
    });
    assert.deepEqual(screensHit(report), ['paid-before-po', 'paid-before-po']);
    const hits = hitsOf(report, 'paid-before-po');
    assert.deepEqual(idsOf(hits), [['Y4'], ['Y1']]);
    assert.equal(
      hits[1]?.message,
      'Acme was paid $10.00 on 2025-03-01, before purchase order PO-1 was approved on 2025-03-02.',
    );
  });

  test('from/to: rows dated outside the period are left out, so a chain reaching before it is cut', async (t) => {
    const disbursements = [
      pay('T1', '2025-08-01', 'Teak', '600.00'),
      pay('T2', '2025-08-10', 'Teak', '600.50'),
      pay('Z1', '2025-08-01', 'Cash', '10.00'),
      pay('Z2', '2025-08-02', 'Cash', '11.00'),
      pay('Z3', '2025-12-31', 'Cash', '12.00'),
      pay('Z4', '2026-01-01', 'Cash', '13.00'),
    ];
    const all = await screenRows(t, { disbursements });
    assert.deepEqual(idsOf(hitsOf(all, 'split-purchase')), [['T1', 'T2']]);
    assert.deepEqual(idsOf(hitsOf(all, 'check-to-cash')), [['Z1'], ['Z2'], ['Z3'], ['Z4']]);
    const period = await screenRows(t, { disbursements }, { from: '2025-08-02', to: '2025-12-31' });
    assert.deepEqual(screensHit(period), ['check-to-cash', 'check-to-cash']);
    assert.deepEqual(idsOf(hitsOf(period, 'check-to-cash')), [['Z2'], ['Z3']]);
    assert.deepEqual([period.from, period.to], ['2025-08-02', '2025-12-31']);
  });

  test('card-preapproval (F.3): a purchase above $1,000.00 with no expenditure authorization; cash transactions are the cash screen’s', async (t) => {
    const report = await screenRows(t, {
      pcard: [
        charge('C1', '2025-03-03', 'A-1', 'Staples', '1000.00', { preapproval: '' }),
        charge('C2', '2025-03-10', 'A-1', 'Costco', '1000.01', { preapproval: '' }),
        charge('C3', '2025-03-17', 'A-1', 'Dell', '1000.01', { preapproval: 'EA-7' }),
        charge('C4', '2025-03-24', 'A-1', 'Bank', '1500.00', { preapproval: '', type: 'ATM' }),
        charge('C5', '2025-03-31', 'A-1', 'Bank', '1500.00', { preapproval: '', mcc: '6011' }),
        // no type given: a purchase
        charge('C6', '2025-04-07', 'A-1', 'Apple', '1200.00', { preapproval: '', type: '' }),
      ],
    });
    assert.deepEqual(screensHit(report), ['card-cash', 'card-cash', 'card-preapproval', 'card-preapproval']);
    const hits = hitsOf(report, 'card-preapproval');
    assert.deepEqual(idsOf(hits), [['C2'], ['C6']]);
    assert.deepEqual(paramsOf(hits[0]!), [['lea-finance.card.preapproval_threshold', 100_000, PACK, SINCE]]);
    assert.equal(
      hits[0]?.message,
      'Card A-1 paid Costco $1,000.01 on 2025-03-10 with no expenditure authorization form; purchases above $1,000.00 need one first.',
    );
    assert.deepEqual(idsOf(hitsOf(report, 'card-cash')), [['C4'], ['C5']]);
  });

  test('card-transaction-limit (F.11): $5,000.00 is within the limit, $5,000.01 above it (and above the daily limit alone)', async (t) => {
    const report = await screenRows(t, {
      pcard: [
        charge('L1', '2025-05-01', 'B-2', 'Dell', '5000.00'),
        charge('L2', '2025-05-10', 'B-2', 'HP', '5000.01'),
      ],
    });
    assert.deepEqual(screensHit(report), ['card-daily-limit', 'card-transaction-limit']);
    const [hit] = hitsOf(report, 'card-transaction-limit');
    assert.deepEqual(
      hit?.transactions.map((x) => x.id),
      ['L2'],
    );
    assert.deepEqual(paramsOf(hit!), [['lea-finance.card.transaction_limit', 500_000, PACK, SINCE]]);
    assert.deepEqual(idsOf(hitsOf(report, 'card-daily-limit')), [['L2']]);
  });

  test("an organisation's lower transaction limit from July 1 applies to the rows dated from July 1 only", async (t) => {
    const report = await screenRows(
      t,
      {
        pcard: [
          charge('O1', '2025-06-30', 'C-3', 'Dell', '4500.00'),
          charge('O2', '2025-07-01', 'C-3', 'HP', '4500.00'),
        ],
      },
      { overrides: [override('lea-finance.card.transaction_limit', '2025-07-01', 400_000)] },
    );
    assert.deepEqual(screensHit(report), ['card-transaction-limit']);
    const [hit] = hitsOf(report, 'card-transaction-limit');
    assert.deepEqual(
      hit?.transactions.map((x) => x.id),
      ['O2'],
    );
    assert.deepEqual(paramsOf(hit!), [
      ['lea-finance.card.transaction_limit', 400_000, 'override', '2025-07-01'],
    ]);
    assert.equal(
      hit?.message,
      'Card C-3 paid HP $4,500.00 on 2025-07-01, above the $4,000.00 transaction limit.',
    );
  });

  test('card-daily-limit (F.11): one card above $5,000.00 on the leap day 2024-02-29, the days either side apart; exactly $5,000.00 is not', async (t) => {
    const report = await screenRows(t, {
      pcard: [
        charge('D0', '2024-02-28', 'D-4', 'Lenovo', '4000.00'),
        charge('D1', '2024-02-29', 'D-4', 'Dell', '3000.00'),
        charge('D2', '2024-02-29', 'D-4', 'HP', '2000.01'),
        charge('D3', '2024-03-01', 'D-4', 'Acer', '4000.00'),
        charge('E1', '2024-02-29', 'E-5', 'Dell', '2500.00'),
        charge('E2', '2024-02-29', 'E-5', 'HP', '2500.00'),
      ],
    });
    assert.deepEqual(screensHit(report), ['card-daily-limit']);
    const [hit] = hitsOf(report, 'card-daily-limit');
    assert.deepEqual(
      hit?.transactions.map((x) => x.id),
      ['D1', 'D2'],
    );
    assert.deepEqual([hit?.period, hit?.totalCents, hit?.count], ['2024-02-29', 500_001, 2]);
    assert.deepEqual(hit?.key, { card: 'D-4' });
    assert.deepEqual(paramsOf(hit!), [['lea-finance.card.daily_limit', 500_000, PACK, SINCE]]);
  });

  test('card-monthly-limit (F.11): above $20,000.00 in a calendar month; December 31 and January 1 are different months', async (t) => {
    const report = await screenRows(t, {
      pcard: [
        charge('M0', '2024-12-31', 'M-6', 'Shop 0', '4000.00'),
        charge('M1', '2025-01-01', 'M-6', 'Shop 1', '4000.00'),
        charge('M2', '2025-01-05', 'M-6', 'Shop 2', '4000.00'),
        charge('M3', '2025-01-10', 'M-6', 'Shop 3', '4000.00'),
        charge('M4', '2025-01-15', 'M-6', 'Shop 4', '4000.00'),
        charge('M5', '2025-01-31', 'M-6', 'Shop 5', '4000.01'),
        // $20,000.00 in December, $4,000.00 in January: neither month above the limit
        charge('N1', '2024-12-27', 'N-7', 'Shop 1', '4000.00'),
        charge('N2', '2024-12-28', 'N-7', 'Shop 2', '4000.00'),
        charge('N3', '2024-12-29', 'N-7', 'Shop 3', '4000.00'),
        charge('N4', '2024-12-30', 'N-7', 'Shop 4', '4000.00'),
        charge('N5', '2024-12-31', 'N-7', 'Shop 5', '4000.00'),
        charge('N6', '2025-01-01', 'N-7', 'Shop 6', '4000.00'),
      ],
    });
    assert.deepEqual(screensHit(report), ['card-monthly-limit']);
    const [hit] = hitsOf(report, 'card-monthly-limit');
    assert.deepEqual(
      hit?.transactions.map((x) => x.id),
      ['M1', 'M2', 'M3', 'M4', 'M5'],
    );
    assert.deepEqual(
      [hit?.period, hit?.totalCents, hit?.first, hit?.last],
      ['2025-01', 2_000_001, '2025-01-01', '2025-01-31'],
    );
    assert.deepEqual(paramsOf(hit!), [['lea-finance.card.monthly_limit', 2_000_000, PACK, SINCE]]);
  });

  test('card-cash (F.9): ATM, cash advance (however written) and the cash merchant categories 6010 and 6011', async (t) => {
    const report = await screenRows(t, {
      pcard: [
        charge('K1', '2025-02-01', 'G-1', 'Bank', '200.00', { type: 'ATM' }),
        charge('K2', '2025-02-05', 'G-1', 'Bank', '300.00', { type: 'cash advance' }),
        charge('K3', '2025-02-09', 'G-1', 'Bank', '50.00', { type: ' Cash ' }),
        charge('K4', '2025-02-13', 'G-1', 'Bank', '100.00', { type: 'cash-advance' }),
        charge('K5', '2025-02-17', 'G-1', 'Bank', '80.00', { mcc: '6010' }),
        charge('K6', '2025-02-21', 'G-1', 'Bank', '60.00', { mcc: '6011' }),
        charge('K7', '2025-02-25', 'G-1', 'Grocer', '40.00', { mcc: '5411' }),
      ],
    });
    assert.deepEqual(screensHit(report), Array(6).fill('card-cash'));
    const hits = hitsOf(report, 'card-cash');
    assert.deepEqual(idsOf(hits), [['K1'], ['K2'], ['K3'], ['K4'], ['K5'], ['K6']]);
    assert.equal(
      hits[0]?.message,
      'Card G-1 took $200.00 in cash at Bank on 2025-02-01 (type "ATM", merchant category "").',
    );
  });

  test('card-split (B.3.a(1)): one card at one merchant, 3 days apart chain and 4 do not; $1,000.00 and $5,000.00 each by a cent', async (t) => {
    const report = await screenRows(t, {
      pcard: [
        charge('S1', '2025-06-02', 'F-8', 'Office Depot', '600.00'),
        charge('S2', '2025-06-05', 'F-8', 'OFFICE DEPOT ', '400.01'),
        charge('T1', '2025-06-02', 'F-9', 'Office Depot', '600.00'),
        charge('T2', '2025-06-06', 'F-9', 'Office Depot', '400.01'),
        charge('U1', '2025-06-02', 'F-10', 'Depot', '600.00'),
        charge('U2', '2025-06-03', 'F-10', 'Depot', '400.00'),
        charge('W1', '2025-06-02', 'F-11', 'Dell', '3000.00'),
        charge('W2', '2025-06-04', 'F-11', 'Dell', '2000.01'),
      ],
    });
    assert.deepEqual(screensHit(report), ['card-split', 'card-split']);
    const hits = hitsOf(report, 'card-split');
    // same first date: ordered by the keys, card "F-11" before "F-8"
    assert.deepEqual(idsOf(hits), [
      ['W1', 'W2'],
      ['S1', 'S2'],
    ]);
    assert.deepEqual(
      hits.map((h) => [h.totalCents, h.thresholdCents]),
      [
        [500_001, 500_000],
        [100_001, 100_000],
      ],
    );
    assert.deepEqual(paramsOf(hits[0]!), [
      ['lea-finance.card.preapproval_threshold', 100_000, PACK, SINCE],
      ['lea-finance.card.transaction_limit', 500_000, PACK, SINCE],
      ['lea-finance.card.split_window_days', 3, PACK, SINCE],
    ]);
  });

  test('travel-claim-late (G.2.a) and mileage-claim-late (G.1.a): 30 and 45 days after return are on time, a day more is late, across the leap day', async (t) => {
    const report = await screenRows(t, {
      travel: [
        // 2024-01-30 + 30 days is 2024-02-29
        claim('TR1', 'travel', '2024-01-30', '2024-02-29'),
        claim('TR2', 'travel', '2024-01-30', '2024-03-01'),
        claim('TR3', ' Travel ', '2025-01-01', '2025-02-01'),
        // 2024-01-30 + 45 days is 2024-03-15
        claim('MI1', 'mileage', '2024-01-30', '2024-03-15'),
        claim('MI2', 'Mileage', '2024-01-30', '2024-03-16'),
        // 31 days is late for travel, not for mileage
        claim('MI3', 'mileage', '2024-01-30', '2024-03-01'),
        claim('OT1', 'per diem', '2024-01-01', '2024-06-01'),
      ],
    });
    assert.deepEqual(screensHit(report), ['mileage-claim-late', 'travel-claim-late', 'travel-claim-late']);
    const travel = hitsOf(report, 'travel-claim-late');
    assert.deepEqual(idsOf(travel), [['TR2'], ['TR3']]);
    assert.deepEqual(paramsOf(travel[0]!), [['lea-finance.travel.reimbursement_days', 30, PACK, SINCE]]);
    assert.equal(
      travel[0]?.message,
      'Pat Lee returned on 2024-01-30 and turned in the travel claim on 2024-03-01, more than 30 days after.',
    );
    const mileage = hitsOf(report, 'mileage-claim-late');
    assert.deepEqual(idsOf(mileage), [['MI2']]);
    assert.deepEqual(paramsOf(mileage[0]!), [['lea-finance.travel.mileage_days', 45, PACK, SINCE]]);
  });

  test('gift-value and gift-annual (B.4.c(a)): a gift of $10.00 or more; $50.00 or more from one giver to one recipient in a calendar year', async (t) => {
    const report = await screenRows(t, {
      gifts: [
        gift('G1', '2025-02-01', 'Acme', 'J. Doe', '9.99'),
        gift('G2', '2025-02-02', 'Acme', 'R. Roe', '10.00'),
        // $45.00 in March and $5.00 on December 31: $50.00 in 2025
        gift('H1', '2025-03-01', 'Birch', 'J. Doe', '9.00'),
        gift('H2', '2025-03-02', 'Birch', 'J. Doe', '9.00'),
        gift('H3', '2025-03-03', 'Birch', 'J. Doe', '9.00'),
        gift('H4', '2025-03-04', 'Birch', 'J. Doe', '9.00'),
        gift('H5', '2025-03-05', 'Birch', 'J. Doe', '9.00'),
        gift('H6', '2025-12-31', 'Birch', 'J. Doe', '5.00'),
        // $49.95
        gift('I1', '2025-03-01', 'Cedar', 'J. Doe', '9.99'),
        gift('I2', '2025-03-02', 'Cedar', 'J. Doe', '9.99'),
        gift('I3', '2025-03-03', 'Cedar', 'J. Doe', '9.99'),
        gift('I4', '2025-03-04', 'Cedar', 'J. Doe', '9.99'),
        gift('I5', '2025-03-05', 'Cedar', 'J. Doe', '9.99'),
        // $27.00 on December 31, $27.00 on January 1: two years
        gift('K1', '2024-12-31', 'Dogwood', 'R. Roe', '9.00'),
        gift('K2', '2024-12-31', 'Dogwood', 'R. Roe', '9.00'),
        gift('K3', '2024-12-31', 'Dogwood', 'R. Roe', '9.00'),
        gift('K4', '2025-01-01', 'Dogwood', 'R. Roe', '9.00'),
        gift('K5', '2025-01-01', 'Dogwood', 'R. Roe', '9.00'),
        gift('K6', '2025-01-01', 'Dogwood', 'R. Roe', '9.00'),
      ],
    });
    assert.deepEqual(screensHit(report), ['gift-annual', 'gift-value']);
    const [value] = hitsOf(report, 'gift-value');
    assert.deepEqual(
      value?.transactions.map((x) => x.id),
      ['G2'],
    );
    assert.deepEqual(paramsOf(value!), [['lea-finance.gifts.hospitality_each_limit', 1000, PACK, SINCE]]);
    assert.equal(
      value?.message,
      'R. Roe received Box of chocolates worth $10.00 from Acme on 2025-02-02; a hospitality gift must be worth less than $10.00.',
    );
    const [annual] = hitsOf(report, 'gift-annual');
    assert.deepEqual(
      annual?.transactions.map((x) => x.id),
      ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
    );
    assert.deepEqual([annual?.period, annual?.totalCents, annual?.count], ['2025', 5000, 6]);
    assert.deepEqual(annual?.key, { giver: 'Birch', recipient: 'J. Doe' });
    assert.deepEqual(paramsOf(annual!), [['lea-finance.gifts.hospitality_annual_limit', 5000, PACK, SINCE]]);
  });
});

/** The JSON Schema of a field path ('invoice.amountCents') of a record kind, or undefined. */
function fieldSchema(kind: string, path: string): JsonSchema | undefined {
  const rk = leaFinancePack.records?.[kind];
  if (rk === undefined) return undefined;
  let at: JsonSchema | undefined = recordKindSchema(rk);
  for (const name of path.split('.')) at = at?.properties?.[name];
  return at;
}

describe('lea-finance ledgers: fromRecords', () => {
  const EXPECTED: Record<string, { type?: string; format?: string }> = {
    text: { type: 'string' },
    date: { type: 'string', format: 'date' },
    money: { type: 'integer', format: 'cents' },
  };

  test("every field path is a field of the record kind's schema, of the ledger column's type", () => {
    const checked: string[] = [];
    for (const ledger of leaFinancePack.ledgers ?? []) {
      for (const from of ledger.fromRecords ?? []) {
        const rk = leaFinancePack.records?.[from.kind];
        assert.ok(rk, `${ledger.id}: no record kind ${from.kind}`);
        const machine = leaFinancePack.pack.workflows?.[rk.workflow];
        for (const state of from.excludeStates ?? [])
          assert.ok(machine && state in machine.states, `${from.kind}: no state ${state}`);
        for (const [column, source] of Object.entries({ ...from.columns, ...from.constants })) {
          const col = ledger.columns.find((c) => c.name === column);
          assert.ok(col, `${ledger.id} has no column ${column}`);
          if (column in (from.constants ?? {})) continue;
          const path = typeof source === 'string' ? source : source.flag;
          const schema = fieldSchema(from.kind, path);
          assert.ok(schema, `${from.kind} has no field ${path} (for ${ledger.id}.${column})`);
          if (typeof source !== 'string') assert.equal(schema.type, 'boolean', `${from.kind}.${path}`);
          else
            for (const [k, v] of Object.entries(EXPECTED[col.type] ?? {}))
              assert.equal(schema[k], v, `${from.kind}.${path} for ${ledger.id}.${column}: ${k}`);
          checked.push(`${from.kind}.${path}`);
        }
      }
    }
    assert.ok(checked.length >= 25, `checked ${checked.length} paths`);
  });

  test('only payments made are disbursements, only claimed trips travel claims, declined gifts no gifts', () => {
    const states = (ledger: string, kind: string) =>
      leaFinancePack.ledgers
        ?.find((l) => l.id === ledger)
        ?.fromRecords?.find((f) => f.kind === kind)
        ?.excludeStates?.toSorted();
    assert.deepEqual(states('disbursements', 'requisition'), [
      'approved',
      'awaiting-approval',
      'cancelled',
      'draft',
      'invoiced',
      'ordered',
      'received',
      'rejected',
    ]);
    assert.deepEqual(states('disbursements', 'check'), ['voided']);
    assert.deepEqual(states('travel', 'travel'), [
      'authorized',
      'cancelled',
      'draft',
      'rejected',
      'submitted',
    ]);
    assert.deepEqual(states('gifts', 'gift'), ['returned']);
    assert.equal(states('pcard', 'card-transaction'), undefined);
  });
});
