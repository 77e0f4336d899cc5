// A card transaction is reconciled by its user (or the accounting/front office for a shared card) once its
// receipt, pre-approval and log are in order, or referred to administration when it breaks the card policy
// (F.10). A monthly statement is certified by the card user, approved by administration with oversight over
// the user (F.6–F.7), its payment approved by administration and then paid (F.8).
import { defineMachine } from '../../../kernel/index.ts';
import { R } from '../rules/controls-common.ts';

export const cardTransactionWorkflow = defineMachine({
  id: 'lea-finance.card-transaction',
  title: 'Purchase-card transaction',
  initial: 'recorded',
  states: {
    recorded: { title: 'Recorded' },
    reconciled: { title: 'Reconciled', terminal: true },
    referred: { title: 'Referred to administration', terminal: true },
  },
  transitions: [
    {
      name: 'reconcile',
      title: 'Reconcile',
      from: ['recorded'],
      to: 'reconciled',
      guard: {
        caseKind: 'card-transaction',
        rules: [
          'lea-finance.cards.prohibited-transaction',
          'lea-finance.cards.personal-use',
          'lea-finance.cards.pre-approval',
          'lea-finance.cards.receipt',
          'lea-finance.cards.limits',
          'lea-finance.cards.shared-card-log',
        ],
      },
      roles: [R.requestor, R.accounting, R.administration, R.orgAdmin],
    },
    {
      name: 'refer',
      title: 'Refer to administration',
      from: ['recorded'],
      to: 'referred',
      roles: [R.accounting, R.administration, R.supervisor, R.businessAdministrator, R.orgAdmin],
    },
  ],
});

const STATEMENT_REVIEWERS = [
  R.administration,
  R.supervisor,
  R.businessAdministrator,
  R.superintendent,
  R.orgAdmin,
];

export const cardStatementWorkflow = defineMachine({
  id: 'lea-finance.card-statement',
  title: 'Purchase-card statement',
  initial: 'open',
  states: {
    open: { title: 'Awaiting reconciliation' },
    certified: { title: 'Certified by the card user' },
    approved: { title: 'Approved by administration' },
    'payment-approved': { title: 'Payment approved' },
    paid: { title: 'Paid', terminal: true },
  },
  transitions: [
    {
      name: 'certify',
      title: 'Certify (card user)',
      from: ['open'],
      to: 'certified',
      guard: {
        caseKind: 'card-statement',
        rules: ['lea-finance.cards.statement-receipts', 'lea-finance.cards.statement-certification'],
      },
      roles: [R.requestor, R.accounting, R.orgAdmin],
    },
    {
      name: 'approve',
      title: 'Approve statement',
      from: ['certified'],
      to: 'approved',
      guard: {
        caseKind: 'card-statement',
        rules: [
          'lea-finance.cards.statement-self-review',
          'lea-finance.cards.statement-review',
          'lea-finance.cards.statement-receipts',
          'lea-finance.cards.statement-certification',
        ],
      },
      roles: STATEMENT_REVIEWERS,
    },
    {
      name: 'return',
      title: 'Return to the card user',
      from: ['certified'],
      to: 'open',
      roles: STATEMENT_REVIEWERS,
    },
    {
      name: 'approve-payment',
      title: 'Approve payment',
      from: ['approved'],
      to: 'payment-approved',
      roles: [R.administration, R.businessAdministrator, R.superintendent, R.orgAdmin],
    },
    {
      name: 'pay',
      title: 'Pay',
      from: ['payment-approved'],
      to: 'paid',
      guard: { caseKind: 'card-statement', rules: ['lea-finance.cards.payment-approval'] },
      roles: [R.accounting, R.orgAdmin],
    },
  ],
});
