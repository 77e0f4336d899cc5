// Purchases taken together: artificially divided purchases (B.3), the annual cumulative threshold per
// vendor (B.1.c) and recurring purchases above it (B.2). The other purchases come from the derived facts
// `relatedPurchases` and `vendorFiscalYearToDateCents`, which Probity fills in from the organisation's records.
import {
  defineRule,
  diffDays,
  type FindingDraft,
  fiscalYearOf,
  type RuleContext,
} from '../../../../kernel/index.ts';
import type { RequisitionFacts } from '../../schemas/requisition.ts';
import { ADOPTED } from '../../source.ts';
import { cited, exemptFromCompetition, money, needed, samePerson } from './plan.ts';

const SPLIT_LAW = 'Utah Code 63G-6a-408';

/** The thresholds a divided purchase may be kept under, lowest first, with what crossing each requires. */
function splitThresholds(f: RequisitionFacts, param: RuleContext['param']) {
  const t = (id: string, path: string, requires: string) => ({
    cents: param<number>(id),
    section: path,
    requires,
  });
  switch (f.category) {
    case 'professional-services':
      return [
        t('lea-finance.professional_services.direct_negotiation_max', 'D.2.f', 'at least two quotes'),
        t('lea-finance.professional_services.two_quotes_max', 'D.2.h', 'a competitive bid or RFP'),
      ];
    case 'construction':
      return [
        t('lea-finance.construction.direct_award_max', 'B.1.e(2)', 'at least two bids or quotes'),
        t(
          'lea-finance.construction.two_bids_max',
          'B.1.e(3)',
          'an advertised invitation for bids (Utah Code 53A-20)',
        ),
      ];
    default:
      return [
        t('lea-finance.procurement.individual_threshold', 'B.1.a', 'at least two competitive quotes'),
        t('lea-finance.procurement.single_aggregate_threshold', 'B.1.b', 'at least two competitive quotes'),
        t('lea-finance.decision_tree.tier_d_max', 'D.2.e', 'a competitive bid or RFP'),
        t('lea-finance.decision_tree.board_signature_above', 'D.2.e', "the LEA board's signature"),
      ];
  }
}

export const splitPurchase = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.split-purchase',
  title: 'A purchase is not divided to stay under a threshold',
  citations: [cited('B.3.a'), cited('B.3.a(1)'), cited('B.3.a(2)')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const window = ctx.param<number>('lea-finance.split.window_days');
    // The derivation already keeps to the window; purchases given with a case are held to it here too.
    const similar = f.relatedPurchases.filter(
      (p) =>
        samePerson(p.commodity, f.commodity) &&
        Math.abs(diffDays(p.requisitionDate, f.requisitionDate)) <= window,
    );
    if (similar.length === 0) return [];
    const group = [
      ...similar.map((p) => ({ id: p.id, requisitionDate: p.requisitionDate, amountCents: p.amountCents })),
      { id: 'this', requisitionDate: f.requisitionDate, amountCents: f.amountCents },
    ].sort((a, b) =>
      a.requisitionDate < b.requisitionDate ? -1 : a.requisitionDate > b.requisitionDate ? 1 : 0,
    );
    const total = group.reduce((s, p) => s + p.amountCents, 0);
    const largest = Math.max(...group.map((p) => p.amountCents));
    const crossed = splitThresholds(f, ctx.param)
      .filter((t) => largest <= t.cents && total > t.cents)
      .pop();
    if (crossed === undefined) return [];
    const values = {
      thresholdCents: crossed.cents,
      section: crossed.section,
      totalCents: total,
      ids: group.map((p) => p.id),
      purchases: group,
      windowDays: window,
    };
    const list = group
      .map((p) => `${p.id === 'this' ? 'this one' : p.id} ${money(p.amountCents)} on ${p.requisitionDate}`)
      .join(', ');
    const facts = `Purchases of ${f.commodity} from ${f.vendor} within ${window} days (${list}) total ${money(total)}, above the ${money(crossed.cents)} threshold (${crossed.section}) that each of them stays under`;
    if (f.isAddOn && f.addOnJustification !== undefined) {
      return [
        {
          kind: 'notice',
          message: `${facts}. This is an add-on order: its written justification of why it is not splitting a purchase is kept with the record and the vendor invoice (B.3.a(2)).`,
          values,
          citations: [cited('B.3.a(2)')],
        },
      ];
    }
    return [
      {
        kind: 'violation',
        message: `${facts}. Dividing a purchase of similar items to avoid ${crossed.requires} is unlawful (B.3.a; ${SPLIT_LAW}): procure them together${f.isAddOn ? ', or give the written explanation and justification an add-on order needs (B.3.a(2))' : ''}.`,
        values,
      },
    ];
  },
});

export const vendorAnnualCumulative = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.vendor-annual-cumulative',
  title: "A vendor's purchases in a fiscal year beyond the annual cumulative threshold need a bid or RFP",
  citations: [cited('B.1.c')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('lea-finance.procurement.annual_cumulative_threshold');
    const fy = fiscalYearOf(f.requisitionDate, ctx.fiscalYear);
    const total = f.vendorFiscalYearToDateCents + f.amountCents;
    const values = {
      fiscalYear: fy.label,
      fiscalYearToDateCents: f.vendorFiscalYearToDateCents,
      totalCents: total,
      thresholdCents: threshold,
    };
    const value: FindingDraft = {
      kind: 'value',
      message: `With this purchase the LEA's ${fy.label} purchases from ${f.vendor} (${fy.start} to ${fy.end}) total ${money(total)} of the ${money(threshold)} annual cumulative threshold.`,
      values,
    };
    // Only goods and services: professional services and construction have their own tiers (D.2.f–h).
    // A purchase above the threshold on its own is the decision tree's (D.2.e), not a cumulative matter.
    if (total <= threshold || f.category !== 'goods-services' || f.amountCents > threshold) return [value];
    const process = f.competitiveProcess?.method ?? 'none';
    if (exemptFromCompetition(f) || f.contractOnFile || process !== 'none') return [value];
    return [
      value,
      needed(
        f.approvedOn,
        'The purchase order was issued',
        `This purchase takes ${f.vendor} to ${money(total)} in ${fy.label}, above the ${money(threshold)} annual cumulative threshold: it is not a small purchase and goes through a bidding process or an RFP (B.1.c), or a contract.`,
        { values },
      ),
    ];
  },
});

export const recurringContract = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.recurring-contract',
  title: 'Recurring purchases above the annual cumulative threshold use a contract if feasible',
  citations: [cited('B.2.a')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('lea-finance.procurement.annual_cumulative_threshold');
    const total = f.vendorFiscalYearToDateCents + f.amountCents;
    if (!f.recurring || total <= threshold || f.contractOnFile) return [];
    const fy = fiscalYearOf(f.requisitionDate, ctx.fiscalYear);
    const values = { fiscalYear: fy.label, totalCents: total, thresholdCents: threshold };
    if (f.contractNotFeasibleReason !== undefined) {
      return [
        {
          kind: 'notice',
          message: `Recurring purchases from ${f.vendor} reach ${money(total)} in ${fy.label}; the reason a contract is not feasible is kept with the record (B.2.a).`,
          values,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Purchases from ${f.vendor} are ongoing and regularly scheduled and reach ${money(total)} in ${fy.label}, above the ${money(threshold)} annual cumulative threshold: a contract shall be used if feasible (B.2.a; Utah Code 63G-6a-408(6)); attach it or say why it is not feasible.`,
        values,
      },
    ];
  },
});
