// One timed screening run in a process of its own, so its peak memory is the run's and nothing else's
// (DuckDB's memory is native: the resident set counts, not the JavaScript heap). Samples the resident set
// every 50 ms, reads the kernel's high-water mark (VmHWM) at the end, and writes what the benchmark
// compares to a JSON file.
//
// `node bench/screening/screen-child.ts DIR OUT.json`
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { screenFiles } from '../../src/app/screening/run-files.ts';
import { PACKS } from '../../src/packs/registry.ts';
import type { AnswerKey } from './generate.ts';

export interface ChildResult {
  seconds: number;
  /** Largest resident set sampled (bytes), and the kernel's high-water mark (bytes; 0 off Linux). */
  peakRss: number;
  vmHwm: number;
  screens: { id: string; milliseconds: number; hits: number; rows: number; skipped?: string }[];
  hits: {
    screen: string;
    ids: string[];
    omitted: number;
    period?: string;
    totalCents: number;
    transactions: { id: string; line?: number; fields: Record<string, string | number | null> }[];
  }[];
  badRows: { ledger: string; line: number; reason: string; column?: string }[];
  badRowCount: number;
  inputs: { ledger: string; rows: number; accepted: number; rejected: number }[];
  totals: { rows: number; hits: number };
  engineMilliseconds: number;
  /** One-minute load average of the machine before and after the run (other work slows it down). */
  load: [number, number];
  memoryLimit?: string;
}

async function vmHwm(): Promise<number> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node bench/screening/screen-child.ts DIR OUT.json');
  process.exit(2);
}
const key = JSON.parse(await readFile(join(dir, 'answer-key.json'), 'utf8')) as AnswerKey;
const pack = PACKS.find((p) => p.pack.manifest.id === 'lea-finance')!;
const files = Object.fromEntries(Object.entries(key.files).map(([ledger, f]) => [ledger, join(dir, f)]));

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);
const t0 = performance.now();
const load0 = loadavg()[0]!;
// SCREENING_MEMORY_LIMIT (e.g. '2GB') tries DuckDB with another ceiling than the engine's default, for
// diagnosis; the benchmark's figures are taken without it.
const memoryLimit = process.env.SCREENING_MEMORY_LIMIT;
const report = await screenFiles({
  pack,
  files,
  maxBadRows: 100_000,
  ...(memoryLimit ? { memoryLimit } : {}),
});
const seconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());

const result: ChildResult = {
  seconds,
  peakRss,
  vmHwm: await vmHwm(),
  screens: report.screens.map((s) => ({
    id: s.id,
    milliseconds: s.milliseconds,
    hits: s.hits,
    rows: s.rows,
    ...(s.skipped ? { skipped: s.skipped } : {}),
  })),
  hits: report.hits.map((h) => ({
    screen: h.screen,
    ids: h.transactions.map((t) => t.id).sort(),
    omitted: h.omitted,
    ...(h.period ? { period: h.period } : {}),
    totalCents: h.totalCents,
    transactions: h.transactions.map((t) => ({
      id: t.id,
      ...(t.line === undefined ? {} : { line: t.line }),
      fields: t.fields,
    })),
  })),
  badRows: report.badRows.map((b) => ({
    ledger: b.ledger,
    line: b.line,
    reason: b.reason,
    ...(b.column ? { column: b.column } : {}),
  })),
  badRowCount: report.badRowCount,
  inputs: report.inputs.map((i) => ({
    ledger: i.ledger,
    rows: i.rows,
    accepted: i.accepted,
    rejected: i.rejected,
  })),
  totals: { rows: report.totals.rows, hits: report.totals.hits },
  engineMilliseconds: report.milliseconds,
  load: [load0, loadavg()[0]!],
  ...(memoryLimit ? { memoryLimit } : {}),
};
await writeFile(out, JSON.stringify(result));
