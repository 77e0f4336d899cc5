// A vendor's page: its fiscal-year spend against the annual cumulative threshold (B.1.c) and the contract
// recurring purchases above it need (B.2.a).
import { defineRule, fiscalYearOf, isBefore } from '../../../../kernel/index.ts';
import type { VendorFacts } from '../../schemas/vendor.ts';
import { ADOPTED } from '../../source.ts';
import { cited, money } from './plan.ts';

const contractInForce = (f: VendorFacts): boolean =>
  f.contractOnFile &&
  (f.contractEnds === undefined || f.asOfDate === undefined || !isBefore(f.contractEnds, f.asOfDate));

export const vendorAnnualSpend = defineRule<VendorFacts>({
  id: 'lea-finance.vendor.annual-cumulative',
  title: "The vendor's fiscal-year spend against the annual cumulative threshold",
  citations: [cited('B.1.c')],
  effective: { from: ADOPTED },
  appliesTo: ['vendor'],
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('lea-finance.procurement.annual_cumulative_threshold');
    const fy = f.asOfDate === undefined ? undefined : fiscalYearOf(f.asOfDate, ctx.fiscalYear);
    const when = fy === undefined ? 'this fiscal year' : `${fy.label} (${fy.start} to ${fy.end})`;
    const values = {
      fiscalYear: fy?.label ?? null,
      spendCents: f.fiscalYearSpendCents,
      thresholdCents: threshold,
      remainingCents: Math.max(0, threshold - f.fiscalYearSpendCents),
    };
    const value = {
      kind: 'value' as const,
      message: `Purchases from ${f.name} in ${when}: ${money(f.fiscalYearSpendCents)} of the ${money(threshold)} annual cumulative threshold.`,
      values,
    };
    if (f.fiscalYearSpendCents <= threshold || contractInForce(f) || f.stateContract) return [value];
    return [
      value,
      {
        kind: 'requirement',
        message: `Purchases from ${f.name} exceed ${money(threshold)} in ${when}: further purchases are not small purchases and go through a bidding process or an RFP, or a contract (B.1.c).`,
        values,
      },
    ];
  },
});

export const vendorRecurringContract = defineRule<VendorFacts>({
  id: 'lea-finance.vendor.recurring-contract',
  title: 'A vendor of recurring purchases above the annual cumulative threshold has a contract if feasible',
  citations: [cited('B.2.a')],
  effective: { from: ADOPTED },
  appliesTo: ['vendor'],
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('lea-finance.procurement.annual_cumulative_threshold');
    if (!f.recurring || f.fiscalYearSpendCents <= threshold || contractInForce(f)) return [];
    const values = {
      spendCents: f.fiscalYearSpendCents,
      thresholdCents: threshold,
      contractEnds: f.contractEnds ?? null,
    };
    if (f.contractNotFeasibleReason !== undefined) {
      return [
        {
          kind: 'notice',
          message: `Recurring purchases from ${f.name} exceed ${money(threshold)} without a contract; the reason a contract is not feasible is on file (B.2.a).`,
          values,
        },
      ];
    }
    const expired = f.contractOnFile && f.contractEnds !== undefined;
    return [
      {
        kind: 'requirement',
        message: `Purchases from ${f.name} are ongoing and regularly scheduled and exceed ${money(threshold)} this fiscal year${expired ? `, and its contract ended on ${f.contractEnds}` : ''}: a contract shall be used if feasible (B.2.a; Utah Code 63G-6a-408(6)).`,
        values,
      },
    ];
  },
});
