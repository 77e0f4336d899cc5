// A brute-force second opinion on the benchmark's answer key: reads the generated CSV files with its own
// parser, applies the sixteen lea-finance screens as the brief words them (plain JavaScript, no SQL,
// nothing shared with the generator or the engine), and compares what it finds with answer-key.json.
// Agreement means the background is clean and every planted case is what its note says, so a
// disagreement with the engine is the engine's. It holds every row in memory: meant for 100k–1M rows.
//
// `node bench/screening/reference-check.ts DIR`
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AnswerKey } from './generate.ts';

// The pack's parameters (cents, days) as the brief states them.
const P = {
  splitWindow: 30,
  splitThresholds: [100_000, 500_000, 1_000_000, 5_000_000],
  annual: 5_000_000,
  duplicateWindow: 7,
  preapproval: 100_000,
  transactionLimit: 500_000,
  dailyLimit: 500_000,
  monthlyLimit: 2_000_000,
  cardSplitWindow: 3,
  cardSplitThresholds: [100_000, 500_000],
  travelDays: 30,
  mileageDays: 45,
  giftEach: 1_000,
  giftAnnual: 5_000,
};

type Kind = 'text' | 'date' | 'money';
interface Column {
  kind: Kind;
  required?: boolean;
}
const LEDGERS: Record<string, Record<string, Column>> = {
  disbursements: {
    txn_id: { kind: 'text', required: true },
    paid_on: { kind: 'date', required: true },
    vendor: { kind: 'text', required: true },
    commodity: { kind: 'text' },
    description: { kind: 'text' },
    amount: { kind: 'money', required: true },
    invoice: { kind: 'text' },
    po_number: { kind: 'text' },
    po_approved_on: { kind: 'date' },
    payee: { kind: 'text' },
    method: { kind: 'text' },
    contract: { kind: 'text' },
    entity: { kind: 'text' },
  },
  pcard: {
    txn_id: { kind: 'text', required: true },
    posted_on: { kind: 'date', required: true },
    card: { kind: 'text', required: true },
    merchant: { kind: 'text', required: true },
    mcc: { kind: 'text' },
    type: { kind: 'text' },
    amount: { kind: 'money', required: true },
    preapproval: { kind: 'text' },
    entity: { kind: 'text' },
  },
  travel: {
    claim_id: { kind: 'text', required: true },
    employee: { kind: 'text', required: true },
    claim_type: { kind: 'text', required: true },
    returned_on: { kind: 'date', required: true },
    submitted_on: { kind: 'date', required: true },
    amount: { kind: 'money' },
    entity: { kind: 'text' },
  },
  gifts: {
    gift_id: { kind: 'text', required: true },
    received_on: { kind: 'date', required: true },
    giver: { kind: 'text', required: true },
    recipient: { kind: 'text', required: true },
    description: { kind: 'text' },
    value: { kind: 'money' },
    entity: { kind: 'text' },
  },
};

/** RFC 4180 fields of one line (no line breaks inside fields in these files). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote: ${line}`);
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) return out;
    i++; // the comma
    if (i === line.length) {
      out.push('');
      return out;
    }
  }
}

/** Days since 1970-01-01 of a valid ISO date, else undefined. */
function dayNumber(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return t / 86_400_000;
}

function cents(s: string): number | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]!.replaceAll(',', '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const norm = (s: string) => s.trim().toUpperCase();
const code = (s: string) =>
  norm(s)
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^0+/, '');

interface Parsed {
  rows: {
    raw: Record<string, string>;
    day: Record<string, number | undefined>;
    money: Record<string, number>;
  }[];
  bad: { line: number; reason: string }[];
}

async function parse(path: string, ledger: string): Promise<Parsed> {
  const spec = LEDGERS[ledger]!;
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let header: string[] | undefined;
  let line = 0;
  const out: Parsed = { rows: [], bad: [] };
  for await (let text of rl) {
    line++;
    if (!header) {
      if (text.startsWith('\uFEFF')) text = text.slice(1);
      header = fields(text);
      for (const c of Object.keys(spec)) if (!header.includes(c)) throw new Error(`${path}: no column ${c}`);
      continue;
    }
    const f = fields(text);
    if (f.length !== header.length) {
      out.bad.push({ line, reason: `${f.length} fields, header has ${header.length}` });
      continue;
    }
    const raw: Record<string, string> = {};
    header.forEach((h, i) => {
      raw[h] = f[i]!;
    });
    const day: Record<string, number | undefined> = {};
    const money: Record<string, number> = {};
    let reason: string | undefined;
    for (const [c, col] of Object.entries(spec)) {
      const v = raw[c]!.trim();
      if (v === '') {
        if (col.required) reason ??= `${c} empty`;
        continue;
      }
      if (col.kind === 'date') {
        day[c] = dayNumber(v);
        if (day[c] === undefined) reason ??= `${c} '${v}' not a date`;
      } else if (col.kind === 'money') {
        const m = cents(v);
        if (m === undefined) reason ??= `${c} '${v}' not money`;
        else money[c] = m;
      }
    }
    if (reason) out.bad.push({ line, reason });
    else out.rows.push({ raw, day, money });
  }
  return out;
}

type Found = Map<string, string[][]>;

function groupBy<T>(xs: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Rows of a group, ordered by date then id, cut into chains where a gap exceeds `window` days. */
function chains<T extends { date: number; id: string }>(rows: T[], window: number): T[][] {
  rows.sort((a, b) => a.date - b.date || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: T[][] = [];
  let cur: T[] = [];
  for (const r of rows) {
    if (cur.length && r.date - cur[cur.length - 1]!.date > window) {
      out.push(cur);
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length) out.push(cur);
  return out;
}

function clusterHit(rows: { amount: number }[], thresholds: number[]): boolean {
  let total = 0;
  let max = 0;
  for (const r of rows) {
    total += r.amount;
    max = Math.max(max, r.amount);
  }
  return thresholds.some((t) => max <= t && total > t);
}

function fiscalYear(d: number): number {
  const dt = new Date(d * 86_400_000);
  return dt.getUTCMonth() >= 6 ? dt.getUTCFullYear() + 1 : dt.getUTCFullYear();
}
const isoOf = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

export interface ReferenceResult {
  ok: boolean;
  report: string[];
  found: Record<string, string[][]>;
}

/** Screens the files in `dir` by brute force and compares with its answer-key.json. */
export async function referenceCheck(dir: string): Promise<ReferenceResult> {
  const key = JSON.parse(await readFile(join(dir, 'answer-key.json'), 'utf8')) as AnswerKey;
  const [dis, card, travel, gifts] = await Promise.all(
    (['disbursements', 'pcard', 'travel', 'gifts'] as const).map((l) => parse(join(dir, key.files[l]), l)),
  );
  const found: Found = new Map();
  const add = (screen: string, ids: string[]) => {
    const id = `lea-finance.screen.${screen}`;
    if (!found.has(id)) found.set(id, []);
    found.get(id)!.push([...ids].sort());
  };

  const d = dis!.rows.map((r) => ({
    id: r.raw.txn_id!.trim(),
    date: r.day.paid_on!,
    entity: norm(r.raw.entity!),
    vendor: norm(r.raw.vendor!),
    commodity: norm(r.raw.commodity!),
    amount: r.money.amount!,
    invoice: r.raw.invoice!.trim(),
    contract: r.raw.contract!.trim(),
    payee: norm(r.raw.payee!),
    po: r.day.po_approved_on,
  }));
  const free = d.filter((r) => r.contract === '');
  for (const g of groupBy(free, (r) => `${r.entity}|${r.vendor}|${r.commodity}`).values()) {
    for (const c of chains(g, P.splitWindow))
      if (clusterHit(c, P.splitThresholds))
        add(
          'split-purchase',
          c.map((r) => r.id),
        );
  }
  for (const g of groupBy(free, (r) => `${r.entity}|${r.vendor}|${fiscalYear(r.date)}`).values()) {
    if (g.reduce((s, r) => s + r.amount, 0) > P.annual)
      add(
        'vendor-annual-spend',
        g.map((r) => r.id),
      );
  }
  const invoiced = d.filter((r) => r.invoice !== '');
  for (const g of groupBy(
    invoiced,
    (r) => `${r.entity}|${r.vendor}|${code(r.invoice)}|${r.amount}`,
  ).values()) {
    if (g.length >= 2)
      add(
        'duplicate-invoice',
        g.map((r) => r.id),
      );
  }
  for (const g of groupBy(d, (r) => `${r.entity}|${r.vendor}|${r.amount}`).values()) {
    if (g.length < 2) continue;
    for (const c of chains(g, P.duplicateWindow)) {
      if (c.length < 2) continue;
      const invoices = new Set<string>();
      let empty = 0;
      for (const r of c) {
        if (r.invoice === '') empty++;
        else invoices.add(code(r.invoice));
      }
      if (invoices.size + empty >= 2)
        add(
          'duplicate-payment',
          c.map((r) => r.id),
        );
    }
  }
  for (const r of d) {
    if (['CASH', 'BEARER'].includes(r.payee) || ['CASH', 'BEARER'].includes(r.vendor))
      add('check-to-cash', [r.id]);
    if (r.po !== undefined && r.date < r.po) add('paid-before-po', [r.id]);
  }

  const c = card!.rows.map((r) => ({
    id: r.raw.txn_id!.trim(),
    date: r.day.posted_on!,
    entity: norm(r.raw.entity!),
    card: norm(r.raw.card!),
    merchant: norm(r.raw.merchant!),
    mcc: r.raw.mcc!.trim(),
    type: norm(r.raw.type!),
    amount: r.money.amount!,
    pre: r.raw.preapproval!.trim(),
  }));
  for (const r of c) {
    if (!['ATM', 'CASH ADVANCE'].includes(r.type) && r.amount > P.preapproval && r.pre === '') {
      add('card-preapproval', [r.id]);
    }
    if (r.amount > P.transactionLimit) add('card-transaction-limit', [r.id]);
    if (['ATM', 'CASH ADVANCE', 'CASH'].includes(r.type) || ['6010', '6011'].includes(r.mcc))
      add('card-cash', [r.id]);
  }
  for (const g of groupBy(c, (r) => `${r.entity}|${r.card}|${r.date}`).values()) {
    if (g.reduce((s, r) => s + r.amount, 0) > P.dailyLimit)
      add(
        'card-daily-limit',
        g.map((r) => r.id),
      );
  }
  for (const g of groupBy(c, (r) => `${r.entity}|${r.card}|${isoOf(r.date).slice(0, 7)}`).values()) {
    if (g.reduce((s, r) => s + r.amount, 0) > P.monthlyLimit)
      add(
        'card-monthly-limit',
        g.map((r) => r.id),
      );
  }
  for (const g of groupBy(c, (r) => `${r.entity}|${r.card}|${r.merchant}`).values()) {
    for (const ch of chains(g, P.cardSplitWindow)) {
      if (clusterHit(ch, P.cardSplitThresholds))
        add(
          'card-split',
          ch.map((r) => r.id),
        );
    }
  }

  for (const r of travel!.rows) {
    const late = r.day.submitted_on! - r.day.returned_on!;
    const type = norm(r.raw.claim_type!);
    if (type === 'TRAVEL' && late > P.travelDays) add('travel-claim-late', [r.raw.claim_id!.trim()]);
    if (type === 'MILEAGE' && late > P.mileageDays) add('mileage-claim-late', [r.raw.claim_id!.trim()]);
  }
  const g = gifts!.rows.map((r) => ({
    id: r.raw.gift_id!.trim(),
    date: r.day.received_on!,
    key: `${norm(r.raw.entity!)}|${norm(r.raw.giver!)}|${norm(r.raw.recipient!)}`,
    value: r.money.value ?? 0,
  }));
  for (const r of g) if (r.value >= P.giftEach) add('gift-value', [r.id]);
  for (const grp of groupBy(g, (r) => `${r.key}|${isoOf(r.date).slice(0, 4)}`).values()) {
    if (grp.reduce((s, r) => s + r.value, 0) >= P.giftAnnual)
      add(
        'gift-annual',
        grp.map((r) => r.id),
      );
  }

  // Compare.
  const report: string[] = [];
  let ok = true;
  for (const [screen, expected] of Object.entries(key.hits)) {
    const got = new Set((found.get(screen) ?? []).map((ids) => ids.join(' ')));
    const want = new Map(expected.map((h) => [h.ids.join(' '), h.note]));
    const missing = [...want].filter(([ids]) => !got.has(ids));
    const extra = [...got].filter((ids) => !want.has(ids));
    if (missing.length || extra.length) ok = false;
    report.push(
      `${screen}: ${got.size - extra.length}/${want.size} found, ${missing.length} missing, ${extra.length} extra`,
    );
    for (const [ids, note] of missing.slice(0, 5)) report.push(`  missing ${ids} (${note})`);
    for (const ids of extra.slice(0, 5)) report.push(`  extra ${ids}`);
  }
  for (const screen of found.keys()) {
    if (!(screen in key.hits)) {
      ok = false;
      report.push(`${screen}: not in the key`);
    }
  }
  const badFound = new Set(
    [
      ['disbursements', dis!],
      ['pcard', card!],
      ['travel', travel!],
      ['gifts', gifts!],
    ].flatMap(([l, p]) => (p as Parsed).bad.map((b) => `${l}:${b.line}`)),
  );
  const badWanted = new Set(key.badRows.map((b) => `${b.ledger}:${b.line}`));
  const badMissing = [...badWanted].filter((b) => !badFound.has(b));
  const badExtra = [...badFound].filter((b) => !badWanted.has(b));
  if (badMissing.length || badExtra.length) ok = false;
  report.push(
    `bad rows: ${badWanted.size - badMissing.length}/${badWanted.size} found${badMissing.length ? `, missing ${badMissing.join(' ')}` : ''}${badExtra.length ? `, extra ${badExtra.join(' ')}` : ''}`,
  );
  const rows = [dis!, card!, travel!, gifts!].map((p) => p.rows.length);
  const wantRows = Object.values(key.rowCounts);
  if (rows.join() !== wantRows.join()) {
    ok = false;
    report.push(`rows read ${rows.join('/')}, key says ${wantRows.join('/')}`);
  }
  return { ok, report, found: Object.fromEntries(found) };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/screening/reference-check.ts DIR');
    process.exit(2);
  }
  const t0 = performance.now();
  const r = await referenceCheck(dir);
  console.log(r.report.join('\n'));
  console.log(
    `${r.ok ? 'agrees with' : 'DISAGREES with'} the answer key (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  process.exit(r.ok ? 0 : 1);
}
