import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { EVIL_VENDOR, FORMULA_DESCRIPTION, sampleReport, TEST_LEDGERS } from './report.test-support.ts';
import { badRowsCsv, CSV_CONTENT_TYPE, decimalDollars, reportCsv, reportCsvChunks } from './report-csv.ts';

function table(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
}

describe('screening report as CSV', () => {
  const report = sampleReport();
  const csv = reportCsv(report, { ledgers: TEST_LEDGERS });
  const rows = table(csv);

  test('one row per transaction of each hit, the hit columns repeated on each', () => {
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => [r.hit, r.screen, r.id]),
      [
        ['1', 'lea-finance.screen.split-purchase', 'T1'],
        ['1', 'lea-finance.screen.split-purchase', 'T2'],
        ['2', 'lea-finance.screen.card-cash', 'P9'],
      ],
    );
    const first = rows[0]!;
    assert.equal(first.title, 'Split purchases');
    assert.equal(first.kind, 'violation');
    assert.equal(first.severity, 'high');
    assert.equal(first.citation, '§ B.3 — Utah Code 63G-6a-408');
    assert.equal(first.key, `vendor: ${EVIL_VENDOR}; commodity: 5300`);
    assert.equal(first.hit_total, '1200.00');
    assert.equal(first.hit_count, '3');
    assert.equal(first.threshold, '1000.00');
    assert.equal(first.omitted, '1');
    assert.equal(first.first, '2025-08-01');
    assert.equal(first.message, report.hits[0]!.message);
    assert.match(CSV_CONTENT_TYPE, /^text\/csv/);
  });

  test('transaction columns: line, date, amount in dollars, and the ledger columns in order', () => {
    const header = Object.keys(rows[0]!);
    assert.deepEqual(header.slice(15), [
      'ledger',
      'line',
      'record',
      'id',
      'date',
      'amount',
      // disbursements' own columns without its id, date and amount, then pcard's not seen yet
      'vendor',
      'commodity',
      'description',
      'po_approved_on',
      'entity',
      'card',
      'merchant',
      'mcc',
      'type',
    ]);
    const [t1, t2, p9] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
    assert.equal(t1.line, '2');
    assert.equal(t1.amount, '400.00');
    assert.equal(t2.amount, '450.50');
    assert.equal(t2.po_approved_on, '2025-08-09');
    assert.equal(t1.po_approved_on, '');
    assert.equal(t1.vendor, EVIL_VENDOR);
    assert.equal(t2.description, 'Paper, "bright white"');
    assert.equal(p9.ledger, 'pcard');
    assert.equal(p9.date, '2025-09-02');
    assert.equal(p9.merchant, 'ATM #1');
    assert.equal(p9.mcc, '6011');
    assert.equal(p9.vendor, '');
    assert.equal(p9.threshold, '');
    assert.equal(p9.key, '');
  });

  test('a text cell a spreadsheet would run as a formula is written as text', () => {
    assert.equal(rows[0]!.description, `'${FORMULA_DESCRIPTION}`);
  });

  test('RFC 4180: CRLF rows, quotes doubled, a byte-order mark for Excel', () => {
    assert.ok(csv.startsWith('\uFEFFhit,screen,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(csv.includes('"<script>alert(""x"")</script> ""quotes, commas"" & Co"'));
    assert.equal(csv, [...reportCsvChunks(report, { ledgers: TEST_LEDGERS })].join(''));
  });

  test('without the ledgers every field is a column of its own name', () => {
    const plain = table(reportCsv(report, { ledgers: [] }));
    assert.equal(plain.length, 3);
    assert.equal(plain[0]!.txn_id, 'T1');
    assert.equal(plain[0]!.field_amount, '40000');
    assert.equal(plain[2]!.posted_on, '2025-09-02');
  });

  test('a bad record of the store is named by its id, not by a line', () => {
    const store = sampleReport();
    store.badRows = [{ ledger: 'pcard', line: 0, record: 'rec_42', column: 'amount', reason: 'no amount' }];
    const [bad] = table(badRowsCsv(store));
    assert.equal(bad!.line, '');
    assert.equal(bad!.record, 'rec_42');
    assert.equal(bad!.file, 'pcard.csv');
  });

  test('several citations are kept apart by " | " (an authority may hold a semicolon)', () => {
    const two = sampleReport();
    two.hits[0]!.citations.push({
      pack: 'lea-finance',
      document: 'fiscal-policies',
      section: 'B.1.a',
      authority: 'Utah Code 63G-6a-408; R33-4',
    });
    const back = table(reportCsv(two, { ledgers: TEST_LEDGERS }));
    assert.equal(back[0]!.citation, '§ B.3 — Utah Code 63G-6a-408 | § B.1.a — Utah Code 63G-6a-408; R33-4');
  });

  test('a report without hits is the header alone', () => {
    const empty = reportCsv({ ...report, hits: [] }, { ledgers: TEST_LEDGERS });
    assert.equal(table(empty).length, 0);
    assert.equal(parse(empty, { bom: true }).length, 1);
  });

  test('dollars: no $, no separators, two decimals, a minus sign kept as a number', () => {
    assert.equal(decimalDollars(123456789), '1234567.89');
    assert.equal(decimalDollars(-1200), '-12.00');
    assert.equal(decimalDollars(5), '0.05');
    const refund = sampleReport();
    refund.hits[1]!.transactions[0]!.amountCents = -1200;
    const back = table(reportCsv(refund, { ledgers: TEST_LEDGERS }));
    assert.equal(back[2]!.amount, '-12.00');
  });

  test('the bad rows are their own table, with the file each came from', () => {
    const bad = table(badRowsCsv(report));
    assert.deepEqual(bad, [
      {
        ledger: 'disbursements',
        file: 'ap-fy2026.csv',
        line: '7',
        record: '',
        column: 'amount',
        reason: 'cannot read "12,34" as money',
        text: 'T7,2025-08-01,<b>Acme</b>,,,"12,34"',
      },
    ]);
  });
});
