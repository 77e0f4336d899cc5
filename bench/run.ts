// Benchmarks: `npm run bench` runs all, `npm run bench -- evaluate` one. Targets are checked here, not
// in timed unit tests. Results print as a table; docs/benchmarks.md records them with the machine.
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { evaluate, parseDate } from '../src/kernel/index.ts';
import { PACKS } from '../src/packs/registry.ts';
import { appendEvent, verifyChain } from '../src/store/events.ts';
import { closeTestTemplate, openTestStore } from '../src/store/testing.ts';

interface Result {
  name: string;
  ops: number;
  seconds: number;
  note: string;
  /** More tables, printed after the summary. */
  details?: string;
}

async function benchEvaluate(): Promise<Result> {
  const pack = PACKS.find((p) => p.pack.manifest.id === 'sample')!.pack;
  const asOf = parseDate('2026-06-30');
  const n = 100_000;
  const t0 = performance.now();
  let findings = 0;
  for (let i = 0; i < n; i++) {
    const r = evaluate(
      pack,
      'disbursement',
      {
        fund: 'F',
        purpose: 'p',
        amountCents: 1_000 + (i % 20_000),
        paidOn: '2026-06-30',
        hasReceipt: i % 3 === 0,
        requestedBy: 'a',
        custodian: 'a',
        approvedBy: i % 2 ? 'b' : undefined,
        fundFiscalYearToDateCents: i % 250_000,
      },
      { asOf },
    );
    findings += r.findings.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: 'evaluate (sample pack, 6 rules, with traces)',
    ops: n,
    seconds,
    note: `${findings} findings`,
  };
}

async function benchEvents(): Promise<Result[]> {
  const store = await openTestStore();
  try {
    const n = 2_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await store.db.transaction((tx) =>
        appendEvent(tx, {
          orgId: 'bench',
          actor: 'user:bench',
          kind: 'record.updated',
          subject: `record:${i % 50}`,
          payload: { i, amountCents: i * 7 },
        }),
      );
    }
    const appendSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const v = await verifyChain(store.db, 'bench');
    const verifySeconds = (performance.now() - t1) / 1000;
    if (!v.ok || v.count !== n) throw new Error('chain did not verify');
    return [
      {
        name: `append event, one transaction each (${store.kind})`,
        ops: n,
        seconds: appendSeconds,
        note: '',
      },
      { name: `verify chain (${store.kind})`, ops: n, seconds: verifySeconds, note: 'events recomputed' },
    ];
  } finally {
    await store.close();
    await closeTestTemplate();
  }
}

const BENCHES: Record<string, () => Promise<Result | Result[]>> = {
  evaluate: benchEvaluate,
  events: benchEvents,
  // Loaded on demand: it needs the web build and Chromium.
  web: async () => (await import('./web.ts')).benchWeb(),
  // Sizes (`npm run bench -- screening 100k`) and flags (--keep, --reference, --seed=N) are its own.
  screening: async () => (await import('./screening/run.ts')).benchScreening(process.argv.slice(2)),
};

// A size such as 100k or 10m is an argument of the screening benchmark, not a benchmark's name.
const SIZE = /^\d+(\.\d+)?[km]?$/i;
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-') && !SIZE.test(a));
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
console.log('| benchmark | operations | seconds | per second | note |\n|---|---:|---:|---:|---|');
const details: string[] = [];
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const results = [await BENCHES[name]!()].flat();
  for (const r of results) {
    if (r.details) details.push(r.details);
    console.log(
      r.name.startsWith('web:')
        ? `| ${r.name} | ${r.ops} | ${r.seconds.toFixed(2)} | — | ${r.note} |`
        : `| ${r.name} | ${r.ops} | ${r.seconds.toFixed(2)} | ${Math.round(r.ops / r.seconds).toLocaleString('en-US')} | ${r.note} |`,
    );
  }
}
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
for (const d of details) console.log(d);
