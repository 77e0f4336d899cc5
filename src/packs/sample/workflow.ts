// A disbursement's life (SOURCE.md § 4): requested, approved by someone other than the custodian who
// requested it, then paid. The guards are the pack's own rules.
import { defineMachine } from '../../kernel/index.ts';

export const disbursementWorkflow = defineMachine({
  id: 'sample.disbursement',
  title: 'Petty-cash disbursement',
  initial: 'requested',
  states: {
    requested: { title: 'Requested' },
    approved: { title: 'Approved' },
    paid: { title: 'Paid', terminal: true },
    rejected: { title: 'Rejected', terminal: true },
  },
  transitions: [
    {
      name: 'approve',
      title: 'Approve',
      from: ['requested'],
      to: 'approved',
      guard: {
        caseKind: 'disbursement',
        rules: [
          'sample.approval.custodian-self-approval',
          'sample.limits.single-disbursement',
          'sample.limits.annual-fund-total',
        ],
      },
      roles: ['sample.approver', 'org-admin'],
    },
    {
      name: 'reject',
      title: 'Reject',
      from: ['requested', 'approved'],
      to: 'rejected',
      roles: ['sample.approver', 'org-admin'],
    },
    {
      name: 'pay',
      title: 'Pay out',
      from: ['approved'],
      to: 'paid',
      guard: { caseKind: 'disbursement', rules: ['sample.approval.required', 'sample.limits.receipt'] },
      roles: ['sample.custodian', 'org-admin'],
    },
  ],
});
