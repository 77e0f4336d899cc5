// Reading ledger files as people have them: any delimiter, quoted fields holding commas, quotes and line
// breaks, a byte-order mark, US dates, an export's own headers (by a mapping or the columns' aliases),
// Parquet; rows that cannot be read are reported by their line in the file and counted, and never stop
// the run; mistakes in the options are errors naming the option, what is wrong and what is allowed.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { leaFinancePack } from '../../packs/lea-finance/index.ts';
import { InputInvalidError } from '../errors.ts';
import { hitsOf, idsOf, screenRows, screensHit, tempDir } from './fixtures.test-support.ts';
import { type FileScreeningOptions, readMappingFile, screenFiles } from './run-files.ts';
import type { ScreeningProgress } from './types.ts';

type T = { after(fn: () => void): void };

/** Writes `text` as `name` in a fresh folder and screens it as the disbursements ledger. */
async function screenText(t: T, name: string, text: string, opts: Partial<FileScreeningOptions> = {}) {
  const path = join(tempDir(t), name);
  writeFileSync(path, text);
  return screenFiles({ pack: leaFinancePack, files: { disbursements: path }, ...opts });
}

/** The input error a promise rejects with, as its issues. */
async function problems(p: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof InputInvalidError, `expected an InputInvalidError, got ${String(e)}`);
    return e.issues.map((i) => ({ path: i.path, message: i.message }));
  }
  assert.fail('expected the run to be refused');
}

/** Splits of paper from Acme (a hit) and a check to CASH (a hit), in the columns a test names. */
const TWO_HITS = [
  ['A1', '2025-08-01', 'Acme', '600.00'],
  ['A2', '2025-08-15', 'Acme', '550.00'],
  ['A3', '2025-09-01', 'CASH', '20.00'],
];

describe('screening files: reading', { concurrency: true }, () => {
  test('a file without a single quoted field is read (the sniffer calls its quote "(empty)")', async (t) => {
    const lines = ['txn_id,paid_on,vendor,amount', ...TWO_HITS.map((r) => r.join(','))];
    const report = await screenText(t, 'plain.csv', `${lines.join('\n')}\n`);
    assert.deepEqual(screensHit(report), ['check-to-cash', 'split-purchase']);
    assert.deepEqual(report.inputs, [
      {
        ledger: 'disbursements',
        source: 'plain.csv',
        format: 'csv',
        rows: 3,
        accepted: 3,
        rejected: 0,
        mapping: { txn_id: 'txn_id', paid_on: 'paid_on', vendor: 'vendor', amount: 'amount' },
      },
    ]);
    assert.equal(report.engine, 'duckdb');
    assert.deepEqual(report.badRows, []);
  });

  test('a doubled quote among many quoted fields is one quote, not an unterminated field', async (t) => {
    // Many quoted fields, few doubled quotes: left to guess, the sniffer picks no escape and the rows with
    // "O'Brien ""Best"" Printing" were rejected (the benchmark's 10M gifts file lost 21 good rows).
    const rows = Array.from({ length: 9_000 }, (_, i) =>
      i === 4_447
        ? `G-odd,2025-01-03,"O'Brien ""Best"" Printing",Ann,Mug,12.00,L1`
        : `G${i},2025-01-02,Acme,Ann,${i % 3 ? 'Pen' : '"Lunch, working meeting"'},1.00,L1`,
    );
    const dir = tempDir(t);
    const path = join(dir, 'gifts.csv');
    writeFileSync(path, `gift_id,received_on,giver,recipient,description,value,entity\n${rows.join('\n')}\n`);
    const report = await screenFiles({ pack: leaFinancePack, files: { gifts: path } });
    assert.deepEqual(report.badRows, []);
    assert.equal(report.inputs[0]?.accepted, 9_000);
    const gift = report.hits.find((h) => h.screen === 'lea-finance.screen.gift-value');
    assert.equal(gift?.transactions[0]?.fields.giver, `O'Brien "Best" Printing`);
    assert.equal(gift?.transactions[0]?.line, 4_449);
  });

  test('semicolons, detected; an amount with a thousands separator', async (t) => {
    const lines = [
      'txn_id;paid_on;vendor;amount',
      ...TWO_HITS.map((r) => r.join(';')),
      'A4;2025-10-01;Bearer;1,234.56',
    ];
    const report = await screenText(t, 'semi.csv', `${lines.join('\n')}\n`);
    assert.deepEqual(idsOf(hitsOf(report, 'check-to-cash')), [['A3'], ['A4']]);
    assert.equal(hitsOf(report, 'check-to-cash')[1]?.totalCents, 123_456);
    assert.deepEqual(idsOf(hitsOf(report, 'split-purchase')), [['A1', 'A2']]);
  });

  test('tabs, in a .tsv with Windows line ends', async (t) => {
    const lines = ['txn_id\tpaid_on\tvendor\tamount', ...TWO_HITS.map((r) => r.join('\t'))];
    const report = await screenText(t, 'ap.tsv', `${lines.join('\r\n')}\r\n`);
    assert.deepEqual(screensHit(report), ['check-to-cash', 'split-purchase']);
    assert.deepEqual(
      hitsOf(report, 'split-purchase')[0]?.transactions.map((x) => [x.id, x.line, x.fields.vendor]),
      [
        ['A1', 2, 'Acme'],
        ['A2', 3, 'Acme'],
      ],
    );
  });

  test('a delimiter the mapping gives, with a short row among the first: that row is a bad row, the rest are read', async (t) => {
    const text = [
      'txn_id|paid_on|vendor|amount',
      'A0|2025-07-01|Acme',
      ...TWO_HITS.map((r) => r.join('|')),
      '',
    ].join('\n');
    const report = await screenText(t, 'pipes.txt', text, {
      mapping: { disbursements: { delimiter: '|' } },
    });
    assert.deepEqual(screensHit(report), ['check-to-cash', 'split-purchase']);
    assert.deepEqual(
      report.badRows.map((b) => [b.line, b.text]),
      [[2, 'A0|2025-07-01|Acme']],
    );
    assert.equal(report.badRowCount, 1);
  });

  test('quoted fields holding the delimiter, doubled quotes and line breaks are one value each, and the lines after them are counted right', async (t) => {
    const text = [
      'txn_id,paid_on,vendor,description,amount,payee',
      'Q1,2025-01-02,"Books, ""Inc""","two',
      'lines",10.00,',
      'Q2,2025-01-03,Acme,"a ""quoted"" word, and a comma",11.00,"Cash"',
      '"Q3","2025-01-04","Acme","three',
      '',
      'lines","12.00","bearer"',
      '',
    ].join('\n');
    const report = await screenText(t, 'quoted.csv', text);
    const cash = hitsOf(report, 'check-to-cash');
    assert.deepEqual(
      cash.map((h) => h.transactions.map((x) => [x.id, x.line, x.fields.description, x.fields.payee])),
      [[['Q2', 4, 'a "quoted" word, and a comma', 'Cash']], [['Q3', 5, 'three\n\nlines', 'bearer']]],
    );
    assert.deepEqual(report.inputs[0]?.rows, 3);
    // the vendor with a comma and quotes, read whole: the first row's fields
    const q1 = await screenText(
      t,
      'q1.csv',
      'txn_id,paid_on,vendor,amount,payee\nQ1,2025-01-02,"Books, ""Inc""",10.00,cash\n',
    );
    assert.equal(hitsOf(q1, 'check-to-cash')[0]?.transactions[0]?.fields.vendor, 'Books, "Inc"');
  });

  test('a UTF-8 byte-order mark before the first header does not hide it', async (t) => {
    const lines = ['txn_id,paid_on,vendor,amount', ...TWO_HITS.map((r) => r.join(','))];
    const report = await screenText(t, 'bom.csv', `\uFEFF${lines.join('\n')}\n`);
    assert.deepEqual(screensHit(report), ['check-to-cash', 'split-purchase']);
    assert.deepEqual(Object.keys(report.inputs[0]?.mapping ?? {}), ['txn_id', 'paid_on', 'vendor', 'amount']);
    assert.equal(hitsOf(report, 'check-to-cash')[0]?.transactions[0]?.id, 'A3');
  });

  test('M/D/YYYY dates through mapping.dateFormat; a date that does not exist (2/29/2025) is a bad row', async (t) => {
    const text = [
      'txn_id,paid_on,vendor,amount,po_approved_on',
      'U1,7/1/2025,Acme,10.00,7/2/2025',
      'U2,12/31/2025,Cash,11.00,',
      'U3,2/29/2025,Cash,12.00,',
      'U4,2/29/2024,Cash,13.00,',
      '',
    ].join('\n');
    const report = await screenText(t, 'us.csv', text, {
      mapping: { disbursements: { dateFormat: '%m/%d/%Y' } },
    });
    assert.deepEqual(
      report.hits.map((h) => [h.screen.split('.').pop(), h.transactions[0]?.id, h.first]),
      [
        ['check-to-cash', 'U4', '2024-02-29'],
        ['check-to-cash', 'U2', '2025-12-31'],
        ['paid-before-po', 'U1', '2025-07-01'],
      ],
    );
    assert.equal(hitsOf(report, 'paid-before-po')[0]?.transactions[0]?.fields.po_approved_on, '2025-07-02');
    assert.deepEqual(
      report.badRows.map((b) => [b.line, b.column, b.reason]),
      [[4, 'paid_on', '"2/29/2025" is not a date']],
    );
  });

  test("an export's own headers, named by a mapping", async (t) => {
    const text = [
      'Voucher #,Pay Dt,Payee/Vendor,Amt,Inv No,Commodity Cd',
      'V1,2025-08-01,Acme,600.00,INV-1,5300',
      'V2,2025-08-15,Acme,550.00,INV-2,5300',
      '',
    ].join('\n');
    const report = await screenText(t, 'export.csv', text, {
      mapping: {
        disbursements: {
          columns: {
            txn_id: 'Voucher #',
            paid_on: 'Pay Dt',
            vendor: 'Payee/Vendor',
            amount: 'Amt',
            invoice: 'Inv No',
            commodity: 'Commodity Cd',
          },
        },
      },
    });
    assert.deepEqual(report.inputs[0]?.mapping, {
      'Voucher #': 'txn_id',
      'Pay Dt': 'paid_on',
      'Payee/Vendor': 'vendor',
      Amt: 'amount',
      'Inv No': 'invoice',
      'Commodity Cd': 'commodity',
    });
    const [split] = hitsOf(report, 'split-purchase');
    assert.deepEqual(
      split?.transactions.map((x) => [x.id, x.fields.invoice, x.fields.commodity]),
      [
        ['V1', 'INV-1', '5300'],
        ['V2', 'INV-2', '5300'],
      ],
    );
  });

  test('common export headers are recognised without a mapping: "Check Date", "Vendor Name", "Net Amount"', async (t) => {
    const text = [
      'Document Number,Check Date,Vendor Name,Net Amount,Invoice Number,Check Payee',
      'D1,2025-08-01,Acme,600.00,INV-1,Acme',
      'D2,2025-08-15,Acme,550.00,INV-2,Acme',
      'D3,2025-09-01,Petty Cash,20.00,INV-3,CASH',
      '',
    ].join('\n');
    const report = await screenText(t, 'aliases.csv', text);
    assert.deepEqual(report.inputs[0]?.mapping, {
      'Document Number': 'txn_id',
      'Check Date': 'paid_on',
      'Vendor Name': 'vendor',
      'Net Amount': 'amount',
      'Invoice Number': 'invoice',
      'Check Payee': 'payee',
    });
    assert.deepEqual(screensHit(report), ['check-to-cash', 'split-purchase']);
    assert.deepEqual(idsOf(hitsOf(report, 'check-to-cash')), [['D3']]);
  });

  test('Parquet with typed columns: hits name the row number as their line', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'ap.parquet');
    await writeParquet(
      `SELECT * FROM (VALUES
        ('P1', DATE '2025-08-01', 'Acme', CAST(600.00 AS DECIMAL(12,2))),
        ('P2', DATE '2025-08-15', 'Acme', CAST(550.00 AS DECIMAL(12,2))),
        ('P3', DATE '2025-09-01', 'CASH', CAST(20.00 AS DECIMAL(12,2)))
      ) AS t(txn_id, paid_on, vendor, amount)`,
      path,
    );
    const report = await screenFiles({ pack: leaFinancePack, files: { disbursements: path } });
    assert.equal(report.inputs[0]?.format, 'parquet');
    assert.equal(report.inputs[0]?.source, 'ap.parquet');
    assert.deepEqual(screensHit(report), ['check-to-cash', 'split-purchase']);
    assert.deepEqual(
      hitsOf(report, 'split-purchase')[0]?.transactions.map((x) => [x.id, x.line, x.amountCents, x.date]),
      [
        ['P1', 1, 60_000, '2025-08-01'],
        ['P2', 2, 55_000, '2025-08-15'],
      ],
    );
  });

  test('Parquet with text columns: values that are not dates or money are bad rows by row number', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'text.parquet');
    await writeParquet(
      `SELECT * FROM (VALUES
        ('P1', '2025-08-01', 'CASH', '20.00'),
        ('P2', 'someday', 'CASH', '21.00'),
        ('P3', '2025-08-03', 'CASH', 'lots'),
        ('P4', '2025-08-04', 'CASH', '1.005'),
        ('P5', '2025-08-05', '', '22.00')
      ) AS t(txn_id, paid_on, vendor, amount)`,
      path,
    );
    const report = await screenFiles({ pack: leaFinancePack, files: { disbursements: path } });
    assert.deepEqual(idsOf(hitsOf(report, 'check-to-cash')), [['P1']]);
    assert.deepEqual(
      report.badRows.map((b) => [b.line, b.column, b.reason]),
      [
        [2, 'paid_on', 'paid_on: not a date'],
        [3, 'amount', 'amount: not an amount of money, or has a fraction of a cent'],
        [4, 'amount', 'amount: not an amount of money, or has a fraction of a cent'],
        [5, 'vendor', 'vendor: empty, but every row needs one (Vendor)'],
      ],
    );
    assert.deepEqual(
      [report.inputs[0]?.rows, report.inputs[0]?.accepted, report.inputs[0]?.rejected, report.badRowCount],
      [5, 1, 4, 4],
    );
  });
});

describe('screening files: bad rows', { concurrency: true }, () => {
  // Lines 2–3 are one record (a quoted line break), line 4 is blank; lines 5–9 cannot be screened.
  const BAD = [
    'txn_id,paid_on,vendor,description,amount',
    'B1,2025-01-02,Acme,"two',
    'lines",10.00',
    '',
    'B2,2025-13-45,Acme,bad date,11.00',
    'B3,2025-01-03,Acme,bad amount,12.3.4',
    'B4,2025-01-04,Acme',
    'B5,2025-01-05,,no vendor,13.00',
    'B6,2025-01-06,Acme,fraction,14.005',
    'B7,2025-01-07,"Books, ""Inc""",ok,15.00',
    'B8,2025-01-08,CASH,ok,16.00',
  ].join('\n');

  test('each is reported with its file line, column and reason, counted, and the good rows are still screened', async (t) => {
    const report = await screenText(t, 'bad.csv', BAD);
    assert.deepEqual(
      report.badRows.map((b) => [b.line, b.column, b.reason, b.text]),
      [
        [5, 'paid_on', '"2025-13-45" is not a date', 'B2,2025-13-45,Acme,bad date,11.00'],
        [6, 'amount', '"12.3.4" is not a number (amount of money)', 'B3,2025-01-03,Acme,bad amount,12.3.4'],
        [7, 'description', 'missing columns: Expected Number of Columns: 5 Found: 3', 'B4,2025-01-04,Acme'],
        [8, 'vendor', 'vendor: empty, but every row needs one (Vendor)', undefined],
        [9, 'amount', 'amount: has a fraction of a cent', undefined],
      ],
    );
    assert.ok(report.badRows.every((b) => b.ledger === 'disbursements'));
    assert.equal(report.badRowCount, 5);
    assert.deepEqual(
      [report.inputs[0]?.rows, report.inputs[0]?.accepted, report.inputs[0]?.rejected],
      [8, 3, 5],
    );
    assert.equal(report.totals.rows, 8);
    // the good row after them all, on the file's last line (no line break after it); its position
    // counts the rows DuckDB parsed (B1, B5, B6, B7), the two with an empty or fractional value among them
    assert.deepEqual(
      hitsOf(report, 'check-to-cash')[0]?.transactions.map((x) => [x.id, x.line, x.row]),
      [['B8', 11, 4]],
    );
  });

  test('maxBadRows lists the first ones and counts them all', async (t) => {
    const report = await screenText(t, 'bad.csv', BAD, { maxBadRows: 2 });
    assert.deepEqual(
      report.badRows.map((b) => b.line),
      [5, 6],
    );
    assert.equal(report.badRowCount, 5);
  });
});

describe('screening files: options', { concurrency: true }, () => {
  test('a hit lists at most maxTransactionsPerHit transactions, counts the rest as omitted, and totals them all', async (t) => {
    const report = await screenRows(
      t,
      {
        disbursements: ['01', '05', '09', '13', '17'].map((d, i) => ({
          txn_id: `S${i + 1}`,
          paid_on: `2025-03-${d}`,
          vendor: 'Acme',
          amount: `${300 + i}.00`,
        })),
      },
      { maxTransactionsPerHit: 2 },
    );
    const [hit] = hitsOf(report, 'split-purchase');
    assert.deepEqual(
      hit?.transactions.map((x) => x.id),
      ['S1', 'S2'],
    );
    assert.deepEqual([hit?.count, hit?.omitted, hit?.totalCents, hit?.last], [5, 3, 151_000, '2025-03-17']);
  });

  test('progress runs from reading to done', async (t) => {
    const seen: ScreeningProgress[] = [];
    await screenRows(
      t,
      { gifts: [{ gift_id: 'G1', received_on: '2025-01-01', giver: 'A', recipient: 'B', value: '1.00' }] },
      { onProgress: (p) => seen.push(p) },
    );
    assert.equal(seen[0]?.phase, 'reading');
    assert.deepEqual(seen.at(-1), { phase: 'done', fraction: 1, message: '0 hits' });
    assert.ok(seen.some((p) => p.phase === 'screening'));
    for (let i = 1; i < seen.length; i++)
      assert.ok((seen[i]?.fraction ?? 0) >= (seen[i - 1]?.fraction ?? 0), 'never goes back');
  });

  test('screens of a ledger not given are listed as skipped, saying which option gives it', async (t) => {
    const report = await screenRows(t, {
      gifts: [{ gift_id: 'G1', received_on: '2025-01-01', giver: 'A', recipient: 'B', value: '10.00' }],
    });
    const skipped = report.screens.filter((s) => s.skipped !== undefined);
    assert.equal(skipped.length, 14);
    assert.equal(
      report.screens.find((s) => s.id === 'lea-finance.screen.card-cash')?.skipped,
      'no Purchase-card transactions file given (--pcard)',
    );
    assert.deepEqual(
      report.screens.filter((s) => s.ledger === 'gifts').map((s) => [s.hits, s.rows]),
      [
        [1, 1],
        [0, 1],
      ],
    );
  });
});

describe('screening files: mistakes are refused, naming the option', { concurrency: true }, () => {
  test('a file without a required column names the column and the headers it has', async (t) => {
    const issues = await problems(
      screenText(t, 'novendor.csv', 'txn_id,paid_on,amount\nX1,2025-01-01,1.00\n'),
    );
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.path, '/ledger');
    assert.match(
      issues[0]?.message ?? '',
      /has no "vendor" column \(Vendor\); its columns: txn_id, paid_on, amount\./,
    );
    assert.match(issues[0]?.message ?? '', /disbursements: \{ columns: \{ vendor: "<header>" \} \}/);
  });

  test('a mapping naming an unknown ledger, an unknown column, or a header the file lacks', async (t) => {
    const text = 'txn_id,paid_on,vendor,amount\nX1,2025-01-01,Acme,1.00\n';
    assert.deepEqual(await problems(screenText(t, 'a.csv', text, { mapping: { payroll: {} } })), [
      {
        path: '/mapping/payroll',
        message: 'no ledger "payroll" in pack lea-finance; its ledgers: disbursements, pcard, travel, gifts',
      },
    ]);
    const column = await problems(
      screenText(t, 'b.csv', text, { mapping: { disbursements: { columns: { vendr: 'Vendor' } } } }),
    );
    assert.equal(column[0]?.path, '/mapping/disbursements/columns/vendr');
    assert.match(
      column[0]?.message ?? '',
      /^ledger disbursements has no column "vendr"; its columns: txn_id, paid_on, vendor,/,
    );
    assert.deepEqual(
      await problems(
        screenText(t, 'c.csv', text, {
          mapping: { disbursements: { columns: { vendor: 'Supplier Name' } } },
        }),
      ),
      [
        {
          path: '/mapping/disbursements/columns/vendor',
          message:
            'the disbursements file has no column "Supplier Name"; its columns: txn_id, paid_on, vendor, amount',
        },
      ],
    );
    const setting = await problems(
      screenText(t, 'd.csv', text, { mapping: { disbursements: { delimiter: ';;' } } }),
    );
    assert.equal(setting[0]?.path, '/mapping/disbursements/delimiter');
  });

  test('a file that is empty, not text, or not Parquet is refused naming the option, not a crash', async (t) => {
    const dir = tempDir(t);
    const write = (name: string, bytes: string | Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const empty = await problems(
      screenFiles({ pack: leaFinancePack, files: { disbursements: write('e.csv', '') } }),
    );
    assert.deepEqual(empty, [
      { path: '/ledger', message: 'e.csv is empty; expected a header line and rows' },
    ]);
    // bytes that are no text: a NUL-ridden, line-less blob
    const blob = Buffer.alloc(5000, 0);
    for (let i = 0; i < blob.length; i++) blob[i] = (i * 7919) % 256;
    const binary = await problems(
      screenFiles({ pack: leaFinancePack, files: { disbursements: write('b.csv', blob) } }),
    );
    assert.equal(binary[0]?.path, '/ledger');
    assert.match(binary[0]?.message ?? '', /^cannot read b\.csv as CSV: /);
    const parquet = await problems(
      screenFiles({ pack: leaFinancePack, files: { pcard: write('p.parquet', 'not parquet at all\n') } }),
    );
    assert.equal(parquet[0]?.path, '/pcard');
    assert.match(parquet[0]?.message ?? '', /^cannot read p\.parquet as Parquet: /);
  });

  test('no file, a file that is not there, a ledger the pack lacks', async (t) => {
    const dir = tempDir(t);
    const none = await problems(screenFiles({ pack: leaFinancePack, files: {} }));
    assert.deepEqual(none, [
      { path: '/ledger', message: 'no file to screen; give one of: --ledger, --pcard, --travel, --gifts' },
    ]);
    const missing = await problems(
      screenFiles({ pack: leaFinancePack, files: { pcard: join(dir, 'nowhere.csv') } }),
    );
    assert.deepEqual(missing, [
      { path: '/pcard', message: `cannot read ${join(dir, 'nowhere.csv')}: no such file` },
    ]);
    const ledger = await problems(
      screenFiles({ pack: leaFinancePack, files: { payroll: join(dir, 'nowhere.csv') } }),
    );
    assert.equal(ledger[0]?.path, '/payroll');
    assert.match(
      ledger[0]?.message ?? '',
      /has no ledger "payroll"; its ledgers: disbursements, pcard, travel, gifts/,
    );
  });

  test('a from or to that is not a date, or a period ending before it starts', async (t) => {
    const text = 'txn_id,paid_on,vendor,amount\nX1,2025-01-01,Acme,1.00\n';
    assert.deepEqual(await problems(screenText(t, 'a.csv', text, { from: '2025-13-01' })), [
      { path: '/from', message: '"2025-13-01" is not a calendar date; expected YYYY-MM-DD' },
    ]);
    assert.deepEqual(await problems(screenText(t, 'b.csv', text, { to: '1/2/2025' })), [
      { path: '/to', message: '"1/2/2025" is not a calendar date; expected YYYY-MM-DD' },
    ]);
    assert.deepEqual(await problems(screenText(t, 'c.csv', text, { from: '2025-07-01', to: '2025-06-30' })), [
      { path: '/to', message: 'the period ends (2025-06-30) before it starts (2025-07-01)' },
    ]);
  });

  test('mapping files: JSON and YAML read alike; one that is neither is refused', async (t) => {
    const dir = tempDir(t);
    const json = join(dir, 'm.json');
    const yaml = join(dir, 'm.yaml');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      json,
      JSON.stringify({ disbursements: { columns: { vendor: 'Vendor Name' }, delimiter: ';' } }),
    );
    writeFileSync(yaml, 'disbursements:\n  columns:\n    vendor: Vendor Name\n  delimiter: ";"\n');
    writeFileSync(bad, '{ "disbursements": ');
    const expected = { disbursements: { columns: { vendor: 'Vendor Name' }, delimiter: ';' } };
    assert.deepEqual(await readMappingFile(json, leaFinancePack), expected);
    assert.deepEqual(await readMappingFile(yaml, leaFinancePack), expected);
    const issues = await problems(readMappingFile(bad));
    assert.equal(issues[0]?.path, '/mapping');
    assert.match(issues[0]?.message ?? '', /^the mapping file bad\.json is not valid JSON or YAML: /);
  });
});

async function writeParquet(select: string, path: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`COPY (${select}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
