// The sample policy's numbers (SOURCE.md), each with the section that sets it and the date it took effect.
import { defineParameter, type ParameterUnit } from '../../kernel/index.ts';
import { section } from './source.ts';

/** When the sample policy took effect (the pack's effective date). */
const ADOPTED = '2020-07-01';
/** When the values below were last compared with SOURCE.md. */
const LAST_CHECKED = '2026-11-23';

/** A number the policy has kept since its adoption, cited at the section that sets it. */
const unchanged = (p: { id: string; title: string; unit: ParameterUnit; value: number; section: string }) =>
  defineParameter<number>({
    id: p.id,
    title: p.title,
    unit: p.unit,
    values: [{ from: ADOPTED, value: p.value, citation: section(p.section) }],
    lastChecked: LAST_CHECKED,
  });

export const singleDisbursementLimit = defineParameter<number>({
  id: 'sample.limits.single_disbursement',
  title: 'Largest single petty-cash disbursement',
  unit: 'cents',
  values: [
    { from: ADOPTED, value: 10_000, citation: section('2.1') },
    {
      from: '2026-07-01',
      value: 15_000,
      citation: section('2.1'),
      note: 'raised to $150.00 from July 1, 2026',
    },
  ],
  lastChecked: LAST_CHECKED,
});

export const receiptThreshold = unchanged({
  id: 'sample.limits.receipt_threshold',
  title: 'Disbursements above this need an itemised receipt',
  unit: 'cents',
  value: 2_500,
  section: '2.2',
});

export const annualFundLimit = unchanged({
  id: 'sample.limits.annual_fund_total',
  title: 'Most a fund may disburse in a fiscal year',
  unit: 'cents',
  value: 200_000,
  section: '2.3',
});

export const replenishmentDays = unchanged({
  id: 'sample.replenishment.days_after_month_end',
  title: 'Calendar days after month end to request replenishment',
  unit: 'days',
  value: 10,
  section: '3.1',
});

export const parameters = [singleDisbursementLimit, receiptThreshold, annualFundLimit, replenishmentDays];
