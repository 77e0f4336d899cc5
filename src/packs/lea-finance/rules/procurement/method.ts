// D.2 Procurement Decision Tree and B.1 Small Purchases: the tier a purchase falls in, the procurement
// method it needs, the quotes it needs and what each quote must show (A.7).
import { defineRule, diffDays, type FindingDraft } from '../../../../kernel/index.ts';
import type { Quote, RequisitionFacts } from '../../schemas/requisition.ts';
import { ADOPTED } from '../../source.ts';
import {
  cited,
  exemptFromCompetition,
  listText,
  METHOD_TEXT,
  money,
  needed,
  planOf,
  samePerson,
  signerTitle,
} from './plan.ts';

const CATEGORY_TEXT: Readonly<Record<RequisitionFacts['category'], string>> = {
  'goods-services': 'goods and services',
  'professional-services': 'professional services',
  construction: 'construction',
};

export const decisionTree = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.decision-tree',
  title: 'The decision tree tier, method and signatures for the purchase’s total and category',
  citations: [cited('D.2'), cited('D.1'), cited('B.1')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const plan = planOf(f, ctx.param);
    const out: FindingDraft[] = [
      {
        kind: 'value',
        message: `A ${money(f.amountCents)} purchase of ${CATEGORY_TEXT[f.category]} falls under ${plan.tier}: ${METHOD_TEXT[plan.method]}; signatures of ${listText(plan.signatures.map(signerTitle))}.`,
        values: {
          tier: plan.tier,
          method: plan.method,
          signatures: [...plan.signatures],
          amountCents: f.amountCents,
        },
        citations: plan.citations,
      },
    ];
    if (f.stateContract) {
      out.push({
        kind: 'notice',
        message:
          'Bought from a state agency or state cooperative contract, as D.1 encourages: the decision chart’s quotes and bids are not needed; the signatures still are.',
        citations: [cited('D.1')],
      });
    }
    return out;
  },
});

export const procurementMethod = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.method',
  title: 'The purchase is procured by the method its tier requires',
  citations: [
    cited('D.2.e'),
    cited('D.2.f'),
    cited('D.2.g'),
    cited('D.2.h'),
    cited('B.1.d'),
    cited('B.1.e'),
    cited('E.1'),
  ],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    if (f.stateContract) return [];
    const plan = planOf(f, ctx.param);
    const amount = money(f.amountCents);
    const poIssued = 'The purchase order was issued';
    if (f.soleSource) {
      if (f.soleSourceJustificationApproved) return [];
      return [
        needed(
          f.approvedOn,
          poIssued,
          `A sole-source purchase needs a sole-source justification determined by LEA purchasing and approved by administration (E.1–E.3).`,
          { citations: [cited('E.1'), cited('E.3')] },
        ),
      ];
    }
    const process = f.competitiveProcess?.method ?? 'none';
    const out: FindingDraft[] = [];
    const avlMax = ctx.param<number>('lea-finance.professional_services.approved_vendor_list_max');
    if (
      f.category === 'professional-services' &&
      process === 'approved-vendor-list' &&
      f.amountCents > avlMax
    ) {
      out.push({
        kind: 'violation',
        message: `Contracts or purchases of professional services from an approved vendor list may not exceed ${money(avlMax)} (B.1.d, D.2.f); this one is ${amount}: use a competitive bid or RFP (D.2.h).`,
        values: { amountCents: f.amountCents, ceilingCents: avlMax },
        citations: [cited('B.1.d'), cited('D.2.f')],
      });
      return out;
    }
    const competed = process !== 'none' && plan.processes.includes(process);
    switch (plan.method) {
      case 'direct-negotiation': {
        const least = ctx.param<number>('lea-finance.professional_services.min_providers_reviewed');
        if (!competed && f.providersReviewed < least) {
          out.push(
            needed(
              f.requestedOn,
              'The requisition was submitted',
              `Professional services of ${amount} may be negotiated directly only after reviewing the qualifications of at least ${least} providers (D.2.f); ${f.providersReviewed} reviewed.`,
              { values: { providersReviewed: f.providersReviewed, least }, citations: plan.citations },
            ),
          );
        }
        break;
      }
      case 'bid-or-rfp':
        if (!competed) {
          out.push(
            needed(
              f.approvedOn,
              poIssued,
              `A ${amount} purchase of ${CATEGORY_TEXT[f.category]} needs ${plan.processes.length === 2 ? 'a competitive bid or RFP' : 'a competitive bid or RFP, or an approved vendor list created by one'}, managed by LEA purchasing (${plan.tier}).`,
              { values: { tier: plan.tier, process }, citations: plan.citations },
            ),
          );
        }
        break;
      case 'bid-53A-20': {
        const days = ctx.param<number>('lea-finance.construction.advertising_days');
        const cp = f.competitiveProcess;
        if (process !== 'bid' || cp?.advertisedOn === undefined || cp.bidDueOn === undefined) {
          out.push(
            needed(
              f.approvedOn,
              poIssued,
              `Construction of ${amount} is not a small construction project: it follows Utah Code 53A-20, with an invitation for bids advertised at least ${days} days before the bid due date (D.2.g(3)); record the bid, its advertisement date and its due date.`,
              { values: { process, days }, citations: plan.citations },
            ),
          );
        } else {
          const advertised = diffDays(cp.bidDueOn, cp.advertisedOn);
          if (advertised < days) {
            out.push({
              kind: 'violation',
              message: `The bids were advertised on ${cp.advertisedOn}, ${advertised} days before the bid due date ${cp.bidDueOn}; D.2.g(3) requires at least ${days} days.`,
              values: {
                advertisedOn: cp.advertisedOn,
                bidDueOn: cp.bidDueOn,
                daysAdvertised: advertised,
                days,
              },
              citations: plan.citations,
            });
          }
        }
        break;
      }
      default:
        break;
    }
    if (plan.buildingRequirements && !f.buildingRequirementsDocumented) {
      out.push(
        needed(
          f.approvedOn,
          poIssued,
          `Construction of ${amount} may be awarded only after documenting that all applicable building code approvals, licensing requirements, permitting and other construction requirements are met (B.1.e(1), ${plan.tier}).`,
          { citations: [cited('B.1.e(1)'), cited(plan.tier)] },
        ),
      );
    }
    return out;
  },
});

export const quotesRequired = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.quotes',
  title: 'At least two competitive quotes, and the lowest meeting specifications chosen',
  citations: [
    cited('D.2.b'),
    cited('D.2.c'),
    cited('D.2.d'),
    cited('D.2.f'),
    cited('D.2.g(2)'),
    cited('I.1'),
  ],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const plan = planOf(f, ctx.param);
    if (plan.method !== 'quotes' || exemptFromCompetition(f) || f.soleSource) return [];
    const process = f.competitiveProcess?.method ?? 'none';
    if (process !== 'none' && plan.processes.includes(process)) return [];
    const least = ctx.param<number>('lea-finance.decision_tree.min_quotes');
    const amount = money(f.amountCents);
    const submitted = 'The requisition was submitted';
    const count = f.quotes.length;
    const what = plan.category === 'construction' ? 'competitive bids or quotes' : 'competitive quotes';
    if (count < least) {
      return [
        needed(
          f.requestedOn,
          submitted,
          `A ${amount} purchase needs at least ${least} ${what} attached before it is submitted (${plan.tier}, I.1); ${count} ${count === 1 ? 'is' : 'are'} attached.`,
          { values: { quotes: count, least, tier: plan.tier }, citations: plan.citations },
        ),
      ];
    }
    const lowest = Math.min(...f.quotes.map((q) => q.amountCents));
    const chosen = f.quotes.find((q) => samePerson(q.companyName, f.vendor));
    if (chosen === undefined) {
      return [
        needed(
          f.requestedOn,
          submitted,
          `None of the ${count} quotes is from the vendor chosen, ${f.vendor}; attach its quote (${plan.tier}).`,
          { values: { quotes: count, lowestCents: lowest }, citations: plan.citations },
        ),
      ];
    }
    if (chosen.amountCents > lowest) {
      const values = { quotes: count, lowestCents: lowest, chosenCents: chosen.amountCents };
      if (f.lowerQuotesRejectedReason !== undefined) {
        return [
          {
            kind: 'notice',
            message: `${f.vendor} quoted ${money(chosen.amountCents)}, above the lowest quote of ${money(lowest)}; the reason the lower quotes did not meet specifications is kept with the record.`,
            values,
          },
        ];
      }
      return [
        needed(
          f.requestedOn,
          submitted,
          `${f.vendor} quoted ${money(chosen.amountCents)}, above the lowest quote of ${money(lowest)}: buy from the supplier offering the lowest quote meeting specifications, or say why the lower quotes did not meet them (${plan.tier}).`,
          { values, citations: plan.citations },
        ),
      ];
    }
    return [];
  },
});

/** The six elements of A.7.a, each with the fields that document it. */
const ELEMENTS: readonly { path: string; title: string; missing(q: Quote): boolean }[] = [
  {
    path: 'A.7.a(1)',
    title: 'date received or dates the price is valid, and delivery date',
    missing: (q) => (q.receivedOn === undefined && q.validUntil === undefined) || q.delivery === undefined,
  },
  {
    path: 'A.7.a(2)',
    title: 'company name and address',
    missing: (q) => q.companyName === undefined || q.companyAddress === undefined,
  },
  {
    path: 'A.7.a(3)',
    title: 'each item with description, unit, quantity and total price',
    missing: (q) =>
      q.items.length === 0 ||
      q.items.some(
        (i) =>
          i.description === undefined ||
          i.unit === undefined ||
          i.quantity === undefined ||
          i.totalCents === undefined,
      ),
  },
  { path: 'A.7.a(4)', title: 'shipping and freight charges', missing: (q) => q.shippingCents === undefined },
  {
    path: 'A.7.a(5)',
    title: 'salesperson and contact information',
    missing: (q) => q.salesperson === undefined || q.salespersonContact === undefined,
  },
  {
    path: 'A.7.a(6)',
    title: 'LEA employee name and position',
    missing: (q) => q.employeeName === undefined || q.employeePosition === undefined,
  },
];

export const quoteCompleteness = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.quote-completeness',
  title: 'Each quote shows the six elements of A.7.a, however it was obtained',
  citations: [cited('A.7.a'), cited('A.7.b')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f) {
    const out: FindingDraft[] = [];
    f.quotes.forEach((q, i) => {
      const missing = ELEMENTS.filter((e) => e.missing(q));
      if (missing.length === 0) return;
      const how =
        q.method === 'written'
          ? 'written quote'
          : q.method === 'website'
            ? 'website quote'
            : 'telephone quote';
      const who = q.companyName ?? `quote ${i + 1}`;
      out.push(
        needed(
          f.requestedOn,
          'The requisition was submitted',
          `The ${how} from ${who} lacks ${listText(missing.map((e) => `${e.title} (${e.path})`))}${q.method === 'written' ? '' : '; A.7.b requires telephone and website quotes to document every element'}.`,
          {
            subject: who,
            values: { quote: i + 1, missing: missing.map((e) => e.path) },
            citations: [
              ...missing.map((e) => cited(e.path)),
              ...(q.method === 'written' ? [] : [cited('A.7.b')]),
            ],
          },
        ),
      );
    });
    return out;
  },
});
