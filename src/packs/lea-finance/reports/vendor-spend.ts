// Vendor spend for a fiscal year (July 1 – June 30): each vendor's purchases against the annual cumulative
// threshold (B.1.c) and the contract recurring purchases above it need (B.2.a), and professional services
// bought from an approved vendor list against its ceiling (B.1.d). The figures are the rules' own: the same
// parameters, and the same requisitions the derived facts count (not drafts, rejected or cancelled ones).
import { z } from 'zod';
import {
  type CalendarDate,
  fiscalYear,
  fiscalYearOf,
  formatDate,
  formatMoney,
  isBefore,
  type Period,
} from '../../../kernel/index.ts';
import type { PackReport, ReportCell, ReportContext, ReportDocument, ReportRecord } from '../../framework.ts';
import { cited } from '../rules/procurement/plan.ts';
import type { RequisitionFacts } from '../schemas/requisition.ts';
import type { VendorFacts } from '../schemas/vendor.ts';
import { NOT_PURCHASES } from '../workflows/requisition.ts';

/** At or above this share of a limit a vendor is shown as near it (basis points). */
const WARN_AT_BASIS_POINTS = 8_000;

const input = z.object({
  fiscalYear: z
    .string()
    .regex(/^FY\d{4}$/, 'expected a fiscal year such as FY2027')
    .optional()
    .meta({
      title: 'Fiscal year',
      description: 'e.g. FY2027 (July 1, 2026 – June 30, 2027); the current one when empty',
    }),
});

const key = (s: string): string => s.trim().toLowerCase();

/** spend ÷ limit in basis points, rounded down, without floating point. */
const share = (spend: number, limit: number): number =>
  limit <= 0 ? 0 : Number((BigInt(spend) * 10_000n) / BigInt(limit));
const percent = (bp: number): string => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

interface VendorRow {
  name: string;
  record?: ReportRecord;
  vendor?: Partial<VendorFacts>;
  spend: number;
  professional: number;
  drafts: number;
  count: number;
}

function reportPeriod(ctx: ReportContext): Period {
  const label = ctx.input.fiscalYear;
  return typeof label === 'string' && /^FY\d{4}$/.test(label)
    ? fiscalYear(Number(label.slice(2)), ctx.fiscalYear)
    : fiscalYearOf(ctx.asOf, ctx.fiscalYear);
}

export function buildVendorSpend(ctx: ReportContext): ReportDocument {
  const fy = reportPeriod(ctx);
  const threshold = ctx.param<number>('lea-finance.procurement.annual_cumulative_threshold');
  const ceiling = ctx.param<number>('lea-finance.professional_services.approved_vendor_list_max');
  const rows = new Map<string, VendorRow>();
  const rowOf = (name: string): VendorRow => {
    const k = key(name);
    let row = rows.get(k);
    if (!row) {
      row = { name: name.trim(), spend: 0, professional: 0, drafts: 0, count: 0 };
      rows.set(k, row);
    }
    return row;
  };
  for (const r of ctx.records) {
    if (r.kind !== 'vendor') continue;
    const v = r.data as Partial<VendorFacts>;
    if (typeof v.name !== 'string' || v.name.trim() === '') continue;
    const row = rowOf(v.name);
    row.record = r;
    row.vendor = v;
  }
  for (const r of ctx.records) {
    if (r.kind !== 'requisition') continue;
    const q = r.data as Partial<RequisitionFacts>;
    if (typeof q.vendor !== 'string' || typeof q.requisitionDate !== 'string') continue;
    if (!Number.isSafeInteger(q.amountCents)) continue;
    if (q.requisitionDate < fy.start || q.requisitionDate > fy.end) continue;
    const amount = q.amountCents as number;
    const row = rowOf(q.vendor);
    if (r.state === 'draft') {
      row.drafts += amount;
      continue;
    }
    if ((NOT_PURCHASES as readonly string[]).includes(r.state)) continue;
    row.spend += amount;
    row.count += 1;
    if (q.category === 'professional-services') row.professional += amount;
  }

  const contractInForce = (v: Partial<VendorFacts> | undefined): boolean =>
    v?.contractOnFile === true &&
    (v.contractEnds === undefined || !isBefore(v.contractEnds as CalendarDate, fy.end));
  const nameCell = (row: VendorRow): ReportCell =>
    row.record ? { record: row.record.id, text: row.name } : `${row.name} (no vendor record)`;
  const yes = (b: boolean | undefined): string => (b ? 'Yes' : 'No');

  const ordered = [...rows.values()].sort((a, b) => b.spend - a.spend || a.name.localeCompare(b.name));
  let over = 0;
  let near = 0;
  const spendRows = ordered.map((row): ReportCell[] => {
    const bp = share(row.spend, threshold);
    const contract = contractInForce(row.vendor);
    let status: ReportCell;
    if (row.spend > threshold) {
      over += 1;
      status = contract
        ? { text: 'Over the threshold; contract on file', tone: 'warn' }
        : {
            text: `Over the threshold: bid or RFP required (B.1.c)${row.vendor?.recurring ? '; contract needed if feasible (B.2.a)' : ''}`,
            tone: 'bad',
          };
    } else if (bp >= WARN_AT_BASIS_POINTS) {
      near += 1;
      status = { text: `Near the threshold (${percent(bp)})`, tone: 'warn' };
    } else {
      status = { text: 'Within the threshold', tone: 'ok' };
    }
    return [
      nameCell(row),
      row.count,
      { cents: row.spend },
      percent(bp),
      status,
      { cents: row.drafts },
      yes(row.vendor?.recurring),
      contract ? (row.vendor?.contractEnds ? { date: row.vendor.contractEnds } : 'Yes') : 'No',
    ];
  });

  const professional = ordered.filter(
    (row) => row.vendor?.approvedVendorList === true || row.professional > 0,
  );
  const professionalRows = professional.map((row): ReportCell[] => {
    const bp = share(row.professional, ceiling);
    const status: ReportCell =
      row.professional > ceiling
        ? { text: 'Over the approved vendor list ceiling: bid or RFP (D.2.h)', tone: 'bad' }
        : bp >= WARN_AT_BASIS_POINTS
          ? { text: `Near the ceiling (${percent(bp)})`, tone: 'warn' }
          : { text: 'Within the ceiling', tone: 'ok' };
    return [
      nameCell(row),
      yes(row.vendor?.approvedVendorList),
      { cents: row.professional },
      percent(bp),
      status,
    ];
  });

  return {
    title: `Vendor spend ${fy.label}`,
    subtitle: `Purchases from each vendor, ${formatDate(fy.start)} to ${formatDate(fy.end)}, against the procurement thresholds`,
    asOf: ctx.asOf,
    sections: [
      {
        heading: 'Annual cumulative threshold',
        paragraphs: [
          `The LEA may spend at most ${formatMoney(threshold)} with one vendor in a fiscal year (July 1 – June 30) on small purchases; beyond it a purchase is not a small purchase and goes through a bidding process or an RFP (B.1.c). Ongoing, continuous, regularly scheduled purchases above it use a contract if feasible (B.2.a).`,
          `${ordered.length} ${ordered.length === 1 ? 'vendor' : 'vendors'}: ${over} over the threshold, ${near} at ${percent(WARN_AT_BASIS_POINTS)} of it or more.`,
        ],
        table: {
          columns: [
            'Vendor',
            'Purchases',
            `Spend ${fy.label}`,
            'Of threshold',
            'Status',
            'In draft',
            'Recurring',
            'Contract',
          ],
          rows: spendRows,
        },
        citations: [cited('B.1.c'), cited('B.2.a')],
      },
      {
        heading: 'Professional services and the approved vendor list',
        paragraphs: [
          `Contracts or purchases of professional services from an approved vendor list may not exceed ${formatMoney(ceiling)}; above it they are obtained by a competitive bid or RFP (B.1.d, D.2.f, D.2.h).`,
        ],
        table: {
          columns: [
            'Vendor',
            'Approved vendor list',
            `Professional services ${fy.label}`,
            'Of ceiling',
            'Status',
          ],
          rows: professionalRows,
        },
        citations: [cited('B.1.d'), cited('D.2.f')],
      },
    ],
    notes: [
      'Spend counts requisitions dated in the fiscal year that are past draft and not rejected or cancelled, as the rules do; drafts are shown apart. Vendors are matched by name, trimmed and case-insensitively.',
      `A vendor is shown as near a limit from ${percent(WARN_AT_BASIS_POINTS)} of it. A contract counts when it is on file and does not end before the fiscal year does.`,
    ],
  };
}

export const vendorSpendReport: PackReport = {
  id: 'vendor-spend',
  title: 'Vendor spend by fiscal year',
  description:
    'Each vendor’s fiscal-year purchases against the annual cumulative threshold (B.1.c), the contract recurring purchases need (B.2.a), and professional services against the approved vendor list ceiling (B.1.d).',
  reads: ['requisition', 'vendor'],
  input,
  build: buildVendorSpend,
};
