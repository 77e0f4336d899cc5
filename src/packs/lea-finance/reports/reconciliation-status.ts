// Reconciliation status for a fiscal year: for each bank account (L.1) and each purchase card (F.4–F.7),
// month by month, whether the reconciliation is reviewed, done and awaiting review, due, overdue or missing
// — what L.2 asks the audit committee or LEA management to ensure is occurring every month.
import { z } from 'zod';
import {
  addMonths,
  type CalendarDate,
  fiscalYear,
  fiscalYearOf,
  formatDate,
  isAfter,
  parseDate,
} from '../../../kernel/index.ts';
import type { PackReport, ReportCell, ReportContext, ReportRecord } from '../../framework.ts';
import { daysAfterMonthEnd, endOfMonth } from '../rules/controls-common.ts';
import { type BankReconciliationFacts, bankReconciliationFacts } from '../schemas/bank-reconciliation.ts';
import { type CardStatementFacts, cardStatementFacts } from '../schemas/card-statement.ts';
import { section } from '../source.ts';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

type Status =
  | 'reviewed'
  | 'awaiting-review'
  | 'review-overdue'
  | 'due'
  | 'overdue'
  | 'missing'
  | 'not-recorded'
  | 'not-yet';

interface Entry {
  record: ReportRecord;
  /** The account or card the row is for. */
  key: string;
  name: string;
  month: string;
  doneOn: CalendarDate | undefined;
  reviewedOn: CalendarDate | undefined;
}

/** A month's status from its record (if any), its due date and the as-of date. */
function statusOf(entry: Entry | undefined, month: string, due: CalendarDate, asOf: CalendarDate): Status {
  if (entry?.reviewedOn !== undefined) return 'reviewed';
  if (entry?.doneOn !== undefined) return isAfter(asOf, due) ? 'review-overdue' : 'awaiting-review';
  if (!isAfter(asOf, endOfMonth(month))) return 'not-yet';
  if (isAfter(asOf, due)) return entry === undefined ? 'missing' : 'overdue';
  return 'due';
}

const CELL: Record<Status, (due: CalendarDate) => ReportCell> = {
  reviewed: () => ({ text: 'Reviewed', tone: 'ok' }),
  'awaiting-review': (due) => ({ text: `Done, review due ${formatDate(due)}`, tone: 'warn' }),
  'review-overdue': () => ({ text: 'Done, review overdue', tone: 'bad' }),
  due: (due) => ({ text: `Due ${formatDate(due)}`, tone: 'warn' }),
  overdue: () => ({ text: 'Overdue', tone: 'bad' }),
  missing: () => ({ text: 'Missing', tone: 'bad' }),
  'not-recorded': () => 'Not recorded',
  'not-yet': () => '',
};

const STATUS_TEXT: Record<Status, string> = {
  reviewed: 'reviewed',
  'awaiting-review': 'done, awaiting review',
  'review-overdue': 'done, review overdue',
  due: 'due',
  overdue: 'overdue',
  missing: 'missing',
  'not-recorded': 'not recorded in Probity',
  'not-yet': 'not yet due',
};

const keyOf = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function bankEntries(records: readonly ReportRecord[]): Entry[] {
  return records.flatMap((record) => {
    if (record.kind !== 'bank-reconciliation') return [];
    const parsed = bankReconciliationFacts.safeParse(record.data);
    if (!parsed.success) return [];
    const d: BankReconciliationFacts = parsed.data;
    return [
      {
        record,
        key: keyOf(d.account),
        name: d.account,
        month: d.month,
        doneOn: d.performedOn,
        reviewedOn: d.reviewedOn,
      },
    ];
  });
}

function cardEntries(records: readonly ReportRecord[]): Entry[] {
  return records.flatMap((record) => {
    if (record.kind !== 'card-statement') return [];
    const parsed = cardStatementFacts.safeParse(record.data);
    if (!parsed.success) return [];
    const d: CardStatementFacts = parsed.data;
    return [
      {
        record,
        key: keyOf(d.cardId),
        name: `Card ${d.cardId} (${d.holder})`,
        month: d.statementMonth,
        doneOn: d.certifiedOn,
        reviewedOn: d.reviewedOn,
      },
    ];
  });
}

interface Grid {
  rows: ReportCell[][];
  listed: ReportCell[][];
  counts: Record<Status, number>;
}

function grid(entries: Entry[], months: string[], days: number, asOf: CalendarDate): Grid {
  const counts: Record<Status, number> = {
    reviewed: 0,
    'awaiting-review': 0,
    'review-overdue': 0,
    due: 0,
    overdue: 0,
    missing: 0,
    'not-recorded': 0,
    'not-yet': 0,
  };
  const names = new Map<string, string>();
  for (const e of entries) if (!names.has(e.key)) names.set(e.key, e.name);
  const keys = [...names.keys()].sort((a, b) => (names.get(a)! < names.get(b)! ? -1 : 1));
  const rows: ReportCell[][] = [];
  const listed: ReportCell[][] = [];
  for (const key of keys) {
    const row: ReportCell[] = [names.get(key)!];
    // Months before the first one recorded for this account or card predate its records in Probity.
    const firstMonth = entries
      .filter((e) => e.key === key)
      .map((e) => e.month)
      .sort()[0]!;
    for (const month of months) {
      const entry = entries.find((e) => e.key === key && e.month === month);
      const due = daysAfterMonthEnd(month, days);
      const status = month < firstMonth ? 'not-recorded' : statusOf(entry, month, due, asOf);
      counts[status] += 1;
      row.push(CELL[status](due));
      if (entry) {
        listed.push([
          { record: entry.record.id, text: entry.record.title },
          monthLabel(month),
          entry.record.state,
          entry.doneOn ? { date: entry.doneOn } : null,
          entry.reviewedOn ? { date: entry.reviewedOn } : null,
          { date: due },
          CELL[status](due) || STATUS_TEXT[status],
        ]);
      }
    }
    rows.push(row);
  }
  return { rows, listed, counts };
}

const summary = (what: string, c: Record<Status, number>) =>
  `${what}: ${c.reviewed} reviewed, ${c['awaiting-review']} done and awaiting review, ${c['review-overdue']} done with the review overdue, ${c.due} due, ${c.overdue + c.missing} overdue or missing.`;

const input = z.object({
  fiscalYear: z
    .string()
    .regex(/^(FY)?\d{4}$/i, 'expected a fiscal year such as FY2026 or 2026')
    .optional()
    .meta({
      title: 'Fiscal year',
      description: 'e.g. FY2026 (July 1, 2025 – June 30, 2026); the current one when empty',
    }),
});

export const reconciliationStatusReport: PackReport = {
  id: 'reconciliation-status',
  title: 'Reconciliation status',
  description:
    'Month by month for a fiscal year, each bank account’s reconciliation and each purchase card’s statement: reviewed, done and awaiting review, due, overdue or missing (L.1, L.2, F.4–F.7).',
  reads: ['bank-reconciliation', 'card-statement'],
  input,
  build(ctx: ReportContext) {
    const given = typeof ctx.input.fiscalYear === 'string' ? ctx.input.fiscalYear : undefined;
    const fy = given
      ? fiscalYear(Number(given.replace(/^FY/i, '')), ctx.fiscalYear)
      : fiscalYearOf(ctx.asOf, ctx.fiscalYear);
    const first = parseDate(fy.start, 'fiscalYear');
    const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i).slice(0, 7));
    const bankDays = ctx.param<number>('lea-finance.review.bank_reconciliation_days');
    const cardDays = ctx.param<number>('lea-finance.card.reconciliation_days');
    const inYear = (e: Entry) => months.includes(e.month);
    const bank = grid(bankEntries(ctx.records).filter(inYear), months, bankDays, ctx.asOf);
    const cards = grid(cardEntries(ctx.records).filter(inYear), months, cardDays, ctx.asOf);
    const columns = (first: string) => [first, ...months.map(monthLabel)];
    const listColumns = ['Record', 'Month', 'State', 'Reconciled / certified', 'Reviewed', 'Due', 'Status'];
    return {
      title: `Reconciliation status, ${fy.label}`,
      subtitle: `${formatDate(fy.start)} to ${formatDate(fy.end)}, as of ${formatDate(ctx.asOf)}`,
      asOf: ctx.asOf,
      sections: [
        {
          heading: 'Bank reconciliations',
          paragraphs: [
            bank.rows.length === 0
              ? `No bank reconciliation is recorded for ${fy.label}.`
              : summary('Account-months', bank.counts),
            `Each LEA-approved account is reconciled monthly, and administration documents its review of the statement and reconciliation (L.1, L.2); a month is due ${bankDays} days after it ends.`,
          ],
          table: { columns: columns('Account'), rows: bank.rows },
          citations: [section('L.1'), section('L.2'), section('A.8')],
        },
        {
          heading: 'Purchase-card statements',
          paragraphs: [
            cards.rows.length === 0
              ? `No purchase-card statement is recorded for ${fy.label}.`
              : summary('Card-months', cards.counts),
            `Each card user reconciles and certifies the month's statement with all receipts, and administration with oversight over the user reviews and approves it (F.4–F.7, L.2); a statement is due ${cardDays} days after its month ends.`,
          ],
          table: { columns: columns('Card'), rows: cards.rows },
          citations: [section('F.4'), section('F.5'), section('F.6'), section('F.7'), section('L.2')],
        },
        {
          heading: 'Records',
          table: { columns: listColumns, rows: [...bank.listed, ...cards.listed] },
        },
      ],
      notes: [
        `"Monthly" and "in a timely manner" (L.1, L.2, A.8, F.4, F.5) are read as ${bankDays} days after month end for bank reconciliations (lea-finance.review.bank_reconciliation_days) and ${cardDays} days for card statements (lea-finance.card.reconciliation_days); an organisation may override either.`,
        'A month is "missing" when an account or card has an earlier record but none for that month and its due date has passed; months before its first record read "not recorded".',
      ],
    };
  },
};
