// A journal entry or EFT: prepared by the accounting/front office, approved by administration or someone
// without cash-disbursement duties (K.4), then reviewed by the audit committee or designee (K.5).
import { defineMachine } from '../../../kernel/index.ts';
import { R } from '../rules/controls-common.ts';

const APPROVERS = [
  R.administration,
  R.businessAdministrator,
  R.superintendent,
  R.supervisor,
  R.auditCommittee,
  R.orgAdmin,
];

export const journalEntryWorkflow = defineMachine({
  id: 'lea-finance.journal-entry',
  title: 'Journal entry or EFT',
  initial: 'prepared',
  states: {
    prepared: { title: 'Prepared' },
    approved: { title: 'Approved' },
    reviewed: { title: 'Reviewed by the audit committee', terminal: true },
    rejected: { title: 'Rejected', terminal: true },
  },
  transitions: [
    {
      name: 'approve',
      title: 'Approve',
      from: ['prepared'],
      to: 'approved',
      guard: {
        caseKind: 'journal-entry',
        rules: [
          'lea-finance.journal-entries.independent-approval',
          'lea-finance.journal-entries.supporting-documentation',
        ],
      },
      roles: APPROVERS,
    },
    {
      name: 'reject',
      title: 'Reject',
      from: ['prepared', 'approved'],
      to: 'rejected',
      roles: [...APPROVERS, R.board],
    },
    {
      name: 'audit-review',
      title: 'Audit committee review',
      from: ['approved'],
      to: 'reviewed',
      guard: {
        caseKind: 'journal-entry',
        rules: [
          'lea-finance.journal-entries.independent-approval',
          'lea-finance.journal-entries.approval',
          'lea-finance.journal-entries.recorded',
        ],
      },
      roles: [R.auditCommittee, R.board, R.orgAdmin],
    },
  ],
});
