// `probity screen` over small ledger files in a temporary folder, with a split purchase, a check made out
// to CASH and a row whose amount cannot be read planted in them. A few runs are a real child process, as a
// user runs it (exit code, standard output and error, no terminal); the rest go through runCli in this
// process, which parses the same command line without paying for a new Node each time.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { ScreeningReport } from '../../app/screening/types.ts';
import type { Io } from './io.ts';
import { runCli } from './program.ts';

const BIN = fileURLToPath(new URL('../../../bin/probity.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function probity(args: string[], opts: { cwd: string; dataDir?: string }): Promise<Run> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PROBITY_DATA_DIR: opts.dataDir ?? join(opts.cwd, 'no-store-here'),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`probity ${args.join(' ')} did not finish in time; stderr: ${stderr}`));
    }, 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const PATH_OPTIONS = new Set(['--ledger', '--pcard', '--travel', '--gifts', '--mapping', '--out']);

/** Each file path of a command line made absolute against `cwd` (a child process would start there). */
function absolute(args: readonly string[], cwd: string): string[] {
  return args.map((a, i) => {
    const option = args[i - 1] ?? '';
    if (PATH_OPTIONS.has(option) && a !== '-') return resolve(cwd, a);
    if (option === '--input' && a.includes('='))
      return a.replace(/=(.*)$/, (_m, p: string) => `=${resolve(cwd, p)}`);
    return a;
  });
}

/** The command line run in this process; relative paths are made absolute against `cwd`. */
async function cli(args: string[], opts: { cwd: string }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const line = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  const io: Io = {
    out: (s) => {
      stdout += line(s);
    },
    err: (s) => {
      stderr += line(s);
    },
    readStdin: async () => '',
    stdinIsTty: false,
    env: { PROBITY_DATA_DIR: join(opts.cwd, 'no-store-here'), LOG_LEVEL: 'warn' },
  };
  const code = await runCli(absolute(args, opts.cwd), io);
  return { code: code ?? null, stdout, stderr };
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'probity-screen-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// D1 + D2: paper from one vendor 14 days apart, each under the $1,000.00 individual threshold, together
// above it (B.3). D3: a check made out to CASH (A.6, J.4). Line 5: an amount that is not money.
// D5: a vendor whose name is markup, which the page must show as text.
const LEDGER = [
  'txn_id,paid_on,vendor,commodity,description,amount,invoice,payee,method,contract',
  'D1,2025-08-01,Acme Supply,5300,Paper,600.00,INV-1,,check,',
  'D2,2025-08-15,Acme Supply,5300,Toner,550.00,INV-2,,check,',
  'D3,2025-09-01,Petty Cash Fund,6100,Petty cash refill,200.00,INV-9,CASH,check,',
  'D4,2025-09-02,Bad Row Co,6100,Broken amount,12.3.4,INV-10,,check,',
  'D5,2025-10-01,"<script>alert(1)</script> Books, ""Inc""",6200,Books,90.00,INV-11,,check,',
  '',
].join('\n');

const SPLIT = 'lea-finance.screen.split-purchase';
const CASH = 'lea-finance.screen.check-to-cash';

function ledgerIn(dir: string): string {
  writeFileSync(join(dir, 'ap.csv'), LEDGER);
  return 'ap.csv';
}

function reportOf(run: Run): ScreeningReport {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as ScreeningReport;
}

describe('probity screen', { concurrency: true }, () => {
  test('finds the split purchase and the check to CASH, lists the unreadable row by its line (JSON on standard output)', async (t) => {
    const dir = tempDir(t);
    const run = await probity(['screen', '--pack', 'lea-finance', '--ledger', ledgerIn(dir), '--out', '-'], {
      cwd: dir,
    });
    const report = reportOf(run);
    assert.deepEqual(report.hits.map((h) => h.screen).sort(), [CASH, SPLIT]);
    const split = report.hits.find((h) => h.screen === SPLIT)!;
    assert.deepEqual(
      split.transactions.map((x) => x.id),
      ['D1', 'D2'],
    );
    assert.equal(split.totalCents, 115_000);
    assert.equal(split.thresholdCents, 100_000);
    assert.equal(split.key.vendor, 'Acme Supply');
    const cash = report.hits.find((h) => h.screen === CASH)!;
    assert.deepEqual(
      cash.transactions.map((x) => [x.id, x.line]),
      [['D3', 4]],
    );
    assert.equal(report.badRowCount, 1);
    assert.deepEqual(
      report.badRows.map((b) => [b.ledger, b.line, b.column]),
      [['disbursements', 5, 'amount']],
    );
    assert.deepEqual(
      report.inputs.map((i) => [i.ledger, i.source]),
      [['disbursements', 'ap.csv']],
    );
    // The summary goes to standard error, so the JSON on standard output stays clean for a pipe.
    assert.match(
      run.stderr,
      /^Screened 5 rows from 1 file: 2 hits \(2 violations, 0 notices\), \$1,350\.00 flagged; 1 bad row \(see the report\)\.\n$/,
    );
    // Not a terminal: no progress bar, no escape codes.
    assert.equal(run.stderr.includes('\u001b['), false);
  });

  test('writes the web page, the CSV and its bad rows by the file name; the page cites the clauses and escapes ledger text', async (t) => {
    const dir = tempDir(t);
    const ledger = ledgerIn(dir);
    const html = await cli(['screen', '-p', 'lea-finance', '--ledger', ledger, '--out', 'report.html'], {
      cwd: dir,
    });
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /2 hits .* 1 bad row \(see the report\)\. Report: \S*report\.html\n$/);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.ok(page.includes('§ B.3.a — Utah Code 63G-6a-408'), 'the split purchase clause');
    assert.ok(page.includes('§ A.6'), 'the check-to-cash clause');
    assert.ok(page.includes('Rows that could not be read (1)'));
    assert.equal(page.includes('<script>alert(1)'), false);

    const csv = await cli(['screen', '-p', 'lea-finance', '--ledger', ledger, '--out', 'report.csv'], {
      cwd: dir,
    });
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /1 bad row \(see \S*report\.bad-rows\.csv\)\. Report: \S*report\.csv\n$/);
    const rows = parse(readFileSync(join(dir, 'report.csv'), 'utf8'), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    assert.deepEqual(
      rows.map((r) => [r.screen, r.id, r.amount]),
      [
        [SPLIT, 'D1', '600.00'],
        [SPLIT, 'D2', '550.00'],
        [CASH, 'D3', '200.00'],
      ],
    );
    const bad = parse(readFileSync(join(dir, 'report.bad-rows.csv'), 'utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    assert.deepEqual(
      bad.map((b) => [b.file, b.line, b.column]),
      [['ap.csv', '5', 'amount']],
    );
    // Only the reports: no partial file left behind.
    assert.deepEqual(readdirSync(dir).sort(), ['ap.csv', 'report.bad-rows.csv', 'report.csv', 'report.html']);

    // Screened again once the row is mended: no bad rows, and the earlier run's bad-rows file is gone.
    writeFileSync(join(dir, 'ap.csv'), LEDGER.replace('12.3.4', '12.34'));
    const mended = await cli(['screen', '-p', 'lea-finance', '--ledger', ledger, '--out', 'report.csv'], {
      cwd: dir,
    });
    assert.equal(mended.code, 0, mended.stderr);
    assert.match(mended.stdout, /: 2 hits \(2 violations, 0 notices\), \$1,350\.00 flagged\. Report: /);
    assert.equal(existsSync(join(dir, 'report.bad-rows.csv')), false);
  });

  test('--fail-on violation exits 3 when a violation is found; --from leaves earlier rows out', async (t) => {
    const dir = tempDir(t);
    const ledger = ledgerIn(dir);
    const failing = await cli(
      ['screen', '-p', 'lea-finance', '--ledger', ledger, '--out', 'r.json', '--fail-on', 'violation'],
      { cwd: dir },
    );
    assert.equal(failing.code, 3, failing.stderr);
    assert.ok(existsSync(join(dir, 'r.json')), 'the report is written all the same');

    // From Aug 10 on, D1 is left out: D2 alone splits nothing, the check to CASH remains.
    const later = reportOf(
      await cli(['screen', '-p', 'lea-finance', '--ledger', ledger, '--from', '2025-08-10', '--out', '-'], {
        cwd: dir,
      }),
    );
    assert.equal(later.from, '2025-08-10');
    assert.deepEqual(
      later.hits.map((h) => h.screen),
      [CASH],
    );
  });

  test('a ledger exported with other headers, ";" and M/D/YYYY dates is read through a mapping file', async (t) => {
    const dir = tempDir(t);
    writeFileSync(
      join(dir, 'export.txt'),
      [
        'Check No;Check Date;Payee Name;Object;Net Amount;Invoice No',
        '1001;08/01/2025;Acme Supply;5300;600.00;INV-1',
        '1002;08/15/2025;Acme Supply;5300;550.00;INV-2',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'mapping.yaml'),
      [
        'disbursements:',
        '  columns: { txn_id: "Check No", paid_on: "Check Date", vendor: "Payee Name", commodity: "Object", amount: "Net Amount", invoice: "Invoice No" }',
        '  delimiter: ";"',
        '  dateFormat: "%m/%d/%Y"',
        '',
      ].join('\n'),
    );
    const report = reportOf(
      await cli(
        ['screen', '-p', 'lea-finance', '--ledger', 'export.txt', '--mapping', 'mapping.yaml', '--out', '-'],
        { cwd: dir },
      ),
    );
    assert.deepEqual(
      report.hits.map((h) => [h.screen, h.first, h.last, h.totalCents]),
      [[SPLIT, '2025-08-01', '2025-08-15', 115_000]],
    );
    assert.equal(report.badRowCount, 0);
  });

  test('usage errors exit 2 naming the option, before anything is read or written', async (t) => {
    const dir = tempDir(t);
    const ledger = ledgerIn(dir);
    const cases: [string[], RegExp][] = [
      [
        ['--ledger', 'missing.csv', '--out', 'r.json'],
        /--ledger \S*missing\.csv: cannot read the file \(there is no such file\)/,
      ],
      [['--ledger', ledger, '--out', join(dir, 'no-such-folder', 'r.json')], /--out .*: cannot write there/],
      [
        ['--ledger', ledger, '--from', '2025-02-30', '--out', 'r.json'],
        /--from.*"2025-02-30" does not exist/,
      ],
      [
        ['--ledger', ledger, '--from', '2026-01-01', '--to', '2025-12-31', '--out', 'r.json'],
        /--from 2026-01-01 is after --to 2025-12-31/,
      ],
      [['--out', 'r.json'], /no ledger file given; pack lea-finance reads --ledger/],
      [
        ['--input', `payroll=${ledger}`, '--out', 'r.json'],
        /--input payroll=\S*ap\.csv: pack lea-finance has no payroll ledger/,
      ],
      [
        ['--ledger', ledger, '--mapping', 'nowhere.yaml', '--out', 'r.json'],
        /--mapping \S*nowhere\.yaml: cannot read the file/,
      ],
      [
        ['--ledger', ledger, '--out', 'r.json', '--format', 'xlsx'],
        /--format.*Allowed choices are json, csv, html/,
      ],
    ];
    const runs: Run[] = [];
    for (const [args] of cases)
      runs.push(await cli(['screen', '--pack', 'lea-finance', ...args], { cwd: dir }));
    for (const [i, run] of runs.entries()) {
      assert.equal(run.code, 2, `${cases[i]![0].join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, cases[i]![1]);
      assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    }
    // As a process: the wrong extension is exit code 2, the message on standard error, nothing on standard output.
    const pdf = await probity(
      ['screen', '--pack', 'lea-finance', '--ledger', 'ap.csv', '--out', 'report.pdf'],
      {
        cwd: dir,
      },
    );
    assert.equal(pdf.code, 2, pdf.stderr);
    assert.match(
      pdf.stderr,
      /^error: --out report\.pdf: cannot tell the report format from "\.pdf"; name the file \.json, \.csv or \.html/,
    );
    assert.equal(pdf.stdout, '');
    const unknownPack = await cli(['screen', '--pack', 'nope', '--ledger', ledger, '--out', 'r.json'], {
      cwd: dir,
    });
    assert.equal(unknownPack.code, 2);
    assert.match(
      unknownPack.stderr,
      /--pack nope: there is no such policy pack; packs with screens: lea-finance/,
    );
    const noScreens = await cli(['screen', '--pack', 'sample', '--ledger', ledger, '--out', 'r.json'], {
      cwd: dir,
    });
    assert.equal(noScreens.code, 2);
    assert.match(noScreens.stderr, /--pack sample: this pack has no screens/);
    assert.deepEqual(readdirSync(dir), ['ap.csv'], 'no report and no store were written');
  });

  test('with --org the report names the organisation and an unknown one is refused (exit 1)', async (t) => {
    const dir = tempDir(t);
    const ledger = ledgerIn(dir);
    const dataDir = join(dir, 'data');
    const demo = await probity(['demo'], { cwd: dir, dataDir });
    assert.equal(demo.code, 0, demo.stderr);
    const report = reportOf(
      await probity(['screen', '-p', 'lea-finance', '--ledger', ledger, '--org', 'demo', '--out', '-'], {
        cwd: dir,
        dataDir,
      }),
    );
    assert.equal(report.organisation?.name, 'Demo School District');
    assert.equal(report.hits.length, 2);
    const unknown = await probity(
      ['screen', '-p', 'lea-finance', '--ledger', ledger, '--org', 'nope', '--out', '-'],
      {
        cwd: dir,
        dataDir,
      },
    );
    assert.equal(unknown.code, 1);
    assert.match(
      unknown.stderr,
      /^error PRB_NOT_FOUND: There is no organisation "nope".*organisations: demo/,
    );

    // --store: the demo organisation's own records, screened by the database with the same screens
    const stored = await probity(['screen', '-p', 'lea-finance', '--org', 'demo', '--store', '--out', '-'], {
      cwd: dir,
      dataDir,
    });
    const fromStore = reportOf(stored);
    assert.equal(fromStore.engine, 'postgres');
    assert.ok(fromStore.inputs.every((i) => i.format === 'store'));
    // the demo's $1,249.00 card purchase without pre-approval, named by its record
    const preapproval = fromStore.hits.find((h) => h.screen === 'lea-finance.screen.card-preapproval');
    assert.equal(preapproval?.totalCents, 124_900);
    assert.ok(preapproval?.transactions[0]?.record);
    assert.ok(fromStore.hits.some((h) => h.screen === 'lea-finance.screen.card-split'));
    const withFile = await probity(
      ['screen', '-p', 'lea-finance', '--org', 'demo', '--store', '--ledger', ledger, '--out', '-'],
      { cwd: dir, dataDir },
    );
    assert.equal(withFile.code, 2);
    assert.match(withFile.stderr, /--store reads the records in the store: give no ledger files/);
  });
});
