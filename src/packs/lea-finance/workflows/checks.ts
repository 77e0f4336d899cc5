// A check: issued by the accounting/front office, reviewed with its documentation by an employee who cannot
// issue checks, signed, then mailed (J.2–J.5); a check may be voided at any point before it is mailed (J.6).
import { defineMachine } from '../../../kernel/index.ts';
import { R, ADMINISTRATORS as SIGNERS } from '../rules/controls-common.ts';

const REVIEWERS = [
  R.administration,
  R.supervisor,
  R.businessAdministrator,
  R.superintendent,
  R.auditCommittee,
  R.board,
  R.orgAdmin,
];

export const checkWorkflow = defineMachine({
  id: 'lea-finance.check',
  title: 'Check',
  initial: 'issued',
  states: {
    issued: { title: 'Issued, awaiting review' },
    reviewed: { title: 'Reviewed' },
    signed: { title: 'Signed' },
    mailed: { title: 'Mailed', terminal: true },
    voided: { title: 'Voided', terminal: true },
  },
  transitions: [
    {
      name: 'review',
      title: 'Review',
      from: ['issued'],
      to: 'reviewed',
      guard: {
        caseKind: 'check',
        rules: [
          'lea-finance.checks.independent-reviewer',
          'lea-finance.checks.payee',
          'lea-finance.checks.supporting-documentation',
        ],
      },
      roles: REVIEWERS,
    },
    {
      name: 'sign',
      title: 'Sign',
      from: ['reviewed'],
      to: 'signed',
      guard: {
        caseKind: 'check',
        rules: [
          'lea-finance.checks.review-before-signing',
          'lea-finance.checks.independent-reviewer',
          'lea-finance.checks.payee',
          'lea-finance.checks.blank-check',
          'lea-finance.checks.signature-stamp',
          'lea-finance.checks.supporting-documentation',
        ],
      },
      roles: SIGNERS,
    },
    {
      name: 'mail',
      title: 'Mail',
      from: ['signed'],
      to: 'mailed',
      roles: [...REVIEWERS, R.requestor, R.purchasing, R.accounting],
    },
    {
      name: 'void',
      title: 'Void',
      from: ['issued', 'reviewed', 'signed'],
      to: 'voided',
      guard: { caseKind: 'check', rules: ['lea-finance.checks.void'] },
      roles: [R.accounting, R.businessAdministrator, R.orgAdmin],
    },
  ],
});
