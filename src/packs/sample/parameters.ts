import { defineParameter } from '../../kernel/index.ts';
import { section } from './source.ts';

export const singleDisbursementLimit = defineParameter<number>({
  id: 'sample.limits.single_disbursement',
  title: 'Largest single petty-cash disbursement',
  unit: 'cents',
  values: [
    { from: '2020-07-01', value: 10_000, citation: section('2.1') },
    {
      from: '2026-07-01',
      value: 15_000,
      citation: section('2.1'),
      note: 'raised to $150.00 from July 1, 2026',
    },
  ],
  lastChecked: '2026-11-23',
});

export const receiptThreshold = defineParameter<number>({
  id: 'sample.limits.receipt_threshold',
  title: 'Disbursements above this need an itemised receipt',
  unit: 'cents',
  values: [{ from: '2020-07-01', value: 2_500, citation: section('2.2') }],
  lastChecked: '2026-11-23',
});

export const annualFundLimit = defineParameter<number>({
  id: 'sample.limits.annual_fund_total',
  title: 'Most a fund may disburse in a fiscal year',
  unit: 'cents',
  values: [{ from: '2020-07-01', value: 200_000, citation: section('2.3') }],
  lastChecked: '2026-11-23',
});

export const replenishmentDays = defineParameter<number>({
  id: 'sample.replenishment.days_after_month_end',
  title: 'Calendar days after month end to request replenishment',
  unit: 'days',
  values: [{ from: '2020-07-01', value: 10, citation: section('3.1') }],
  lastChecked: '2026-11-23',
});

export const parameters = [singleDisbursementLimit, receiptThreshold, annualFundLimit, replenishmentDays];
