// A trip: the traveler submits the travel authorization; the immediate supervisor approves it, and out of
// state the applicable administrator too (before or after the supervisor: G.1.c names no order); after
// return the traveler claims reimbursement and the supervisor approves the claim (G.2.a).
import { defineMachine } from '../../../kernel/index.ts';
import { ADMINISTRATORS, IMMEDIATE_SUPERVISORS as APPROVERS, R } from '../rules/controls-common.ts';

const adminGuard = { caseKind: 'travel', rules: ['lea-finance.travel.self-approval'] };

export const travelWorkflow = defineMachine({
  id: 'lea-finance.travel',
  title: 'Travel',
  initial: 'draft',
  states: {
    draft: { title: 'Draft' },
    submitted: { title: 'Authorization submitted' },
    authorized: { title: 'Authorized' },
    claimed: { title: 'Reimbursement claimed' },
    reimbursed: { title: 'Reimbursement approved', terminal: true },
    rejected: { title: 'Rejected', terminal: true },
    cancelled: { title: 'Cancelled', terminal: true },
  },
  transitions: [
    {
      name: 'submit',
      title: 'Submit authorization',
      from: ['draft'],
      to: 'submitted',
      roles: [R.requestor, R.supervisor, R.orgAdmin],
    },
    {
      name: 'approve',
      title: 'Approve (immediate supervisor)',
      from: ['submitted'],
      to: 'authorized',
      guard: {
        caseKind: 'travel',
        rules: ['lea-finance.travel.self-approval', 'lea-finance.travel.authorization-content'],
      },
      roles: APPROVERS,
    },
    // The administrator's approval leaves the state as it is: only the stamped date matters (G.1.c).
    {
      name: 'approve-administrator',
      title: 'Approve as administrator (out of state)',
      from: ['submitted'],
      to: 'submitted',
      guard: adminGuard,
      roles: ADMINISTRATORS,
    },
    {
      name: 'approve-administrator',
      title: 'Approve as administrator (out of state)',
      from: ['authorized'],
      to: 'authorized',
      guard: adminGuard,
      roles: ADMINISTRATORS,
    },
    {
      name: 'reject',
      title: 'Reject',
      from: ['submitted'],
      to: 'rejected',
      roles: APPROVERS,
    },
    {
      name: 'claim',
      title: 'Claim reimbursement',
      from: ['authorized'],
      to: 'claimed',
      guard: {
        caseKind: 'travel',
        rules: ['lea-finance.travel.outside-reimbursed', 'lea-finance.travel.per-diem'],
      },
      roles: [R.requestor, R.orgAdmin],
    },
    {
      name: 'return-claim',
      title: 'Return the claim to the traveler',
      from: ['claimed'],
      to: 'authorized',
      roles: APPROVERS,
    },
    {
      name: 'approve-reimbursement',
      title: 'Approve reimbursement',
      from: ['claimed'],
      to: 'reimbursed',
      guard: {
        caseKind: 'travel',
        rules: [
          'lea-finance.travel.self-approval',
          'lea-finance.travel.receipts',
          'lea-finance.travel.per-diem',
          'lea-finance.travel.outside-reimbursed',
        ],
      },
      roles: APPROVERS,
    },
    {
      name: 'cancel',
      title: 'Cancel',
      from: ['draft', 'submitted', 'authorized'],
      to: 'cancelled',
      roles: [R.requestor, R.supervisor, R.orgAdmin],
    },
  ],
});
