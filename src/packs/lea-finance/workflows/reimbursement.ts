// A reimbursement request: signed and submitted by the requestor, approved by the immediate supervisor,
// paid by the accounting/front office (H.1, H.2, A.2).
import { defineMachine } from '../../../kernel/index.ts';
import { IMMEDIATE_SUPERVISORS as APPROVERS, R } from '../rules/controls-common.ts';

export const reimbursementWorkflow = defineMachine({
  id: 'lea-finance.reimbursement',
  title: 'Reimbursement request',
  initial: 'draft',
  states: {
    draft: { title: 'Draft' },
    submitted: { title: 'Signed and submitted' },
    approved: { title: 'Approved' },
    paid: { title: 'Paid', terminal: true },
    rejected: { title: 'Rejected', terminal: true },
  },
  transitions: [
    {
      name: 'submit',
      title: 'Sign and submit',
      from: ['draft'],
      to: 'submitted',
      guard: {
        caseKind: 'reimbursement',
        rules: ['lea-finance.reimbursement.requestor-signature', 'lea-finance.reimbursement.outside-entity'],
      },
      roles: [R.requestor, R.orgAdmin],
    },
    {
      name: 'approve',
      title: 'Approve (immediate supervisor)',
      from: ['submitted'],
      to: 'approved',
      guard: {
        caseKind: 'reimbursement',
        rules: [
          'lea-finance.reimbursement.self-approval',
          'lea-finance.reimbursement.requestor-signature',
          'lea-finance.reimbursement.receipts',
          'lea-finance.reimbursement.justification',
          'lea-finance.reimbursement.outside-entity',
        ],
      },
      roles: APPROVERS,
    },
    {
      name: 'reject',
      title: 'Reject',
      from: ['submitted'],
      to: 'rejected',
      roles: APPROVERS,
    },
    {
      name: 'pay',
      title: 'Pay',
      from: ['approved'],
      to: 'paid',
      guard: { caseKind: 'reimbursement', rules: ['lea-finance.reimbursement.supervisor-approval'] },
      roles: [R.accounting, R.orgAdmin],
    },
  ],
});
