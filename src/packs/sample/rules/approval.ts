// SOURCE.md § 4: approval before payment, by someone other than the custodian who requested it.
import { defineRule } from '../../../kernel/index.ts';
import type { DisbursementFacts } from '../schemas.ts';
import { section } from '../source.ts';

export const approvalRequired = defineRule<DisbursementFacts>({
  id: 'sample.approval.required',
  title: 'Each disbursement is approved before it is paid',
  citations: [section('4.1')],
  effective: { from: '2020-07-01' },
  appliesTo: ['disbursement'],
  evaluate(f) {
    if (f.approvedBy) return [];
    return [
      { kind: 'requirement', message: 'Approval is required before the cash is paid out.', due: f.paidOn },
    ];
  },
});

export const custodianSelfApproval = defineRule<DisbursementFacts>({
  id: 'sample.approval.custodian-self-approval',
  title: 'The custodian does not approve a disbursement they requested',
  citations: [section('4.2')],
  effective: { from: '2020-07-01' },
  appliesTo: ['disbursement'],
  evaluate(f) {
    if (!f.approvedBy || f.approvedBy !== f.requestedBy || f.requestedBy !== f.custodian) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.custodian} is the fund's custodian and requested this disbursement, so cannot approve it; another approver is required.`,
        subject: f.approvedBy,
      },
    ];
  },
});
