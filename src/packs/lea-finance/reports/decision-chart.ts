// The "Decision Chart for Purchasing Thresholds" that A.3 and A.10 refer to but the policies do not
// include, generated from the parameters in force (with the organisation's overrides). Each row is the
// procurement plan the rules themselves compute (planOf), so the chart can never drift from them.
import { type Citation, formatDate, formatMoney } from '../../../kernel/index.ts';
import type { PackReport, ReportContext, ReportDocument, ReportSection } from '../../framework.ts';
import { cited, METHOD_TEXT, type Plan, planOf, SIGNERS } from '../rules/procurement/plan.ts';
import type { RequisitionFacts } from '../schemas/requisition.ts';

type Category = RequisitionFacts['category'];

const CATEGORIES: readonly { category: Category; heading: string; citations: Citation[] }[] = [
  {
    category: 'goods-services',
    heading: 'Goods and services',
    citations: [cited('D.2'), cited('B.1.a'), cited('B.1.b'), cited('B.1.c')],
  },
  {
    category: 'professional-services',
    heading: 'Professional services (architectural, engineering, accounting, legal, consulting)',
    citations: [cited('D.2.f'), cited('D.2.h'), cited('B.1.d')],
  },
  {
    category: 'construction',
    heading: 'Construction and improvements',
    citations: [cited('D.2.g'), cited('B.1.e'), cited('D.2.g(3)')],
  },
];

/** Every amount at which some rule's comparison changes: within two neighbours the plan is the same. */
const BOUNDARIES = [
  'lea-finance.decision_tree.tier_a_max',
  'lea-finance.decision_tree.tier_b_max',
  'lea-finance.decision_tree.tier_c_max',
  'lea-finance.decision_tree.tier_d_max',
  'lea-finance.decision_tree.board_signature_above',
  'lea-finance.professional_services.direct_negotiation_max',
  'lea-finance.professional_services.two_quotes_max',
  'lea-finance.construction.direct_award_max',
  'lea-finance.construction.two_bids_max',
] as const;

export interface ChartRow {
  /** Inclusive bounds in cents; `to` undefined means no upper bound. */
  from: number;
  to: number | undefined;
  plan: Plan;
}

const samePlan = (a: Plan, b: Plan) =>
  a.tier === b.tier &&
  a.method === b.method &&
  a.signatures.join() === b.signatures.join() &&
  a.processes.join() === b.processes.join() &&
  a.buildingRequirements === b.buildingRequirements;

/** The chart's rows for a category: the amount ranges over which the rules' plan stays the same. */
export function chartRows(category: Category, param: ReportContext['param']): ChartRow[] {
  const cuts = [...new Set(BOUNDARIES.map((id) => param<number>(id)))].sort((a, b) => a - b);
  const ranges: { from: number; to: number | undefined }[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut < from) continue;
    ranges.push({ from, to: cut });
    from = cut + 1;
  }
  ranges.push({ from, to: undefined });
  const rows: ChartRow[] = [];
  for (const r of ranges) {
    // The upper end (or the lower end of the open range) decides for the whole range.
    const plan = planOf({ category, amountCents: r.to ?? r.from }, param);
    const last = rows[rows.length - 1];
    if (last && samePlan(last.plan, plan)) last.to = r.to;
    else rows.push({ ...r, plan });
  }
  return rows;
}

export function rangeText(from: number, to: number | undefined): string {
  if (to === undefined) return `${formatMoney(from)} and above`;
  return `${formatMoney(from)} – ${formatMoney(to)}`;
}

function competitionText(plan: Plan, param: ReportContext['param']): string {
  const quotes = param<number>('lea-finance.decision_tree.min_quotes');
  switch (plan.method) {
    case 'best-source':
      return 'None required';
    case 'quotes':
      return `At least ${quotes} written quotes${plan.category === 'construction' ? ' or bids with minimum specifications' : ''}; lowest meeting specifications`;
    case 'direct-negotiation':
      return `Qualifications of at least ${param<number>('lea-finance.professional_services.min_providers_reviewed')} providers reviewed`;
    case 'direct-award':
      return 'Building code approvals, licences and permits documented';
    case 'bid-or-rfp':
      return plan.processes.includes('approved-vendor-list')
        ? 'Invitation for bids or RFP (or an approved vendor list created by one)'
        : 'Invitation for bids or RFP';
    case 'bid-53A-20':
      return `Invitation for bids advertised at least ${param<number>('lea-finance.construction.advertising_days')} days before the bid due date`;
  }
}

const signerShort: Record<string, string> = {
  requestor: 'Requestor',
  supervisor: 'Immediate supervisor or business officer',
  'business-administrator': 'Business administrator',
  superintendent: 'Superintendent',
  board: 'Board',
};

function categorySection(c: (typeof CATEGORIES)[number], param: ReportContext['param']): ReportSection {
  const rows = chartRows(c.category, param);
  const paragraphs =
    c.category === 'professional-services'
      ? [
          `Contracts or purchases from an approved vendor list may not exceed ${formatMoney(param<number>('lea-finance.professional_services.approved_vendor_list_max'))} (D.2.f, B.1.d).`,
        ]
      : c.category === 'construction'
        ? [
            'Every construction purchase documents that building code approvals, licensing, permitting and other construction requirements are met (B.1.e(1)); projects above the small-construction ceiling follow Utah Code 53A-20.',
          ]
        : [];
  return {
    heading: c.heading,
    paragraphs,
    table: {
      columns: [
        'Total purchase',
        'How to procure',
        'Quotes, bids or proposals',
        'Signatures, in order',
        'Section',
      ],
      rows: rows.map((r) => [
        rangeText(r.from, r.to),
        METHOD_TEXT[r.plan.method].replace(/^./, (ch) => ch.toUpperCase()),
        competitionText(r.plan, param),
        r.plan.signatures.map((s) => signerShort[s] ?? s).join(' → '),
        r.plan.citations.map((x) => x.section).join(', '),
      ]),
    },
    citations: c.citations,
  };
}

export function buildDecisionChart(ctx: ReportContext): ReportDocument {
  const { param } = ctx;
  const m = (id: string) => formatMoney(param<number>(id));
  const sections: ReportSection[] = [
    {
      heading: 'First: is it on a state contract?',
      paragraphs: [
        'If the item is available from a state agency or a state cooperative contract, purchase it there (encouraged); the quotes and bids below are then not needed. Otherwise follow the chart (D.1).',
        'Every purchase starts with an expenditure authorisation form (purchase order or requisition), with any required quotes, approved before the purchase is initiated (I.1–I.2). Payment follows only after the invoice and a complete packing slip are compared with it (I.4–I.5). The requestor never approves their own request.',
      ],
      citations: [cited('D.1'), cited('I.1'), cited('I.2'), cited('I.5')],
    },
    ...CATEGORIES.map((c) => categorySection(c, param)),
    {
      heading: 'Small purchase thresholds',
      table: {
        columns: ['Threshold', 'Amount', 'Meaning', 'Section'],
        rows: [
          [
            'Individual procurement',
            { cents: param<number>('lea-finance.procurement.individual_threshold') },
            'The most for a single item or service from one vendor at one time without competitive purchasing',
            'B.1.a',
          ],
          [
            'Single procurement aggregate',
            { cents: param<number>('lea-finance.procurement.single_aggregate_threshold') },
            `Any combination of items each under the individual threshold, from one vendor at one time`,
            'B.1.b',
          ],
          [
            'Annual cumulative (per vendor, fiscal year July 1 – June 30)',
            { cents: param<number>('lea-finance.procurement.annual_cumulative_threshold') },
            'Above this a vendor’s small purchases in the fiscal year need a bid or RFP; ongoing, regularly scheduled purchases need a contract if feasible (B.2.a)',
            'B.1.c, B.2.a',
          ],
        ],
      },
      citations: [cited('B.1'), cited('B.2.a')],
    },
    {
      heading: 'Do not split purchases',
      paragraphs: [
        `Dividing a purchase of similar items from one vendor into smaller purchases, invoices or orders — at once or over a short period — to stay under these thresholds or a card's limits is unlawful. Probity flags purchases from the same vendor of the same kind of item within ${param<number>('lea-finance.split.window_days')} days of each other whose total crosses a threshold. An add-on order needs the purchaser's written explanation and justification, kept with the invoice (B.3.a(2)).`,
      ],
      citations: [cited('B.3.a'), cited('B.3.a(2)')],
    },
    {
      heading: 'Sole source and purchase cards',
      paragraphs: [
        `Sole source only for a unique product or service with one possible vendor, determined by LEA purchasing and justified under Utah Code 63G-6a-802; requests estimated at ${m('lea-finance.sole_source.public_comment_threshold')} and above are posted for public comment (E.1–E.3).`,
        `Card purchases above ${m('lea-finance.card.preapproval_threshold')} are pre-approved on an expenditure authorisation form before the purchase (F.3). Card limits: ${m('lea-finance.card.transaction_limit')} a transaction, ${m('lea-finance.card.daily_limit')} a day, ${m('lea-finance.card.monthly_limit')} a month (F.11). ATM use, cash advances and personal use are prohibited (F.9).`,
      ],
      citations: [cited('E.2'), cited('E.3'), cited('F.3'), cited('F.9'), cited('F.11')],
    },
  ];
  const notes = [
    `Generated by Probity from the parameters in force on ${formatDate(ctx.asOf)}; the same parameters decide every requisition, so the chart and the rules agree. The policies print ranges in whole dollars ("$1,001–$5,000"); amounts are compared to the cent, so $1,000.01 is in the second tier.`,
    ...(ctx.overrides ?? []).map(
      (o) => `This organisation sets ${o.title} to its own value from ${o.from}: ${o.reason}`,
    ),
    `Signature order: ${SIGNERS.map((s) => s.title).join(', then ')}.`,
  ];
  return {
    title: 'Decision Chart for Purchasing Thresholds',
    subtitle: 'Procurement Decision Tree (D.2) and LEA procurement thresholds (B.1)',
    asOf: ctx.asOf,
    sections,
    notes,
  };
}

export const decisionChartReport: PackReport = {
  id: 'decision-chart',
  title: 'Decision Chart for Purchasing Thresholds',
  description:
    'How to procure and who signs at each amount, for goods and services, professional services and construction — generated from the thresholds in force.',
  build: buildDecisionChart,
};
