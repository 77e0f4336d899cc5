// SOURCE.md § 2: limits on petty-cash disbursements.
import { defineRule, fiscalYearOf, formatMoney } from '../../../kernel/index.ts';
import type { DisbursementFacts } from '../schemas.ts';
import { section } from '../source.ts';

export const singleDisbursementLimit = defineRule<DisbursementFacts>({
  id: 'sample.limits.single-disbursement',
  title: 'A single disbursement stays within the petty-cash limit',
  citations: [section('2.1')],
  effective: { from: '2020-07-01' },
  appliesTo: ['disbursement'],
  evaluate(f, ctx) {
    const limit = ctx.param<number>('sample.limits.single_disbursement');
    if (f.amountCents <= limit) return [];
    return [
      {
        kind: 'violation',
        message: `${formatMoney(f.amountCents)} exceeds the petty-cash limit of ${formatMoney(limit)} for one disbursement; pay it through a purchase order instead.`,
        values: { amountCents: f.amountCents, limitCents: limit, excessCents: f.amountCents - limit },
      },
    ];
  },
});

export const receiptRequired = defineRule<DisbursementFacts>({
  id: 'sample.limits.receipt',
  title: 'Disbursements above the receipt threshold have an itemised receipt',
  citations: [section('2.2')],
  effective: { from: '2020-07-01' },
  appliesTo: ['disbursement'],
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('sample.limits.receipt_threshold');
    if (f.amountCents <= threshold) return [];
    if (f.hasReceipt) {
      return [{ kind: 'requirement', severity: 'info', message: 'Itemised receipt required and attached.' }];
    }
    return [
      {
        kind: 'violation',
        severity: 'medium',
        message: `An itemised receipt is required for disbursements above ${formatMoney(threshold)}; none is attached.`,
        values: { thresholdCents: threshold },
      },
    ];
  },
});

export const annualFundTotal = defineRule<DisbursementFacts>({
  id: 'sample.limits.annual-fund-total',
  title: "A fund's disbursements stay within the fiscal-year total",
  citations: [section('2.3'), section('1.1')],
  effective: { from: '2020-07-01' },
  appliesTo: ['disbursement'],
  evaluate(f, ctx) {
    const limit = ctx.param<number>('sample.limits.annual_fund_total');
    const fy = fiscalYearOf(f.paidOn, ctx.fiscalYear);
    const total = f.fundFiscalYearToDateCents + f.amountCents;
    const values = { fiscalYear: fy.label, totalCents: total, limitCents: limit };
    if (total <= limit) {
      return [
        {
          kind: 'value',
          message: `${fy.label} total for fund ${f.fund} would be ${formatMoney(total)}.`,
          values,
        },
      ];
    }
    return [
      {
        kind: 'violation',
        message: `Fund ${f.fund} would disburse ${formatMoney(total)} in ${fy.label} (${fy.start} to ${fy.end}), above the ${formatMoney(limit)} fiscal-year total.`,
        values,
      },
    ];
  },
});
