// Synthetic lea-finance ledgers for the screening benchmark: disbursements (N rows), purchase-card
// transactions (N/10), travel claims (N/100) and hospitality gifts (N/200) over three fiscal years
// (2023-07-01 .. 2026-06-30), forty LEAs, vendors and merchants with skewed (Zipf) frequencies.
//
// The background rows are clean by construction under the screens' semantics (the answer key must be all
// the screens find): vendors that sell often hold a contract; a vendor without one never sells the same
// commodity to an LEA twice within 31 days and stays at or under $50,000.00 a fiscal year; a vendor never
// receives the same amount from an LEA twice within 8 days and every invoice number is unique; a card stays
// within its daily ($5,000) and monthly ($20,000) limits, never returns to a merchant within 4 days, and
// carries a pre-approval above $1,000; claims are filed within their 30/45 days and gifts stay under $10
// each and $50 a year per giver and recipient. The near misses — exactly at a threshold, 31 days apart,
// across June 30/July 1 or Dec 31/Jan 1, around 2024-02-29 — are planted on their own vendors, cards and
// employees and listed in the key as near misses, so the background needs no care for them.
//
// Violations are planted the same way, each on its own vendor, card, employee or giver, and the answer
// key lists every hit they make (a transaction-limit purchase is a daily-limit hit too). A few malformed
// rows are written with their line numbers: they must be reported, never screened.
//
// Deterministic: one seed gives the same files byte for byte. Rows are made in date order (the windowed
// rules need it) and written in ~1 MB chunks, so memory stays flat: the state is per vendor, card and
// window, never per row.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { day, FIRST_DAY, FISCAL_YEAR, ISO, LAST_DAY, MONTH, MONTH_KEY, WEEKDAY, YEAR } from './calendar.ts';
import {
  COMMODITIES,
  csvField,
  DESCRIPTIONS,
  ENTITIES,
  employeeName,
  GIFT_DESCRIPTIONS,
  merchantMcc,
  merchantName,
  vendorName,
} from './vocabulary.ts';

/** Bump when the files a seed and size give change, so a cached set is not reused. */
export const GENERATOR_VERSION = 1;

export type LedgerId = 'disbursements' | 'pcard' | 'travel' | 'gifts';
export const LEDGERS: readonly LedgerId[] = ['disbursements', 'pcard', 'travel', 'gifts'];

export const HEADERS: Record<LedgerId, string> = {
  disbursements:
    'txn_id,paid_on,vendor,commodity,description,amount,invoice,po_number,po_approved_on,payee,method,contract,entity',
  pcard: 'txn_id,posted_on,card,merchant,mcc,type,amount,preapproval,entity',
  travel: 'claim_id,employee,claim_type,returned_on,submitted_on,amount,entity',
  gifts: 'gift_id,received_on,giver,recipient,description,value,entity',
};

/** The sixteen lea-finance screens, by the name after 'lea-finance.screen.'. */
export const SCREEN_NAMES = [
  'split-purchase',
  'vendor-annual-spend',
  'duplicate-invoice',
  'duplicate-payment',
  'card-preapproval',
  'card-transaction-limit',
  'card-daily-limit',
  'card-monthly-limit',
  'card-cash',
  'card-split',
  'check-to-cash',
  'paid-before-po',
  'travel-claim-late',
  'mileage-claim-late',
  'gift-value',
  'gift-annual',
] as const;
export type ScreenName = (typeof SCREEN_NAMES)[number];
export const screenId = (name: ScreenName): string => `lea-finance.screen.${name}`;

export interface ExpectedHit {
  /** The ids (txn_id, claim_id, gift_id) of the hit's transactions, sorted. */
  ids: string[];
  /** What was planted, e.g. 'two purchases exactly 30 days apart'. */
  note: string;
}

export interface AnswerKey {
  generator: number;
  seed: number;
  /** N: disbursement rows (good ones; the bad rows come on top). */
  rows: number;
  files: Record<LedgerId, string>;
  /** Rows every screen may read, per ledger. */
  rowCounts: Record<LedgerId, number>;
  /** Data lines per ledger: good rows and bad rows. */
  lines: Record<LedgerId, number>;
  /** Every hit the screens must find, by screen id; every screen present. */
  hits: Record<string, ExpectedHit[]>;
  /** Planted cases that must NOT be hits of that screen (exactly at a threshold, a day outside a window). */
  nearMisses: Record<string, ExpectedHit[]>;
  /** Malformed rows: reported with their line (the header is line 1), never screened. */
  badRows: { ledger: LedgerId; line: number; reason: string }[];
}

export interface GenerateOptions {
  dir: string;
  /** Disbursement rows; the other ledgers are sized from it. */
  rows: number;
  seed?: number;
  /** Write gifts.csv with a UTF-8 byte-order mark, as spreadsheet exports do (default true). */
  bom?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast, seedable generator; [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf draws (weight 1/rank^s) in constant time by Walker's alias method: one random number, two
 * array reads, so a draw among 40,000 vendors costs what one among 40 does. */
class Zipf {
  /** Each rank's share, summing to 1. */
  readonly share: Float64Array;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(n: number, s: number) {
    this.share = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += 1 / (i + 1) ** s;
    for (let i = 0; i < n; i++) this.share[i] = 1 / (i + 1) ** s / sum;
    this.prob = new Float64Array(n).fill(1);
    this.alias = new Int32Array(n);
    const scaled = Float64Array.from(this.share, (w) => w * n);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((w, i) => {
      (w < 1 ? small : large).push(i);
    });
    while (small.length && large.length) {
      const l = small.pop()!;
      const g = large.pop()!;
      this.prob[l] = scaled[l]!;
      this.alias[l] = g;
      scaled[g] = scaled[g]! + scaled[l]! - 1;
      (scaled[g]! < 1 ? small : large).push(g);
    }
  }

  draw(u: number): number {
    const x = u * this.prob.length;
    const i = Math.floor(x);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/** The (LEA and vendor, amount) pairs paid on each of the last eight days, one open-addressing set in
 * typed arrays per day, reused in a ring: a vendor paid the same amount within 7 days would read as a
 * duplicate payment. */
class RecentPayments {
  static readonly DAYS = 7;
  private readonly keys: Int32Array[] = [];
  private readonly amounts: Int32Array[] = [];
  private readonly dayOf = new Int32Array(RecentPayments.DAYS + 1).fill(-1);
  private readonly mask: number;

  constructor(perDay: number) {
    let cap = 1024;
    while (cap < perDay * 2) cap *= 2;
    this.mask = cap - 1;
    for (let i = 0; i <= RecentPayments.DAYS; i++) {
      this.keys.push(new Int32Array(cap));
      this.amounts.push(new Int32Array(cap));
    }
  }

  private slot(key: number, amount: number): number {
    let h = Math.imul(key, 0x9e3779b1) ^ Math.imul(amount, 0x85ebca77);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** Paid within the 7 days before `d`, or on `d`. */
  has(key: number, amount: number, d: number): boolean {
    for (let dd = d - RecentPayments.DAYS; dd <= d; dd++) {
      const ring = dd % (RecentPayments.DAYS + 1);
      if (this.dayOf[ring] !== dd) continue;
      const keys = this.keys[ring]!;
      const amounts = this.amounts[ring]!;
      for (let i = this.slot(key, amount); amounts[i] !== 0; i = (i + 1) & this.mask) {
        if (amounts[i] === amount && keys[i] === key) return true;
      }
    }
    return false;
  }

  add(key: number, amount: number, d: number): void {
    const ring = d % (RecentPayments.DAYS + 1);
    if (this.dayOf[ring] !== d) {
      this.keys[ring]!.fill(0);
      this.amounts[ring]!.fill(0);
      this.dayOf[ring] = d;
    }
    const amounts = this.amounts[ring]!;
    let i = this.slot(key, amount);
    while (amounts[i] !== 0) i = (i + 1) & this.mask;
    amounts[i] = amount;
    this.keys[ring]![i] = key;
  }
}

/** Log-uniform integer in [lo, hi). */
function logUniform(r: () => number, lo: number, hi: number): number {
  return Math.floor(lo * (hi / lo) ** r());
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

export function money(cents: number): string {
  const d = Math.floor(cents / 100);
  const c = cents % 100;
  return c < 10 ? `${d}.0${c}` : `${d}.${c}`;
}

/** "1,234.56", quoted: how a spreadsheet export often writes a larger amount. */
function moneyWithSeparators(cents: number): string {
  return `"${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}"`;
}

/** Rows per day: weekdays busy, weekends quiet, June (year end) and August (school start) heavier. */
function rowsPerDay(total: number): Int32Array {
  const weights = new Float64Array(LAST_DAY - FIRST_DAY + 1);
  const monthFactor = [0, 1, 1, 1, 1, 1, 1.3, 0.9, 1.25, 1.1, 1, 1, 0.8];
  let sum = 0;
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const wd = WEEKDAY[d]!;
    const w = (wd === 0 ? 0.04 : wd === 6 ? 0.08 : 1) * monthFactor[MONTH[d]!]!;
    weights[d - FIRST_DAY] = w;
    sum += w;
  }
  const out = new Int32Array(weights.length);
  let acc = 0;
  let placed = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i]!;
    const upTo = Math.round((total * acc) / sum);
    out[i] = upTo - placed;
    placed = upTo;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const CHUNK = 1 << 20;

interface BadRow {
  text: string;
  reason: string;
}

/** One ledger's CSV file: buffered writes, its ids, and the bad rows slotted in among the good ones. */
class LedgerFile {
  private readonly stream: WriteStream;
  private buf: string;
  private nextBad = 0;
  /** Lines written, the header included. */
  line = 1;
  good = 0;
  private counter = 0;
  readonly badRows: { ledger: LedgerId; line: number; reason: string }[] = [];
  readonly ledger: LedgerId;
  private readonly prefix: string;
  private readonly width: number;
  /** After which good row each bad row goes. */
  private readonly badAfter: readonly number[];
  private readonly makeBad: (j: number, id: string) => BadRow;

  constructor(
    ledger: LedgerId,
    path: string,
    prefix: string,
    width: number,
    badAfter: readonly number[],
    makeBad: (j: number, id: string) => BadRow,
    bom: boolean,
  ) {
    this.ledger = ledger;
    this.prefix = prefix;
    this.width = width;
    this.badAfter = badAfter;
    this.makeBad = makeBad;
    this.stream = createWriteStream(path);
    this.buf = `${bom ? '\uFEFF' : ''}${HEADERS[ledger]}\n`;
  }

  nextId(): string {
    this.counter++;
    return this.prefix + String(this.counter).padStart(this.width, '0');
  }

  row(text: string): void {
    this.buf += text;
    this.buf += '\n';
    this.line++;
    this.good++;
    while (this.nextBad < this.badAfter.length && this.badAfter[this.nextBad] === this.good) {
      const bad = this.makeBad(this.nextBad, this.nextId());
      this.buf += bad.text;
      this.buf += '\n';
      this.line++;
      this.badRows.push({ ledger: this.ledger, line: this.line, reason: bad.reason });
      this.nextBad++;
    }
  }

  async maybeFlush(): Promise<void> {
    if (this.buf.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    const b = this.buf;
    this.buf = '';
    if (!this.stream.write(b)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function spread(count: number, rows: number): number[] {
  return Array.from({ length: count }, (_, j) => Math.max(1, Math.floor(((j + 0.5) * rows) / count)));
}

// ---------------------------------------------------------------------------------------------------------
// Planted cases

interface PlantRow {
  ledger: LedgerId;
  day: number;
  render: (id: string) => string;
  id: string;
  /** Where among the day's background rows it goes, 0..1. */
  at: number;
}

interface Expectation {
  screen: ScreenName;
  rows: PlantRow[];
  note: string;
}

interface DisbursementFields {
  entity: string;
  vendor: string;
  commodity: string;
  amount: number;
  invoice?: string;
  contract?: string;
  /** Default: the vendor, as on a check. */
  payee?: string;
  method?: string;
  po?: string;
  poDay?: number;
  description?: string;
}

interface CardFields {
  entity: string;
  card: string;
  merchant: number;
  amount: number;
  preapproval?: string;
  type?: string;
  mcc?: string;
}

/** Builds the planted violations and near misses; the numbering spaces (vendors, cards, employees,
 * invoices) start past the background's, so no background row shares a planted case's keys. */
class Planter {
  readonly rows: Record<LedgerId, PlantRow[]> = { disbursements: [], pcard: [], travel: [], gifts: [] };
  readonly hits: Expectation[] = [];
  readonly near: Expectation[] = [];
  private vendorNo: number;
  private cardNo: number;
  private employeeNo: number;
  private invoiceNo = 50_000_001;
  private poNo = 50_000_001;
  private preNo = 50_000_001;
  private cashSlot = 0;
  private bearerSlot = 0;

  readonly r: () => number;
  private readonly employees: number;

  constructor(r: () => number, vendors: number, cards: number, employees: number) {
    this.r = r;
    this.employees = employees;
    this.vendorNo = vendors + 1000;
    this.cardNo = cards + 1000;
    this.employeeNo = employees + 1000;
  }

  vendor(): string {
    return vendorName(this.vendorNo++);
  }
  card(): string {
    return `PC${100_000 + this.cardNo++}`;
  }
  employee(): string {
    return employeeName(this.employeeNo++);
  }
  /** A background employee: gift recipients. */
  someEmployee(): string {
    return employeeName(Math.floor(this.r() * this.employees));
  }
  invoice(): string {
    return `INV-${this.invoiceNo++}`;
  }
  invoiceNumber(): number {
    return this.invoiceNo++;
  }
  po(): string {
    return `PO-${this.poNo++}`;
  }
  pre(): string {
    return `EA-${this.preNo++}`;
  }
  entity(): string {
    return ENTITIES[Math.floor(this.r() * ENTITIES.length)]!;
  }
  commodity(): string {
    return COMMODITIES[Math.floor(this.r() * COMMODITIES.length)]!;
  }
  /** Distinct commodities. */
  commodities(n: number): string[] {
    const start = Math.floor(this.r() * COMMODITIES.length);
    return Array.from({ length: n }, (_, i) => COMMODITIES[(start + i * 7) % COMMODITIES.length]!);
  }
  merchants(n: number): number[] {
    const start = Math.floor(this.r() * 2000);
    return Array.from({ length: n }, (_, i) => start + i);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  oneOf<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  /** A ledger day leaving `span` days after it inside the ledgers. */
  day(span = 0): number {
    return FIRST_DAY + Math.floor(this.r() * (LAST_DAY - FIRST_DAY - span + 1));
  }
  /** The first day of fiscal year FY<fy>. */
  fyStart(fy: number): number {
    return day(`${fy - 1}-07-01`);
  }

  /** The j-th vendor 'CASH' (or 'BEARER') row: one entity and 35 days apart from the one before, so the
   * rows written to a vendor of that name never chain or total up under the other screens. */
  cashSlotDay(kind: 'cash' | 'bearer'): { entity: string; day: number } {
    const j = kind === 'cash' ? this.cashSlot++ : this.bearerSlot++;
    const d = FIRST_DAY + 3 + 35 * Math.floor(j / ENTITIES.length);
    if (d > LAST_DAY) throw new Error('too many vendor CASH/BEARER plants for the slots');
    return { entity: ENTITIES[j % ENTITIES.length]!, day: d };
  }

  private add(ledger: LedgerId, d: number, render: (id: string) => string): PlantRow {
    if (d < FIRST_DAY || d > LAST_DAY) throw new Error(`planted row outside the ledgers: ${ISO[d]}`);
    const row: PlantRow = { ledger, day: d, render, id: '', at: this.r() };
    this.rows[ledger].push(row);
    return row;
  }

  d(d: number, f: DisbursementFields): PlantRow {
    const method = f.method ?? 'check';
    const payee = f.payee ?? (method === 'check' ? f.vendor : '');
    const line = [
      ISO[d],
      csvField(f.vendor),
      f.commodity,
      f.description ?? 'Classroom supplies',
      money(f.amount),
      csvField(f.invoice ?? ''),
      f.po ?? '',
      f.poDay === undefined ? '' : ISO[f.poDay],
      csvField(payee),
      method,
      f.contract ?? '',
      f.entity,
    ].join(',');
    return this.add('disbursements', d, (id) => `${id},${line}`);
  }

  p(d: number, f: CardFields): PlantRow {
    const line = [
      ISO[d],
      f.card,
      merchantName(f.merchant),
      f.mcc ?? merchantMcc(f.merchant),
      f.type ?? 'purchase',
      money(f.amount),
      f.preapproval ?? '',
      f.entity,
    ].join(',');
    return this.add('pcard', d, (id) => `${id},${line}`);
  }

  t(
    submitted: number,
    f: { entity: string; employee: string; type: string; returned: number; amount: number },
  ) {
    const line = [
      csvField(f.employee),
      f.type,
      ISO[f.returned],
      ISO[submitted],
      money(f.amount),
      f.entity,
    ].join(',');
    return this.add('travel', submitted, (id) => `${id},${line}`);
  }

  g(d: number, f: { entity: string; giver: string; recipient: string; value: number }): PlantRow {
    const line = [
      ISO[d],
      csvField(f.giver),
      csvField(f.recipient),
      'Gift basket',
      money(f.value),
      f.entity,
    ].join(',');
    return this.add('gifts', d, (id) => `${id},${line}`);
  }

  hit(screen: ScreenName, rows: PlantRow[], note: string): void {
    this.hits.push({ screen, rows, note });
  }
  miss(screen: ScreenName, rows: PlantRow[], note: string): void {
    this.near.push({ screen, rows, note });
  }
}

type PlantFn = (p: Planter) => void;

/** Each screen's planted violations (cycled through) and near misses. Amounts in cents. */
const PLANTS: Record<ScreenName, { hits: PlantFn[]; near: PlantFn[] }> = {
  'split-purchase': {
    hits: [
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(35_000, 45_000), p.day(30)];
        const rows = [0, 10, 25].map((o, i) =>
          p.d(d + o, { entity: e, vendor: v, commodity: c, amount: a + 111 * i, invoice: p.invoice() }),
        );
        p.hit('split-purchase', rows, 'three purchases under $1,000 within 25 days, together above $1,000');
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(30)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 60_000, invoice: p.invoice() }),
          p.d(d + 30, { entity: e, vendor: v, commodity: c, amount: 70_000, invoice: p.invoice() }),
        ];
        p.hit('split-purchase', rows, 'two purchases exactly 30 days apart');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, v, c] = [p.entity(), p.vendor(), p.commodity()];
        const rows = [
          p.d(day(`${y}-06-30`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 70_000,
            invoice: p.invoice(),
          }),
          p.d(day(`${y}-07-01`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 65_000,
            invoice: p.invoice(),
          }),
        ];
        p.hit('split-purchase', rows, 'June 30 and July 1: a chain runs across the fiscal year end');
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(12)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 200_000, invoice: p.invoice() }),
          p.d(d + 5, { entity: e, vendor: v, commodity: c, amount: 250_000, invoice: p.invoice() }),
          p.d(d + 12, { entity: e, vendor: v, commodity: c, amount: 100_001, invoice: p.invoice() }),
        ];
        p.hit('split-purchase', rows, '$2,000 + $2,500 + $1,000.01: together above the $5,000 aggregate');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, v, c] = [p.entity(), p.vendor(), p.commodity()];
        const rows = [
          p.d(day(`${y}-06-20`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 3_000_000,
            invoice: p.invoice(),
          }),
          p.d(day(`${y}-07-10`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 2_500_000,
            invoice: p.invoice(),
          }),
        ];
        p.hit(
          'split-purchase',
          rows,
          '$30,000 on June 20 + $25,000 on July 10: above $50,000 together, under it in each fiscal year',
        );
      },
      (p) => {
        const [e, v, c] = [p.entity(), p.vendor(), p.commodity()];
        const rows = [
          p.d(day('2024-01-30'), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 60_000,
            invoice: p.invoice(),
          }),
          p.d(day('2024-02-29'), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 55_000,
            invoice: p.invoice(),
          }),
        ];
        p.hit('split-purchase', rows, '2024-01-30 and 2024-02-29: 30 days in a leap year');
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(14)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 40_000, invoice: p.invoice() }),
          p.d(d + 7, {
            entity: e,
            vendor: `  ${v.toUpperCase()}`,
            commodity: c,
            amount: 41_000,
            invoice: p.invoice(),
          }),
          p.d(d + 14, {
            entity: e,
            vendor: `${v.toLowerCase()} `,
            commodity: c,
            amount: 42_000,
            invoice: p.invoice(),
          }),
        ];
        p.hit('split-purchase', rows, 'one vendor written three ways (case, spaces)');
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(20)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 100_000, invoice: p.invoice() }),
          p.d(d + 20, { entity: e, vendor: v, commodity: c, amount: 100_000, invoice: p.invoice() }),
        ];
        p.hit('split-purchase', rows, 'two purchases of exactly $1,000.00 (neither above it) 20 days apart');
      },
      (p) => {
        const y = p.oneOf([2023, 2024, 2025]);
        const [e, v, c] = [p.entity(), p.vendor(), p.commodity()];
        const rows = [
          p.d(day(`${y}-12-31`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 50_000,
            invoice: p.invoice(),
          }),
          p.d(day(`${y + 1}-01-01`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 60_000,
            invoice: p.invoice(),
          }),
        ];
        p.hit('split-purchase', rows, 'December 31 and January 1');
      },
    ],
    near: [
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(31)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 80_000, invoice: p.invoice() }),
          p.d(d + 31, { entity: e, vendor: v, commodity: c, amount: 90_000, invoice: p.invoice() }),
        ];
        p.miss('split-purchase', rows, 'two purchases 31 days apart');
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(10)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 50_000, invoice: p.invoice() }),
          p.d(d + 10, { entity: e, vendor: v, commodity: c, amount: 50_000, invoice: p.invoice() }),
        ];
        p.miss('split-purchase', rows, 'together exactly $1,000.00, not above it');
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(5)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 100_001, invoice: p.invoice() }),
          p.d(d + 5, { entity: e, vendor: v, commodity: c, amount: 300_000, invoice: p.invoice() }),
        ];
        p.miss(
          'split-purchase',
          rows,
          '$1,000.01 + $3,000: a part is above $1,000 and the total not above $5,000',
        );
      },
      (p) => {
        const [e, v, c, d] = [p.entity(), p.vendor(), p.commodity(), p.day(10)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 80_000, invoice: p.invoice() }),
          p.d(d + 10, {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 80_050,
            invoice: p.invoice(),
            contract: 'MA-2291',
          }),
        ];
        p.miss('split-purchase', rows, 'the second purchase is under a contract');
      },
      (p) => {
        const [e, v, d] = [p.entity(), p.vendor(), p.day(5)];
        const [c1, c2] = p.commodities(2);
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c1!, amount: 80_000, invoice: p.invoice() }),
          p.d(d + 5, { entity: e, vendor: v, commodity: c2!, amount: 80_050, invoice: p.invoice() }),
        ];
        p.miss('split-purchase', rows, 'different commodities');
      },
      (p) => {
        const [e, v, c] = [p.entity(), p.vendor(), p.commodity()];
        const rows = [
          p.d(day('2024-01-29'), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 60_000,
            invoice: p.invoice(),
          }),
          p.d(day('2024-02-29'), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 55_000,
            invoice: p.invoice(),
          }),
        ];
        p.miss('split-purchase', rows, '2024-01-29 and 2024-02-29: 31 days in a leap year');
      },
    ],
  },

  'vendor-annual-spend': {
    hits: [
      (p) => {
        const fy = p.oneOf([2024, 2025, 2026]);
        const [e, v, s] = [p.entity(), p.vendor(), p.fyStart(fy)];
        const cs = p.commodities(4);
        const rows = [20, 100, 180, 260].map((o, i) =>
          p.d(s + o, {
            entity: e,
            vendor: v,
            commodity: cs[i]!,
            amount: p.int(1_400_000, 1_600_000),
            invoice: p.invoice(),
          }),
        );
        p.hit('vendor-annual-spend', rows, `four purchases without a contract above $50,000 in FY${fy}`);
      },
      (p) => {
        const fy = p.oneOf([2024, 2025, 2026]);
        const [e, v, s] = [p.entity(), p.vendor(), p.fyStart(fy)];
        const [c1, c2] = p.commodities(2);
        const rows = [
          p.d(s + 30, { entity: e, vendor: v, commodity: c1!, amount: 2_500_000, invoice: p.invoice() }),
          p.d(s + 200, { entity: e, vendor: v, commodity: c2!, amount: 2_500_001, invoice: p.invoice() }),
        ];
        p.hit('vendor-annual-spend', rows, '$50,000.01 in a fiscal year');
      },
      (p) => {
        const fy = p.oneOf([2024, 2025, 2026]);
        const [e, v, c] = [p.entity(), p.vendor(), p.commodity()];
        const rows = [
          p.d(day(`${fy - 1}-07-01`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 3_000_000,
            invoice: p.invoice(),
          }),
          p.d(day(`${fy}-06-30`), {
            entity: e,
            vendor: v,
            commodity: c,
            amount: 2_000_001,
            invoice: p.invoice(),
          }),
        ];
        p.hit('vendor-annual-spend', rows, `July 1 and June 30 of FY${fy}: $50,000.01`);
      },
      (p) => {
        const [e, v] = [p.entity(), p.vendor()];
        const [c1, c2] = p.commodities(2);
        const rows = [
          p.d(day('2024-02-29'), {
            entity: e,
            vendor: v,
            commodity: c1!,
            amount: 2_600_000,
            invoice: p.invoice(),
          }),
          p.d(day('2024-03-15'), {
            entity: e,
            vendor: v,
            commodity: c2!,
            amount: 2_500_000,
            invoice: p.invoice(),
          }),
        ];
        p.hit('vendor-annual-spend', rows, 'FY2024 with a purchase on 2024-02-29');
      },
      (p) => {
        // Sixty small purchases, each commodity 33 days from its last: no chain, only the year's total.
        const fy = p.oneOf([2024, 2025, 2026]);
        const [e, v, s] = [p.entity(), p.vendor(), p.fyStart(fy)];
        const cs = p.commodities(6);
        const rows: PlantRow[] = [];
        for (let j = 0; j < 10; j++) {
          for (let c = 0; c < 6; c++) {
            rows.push(
              p.d(s + 5 + 33 * j + 3 * c, {
                entity: e,
                vendor: v,
                commodity: cs[c]!,
                amount: 85_000 + j * 1000 + c * 100 + p.int(0, 99),
                invoice: p.invoice(),
              }),
            );
          }
        }
        p.hit(
          'vendor-annual-spend',
          rows,
          `sixty purchases under $1,000 that add up past $50,000 in FY${fy}`,
        );
      },
    ],
    near: [
      (p) => {
        const fy = p.oneOf([2024, 2025, 2026]);
        const [e, v, s] = [p.entity(), p.vendor(), p.fyStart(fy)];
        const [c1, c2] = p.commodities(2);
        const rows = [
          p.d(s + 40, { entity: e, vendor: v, commodity: c1!, amount: 2_500_000, invoice: p.invoice() }),
          p.d(s + 100, { entity: e, vendor: v, commodity: c2!, amount: 2_500_000, invoice: p.invoice() }),
        ];
        p.miss('vendor-annual-spend', rows, 'exactly $50,000.00 in a fiscal year');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, v] = [p.entity(), p.vendor()];
        const [c1, c2] = p.commodities(2);
        const rows = [
          p.d(day(`${y}-06-30`), {
            entity: e,
            vendor: v,
            commodity: c1!,
            amount: 3_000_000,
            invoice: p.invoice(),
          }),
          p.d(day(`${y}-07-01`), {
            entity: e,
            vendor: v,
            commodity: c2!,
            amount: 2_500_000,
            invoice: p.invoice(),
          }),
        ];
        p.miss('vendor-annual-spend', rows, '$30,000 on June 30 and $25,000 on July 1: two fiscal years');
      },
      (p) => {
        const fy = p.oneOf([2024, 2025, 2026]);
        const [e, v, s] = [p.entity(), p.vendor(), p.fyStart(fy)];
        const [c1, c2] = p.commodities(2);
        const rows = [
          p.d(s + 40, { entity: e, vendor: v, commodity: c1!, amount: 4_000_000, invoice: p.invoice() }),
          p.d(s + 90, {
            entity: e,
            vendor: v,
            commodity: c2!,
            amount: 2_000_000,
            invoice: p.invoice(),
            contract: 'SC-MA1457',
          }),
        ];
        p.miss('vendor-annual-spend', rows, '$40,000 without a contract and $20,000 under one');
      },
    ],
  },

  'duplicate-invoice': {
    hits: [
      (p) => {
        const [e, v, c, a, d, inv] = [
          p.entity(),
          p.vendor(),
          p.commodity(),
          p.int(10_000, 50_000),
          p.day(45),
          p.invoice(),
        ];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: inv }),
          p.d(d + 45, { entity: e, vendor: v, commodity: c, amount: a, invoice: inv }),
        ];
        p.hit('duplicate-invoice', rows, 'one invoice paid twice, 45 days apart');
      },
      (p) => {
        const [e, v, c, a, d, n] = [
          p.entity(),
          p.vendor(),
          p.commodity(),
          p.int(10_000, 50_000),
          p.day(3),
          p.invoiceNumber(),
        ];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: `000${n}` }),
          p.d(d + 3, { entity: e, vendor: v, commodity: c, amount: a, invoice: `${n}` }),
        ];
        p.hit('duplicate-invoice', rows, 'invoice 000n and n: one number with leading zeros');
      },
      (p) => {
        const [e, v, c, a, d, n] = [
          p.entity(),
          p.vendor(),
          p.commodity(),
          p.int(10_000, 30_000),
          p.day(80),
          p.invoiceNumber(),
        ];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: `inv-${n}` }),
          p.d(d + 40, { entity: e, vendor: v, commodity: c, amount: a, invoice: `INV ${n}` }),
          p.d(d + 80, { entity: e, vendor: v, commodity: c, amount: a, invoice: `Inv${n}` }),
        ];
        p.hit('duplicate-invoice', rows, 'one invoice written three ways, paid three times');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, v, c, a, inv] = [p.entity(), p.vendor(), p.commodity(), p.int(10_000, 50_000), p.invoice()];
        const rows = [
          p.d(day(`${y}-05-10`), { entity: e, vendor: v, commodity: c, amount: a, invoice: inv }),
          p.d(day(`${y + 1}-05-10`), { entity: e, vendor: v, commodity: c, amount: a, invoice: inv }),
        ];
        p.hit('duplicate-invoice', rows, 'one invoice paid in two fiscal years');
      },
      (p) => {
        const [e, v, c, a, d, n] = [
          p.entity(),
          p.vendor(),
          p.commodity(),
          p.int(1_000_000, 2_000_000),
          p.day(),
          p.invoiceNumber(),
        ];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: `${n}`, contract: 'MA-3310' }),
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: `${n}`, contract: 'MA-3310' }),
        ];
        p.hit('duplicate-invoice', rows, 'one invoice under a contract paid twice the same day');
      },
    ],
    near: [
      (p) => {
        const [e, v, c, d, inv] = [p.entity(), p.vendor(), p.commodity(), p.day(40), p.invoice()];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: 30_000, invoice: inv }),
          p.d(d + 40, { entity: e, vendor: v, commodity: c, amount: 30_001, invoice: inv }),
        ];
        p.miss('duplicate-invoice', rows, 'one invoice number, amounts a cent apart');
      },
      (p) => {
        const [e, c, a, d, inv] = [p.entity(), p.commodity(), p.int(10_000, 50_000), p.day(10), p.invoice()];
        const rows = [
          p.d(d, { entity: e, vendor: p.vendor(), commodity: c, amount: a, invoice: inv }),
          p.d(d + 10, { entity: e, vendor: p.vendor(), commodity: c, amount: a, invoice: inv }),
        ];
        p.miss('duplicate-invoice', rows, 'one invoice number and amount, two vendors');
      },
      (p) => {
        const [v, c, a, d, inv] = [p.vendor(), p.commodity(), p.int(10_000, 50_000), p.day(10), p.invoice()];
        const [e1, e2] = [ENTITIES[0]!, ENTITIES[1]!];
        const rows = [
          p.d(d, { entity: e1, vendor: v, commodity: c, amount: a, invoice: inv }),
          p.d(d + 10, { entity: e2, vendor: v, commodity: c, amount: a, invoice: inv }),
        ];
        p.miss('duplicate-invoice', rows, 'one invoice number and amount, two LEAs');
      },
    ],
  },

  'duplicate-payment': {
    hits: [
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(3)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
          p.d(d + 3, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        ];
        p.hit('duplicate-payment', rows, 'one amount on two invoices 3 days apart');
      },
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(7)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
          p.d(d + 7, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        ];
        p.hit('duplicate-payment', rows, 'one amount on two invoices exactly 7 days apart');
      },
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(2)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: '' }),
          p.d(d + 2, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        ];
        p.hit('duplicate-payment', rows, 'one amount twice in 2 days, the first without an invoice');
      },
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(12)];
        const rows = [0, 6, 12].map((o) =>
          p.d(d + o, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        );
        p.hit('duplicate-payment', rows, 'one amount three times, 6 days apart each');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, v, c, a] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000)];
        const rows = [
          p.d(day(`${y}-06-28`), { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
          p.d(day(`${y}-07-02`), { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        ];
        p.hit('duplicate-payment', rows, 'one amount on June 28 and July 2');
      },
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(1)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: '' }),
          p.d(d + 1, { entity: e, vendor: v, commodity: c, amount: a, invoice: '' }),
        ];
        p.hit('duplicate-payment', rows, 'one amount twice in 2 days, neither with an invoice');
      },
      (p) => {
        const [e, v, c, a, d] = [
          p.entity(),
          p.vendor(),
          p.commodity(),
          p.int(1_000_000, 3_000_000),
          p.day(5),
        ];
        const rows = [
          p.d(d, {
            entity: e,
            vendor: v,
            commodity: c,
            amount: a,
            invoice: p.invoice(),
            contract: 'MA-7781',
          }),
          p.d(d + 5, {
            entity: e,
            vendor: v,
            commodity: c,
            amount: a,
            invoice: p.invoice(),
            contract: 'MA-7781',
          }),
        ];
        p.hit('duplicate-payment', rows, 'one amount to a contract vendor on two invoices 5 days apart');
      },
    ],
    near: [
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(8)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
          p.d(d + 8, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        ];
        p.miss('duplicate-payment', rows, 'one amount on two invoices 8 days apart');
      },
      (p) => {
        const [e, v, c, a, d] = [p.entity(), p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(2)];
        const rows = [
          p.d(d, { entity: e, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
          p.d(d + 2, { entity: e, vendor: v, commodity: c, amount: a + 1, invoice: p.invoice() }),
        ];
        p.miss('duplicate-payment', rows, 'amounts a cent apart');
      },
      (p) => {
        const [v, c, a, d] = [p.vendor(), p.commodity(), p.int(120_000, 160_000), p.day(2)];
        const rows = [
          p.d(d, { entity: ENTITIES[2]!, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
          p.d(d + 2, { entity: ENTITIES[3]!, vendor: v, commodity: c, amount: a, invoice: p.invoice() }),
        ];
        p.miss('duplicate-payment', rows, 'one vendor and amount, two LEAs');
      },
    ],
  },

  'check-to-cash': {
    hits: [
      (p) => {
        const r = p.d(p.day(), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          payee: 'CASH',
        });
        p.hit('check-to-cash', [r], 'check payable to CASH');
      },
      (p) => {
        const r = p.d(p.day(), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          payee: '  cash ',
        });
        p.hit('check-to-cash', [r], "check payable to '  cash '");
      },
      (p) => {
        const r = p.d(p.day(), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          payee: 'Bearer',
        });
        p.hit('check-to-cash', [r], 'check payable to Bearer');
      },
      (p) => {
        const s = p.cashSlotDay('cash');
        const r = p.d(s.day, {
          entity: s.entity,
          vendor: p.oneOf(['Cash', 'CASH', 'cash']),
          commodity: '610',
          amount: p.int(2_000, 20_000),
          invoice: p.invoice(),
          payee: '',
        });
        p.hit('check-to-cash', [r], 'vendor CASH');
      },
      (p) => {
        const s = p.cashSlotDay('bearer');
        const r = p.d(s.day, {
          entity: s.entity,
          vendor: 'BEARER',
          commodity: '610',
          amount: p.int(2_000, 20_000),
          invoice: p.invoice(),
          payee: 'bearer',
        });
        p.hit('check-to-cash', [r], 'vendor and payee BEARER');
      },
    ],
    near: [
      (p) => {
        const payee = p.oneOf(['Cash & Carry Foods', 'Petty Cash', 'CASHIER', 'Bearer Courier LLC', 'Cash.']);
        const r = p.d(p.day(), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          payee,
        });
        p.miss('check-to-cash', [r], `payee '${payee}'`);
      },
    ],
  },

  'paid-before-po': {
    hits: [
      (p) => {
        const d = p.day();
        const r = p.d(d, {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: d + 1,
        });
        p.hit('paid-before-po', [r], 'paid the day before its purchase order was approved');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const r = p.d(day(`${y}-06-30`), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: day(`${y}-07-01`),
        });
        p.hit('paid-before-po', [r], 'paid June 30, purchase order approved July 1');
      },
      (p) => {
        const r = p.d(day('2024-02-28'), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: day('2024-02-29'),
        });
        p.hit('paid-before-po', [r], 'paid 2024-02-28, purchase order approved 2024-02-29');
      },
      (p) => {
        const y = p.oneOf([2023, 2024, 2025]);
        const r = p.d(day(`${y}-12-31`), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: day(`${y + 1}-01-01`),
        });
        p.hit('paid-before-po', [r], 'paid December 31, purchase order approved January 1');
      },
      (p) => {
        const d = p.day();
        const r = p.d(d, {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: d + 20,
          method: 'ach',
        });
        p.hit('paid-before-po', [r], 'paid 20 days before its purchase order was approved');
      },
    ],
    near: [
      (p) => {
        const r = p.d(day('2024-02-29'), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: day('2024-02-29'),
        });
        p.miss('paid-before-po', [r], 'paid the day its purchase order was approved (2024-02-29)');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const r = p.d(day(`${y}-07-01`), {
          entity: p.entity(),
          vendor: p.vendor(),
          commodity: p.commodity(),
          amount: p.int(2_000, 80_000),
          invoice: p.invoice(),
          po: p.po(),
          poDay: day(`${y}-06-30`),
        });
        p.miss('paid-before-po', [r], 'paid July 1, purchase order approved June 30');
      },
    ],
  },

  'card-preapproval': {
    hits: [
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 100_001,
        });
        p.hit('card-preapproval', [r], '$1,000.01 without pre-approval');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 234_567,
          type: 'PURCHASE',
        });
        p.hit('card-preapproval', [r], '$2,345.67 without pre-approval');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 499_999,
          type: 'Purchase',
        });
        p.hit('card-preapproval', [r], '$4,999.99 without pre-approval');
      },
    ],
    near: [
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 100_000,
        });
        p.miss('card-preapproval', [r], 'exactly $1,000.00 without pre-approval');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 150_000,
          preapproval: p.pre(),
        });
        p.miss('card-preapproval', [r], '$1,500 with pre-approval');
      },
    ],
  },

  'card-transaction-limit': {
    hits: [
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 500_001,
          preapproval: p.pre(),
        });
        p.hit('card-transaction-limit', [r], '$5,000.01 with pre-approval');
        p.hit('card-daily-limit', [r], 'a $5,000.01 transaction is above the daily limit too');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 750_000,
        });
        p.hit('card-transaction-limit', [r], '$7,500 without pre-approval');
        p.hit('card-daily-limit', [r], 'a $7,500 transaction is above the daily limit too');
        p.hit('card-preapproval', [r], 'a $7,500 transaction without pre-approval');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 1_200_000,
          preapproval: p.pre(),
        });
        p.hit('card-transaction-limit', [r], '$12,000 with pre-approval');
        p.hit('card-daily-limit', [r], 'a $12,000 transaction is above the daily limit too');
      },
    ],
    near: [
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 500_000,
          preapproval: p.pre(),
        });
        p.miss('card-transaction-limit', [r], 'exactly $5,000.00');
        p.miss('card-daily-limit', [r], 'exactly $5,000.00 in a day');
      },
    ],
  },

  'card-daily-limit': {
    hits: [
      (p) => {
        const [e, k, d, ms] = [p.entity(), p.card(), p.day(), p.merchants(3)];
        const rows = [200_000, 200_000, 100_001].map((a, i) =>
          p.p(d, { entity: e, card: k, merchant: ms[i]!, amount: a, preapproval: p.pre() }),
        );
        p.hit('card-daily-limit', rows, '$5,000.01 in a day at three merchants');
      },
      (p) => {
        const [e, k, d, ms] = [p.entity(), p.card(), day('2024-02-29'), p.merchants(6)];
        const rows = ms.map((m) => p.p(d, { entity: e, card: k, merchant: m, amount: 90_000 }));
        p.hit('card-daily-limit', rows, 'six $900 purchases on 2024-02-29');
      },
      (p) => {
        const [e, k, d, ms] = [p.entity(), p.card(), p.day(), p.merchants(2)];
        const rows = ms.map((m) =>
          p.p(d, { entity: e, card: k, merchant: m, amount: 260_000, preapproval: p.pre() }),
        );
        p.hit('card-daily-limit', rows, '$2,600 twice in a day');
      },
    ],
    near: [
      (p) => {
        const [e, k, d, ms] = [p.entity(), p.card(), p.day(), p.merchants(2)];
        const rows = ms.map((m) =>
          p.p(d, { entity: e, card: k, merchant: m, amount: 250_000, preapproval: p.pre() }),
        );
        p.miss('card-daily-limit', rows, 'exactly $5,000.00 in a day');
      },
      (p) => {
        const y = p.oneOf([2023, 2024, 2025]);
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(2)];
        const rows = [
          p.p(day(`${y}-12-31`), {
            entity: e,
            card: k,
            merchant: ms[0]!,
            amount: 300_000,
            preapproval: p.pre(),
          }),
          p.p(day(`${y + 1}-01-01`), {
            entity: e,
            card: k,
            merchant: ms[1]!,
            amount: 300_000,
            preapproval: p.pre(),
          }),
        ];
        p.miss('card-daily-limit', rows, '$3,000 on December 31 and $3,000 on January 1');
      },
      (p) => {
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(2)];
        const rows = [
          p.p(day('2024-02-28'), {
            entity: e,
            card: k,
            merchant: ms[0]!,
            amount: 300_000,
            preapproval: p.pre(),
          }),
          p.p(day('2024-02-29'), {
            entity: e,
            card: k,
            merchant: ms[1]!,
            amount: 300_000,
            preapproval: p.pre(),
          }),
        ];
        p.miss('card-daily-limit', rows, '$3,000 on 2024-02-28 and $3,000 on 2024-02-29');
      },
    ],
  },

  'card-monthly-limit': {
    hits: [
      (p) => {
        const first = p.oneOf(MONTH_STARTS);
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(5)];
        const rows = [1, 7, 13, 19, 25].map((o, i) =>
          p.p(first + o, { entity: e, card: k, merchant: ms[i]!, amount: 450_000, preapproval: p.pre() }),
        );
        p.hit('card-monthly-limit', rows, `$22,500 in ${ISO[first]!.slice(0, 7)}`);
      },
      (p) => {
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(5)];
        const rows = ['01', '08', '15', '22', '29'].map((dd, i) =>
          p.p(day(`2024-02-${dd}`), {
            entity: e,
            card: k,
            merchant: ms[i]!,
            amount: 410_000,
            preapproval: p.pre(),
          }),
        );
        p.hit('card-monthly-limit', rows, '$20,500 in February 2024, the last on the 29th');
      },
      (p) => {
        const first = p.oneOf(MONTH_STARTS.filter((d) => [1, 3, 5, 7, 8, 10, 12].includes(MONTH[d]!)));
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(21)];
        const rows = ms.map((m, i) => p.p(first + i, { entity: e, card: k, merchant: m, amount: 99_999 }));
        p.hit('card-monthly-limit', rows, `twenty-one purchases of $999.99 in ${ISO[first]!.slice(0, 7)}`);
      },
    ],
    near: [
      (p) => {
        const first = p.oneOf(MONTH_STARTS);
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(4)];
        const rows = [2, 9, 16, 23].map((o, i) =>
          p.p(first + o, { entity: e, card: k, merchant: ms[i]!, amount: 500_000, preapproval: p.pre() }),
        );
        p.miss('card-monthly-limit', rows, 'exactly $20,000.00 in a month');
      },
      (p) => {
        const y = p.oneOf([2024, 2025, 2026]);
        const [e, k, ms] = [p.entity(), p.card(), p.merchants(7)];
        const days = [
          `${y}-01-25`,
          `${y}-01-27`,
          `${y}-01-29`,
          `${y}-01-31`,
          `${y}-02-01`,
          `${y}-02-03`,
          `${y}-02-05`,
        ];
        const rows = days.map((iso, i) =>
          p.p(day(iso), { entity: e, card: k, merchant: ms[i]!, amount: 400_000, preapproval: p.pre() }),
        );
        p.miss('card-monthly-limit', rows, `$16,000 in January and $12,000 in February ${y}`);
      },
    ],
  },

  'card-cash': {
    hits: [
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 20_000,
          type: 'ATM',
          mcc: '6011',
        });
        p.hit('card-cash', [r], 'ATM withdrawal');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 30_000,
          type: 'Cash Advance',
          mcc: '6010',
        });
        p.hit('card-cash', [r], 'cash advance');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 10_000,
          mcc: '6011',
        });
        p.hit('card-cash', [r], 'a purchase at an ATM merchant (MCC 6011)');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 6_000,
          type: 'cash',
        });
        p.hit('card-cash', [r], 'type cash');
      },
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 150_000,
          type: 'atm',
          mcc: '6011',
        });
        p.hit('card-cash', [r], 'a $1,500 ATM withdrawal (cash, not a purchase needing pre-approval)');
      },
    ],
    near: [
      (p) => {
        const r = p.p(p.day(), {
          entity: p.entity(),
          card: p.card(),
          merchant: p.merchants(1)[0]!,
          amount: 8_000,
          mcc: '6012',
        });
        p.miss('card-cash', [r], 'a purchase at MCC 6012 (financial institution merchandise)');
      },
    ],
  },

  'card-split': {
    hits: [
      (p) => {
        const [e, k, m, d] = [p.entity(), p.card(), p.merchants(1)[0]!, p.day(2)];
        const rows = [
          p.p(d, { entity: e, card: k, merchant: m, amount: 60_000 }),
          p.p(d + 2, { entity: e, card: k, merchant: m, amount: 65_000 }),
        ];
        p.hit('card-split', rows, '$600 and $650 at one merchant 2 days apart');
      },
      (p) => {
        const [e, k, m, d] = [p.entity(), p.card(), p.merchants(1)[0]!, p.day(3)];
        const rows = [
          p.p(d, { entity: e, card: k, merchant: m, amount: 70_000 }),
          p.p(d + 3, { entity: e, card: k, merchant: m, amount: 80_000 }),
        ];
        p.hit('card-split', rows, 'at one merchant exactly 3 days apart');
      },
      (p) => {
        const [e, k, m, d] = [p.entity(), p.card(), p.merchants(1)[0]!, p.day(1)];
        const rows = [
          p.p(d, { entity: e, card: k, merchant: m, amount: 300_000, preapproval: p.pre() }),
          p.p(d + 1, { entity: e, card: k, merchant: m, amount: 250_000, preapproval: p.pre() }),
        ];
        p.hit('card-split', rows, '$3,000 + $2,500: together above the $5,000 transaction limit');
      },
      (p) => {
        const y = p.oneOf([2024, 2025, 2026]);
        const [e, k, m] = [p.entity(), p.card(), p.merchants(1)[0]!];
        const rows = [
          p.p(day(`${y}-01-31`), { entity: e, card: k, merchant: m, amount: 55_000 }),
          p.p(day(`${y}-02-01`), { entity: e, card: k, merchant: m, amount: 60_000 }),
        ];
        p.hit('card-split', rows, 'January 31 and February 1');
      },
      (p) => {
        const [e, k, m, d] = [p.entity(), p.card(), p.merchants(1)[0]!, p.day()];
        const rows = [
          p.p(d, { entity: e, card: k, merchant: m, amount: 60_000 }),
          p.p(d, { entity: e, card: k, merchant: m, amount: 60_000 }),
        ];
        p.hit('card-split', rows, 'two $600 purchases at one merchant the same day');
      },
      (p) => {
        const [e, k, m] = [p.entity(), p.card(), p.merchants(1)[0]!];
        const rows = [
          p.p(day('2024-02-27'), { entity: e, card: k, merchant: m, amount: 50_000 }),
          p.p(day('2024-03-01'), { entity: e, card: k, merchant: m, amount: 60_000 }),
        ];
        p.hit('card-split', rows, '2024-02-27 and 2024-03-01: 3 days in a leap year');
      },
    ],
    near: [
      (p) => {
        const [e, k, m, d] = [p.entity(), p.card(), p.merchants(1)[0]!, p.day(4)];
        const rows = [
          p.p(d, { entity: e, card: k, merchant: m, amount: 60_000 }),
          p.p(d + 4, { entity: e, card: k, merchant: m, amount: 65_000 }),
        ];
        p.miss('card-split', rows, 'at one merchant 4 days apart');
      },
      (p) => {
        const [e, k, m, d] = [p.entity(), p.card(), p.merchants(1)[0]!, p.day(1)];
        const rows = [
          p.p(d, { entity: e, card: k, merchant: m, amount: 50_000 }),
          p.p(d + 1, { entity: e, card: k, merchant: m, amount: 50_000 }),
        ];
        p.miss('card-split', rows, 'together exactly $1,000.00');
      },
      (p) => {
        const [e, k, m] = [p.entity(), p.card(), p.merchants(1)[0]!];
        const rows = [
          p.p(day('2024-02-26'), { entity: e, card: k, merchant: m, amount: 50_000 }),
          p.p(day('2024-03-01'), { entity: e, card: k, merchant: m, amount: 60_000 }),
        ];
        p.miss('card-split', rows, '2024-02-26 and 2024-03-01: 4 days in a leap year');
      },
      (p) => {
        const [e, k, ms, d] = [p.entity(), p.card(), p.merchants(2), p.day()];
        const rows = ms.map((m) => p.p(d, { entity: e, card: k, merchant: m, amount: 60_000 }));
        p.miss('card-split', rows, 'two $600 purchases the same day at two merchants');
      },
    ],
  },

  'travel-claim-late': {
    hits: [
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'travel',
          returned: d - 31,
          amount: p.int(5_000, 250_000),
        });
        p.hit('travel-claim-late', [r], 'travel claim filed 31 days after return');
      },
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'Travel',
          returned: d - 40,
          amount: p.int(5_000, 250_000),
        });
        p.hit('travel-claim-late', [r], 'travel claim filed 40 days after return');
      },
      (p) => {
        const r = p.t(day('2024-03-02'), {
          entity: p.entity(),
          employee: p.employee(),
          type: 'travel',
          returned: day('2024-01-31'),
          amount: p.int(5_000, 250_000),
        });
        p.hit('travel-claim-late', [r], 'returned 2024-01-31, filed 2024-03-02: 31 days in a leap year');
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const r = p.t(day(`${y}-07-01`), {
          entity: p.entity(),
          employee: p.employee(),
          type: 'travel',
          returned: day(`${y}-05-31`),
          amount: p.int(5_000, 250_000),
        });
        p.hit('travel-claim-late', [r], 'returned May 31, filed July 1');
      },
    ],
    near: [
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'travel',
          returned: d - 30,
          amount: p.int(5_000, 250_000),
        });
        p.miss('travel-claim-late', [r], 'travel claim filed 30 days after return');
      },
      (p) => {
        const r = p.t(day('2024-03-01'), {
          entity: p.entity(),
          employee: p.employee(),
          type: 'travel',
          returned: day('2024-01-31'),
          amount: p.int(5_000, 250_000),
        });
        p.miss('travel-claim-late', [r], 'returned 2024-01-31, filed 2024-03-01: 30 days in a leap year');
      },
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'mileage',
          returned: d - 40,
          amount: p.int(500, 40_000),
        });
        p.miss('travel-claim-late', [r], 'a mileage claim filed 40 days after return');
      },
    ],
  },

  'mileage-claim-late': {
    hits: [
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'mileage',
          returned: d - 46,
          amount: p.int(500, 40_000),
        });
        p.hit('mileage-claim-late', [r], 'mileage claim filed 46 days after return');
      },
      (p) => {
        const r = p.t(day('2024-03-06'), {
          entity: p.entity(),
          employee: p.employee(),
          type: 'mileage',
          returned: day('2024-01-20'),
          amount: p.int(500, 40_000),
        });
        p.hit('mileage-claim-late', [r], 'returned 2024-01-20, filed 2024-03-06: 46 days in a leap year');
      },
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'MILEAGE',
          returned: d - 90,
          amount: p.int(500, 40_000),
        });
        p.hit('mileage-claim-late', [r], 'mileage claim filed 90 days after return');
      },
    ],
    near: [
      (p) => {
        const d = p.day();
        const r = p.t(d, {
          entity: p.entity(),
          employee: p.employee(),
          type: 'mileage',
          returned: d - 45,
          amount: p.int(500, 40_000),
        });
        p.miss('mileage-claim-late', [r], 'mileage claim filed 45 days after return');
      },
      (p) => {
        const r = p.t(day('2024-03-06'), {
          entity: p.entity(),
          employee: p.employee(),
          type: 'mileage',
          returned: day('2024-01-21'),
          amount: p.int(500, 40_000),
        });
        p.miss('mileage-claim-late', [r], 'returned 2024-01-21, filed 2024-03-06: 45 days in a leap year');
      },
    ],
  },

  'gift-value': {
    hits: [
      (p) => {
        const r = p.g(p.day(), {
          entity: p.entity(),
          giver: p.vendor(),
          recipient: p.someEmployee(),
          value: 1_000,
        });
        p.hit('gift-value', [r], 'a $10.00 gift');
      },
      (p) => {
        const r = p.g(p.day(), {
          entity: p.entity(),
          giver: p.vendor(),
          recipient: p.someEmployee(),
          value: 2_500,
        });
        p.hit('gift-value', [r], 'a $25.00 gift');
      },
      (p) => {
        const r = p.g(p.day(), {
          entity: p.entity(),
          giver: p.vendor(),
          recipient: p.someEmployee(),
          value: 7_500,
        });
        p.hit('gift-value', [r], 'a $75.00 gift');
        p.hit('gift-annual', [r], 'a $75.00 gift is $50 or more in its year too');
      },
      (p) => {
        const r = p.g(day('2024-02-29'), {
          entity: p.entity(),
          giver: p.vendor(),
          recipient: p.someEmployee(),
          value: 1_000,
        });
        p.hit('gift-value', [r], 'a $10.00 gift on 2024-02-29');
      },
    ],
    near: [
      (p) => {
        const r = p.g(p.day(), {
          entity: p.entity(),
          giver: p.vendor(),
          recipient: p.someEmployee(),
          value: 999,
        });
        p.miss('gift-value', [r], 'a $9.99 gift');
      },
    ],
  },

  'gift-annual': {
    hits: [
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const rows = [10, 70, 130, 190, 250, 310].map((o) =>
          p.g(day(`${y}-01-01`) + o, { entity: e, giver: gv, recipient: rc, value: 900 }),
        );
        p.hit('gift-annual', rows, `six $9.00 gifts in ${y}`);
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const rows = [15, 80, 140, 200, 260, 320].map((o, i) =>
          p.g(day(`${y}-01-01`) + o, { entity: e, giver: gv, recipient: rc, value: i === 5 ? 5 : 999 }),
        );
        p.hit('gift-annual', rows, `exactly $50.00 in ${y}`);
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const days = [`${y}-01-01`, `${y}-03-15`, `${y}-06-01`, `${y}-09-01`, `${y}-11-20`, `${y}-12-31`];
        const rows = days.map((iso) => p.g(day(iso), { entity: e, giver: gv, recipient: rc, value: 950 }));
        p.hit('gift-annual', rows, `$57.00 from January 1 to December 31, ${y}`);
      },
      (p) => {
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const days = ['2024-01-10', '2024-02-29', '2024-04-01', '2024-06-01', '2024-08-01', '2024-10-01'];
        const rows = days.map((iso) => p.g(day(iso), { entity: e, giver: gv, recipient: rc, value: 900 }));
        p.hit('gift-annual', rows, '$54.00 in 2024, one gift on 2024-02-29');
      },
      (p) => {
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const days = ['2023-07-05', '2023-08-01', '2023-09-01', '2023-10-02', '2023-11-01', '2023-12-01'];
        const rows = days.map((iso) => p.g(day(iso), { entity: e, giver: gv, recipient: rc, value: 900 }));
        p.hit('gift-annual', rows, '$54.00 in the second half of 2023');
      },
    ],
    near: [
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const rows = [15, 80, 140, 200, 260, 320].map((o, i) =>
          p.g(day(`${y}-01-01`) + o, { entity: e, giver: gv, recipient: rc, value: i === 5 ? 4 : 999 }),
        );
        p.miss('gift-annual', rows, `$49.99 in ${y}`);
      },
      (p) => {
        const y = p.oneOf([2023, 2024, 2025]);
        const [e, gv, rc] = [p.entity(), p.vendor(), p.someEmployee()];
        const days = [
          `${y}-12-29`,
          `${y}-12-30`,
          `${y}-12-31`,
          `${y + 1}-01-01`,
          `${y + 1}-01-02`,
          `${y + 1}-01-03`,
        ];
        const rows = days.map((iso) => p.g(day(iso), { entity: e, giver: gv, recipient: rc, value: 900 }));
        p.miss('gift-annual', rows, `$27 at the end of ${y} and $27 at the start of ${y + 1}`);
      },
      (p) => {
        const y = p.oneOf([2024, 2025]);
        const [gv, rc] = [p.vendor(), p.someEmployee()];
        const rows = [20, 90, 160, 230, 300, 330].map((o, i) =>
          p.g(day(`${y}-01-01`) + o, { entity: ENTITIES[i % 2]!, giver: gv, recipient: rc, value: 900 }),
        );
        p.miss('gift-annual', rows, `$27 in each of two LEAs in ${y}`);
      },
    ],
  },
};

/** The first day of every month of the ledgers. */
const MONTH_STARTS: number[] = [];
for (let d = FIRST_DAY; d <= LAST_DAY; d++) if (ISO[d]!.endsWith('-01')) MONTH_STARTS.push(d);

// ---------------------------------------------------------------------------------------------------------
// Sizes

export interface Sizes {
  disbursements: number;
  pcard: number;
  travel: number;
  gifts: number;
  vendors: number;
  cards: number;
  merchants: number;
  employees: number;
  /** Planted violations per screen, and near misses per screen. */
  plants: number;
  bad: Record<LedgerId, number>;
}

export function sizesFor(rows: number): Sizes {
  const pcard = Math.round(rows / 10);
  const travel = Math.round(rows / 100);
  return {
    disbursements: rows,
    pcard,
    travel,
    gifts: Math.round(rows / 200),
    vendors: Math.max(2000, Math.round(rows / 250)),
    // ~25 transactions a card a month keeps every card far from its limits.
    cards: Math.max(60, Math.round(pcard / 36 / 25)),
    merchants: 3000,
    employees: Math.max(100, Math.round(travel / 20)),
    plants: Math.max(5, Math.round(rows / 20_000)),
    bad: {
      disbursements: Math.max(6, Math.floor(rows / 100_000)),
      pcard: Math.max(3, Math.floor(pcard / 100_000)),
      travel: 2,
      gifts: 2,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Bad rows: malformed lines a real export has, each with the reason the reader must give.

function badDisbursement(j: number, id: string): BadRow {
  const ok = (over: Partial<Record<number, string>>) => {
    const cells = [
      id,
      '2024-10-15',
      'Broken Row Vendor',
      '610',
      'Paper',
      '125.00',
      'BAD-1',
      '',
      '',
      '',
      'ach',
      '',
      'LEA-01',
    ];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v!;
    return cells.join(',');
  };
  switch (j % 6) {
    case 0:
      return {
        text: ok({ 1: '2025-02-29' }),
        reason: 'paid_on 2025-02-29 is not a date (2025 is not a leap year)',
      };
    case 1:
      return { text: ok({ 5: '12O.00' }), reason: "amount '12O.00' is not a number" };
    case 2:
      return { text: ok({}).split(',').slice(0, 10).join(','), reason: 'three columns missing' };
    case 3:
      return { text: ok({ 2: '' }), reason: 'vendor is empty' };
    case 4:
      return { text: ok({ 1: '10/15/2024' }), reason: "paid_on '10/15/2024' is not an ISO date" };
    default:
      return { text: ok({ 5: '' }), reason: 'amount is empty' };
  }
}

function badCard(j: number, id: string): BadRow {
  switch (j % 3) {
    case 0:
      return {
        text: `${id},2024-13-01,PC999999,OFFICE DEPOT #1001,5111,purchase,45.00,,LEA-01`,
        reason: 'posted_on 2024-13-01 is not a date',
      };
    case 1:
      return {
        text: `${id},2024-11-04,PC999999,OFFICE DEPOT #1001,5111,purchase,abc,,LEA-01`,
        reason: "amount 'abc' is not a number",
      };
    default:
      return {
        text: `${id},2024-11-04,,OFFICE DEPOT #1001,5111,purchase,45.00,,LEA-01`,
        reason: 'card is empty',
      };
  }
}

function badTravel(j: number, id: string): BadRow {
  return j % 2 === 0
    ? { text: `${id},Broken Claimant,travel,,2024-09-10,120.00,LEA-01`, reason: 'returned_on is empty' }
    : {
        text: `${id},Broken Claimant,mileage,2024-06-01,2024-06-31,40.00,LEA-01`,
        reason: 'submitted_on 2024-06-31 is not a date',
      };
}

function badGift(j: number, id: string): BadRow {
  return j % 2 === 0
    ? {
        text: `${id},2024-12-05,Broken Giver,Broken Recipient,Mug,ten,LEA-01`,
        reason: "value 'ten' is not a number",
      }
    : { text: `${id},,Broken Giver,Broken Recipient,Mug,5.00,LEA-01`, reason: 'received_on is empty' };
}

// ---------------------------------------------------------------------------------------------------------
// Generation

/** Planted rows of a ledger by day, each day's in the order they go among the background rows. */
function plantsByDay(rows: PlantRow[]): Map<number, PlantRow[]> {
  const m = new Map<number, PlantRow[]>();
  for (const r of rows) {
    const list = m.get(r.day);
    if (list) list.push(r);
    else m.set(r.day, [r]);
  }
  for (const list of m.values()) list.sort((a, b) => a.at - b.at);
  return m;
}

/** Writes a day: its n background rows (made by `next`) with the day's planted rows among them. */
function writeDay(file: LedgerFile, n: number, planted: PlantRow[] | undefined, next: () => string): void {
  let p = 0;
  for (let i = 0; i < n; i++) {
    while (planted && p < planted.length && planted[p]!.at * n <= i) {
      const row = planted[p++]!;
      row.id = file.nextId();
      file.row(row.render(row.id));
    }
    file.row(next());
  }
  while (planted && p < planted.length) {
    const row = planted[p++]!;
    row.id = file.nextId();
    file.row(row.render(row.id));
  }
}

async function writeDisbursements(
  file: LedgerFile,
  s: Sizes,
  seed: number,
  planted: PlantRow[],
): Promise<void> {
  const r = mulberry32(seed ^ 0x0d15b);
  const V = s.vendors;
  const E = ENTITIES.length;
  const entities = new Zipf(E, 0.6);
  const vendors = new Zipf(V, 0.9);
  const MAX_COMMODITIES = 8;

  // Vendors an LEA buys from often hold a contract: without one, a vendor may sell each commodity to an
  // LEA only every 31 days and at most $50,000 a fiscal year, which a busy vendor would not keep to.
  const contract: string[] = new Array(V).fill('');
  const topEntityShare = entities.share[0]!;
  for (let v = 0; v < V; v++) {
    const perEntityYear = (s.disbursements * vendors.share[v]! * topEntityShare) / 3;
    if (v < Math.ceil(V * 0.01) || perEntityYear > 30 || r() < 0.04) {
      contract[v] = r() < 0.3 ? `SC-MA${1000 + v}` : `MA-${2000 + v}`;
    }
  }
  const contractVendors = contract.flatMap((c, v) => (c ? [v] : []));
  const contractZipf = new Zipf(contractVendors.length, 1.05);
  const nCommodities = new Uint8Array(V);
  const commodity: string[] = new Array(V * MAX_COMMODITIES);
  for (let v = 0; v < V; v++) {
    nCommodities[v] = 1 + Math.floor(r() * MAX_COMMODITIES);
    const start = Math.floor(r() * COMMODITIES.length);
    for (let j = 0; j < MAX_COMMODITIES; j++)
      commodity[v * MAX_COMMODITIES + j] = COMMODITIES[(start + j * 11) % COMMODITIES.length]!;
  }
  const vendorCsv = Array.from({ length: V }, (_, v) => csvField(vendorName(v)));
  const vendorCsvUpper = Array.from({ length: V }, (_, v) => csvField(vendorName(v).toUpperCase()));

  // Without a contract: the last day (+1) each LEA bought each of the vendor's commodities, and the
  // fiscal year's total per LEA and vendor.
  const lastBought = new Int16Array(E * V * MAX_COMMODITIES);
  const yearTotal = new Int32Array(E * V);
  let fiscalYear = FISCAL_YEAR[FIRST_DAY]!;
  let invoiceNo = 100_001;
  let poNo = 100_001;
  const perDay = rowsPerDay(s.disbursements);
  const recent = new RecentPayments(Math.max(...perDay));
  const byDay = plantsByDay(planted);
  const lowCommon = [500, 50_000, 250_000, 1_000_000, 5_000_000];

  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    if (FISCAL_YEAR[d] !== fiscalYear) {
      fiscalYear = FISCAL_YEAR[d]!;
      yearTotal.fill(0);
    }
    const iso = ISO[d]!;

    const next = (): string => {
      const e = entities.draw(r());
      for (let attempt = 0; ; attempt++) {
        const v = attempt < 4 ? vendors.draw(r()) : contractVendors[contractZipf.draw(r())]!;
        const free = contract[v] === '';
        const j = Math.floor(r() * nCommodities[v]!);
        const slot = (e * V + v) * MAX_COMMODITIES + j;
        if (free && lastBought[slot]! !== 0 && d - (lastBought[slot]! - 1) <= 30) continue;
        const u = r();
        const band = u < 0.55 ? 0 : u < 0.85 ? 1 : u < 0.96 ? 2 : u < 0.995 || free ? 3 : 4;
        const hi = band === 4 ? 40_000_000 : lowCommon[band + 1]!;
        let amount = logUniform(r, lowCommon[band]!, hi);
        if (r() < 0.08) amount = Math.max(100, amount - (amount % 100));
        const ev = e * V + v;
        while (recent.has(ev, amount, d)) amount += 1 + Math.floor(r() * 97);
        if (free && yearTotal[ev]! + amount > 5_000_000) continue;
        recent.add(ev, amount, d);
        if (free) {
          lastBought[slot] = d + 1;
          yearTotal[ev] = yearTotal[ev]! + amount;
        }

        const upper = r() < 0.02;
        const vendor = upper ? vendorCsvUpper[v]! : vendorCsv[v]!;
        const u2 = r();
        const method = u2 < 0.45 ? 'check' : u2 < 0.85 ? 'ach' : u2 < 0.95 ? 'eft' : 'wire';
        const payee = method === 'check' ? vendor : '';
        const u3 = r();
        const n = invoiceNo++;
        const invoice = u3 < 0.45 ? `INV-${n}` : u3 < 0.72 ? `${n}` : u3 < 0.9 ? `INV${n}` : '';
        let po = '';
        let poDate = '';
        if (r() < 0.65) {
          po = `PO-${poNo++}`;
          poDate = ISO[d - Math.floor(r() * 45)]!;
        }
        const amountText = amount >= 100_000 && r() < 0.05 ? moneyWithSeparators(amount) : money(amount);
        const desc = DESCRIPTIONS[Math.floor(r() * DESCRIPTIONS.length)]!;
        return `${file.nextId()},${iso},${vendor},${commodity[v * MAX_COMMODITIES + j]},${desc},${amountText},${invoice},${po},${poDate},${payee},${method},${contract[v]},${ENTITIES[e]}`;
      }
    };
    writeDay(file, perDay[d - FIRST_DAY]!, byDay.get(d), next);
    await file.maybeFlush();
  }
}

async function writeCards(file: LedgerFile, s: Sizes, seed: number, planted: PlantRow[]): Promise<void> {
  const r = mulberry32(seed ^ 0xca4d);
  const C = s.cards;
  const M = s.merchants;
  const entities = new Zipf(ENTITIES.length, 0.6);
  const merchants = new Zipf(M, 1.0);
  const cardEntity = Array.from({ length: C }, () => ENTITIES[entities.draw(r())]!);
  const merchantCsv = Array.from({ length: M }, (_, m) => `${merchantName(m)},${merchantMcc(m)}`);
  // Per card: today's and this month's totals; per card and merchant, the last day (+1) it bought there.
  const dayTotal = new Int32Array(C);
  const monthTotal = new Int32Array(C);
  const lastAt = new Int16Array(C * M);
  let month = MONTH_KEY[FIRST_DAY]!;
  let preNo = 100_001;
  const perDay = rowsPerDay(s.pcard);
  const byDay = plantsByDay(planted);

  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    dayTotal.fill(0);
    if (MONTH_KEY[d] !== month) {
      month = MONTH_KEY[d]!;
      monthTotal.fill(0);
    }
    const iso = ISO[d]!;
    const next = (): string => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const k = Math.floor(r() * C);
        const m = merchants.draw(r());
        const u = r();
        const amount =
          u < 0.8
            ? logUniform(r, 300, 40_000)
            : u < 0.95
              ? r() < 0.03
                ? 100_000
                : logUniform(r, 40_000, 100_000)
              : r() < 0.02
                ? 500_000
                : logUniform(r, 100_001, 500_000);
        if (dayTotal[k]! + amount > 500_000 || monthTotal[k]! + amount > 2_000_000) continue;
        if (lastAt[k * M + m]! !== 0 && d - (lastAt[k * M + m]! - 1) <= 3) continue;
        dayTotal[k] = dayTotal[k]! + amount;
        monthTotal[k] = monthTotal[k]! + amount;
        lastAt[k * M + m] = d + 1;
        const pre = amount > 100_000 || r() < 0.05 ? `EA-${preNo++}` : '';
        const u2 = r();
        const type = u2 < 0.96 ? 'purchase' : u2 < 0.99 ? 'Purchase' : 'PURCHASE';
        return `${file.nextId()},${iso},PC${100_000 + k},${merchantCsv[m]},${type},${money(amount)},${pre},${cardEntity[k]}`;
      }
      throw new Error(`no card could take another purchase on ${iso}: too few cards for ${s.pcard} rows`);
    };
    writeDay(file, perDay[d - FIRST_DAY]!, byDay.get(d), next);
    await file.maybeFlush();
  }
}

async function writeTravel(file: LedgerFile, s: Sizes, seed: number, planted: PlantRow[]): Promise<void> {
  const r = mulberry32(seed ^ 0x7a7e1);
  const entities = new Zipf(ENTITIES.length, 0.6);
  const employeeEntity = Array.from({ length: s.employees }, () => ENTITIES[entities.draw(r())]!);
  const perDay = rowsPerDay(s.travel);
  const byDay = plantsByDay(planted);
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const iso = ISO[d]!;
    const next = (): string => {
      const k = Math.floor(r() * s.employees);
      const travel = r() < 0.55;
      const limit = travel ? 30 : 45;
      // Most claims come in within days; a few on the last allowed day.
      const delay = r() < 0.02 ? limit : Math.floor(r() ** 2 * (limit + 1));
      const type = r() < 0.95 ? (travel ? 'travel' : 'mileage') : travel ? 'Travel' : 'Mileage';
      const amount = travel ? logUniform(r, 5_000, 250_000) : logUniform(r, 500, 40_000);
      return `${file.nextId()},${employeeName(k)},${type},${ISO[d - delay]},${iso},${money(amount)},${employeeEntity[k]}`;
    };
    writeDay(file, perDay[d - FIRST_DAY]!, byDay.get(d), next);
    await file.maybeFlush();
  }
}

async function writeGifts(file: LedgerFile, s: Sizes, seed: number, planted: PlantRow[]): Promise<void> {
  const r = mulberry32(seed ^ 0x91f7);
  const entities = new Zipf(ENTITIES.length, 0.6);
  const employeeEntity = Array.from({ length: s.employees }, () => ENTITIES[entities.draw(r())]!);
  const givers = Math.min(s.vendors, 2000);
  const giverCsv = Array.from({ length: givers }, (_, g) => csvField(vendorName(g)));
  // This calendar year's total per giver and recipient (the recipient fixes the LEA).
  const yearTotal = new Map<number, number>();
  let year = YEAR[FIRST_DAY]!;
  const perDay = rowsPerDay(s.gifts);
  const byDay = plantsByDay(planted);
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    if (YEAR[d] !== year) {
      year = YEAR[d]!;
      yearTotal.clear();
    }
    const iso = ISO[d]!;
    const next = (): string => {
      for (;;) {
        const g = Math.floor(r() * givers);
        const k = Math.floor(r() * s.employees);
        const value = r() < 0.03 ? 999 : logUniform(r, 100, 1_000);
        const key = g * 1e6 + k;
        const total = (yearTotal.get(key) ?? 0) + value;
        if (total > 4_999) continue;
        yearTotal.set(key, total);
        const desc = GIFT_DESCRIPTIONS[Math.floor(r() * GIFT_DESCRIPTIONS.length)]!;
        return `${file.nextId()},${iso},${giverCsv[g]},${employeeName(k)},${desc},${money(value)},${employeeEntity[k]}`;
      }
    };
    writeDay(file, perDay[d - FIRST_DAY]!, byDay.get(d), next);
    await file.maybeFlush();
  }
}

/** Writes the four ledgers and answer-key.json into `dir`; returns the key. */
export async function generate(opts: GenerateOptions): Promise<AnswerKey & { seconds: number }> {
  const t0 = performance.now();
  const seed = opts.seed ?? 1;
  const s = sizesFor(opts.rows);
  await mkdir(opts.dir, { recursive: true });

  const planter = new Planter(mulberry32(seed ^ 0x9a7e), s.vendors, s.cards, s.employees);
  for (const name of SCREEN_NAMES) {
    const { hits, near } = PLANTS[name];
    // Every variant at least once, whatever the size.
    const n = Math.max(hits.length, s.plants);
    for (let k = 0; k < n; k++) hits[k % hits.length]!(planter);
    for (let k = 0; k < Math.max(near.length, Math.ceil(n / 2)); k++) near[k % near.length]!(planter);
  }

  const files: Record<LedgerId, string> = {
    disbursements: 'disbursements.csv',
    pcard: 'pcard.csv',
    travel: 'travel.csv',
    gifts: 'gifts.csv',
  };
  const good: Record<LedgerId, number> = {
    disbursements: s.disbursements + planter.rows.disbursements.length,
    pcard: s.pcard + planter.rows.pcard.length,
    travel: s.travel + planter.rows.travel.length,
    gifts: s.gifts + planter.rows.gifts.length,
  };
  const open = (
    ledger: LedgerId,
    prefix: string,
    width: number,
    bad: (j: number, id: string) => BadRow,
    bom = false,
  ) =>
    new LedgerFile(
      ledger,
      join(opts.dir, files[ledger]),
      prefix,
      width,
      spread(s.bad[ledger], good[ledger]),
      bad,
      bom,
    );
  const ledgers = {
    disbursements: open('disbursements', 'D', 9, badDisbursement),
    pcard: open('pcard', 'P', 8, badCard),
    travel: open('travel', 'T', 7, badTravel),
    gifts: open('gifts', 'G', 7, badGift, opts.bom ?? true),
  };
  await Promise.all([
    writeDisbursements(ledgers.disbursements, s, seed, planter.rows.disbursements).then(() =>
      ledgers.disbursements.close(),
    ),
    writeCards(ledgers.pcard, s, seed, planter.rows.pcard).then(() => ledgers.pcard.close()),
    writeTravel(ledgers.travel, s, seed, planter.rows.travel).then(() => ledgers.travel.close()),
    writeGifts(ledgers.gifts, s, seed, planter.rows.gifts).then(() => ledgers.gifts.close()),
  ]);

  const byScreen = (list: Expectation[]) => {
    const out: Record<string, ExpectedHit[]> = {};
    for (const name of SCREEN_NAMES) out[screenId(name)] = [];
    for (const x of list)
      out[screenId(x.screen)]!.push({ ids: x.rows.map((row) => row.id).sort(), note: x.note });
    for (const hits of Object.values(out)) hits.sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : 1));
    return out;
  };
  const key: AnswerKey = {
    generator: GENERATOR_VERSION,
    seed,
    rows: opts.rows,
    files,
    rowCounts: {
      disbursements: ledgers.disbursements.good,
      pcard: ledgers.pcard.good,
      travel: ledgers.travel.good,
      gifts: ledgers.gifts.good,
    },
    lines: {
      disbursements: ledgers.disbursements.line - 1,
      pcard: ledgers.pcard.line - 1,
      travel: ledgers.travel.line - 1,
      gifts: ledgers.gifts.line - 1,
    },
    hits: byScreen(planter.hits),
    nearMisses: byScreen(planter.near),
    badRows: LEDGERS.flatMap((l) => ledgers[l].badRows),
  };
  for (const l of LEDGERS) {
    if (key.rowCounts[l] !== good[l])
      throw new Error(`${l}: wrote ${key.rowCounts[l]} rows, meant ${good[l]}`);
  }
  // Written last: its presence marks a complete set that a later run may reuse.
  await writeFile(join(opts.dir, 'answer-key.json'), `${JSON.stringify(key, null, 1)}\n`);
  return { ...key, seconds: (performance.now() - t0) / 1000 };
}

// `node bench/screening/generate.ts ROWS DIR [SEED]`
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [rows, dir, seed] = process.argv.slice(2);
  if (!rows || !dir) {
    console.error('usage: node bench/screening/generate.ts ROWS DIR [SEED]');
    process.exit(2);
  }
  const key = await generate({ rows: Number(rows), dir, seed: seed ? Number(seed) : 1 });
  const planted = Object.values(key.hits).reduce((n, h) => n + h.length, 0);
  console.log(
    `${dir}: ${Object.entries(key.lines)
      .map(([l, n]) => `${l} ${n}`)
      .join(
        ', ',
      )} lines; ${planted} planted hits, ${key.badRows.length} bad rows; ${key.seconds.toFixed(1)} s`,
  );
}
