// The screening benchmark: `npm run bench -- screening [100k] [1m] [10m] [--keep] [--reference] [--seed=N]`
// (default: all three sizes; SCREENING_SIZES=100k,1m also picks). For each size it generates the synthetic
// lea-finance ledgers (generate.ts; reused from the temporary directory when a kept set of that seed and
// size is there), runs `screenFiles` over the four CSV files in a process of its own — timed end to end,
// its resident set sampled every 50 ms and its high-water mark read at the end — and compares the hits with
// the answer key: every planted violation found, nothing else, every bad row reported by its line.
// A disagreement sets a non-zero exit code. At 100k rows (and at every size ≤ 1M with --reference) the
// brute-force reference check (reference-check.ts) first confirms the key itself.
import { spawn } from 'node:child_process';
import { access, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnswerKey, GENERATOR_VERSION, generate, type LedgerId } from './generate.ts';
import { referenceCheck } from './reference-check.ts';
import type { ChildResult } from './screen-child.ts';

export interface BenchResult {
  name: string;
  ops: number;
  seconds: number;
  note: string;
  /** Printed after the summary table. */
  details?: string;
}

const DEFAULT_SIZES = [100_000, 1_000_000, 10_000_000];
const SIZE = /^(\d+(?:\.\d+)?)([km]?)$/i;

/** '100k' → 100000, '10m' → 10000000, '250000' → 250000; undefined when not a size. */
export function parseSize(s: string): number | undefined {
  const m = SIZE.exec(s.trim());
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  return Math.round(Number(m[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1));
}

export function isSizeArgument(s: string): boolean {
  return parseSize(s) !== undefined;
}

const label = (n: number) =>
  n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const short = (id: string) => id.replace(/^lea-finance\.screen\./, '');

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function runChild(dir: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'screen-child.ts'), dir, out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`screening run exited with ${signal ?? `code ${code}`}`)),
    );
  });
}

interface Comparison {
  ok: boolean;
  lines: string[];
  found: number;
  expected: number;
  perScreen: Map<string, { found: number; expected: number; missing: number; extra: number }>;
  badFound: number;
  badExpected: number;
}

/** Hits and bad rows of a run against the answer key, with each disagreement spelled out. */
export function compare(key: AnswerKey, run: ChildResult): Comparison {
  const lines: string[] = [];
  const perScreen = new Map<string, { found: number; expected: number; missing: number; extra: number }>();
  let ok = true;
  let found = 0;
  let expected = 0;
  const nearNote = new Map<string, string>();
  for (const [screen, near] of Object.entries(key.nearMisses)) {
    for (const n of near) nearNote.set(`${screen} ${n.ids.join(' ')}`, n.note);
  }
  const screens = new Set([...Object.keys(key.hits), ...run.screens.map((s) => s.id)]);
  for (const screen of screens) {
    const want = new Map((key.hits[screen] ?? []).map((h) => [h.ids.join(' '), h.note]));
    const got = run.hits.filter((h) => h.screen === screen);
    const gotIds = new Set(got.map((h) => h.ids.join(' ')));
    const missing = [...want].filter(([ids]) => !gotIds.has(ids));
    const extra = got.filter((h) => !want.has(h.ids.join(' ')));
    const summary = run.screens.find((s) => s.id === screen);
    perScreen.set(screen, {
      found: want.size - missing.length,
      expected: want.size,
      missing: missing.length,
      extra: extra.length,
    });
    found += want.size - missing.length;
    expected += want.size;
    if (!summary) {
      ok = false;
      lines.push(`${screen}: the pack has no such screen, or the run did not report it`);
    } else if (summary.skipped) {
      ok = false;
      lines.push(`${screen}: skipped (${summary.skipped})`);
    } else if (summary.hits !== got.length) {
      ok = false;
      lines.push(`${screen}: counted ${summary.hits} hits but listed ${got.length}`);
    }
    if (!missing.length && !extra.length) continue;
    ok = false;
    lines.push(`${screen}: ${missing.length} planted hits missing, ${extra.length} extra`);
    for (const [ids, note] of missing.slice(0, 10)) lines.push(`  missing [${ids}] — ${note}`);
    for (const h of extra.slice(0, 10)) {
      const near = nearNote.get(`${screen} ${h.ids.join(' ')}`);
      lines.push(
        `  extra [${h.ids.join(' ')}]${h.period ? ` ${h.period}` : ''}, total ${h.totalCents} cents${
          h.omitted ? `, ${h.omitted} transactions not listed` : ''
        }${near ? ` — a planted near miss: ${near}` : ''}`,
      );
      for (const t of h.transactions.slice(0, 5)) {
        lines.push(`    line ${t.line ?? '?'}: ${JSON.stringify(t.fields)}`);
      }
    }
  }
  const badWanted = new Map(key.badRows.map((b) => [`${b.ledger}:${b.line}`, b.reason]));
  const badGot = new Map(run.badRows.map((b) => [`${b.ledger}:${b.line}`, b.reason]));
  const badMissing = [...badWanted].filter(([k]) => !badGot.has(k));
  const badExtra = [...badGot].filter(([k]) => !badWanted.has(k));
  if (badMissing.length || badExtra.length || run.badRowCount !== badWanted.size) {
    ok = false;
    lines.push(
      `bad rows: ${badWanted.size - badMissing.length}/${badWanted.size} reported, ${badExtra.length} rows reported that are not bad, ${run.badRowCount} counted`,
    );
    for (const [k, reason] of badMissing.slice(0, 10)) lines.push(`  not reported: ${k} (${reason})`);
    for (const [k, reason] of badExtra.slice(0, 10)) lines.push(`  reported but good: ${k} (${reason})`);
  }
  for (const input of run.inputs) {
    const want = key.rowCounts[input.ledger as LedgerId];
    if (want !== undefined && input.accepted !== want) {
      ok = false;
      lines.push(`${input.ledger}: ${input.accepted} rows accepted, the file holds ${want} good rows`);
    }
  }
  return {
    ok,
    lines,
    found,
    expected,
    perScreen,
    badFound: badWanted.size - badMissing.length,
    badExpected: badWanted.size,
  };
}

interface SizeRun {
  rows: number;
  key: AnswerKey;
  run: ChildResult;
  cmp: Comparison;
  generatedSeconds?: number;
  totalRows: number;
}

function sizesFromArgs(args: readonly string[]): number[] {
  const fromArgs = args.map(parseSize).filter((n): n is number => n !== undefined);
  if (fromArgs.length) return fromArgs;
  const env = process.env.SCREENING_SIZES;
  if (env) {
    const sizes = env.split(',').map((s) => {
      const n = parseSize(s);
      if (n === undefined) throw new Error(`SCREENING_SIZES: '${s}' is not a size (e.g. 100k, 1m, 10m)`);
      return n;
    });
    if (sizes.length) return sizes;
  }
  return DEFAULT_SIZES;
}

export async function benchScreening(
  args: readonly string[] = process.argv.slice(2),
): Promise<BenchResult[]> {
  const keep = args.includes('--keep');
  const reference = args.includes('--reference');
  const seedArg = args.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice('--seed='.length)) : 1;
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${seedArg}'`);
  const sizes = sizesFromArgs(args);

  const runs: SizeRun[] = [];
  const problems: string[] = [];
  for (const rows of sizes) {
    const dir = join(tmpdir(), `probity-screening-bench-v${GENERATOR_VERSION}-seed${seed}-${rows}`);
    let generatedSeconds: number | undefined;
    if (!(await exists(join(dir, 'answer-key.json')))) {
      await rm(dir, { recursive: true, force: true });
      process.stderr.write(`screening ${label(rows)}: generating ledgers in ${dir} …\n`);
      generatedSeconds = (await generate({ dir, rows, seed })).seconds;
    } else {
      process.stderr.write(`screening ${label(rows)}: reusing ledgers in ${dir}\n`);
    }
    try {
      const key = JSON.parse(await readFile(join(dir, 'answer-key.json'), 'utf8')) as AnswerKey;
      if (rows <= 100_000 || (reference && rows <= 1_000_000)) {
        process.stderr.write(`screening ${label(rows)}: reference check of the answer key …\n`);
        const ref = await referenceCheck(dir);
        if (!ref.ok) {
          problems.push(
            `${label(rows)}: the reference check disagrees with the answer key (a generator fault):`,
          );
          problems.push(...ref.report.filter((l) => !/ 0 missing, 0 extra$/.test(l)).map((l) => `  ${l}`));
        }
      }
      process.stderr.write(`screening ${label(rows)}: running every screen …\n`);
      const out = join(dir, 'run.json');
      await runChild(dir, out);
      const run = JSON.parse(await readFile(out, 'utf8')) as ChildResult;
      const cmp = compare(key, run);
      if (!cmp.ok) problems.push(`${label(rows)}:`, ...cmp.lines.map((l) => `  ${l}`));
      const totalRows = Object.values(key.lines).reduce((a, b) => a + b, 0);
      runs.push({
        rows,
        key,
        run,
        cmp,
        totalRows,
        ...(generatedSeconds === undefined ? {} : { generatedSeconds }),
      });
    } finally {
      if (!keep) await rm(dir, { recursive: true, force: true });
    }
  }
  if (problems.length) process.exitCode = 1;

  const details: string[] = [];
  details.push(
    '',
    `Screening (lea-finance, 16 screens, CSV files → screenFiles, DuckDB${
      runs[0]?.run.memoryLimit ? `, memory limit ${runs[0].run.memoryLimit}` : ''
    }):`,
    '',
    '| size (disbursements) | rows, all ledgers | seconds | rows/s | peak RSS (sampled / VmHWM) | planted hits found | extra hits | bad rows reported | generated in | load before/after |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of runs) {
    const extra = [...r.cmp.perScreen.values()].reduce((n, s) => n + s.extra, 0);
    details.push(
      `| ${label(r.rows)} | ${r.totalRows.toLocaleString('en-US')} | ${r.run.seconds.toFixed(2)} | ${Math.round(
        r.totalRows / r.run.seconds,
      ).toLocaleString(
        'en-US',
      )} | ${mib(r.run.peakRss)} / ${mib(r.run.vmHwm)} | ${r.cmp.found}/${r.cmp.expected} | ${extra} | ${r.cmp.badFound}/${r.cmp.badExpected} | ${
        r.generatedSeconds === undefined ? 'reused' : `${r.generatedSeconds.toFixed(1)} s`
      } | ${r.run.load.map((l) => l.toFixed(1)).join(' / ')} |`,
    );
  }
  details.push(
    '',
    `| screen | ${runs.map((r) => `${label(r.rows)} ms`).join(' | ')} | ${runs.map((r) => `${label(r.rows)} found/expected`).join(' | ')} |`,
    `|---|${runs.map(() => '---:').join('|')}|${runs.map(() => '---:').join('|')}|`,
  );
  for (const s of runs[0]?.run.screens ?? []) {
    const ms = runs.map((r) => String(r.run.screens.find((x) => x.id === s.id)?.milliseconds ?? '—'));
    const fe = runs.map((r) => {
      const c = r.cmp.perScreen.get(s.id);
      return c ? `${c.found}/${c.expected}${c.extra ? ` (+${c.extra})` : ''}` : '—';
    });
    details.push(`| ${short(s.id)} | ${ms.join(' | ')} | ${fe.join(' | ')} |`);
  }
  details.push('');
  details.push(
    problems.length
      ? `DISAGREEMENTS WITH THE ANSWER KEY:\n${problems.join('\n')}`
      : 'Every planted violation found, no other hit, every bad row reported by its line.',
  );

  return runs.map((r, i) => ({
    name: `screening ${label(r.rows)} disbursements + card, travel, gifts (CSV, 16 screens)`,
    ops: r.totalRows,
    seconds: r.run.seconds,
    note: `peak RSS ${mib(Math.max(r.run.peakRss, r.run.vmHwm))}; hits ${r.cmp.found}/${r.cmp.expected}, ${[
      ...r.cmp.perScreen.values(),
    ].reduce((n, s) => n + s.extra, 0)} extra; bad rows ${r.cmp.badFound}/${r.cmp.badExpected}`,
    ...(i === runs.length - 1 ? { details: details.join('\n') } : {}),
  }));
}
