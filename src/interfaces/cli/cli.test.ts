// The `probity` command as a user runs it: a real child process, a fresh data directory per test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '../../kernel/index.ts';

const BIN = fileURLToPath(new URL('../../../bin/probity.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function probity(
  args: string[],
  opts: { dataDir: string; stdin?: string; timeoutMs?: number },
): Promise<Run> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PROBITY_DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
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
    }, opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'probity-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const FACTS = {
  fund: 'Front office',
  purpose: 'Postage',
  amountCents: 12000,
  paidOn: '2026-06-30',
  hasReceipt: true,
  requestedBy: 'Dana',
  custodian: 'Dana',
  approvedBy: 'Lee',
};

const EVALUATE = ['evaluate', '--pack', 'sample', '--case', 'disbursement'];

function noStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

function assertLimitViolation(ev: Evaluation, limitCents: number): void {
  assert.deepEqual(ev.pack, { id: 'sample', version: '1.0.0' });
  assert.equal(ev.caseKind, 'disbursement');
  const limit = ev.findings.find((f) => f.rule === 'sample.limits.single-disbursement');
  assert.ok(limit, 'a finding of the single-disbursement limit rule');
  assert.equal(limit.kind, 'violation');
  assert.equal(limit.severity, 'high');
  assert.deepEqual(limit.values, { amountCents: 12000, limitCents, excessCents: 12000 - limitCents });
  assert.ok(limit.citations.length > 0);
  for (const c of limit.citations) assert.equal(c.section, '2.1');
  assert.equal(limit.trace.facts.amountCents, 12000);
  const param = limit.trace.parameters.find((p) => p.id === 'sample.limits.single_disbursement');
  assert.ok(param, 'the limit parameter is in the trace');
  assert.equal(param.value, limitCents);
  assert.equal(param.source, 'pack');
  const receipt = ev.findings.find((f) => f.rule === 'sample.limits.receipt');
  assert.equal(receipt?.kind, 'requirement');
  assert.ok(ev.rules.some((r) => r.id === 'sample.limits.single-disbursement' && r.inForce));
}

describe('probity evaluate (no database)', { concurrency: true }, () => {
  test('facts from a JSON file: findings with citations and a trace', async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(FACTS));
    const r = await probity([...EVALUATE, '--facts', file, '--as-of', '2026-06-30'], {
      dataDir: join(dir, 'data'),
    });
    assert.equal(r.code, 0, r.stderr);
    const ev = JSON.parse(r.stdout) as Evaluation;
    assert.equal(ev.asOf, '2026-06-30');
    assert.equal(ev.org, undefined);
    assertLimitViolation(ev, 10_000);
  });

  test('facts from standard input', async (t) => {
    const dir = tempDir(t);
    const r = await probity([...EVALUATE, '--facts', '-', '--as-of', '2026-06-30'], {
      dataDir: join(dir, 'data'),
      stdin: JSON.stringify(FACTS),
    });
    assert.equal(r.code, 0, r.stderr);
    assertLimitViolation(JSON.parse(r.stdout) as Evaluation, 10_000);
  });

  test('facts from a YAML file', async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'case.yaml');
    writeFileSync(
      file,
      Object.entries(FACTS)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join('\n'),
    );
    const r = await probity([...EVALUATE, '--facts', file, '--as-of', '2026-06-30'], {
      dataDir: join(dir, 'data'),
    });
    assert.equal(r.code, 0, r.stderr);
    assertLimitViolation(JSON.parse(r.stdout) as Evaluation, 10_000);
  });

  test('the as-of date chooses the limit in force: $100.00 on 2026-06-30, $150.00 from 2026-07-01', async (t) => {
    const dir = tempDir(t);
    const stdin = JSON.stringify(FACTS);
    const before = await probity([...EVALUATE, '-f', '-', '--as-of', '2026-06-30'], { dataDir: dir, stdin });
    const after = await probity([...EVALUATE, '-f', '-', '--as-of', '2026-07-01'], { dataDir: dir, stdin });
    assert.equal(before.code, 0, before.stderr);
    assert.equal(after.code, 0, after.stderr);
    assertLimitViolation(JSON.parse(before.stdout) as Evaluation, 10_000);
    const ev = JSON.parse(after.stdout) as Evaluation;
    assert.equal(ev.asOf, '2026-07-01');
    assert.equal(
      ev.findings.find((f) => f.rule === 'sample.limits.single-disbursement'),
      undefined,
      '$120.00 is within the $150.00 limit',
    );
    const traced = ev.findings
      .flatMap((f) => f.trace.parameters)
      .find((p) => p.id === 'sample.limits.receipt_threshold');
    assert.equal(traced?.value, 2500);
  });

  test('invalid facts: exit 1, each bad field named, no stack trace', async (t) => {
    const dir = tempDir(t);
    const bad = { ...FACTS, amountCents: -5, paidOn: '2026-02-30', fund: undefined };
    const r = await probity([...EVALUATE, '-f', '-', '--as-of', '2026-06-30'], {
      dataDir: dir,
      stdin: JSON.stringify(bad),
    });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error PRB_FACTS_INVALID: /);
    assert.match(r.stderr, /^ {2}- amountCents: /m);
    assert.match(r.stderr, /^ {2}- paidOn: /m);
    assert.match(r.stderr, /^ {2}- fund: /m);
    noStackTrace(r.stderr);
  });

  test('malformed JSON and a missing file: exit 1 with one clear message', async (t) => {
    const dir = tempDir(t);
    const json = await probity([...EVALUATE, '-f', '-'], { dataDir: dir, stdin: '{"fund": ' });
    assert.equal(json.code, 1);
    assert.match(json.stderr, /^error PRB_FACTS_INVALID: The facts in standard input are not valid JSON/);
    const missing = await probity([...EVALUATE, '-f', join(dir, 'nope.json')], { dataDir: dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read the facts file .*nope\.json: no such file/);
    noStackTrace(json.stderr + missing.stderr);
  });

  test('unknown pack: exit 1 naming the installed packs', async (t) => {
    const dir = tempDir(t);
    const r = await probity(['evaluate', '--pack', 'nope', '--case', 'x', '-f', '-'], {
      dataDir: dir,
      stdin: '{}',
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error PRB_UNKNOWN_PACK: .*"nope".*installed packs: sample/);
    noStackTrace(r.stderr);
  });

  test('unknown case kind and no rule in force: exit 1', async (t) => {
    const dir = tempDir(t);
    const stdin = JSON.stringify(FACTS);
    const kind = await probity(['evaluate', '-p', 'sample', '-c', 'nope', '-f', '-'], {
      dataDir: dir,
      stdin,
    });
    assert.equal(kind.code, 1);
    assert.match(
      kind.stderr,
      /^error PRB_UNKNOWN_CASE_KIND: .*known case kinds: disbursement, replenishment/,
    );
    const early = await probity([...EVALUATE, '-f', '-', '--as-of', '2019-01-01'], { dataDir: dir, stdin });
    assert.equal(early.code, 1);
    assert.match(early.stderr, /^error PRB_NO_RULE_IN_FORCE: /);
  });

  test('--fail-on violation exits 3 when there is a violation, 0 when there is none', async (t) => {
    const dir = tempDir(t);
    const args = [...EVALUATE, '-f', '-', '--fail-on', 'violation'];
    const bad = await probity([...args, '--as-of', '2026-06-30'], {
      dataDir: dir,
      stdin: JSON.stringify(FACTS),
    });
    assert.equal(bad.code, 3);
    assert.ok((JSON.parse(bad.stdout) as Evaluation).findings.some((f) => f.kind === 'violation'));
    assert.match(bad.stderr, /1 violation: sample\.limits\.single-disbursement/);
    const fine = await probity([...args, '--as-of', '2026-07-01'], {
      dataDir: dir,
      stdin: JSON.stringify(FACTS),
    });
    assert.equal(fine.code, 0, fine.stderr);
  });

  test('usage errors exit 2: a bad date, a missing option, an unknown command', async (t) => {
    const dir = tempDir(t);
    const date = await probity([...EVALUATE, '-f', '-', '--as-of', '2026-13-01'], {
      dataDir: dir,
      stdin: '{}',
    });
    assert.equal(date.code, 2);
    assert.match(date.stderr, /--as-of/);
    const missing = await probity(['evaluate', '--pack', 'sample'], { dataDir: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /required option/);
    const unknown = await probity(['frobnicate'], { dataDir: dir });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
    assert.match(unknown.stderr, /Commands:/, 'the help follows');
  });

  test('--version and --help exit 0', async (t) => {
    const dir = tempDir(t);
    const version = await probity(['--version'], { dataDir: dir });
    assert.equal(version.code, 0);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
    const help = await probity(['evaluate', '--help'], { dataDir: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--fail-on/);
    assert.match(help.stdout, /Examples:/);
  });
});

describe('probity with the store', { concurrency: true }, () => {
  test('demo creates the organisation once, printing its one-time password once; verify finds the chain intact', async (t) => {
    const dir = tempDir(t);
    const first = await probity(['demo'], { dataDir: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /One-time password: +\S+/);
    assert.match(first.stdout, /admin@demo\.example\.org/);
    assert.match(first.stdout, /Demo records loaded for packs?: sample(, lea-finance)?\./);

    const second = await probity(['demo'], { dataDir: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stdout, /password/i);
    assert.match(second.stdout, /already loaded/);

    const verify = await probity(['verify'], { dataDir: dir });
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /^✔ demo: \d+ events, chain intact \(head [0-9a-f]{12}…\)$/m);

    const json = await probity(['verify', '--json', '--org', 'demo'], { dataDir: dir });
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; organisations: { org: string; ok: boolean }[] };
    assert.equal(parsed.ok, true);
    assert.deepEqual(
      parsed.organisations.map((o) => [o.org, o.ok]),
      [['demo', true]],
    );

    const org = await probity([...EVALUATE, '-f', '-', '--as-of', '2026-06-30', '--org', 'demo'], {
      dataDir: dir,
      stdin: JSON.stringify(FACTS),
    });
    assert.equal(org.code, 0, org.stderr);
    const ev = JSON.parse(org.stdout) as Evaluation;
    assert.equal(ev.org, 'demo');
    assertLimitViolation(ev, 10_000);

    const unknownOrg = await probity(['verify', '--org', 'nope'], { dataDir: dir });
    assert.equal(unknownOrg.code, 1);
    assert.match(unknownOrg.stderr, /^error PRB_NOT_FOUND: .*"nope".*organisations: demo/);
  });

  test('org create makes an organisation with a new administrator (password printed once); a taken or malformed slug is refused', async (t) => {
    const dir = tempDir(t);
    const created = await probity(
      ['org', 'create', '--slug', 'acme', '--name', 'Acme Schools', '--admin-email', 'dana@acme.example.org'],
      { dataDir: dir },
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(
      created.stdout,
      /^Organisation "acme" \(Acme Schools\) created; time zone America\/Denver\.$/m,
    );
    assert.match(created.stdout, /Administrator +dana@acme\.example\.org \(a new account, "dana"\)/);
    assert.match(created.stdout, /One-time password: +[a-z2-9]{5}(-[a-z2-9]{5}){3}$/m);

    const again = await probity(['org', 'create', '--slug', 'acme', '--name', 'Acme 2'], { dataDir: dir });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^error PRB_INPUT_INVALID: /);
    assert.match(again.stderr, /^ {2}- \/slug: an organisation "acme" already exists/m);
    noStackTrace(again.stderr);

    const malformed = await probity(['org', 'create', '--slug', 'Acme_Schools', '--name', 'X'], {
      dataDir: dir,
    });
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /--slug.*'Acme_Schools' is invalid\. use 2 to 40 lowercase letters/);
    const month = await probity(
      ['org', 'create', '--slug', 'x1', '--name', 'X', '--fiscal-year-start', '13'],
      {
        dataDir: dir,
      },
    );
    assert.equal(month.code, 2);
    assert.match(month.stderr, /--fiscal-year-start.*'13' is invalid\. expected a month number 1 to 12/);

    const existing = await probity(
      [
        'org',
        'create',
        '--slug',
        'acme-north',
        '--name',
        'Acme North',
        '--admin-email',
        'DANA@acme.example.org',
        '--time-zone',
        'America/New_York',
        '--fiscal-year-start',
        '10',
        '--json',
      ],
      { dataDir: dir },
    );
    assert.equal(existing.code, 0, existing.stderr);
    const result = JSON.parse(existing.stdout) as {
      org: { slug: string; timeZone: string; fiscalYearStartMonth: number };
      admin: Record<string, unknown>;
    };
    assert.deepEqual(
      [result.org.slug, result.org.timeZone, result.org.fiscalYearStartMonth],
      ['acme-north', 'America/New_York', 10],
    );
    assert.equal(result.admin.email, 'dana@acme.example.org');
    assert.equal(result.admin.created, false);
    assert.equal('oneTimePassword' in result.admin, false, 'an existing account keeps its password');
  });

  test('lea-finance from the command line: a requisition evaluated, the Decision Chart as text and PDF, vendors imported whole or not at all', async (t) => {
    const dataDir = tempDir(t);
    const req = join(dataDir, 'requisition.yaml');
    writeFileSync(
      req,
      'description: Stacking chairs\nvendor: Summit Office Supply\ncategory: goods-services\ncommodity: furniture\namountCents: 100001\nrequisitionDate: 2026-09-01\n',
    );
    const evaluated = await probity(
      ['evaluate', '--pack', 'lea-finance', '--case', 'requisition', '--facts', req, '--as-of', '2026-09-02'],
      { dataDir },
    );
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const findings = (JSON.parse(evaluated.stdout) as Evaluation).findings;
    const quotes = findings.find((f) => f.rule === 'lea-finance.procurement.quotes');
    assert.equal(quotes?.kind, 'requirement', 'a $1,000.01 purchase needs quotes (D.2.b)');
    assert.ok(quotes?.citations.some((c) => c.section === 'D.2.b'));

    assert.equal((await probity(['demo'], { dataDir })).code, 0);
    const chart = await probity(['report', '--org', 'demo', '--pack', 'lea-finance', 'decision-chart'], {
      dataDir,
    });
    assert.equal(chart.code, 0, chart.stderr);
    assert.match(chart.stdout, /Decision Chart for Purchasing Thresholds/);
    assert.match(chart.stdout, /\$1,000\.01 – \$5,000\.00 /);
    const pdf = join(dataDir, 'chart.pdf');
    const written = await probity(
      ['report', '--org', 'demo', '--pack', 'lea-finance', 'decision-chart', '--pdf', pdf],
      {
        dataDir,
      },
    );
    assert.equal(written.code, 0, written.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');

    const vendors = join(dataDir, 'vendors.csv');
    writeFileSync(
      vendors,
      'name,address,approvedVendorList\r\nAcme School Supply,1 Main St,yes\r\nBad Row,2 Main St,maybe\r\n',
    );
    const refused = await probity(['import', '--org', 'demo', '-p', 'lea-finance', '-k', 'vendor', vendors], {
      dataDir,
    });
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /nothing was imported.*\n\s+line 3, column approvedVendorList: "maybe" is not yes or no/s,
    );
    writeFileSync(vendors, 'name,address,approvedVendorList\r\nAcme School Supply,1 Main St,yes\r\n');
    const imported = await probity(
      ['import', '--org', 'demo', '-p', 'lea-finance', '-k', 'vendor', vendors, '--json'],
      { dataDir },
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(JSON.parse(imported.stdout).created, 1);
  });

  test('a second process is refused at once while the store is locked', async (t) => {
    const dir = tempDir(t);
    // The holder: this test process, alive on this host.
    writeFileSync(
      join(dir, 'probity.lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        command: 'probity serve',
        startedAt: new Date().toISOString(),
      }),
    );
    const started = Date.now();
    const r = await probity(['verify'], { dataDir: dir, timeoutMs: 15_000 });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error PRB_STORE_LOCKED: .*in use by "probity serve" \(process \d+/);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    assert.ok(Date.now() - started < 10_000, 'refused without waiting');
  });
});
