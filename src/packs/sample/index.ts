// The sample pack: a short petty-cash policy (SOURCE.md) that proves the pack framework end to end.
import { fileURLToPath } from 'node:url';
import { addDays, definePack, parseDate } from '../../kernel/index.ts';
import type { PackModule, RecordKind } from '../framework.ts';
import { parameters } from './parameters.ts';
import { approvalRequired, custodianSelfApproval } from './rules/approval.ts';
import { annualFundTotal, receiptRequired, singleDisbursementLimit } from './rules/limits.ts';
import { replenishmentDeadline } from './rules/replenishment.ts';
import { type DisbursementFacts, disbursementFacts, replenishmentFacts } from './schemas.ts';
import { DOCUMENT, PACK_ID } from './source.ts';
import { disbursementWorkflow } from './workflow.ts';

export const pack = definePack({
  manifest: {
    id: PACK_ID,
    title: 'Sample: petty cash',
    version: '1.0.0',
    source: { document: DOCUMENT, title: 'Sample Petty Cash Policy' },
    effective: '2020-07-01',
    description:
      'A small sample pack that proves the framework: limits, receipts, fiscal-year totals, a deadline and a guarded workflow.',
  },
  parameters,
  rules: [
    singleDisbursementLimit,
    receiptRequired,
    annualFundTotal,
    approvalRequired,
    custodianSelfApproval,
    replenishmentDeadline,
  ],
  caseKinds: {
    disbursement: { id: 'disbursement', title: 'Petty-cash disbursement', schema: disbursementFacts },
    replenishment: { id: 'replenishment', title: 'Replenishment request', schema: replenishmentFacts },
  },
  workflows: { [disbursementWorkflow.id]: disbursementWorkflow },
  casesDir: fileURLToPath(new URL('./cases/', import.meta.url)),
  fiscalYear: { startMonth: 7 },
});

const disbursement: RecordKind<DisbursementFacts> = {
  id: 'disbursement',
  title: 'Petty-cash disbursement',
  schema: disbursementFacts,
  caseKind: 'disbursement',
  workflow: disbursementWorkflow.id,
  titleOf: (d) => `${d.purpose} (${d.fund})`,
  stamps: { approve: 'approvedBy' },
};

export const samplePack: PackModule = {
  pack,
  sources: [
    {
      id: DOCUMENT,
      title: 'Sample Petty Cash Policy',
      file: fileURLToPath(new URL('./SOURCE.md', import.meta.url)),
    },
  ],
  roles: [
    {
      id: 'sample.custodian',
      title: 'Petty-cash custodian',
      permissions: [
        'org.read',
        'evaluate',
        'records.read',
        'records.write',
        'documents.read',
        'documents.write',
      ],
    },
    {
      id: 'sample.approver',
      title: 'Petty-cash approver',
      permissions: ['org.read', 'evaluate', 'records.read', 'records.write', 'documents.read'],
    },
  ],
  records: { disbursement: disbursement as RecordKind },
  segregationRules: [custodianSelfApproval.id],
  // A few weeks of a small district's petty cash: one paid and closed; two overdue for approval (one
  // without the receipt its amount needs); two due for approval this week, one of them requested by
  // its fund's custodian, who therefore may not approve it (§ 4.2).
  demo(today) {
    const t = parseDate(today);
    const day = (n: number) => addDays(t, -n);
    return [
      {
        kind: 'disbursement',
        unit: 'District office',
        data: {
          fund: 'Front office',
          purpose: 'Postage for report cards',
          amountCents: 4_280,
          paidOn: day(20),
          hasReceipt: true,
          requestedBy: 'Dana Reyes',
          custodian: 'Dana Reyes',
          fundFiscalYearToDateCents: 61_500,
        },
        transitions: [
          { name: 'approve', daysAgo: 19, by: 'Lee Park' },
          { name: 'pay', daysAgo: 18, by: 'Dana Reyes' },
        ],
      },
      {
        kind: 'disbursement',
        unit: 'Lincoln Elementary',
        data: {
          fund: 'Front office',
          purpose: 'Classroom supplies',
          amountCents: 12_950,
          paidOn: day(2),
          hasReceipt: false,
          requestedBy: 'Dana Reyes',
          custodian: 'Dana Reyes',
          fundFiscalYearToDateCents: 65_780,
        },
      },
      {
        kind: 'disbursement',
        unit: 'Athletics',
        data: {
          fund: 'Athletics',
          purpose: 'Referee snacks',
          amountCents: 2_300,
          paidOn: day(1),
          hasReceipt: false,
          requestedBy: 'Sam Ortiz',
          custodian: 'Lee Park',
          fundFiscalYearToDateCents: 12_000,
        },
      },
      {
        kind: 'disbursement',
        unit: 'Lincoln Elementary',
        data: {
          fund: 'Lincoln Elementary',
          purpose: 'Field-trip museum tickets',
          amountCents: 9_600,
          paidOn: day(-3),
          hasReceipt: true,
          requestedBy: 'Priya Shah',
          custodian: 'Priya Shah',
          fundFiscalYearToDateCents: 31_240,
        },
      },
      {
        kind: 'disbursement',
        unit: 'Athletics',
        data: {
          fund: 'Athletics',
          purpose: 'Tournament entry fee',
          amountCents: 7_500,
          paidOn: day(-5),
          hasReceipt: true,
          requestedBy: 'Lee Park',
          custodian: 'Lee Park',
          fundFiscalYearToDateCents: 14_300,
        },
      },
    ];
  },
};
