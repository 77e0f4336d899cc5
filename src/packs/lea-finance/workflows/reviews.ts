// A month's bank reconciliation: performed by the accounting/front office (or whoever the LEA names), then
// reviewed and approved by another person — administration, the business administrator, or a member of the
// audit committee or board (L.1, L.2).
import { defineMachine } from '../../../kernel/index.ts';
import { R } from '../rules/controls-common.ts';

const REVIEWERS = [
  R.administration,
  R.businessAdministrator,
  R.superintendent,
  R.auditCommittee,
  R.board,
  R.orgAdmin,
];

export const bankReconciliationWorkflow = defineMachine({
  id: 'lea-finance.bank-reconciliation',
  title: 'Bank reconciliation',
  initial: 'open',
  states: {
    open: { title: 'To reconcile' },
    reconciled: { title: 'Reconciled, awaiting review' },
    reviewed: { title: 'Reviewed and approved', terminal: true },
  },
  transitions: [
    {
      name: 'reconcile',
      title: 'Reconcile',
      from: ['open'],
      to: 'reconciled',
      roles: [R.accounting, R.businessAdministrator, R.orgAdmin],
    },
    {
      name: 'review',
      title: 'Review and approve',
      from: ['reconciled'],
      to: 'reviewed',
      guard: {
        caseKind: 'bank-reconciliation',
        rules: [
          'lea-finance.reviews.bank-reconciliation-second-person',
          'lea-finance.reviews.bank-reconciliation-review',
        ],
      },
      roles: REVIEWERS,
    },
    {
      name: 'return',
      title: 'Return for correction',
      from: ['reconciled'],
      to: 'open',
      roles: REVIEWERS,
    },
  ],
});
