// The review process (L; A.8): each LEA-approved bank account is reconciled monthly; where the reconciler
// can reach both the accounting system and the bank accounts another person reviews and approves it (L.1);
// administration documents its monthly review of the statements and reconciliations (L.2).
import { defineRule, isBefore } from '../../../kernel/index.ts';
import type { BankReconciliationFacts } from '../schemas/bank-reconciliation.ts';
import { ADOPTED, section } from '../source.ts';
import { daysAfterMonthEnd, deadline, samePerson } from './controls-common.ts';

const KIND = ['bank-reconciliation'];

export const bankReconciliationDeadline = defineRule<BankReconciliationFacts>({
  id: 'lea-finance.reviews.bank-reconciliation-deadline',
  title: 'Each bank account is reconciled monthly',
  citations: [section('L.1'), section('A.8')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f, ctx) {
    const days = ctx.param<number>('lea-finance.review.bank_reconciliation_days');
    return deadline({
      asOf: ctx.asOf,
      due: daysAfterMonthEnd(f.month, days),
      doneOn: f.performedOn,
      what: `The ${f.month} reconciliation of ${f.account}`,
      done: 'performed',
      clause: `${days} days after month end, L.1, A.8`,
      values: { month: f.month, days },
    });
  },
});

export const bankReconciliationReview = defineRule<BankReconciliationFacts>({
  id: 'lea-finance.reviews.bank-reconciliation-review',
  title: 'Administration reviews and approves the monthly bank statement and reconciliation',
  citations: [section('L.2'), section('L.1')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f, ctx) {
    const days = ctx.param<number>('lea-finance.review.bank_reconciliation_days');
    const due = daysAfterMonthEnd(f.month, days);
    if (f.reviewedOn !== undefined || f.reviewedBy !== undefined) {
      if (f.performedOn === undefined && f.performedBy === undefined) {
        return [
          {
            kind: 'violation',
            severity: 'medium',
            message: `The ${f.month} reconciliation of ${f.account} was approved before it was performed (L.1, L.2).`,
          },
        ];
      }
      if (
        f.reviewedOn !== undefined &&
        f.performedOn !== undefined &&
        isBefore(f.reviewedOn, f.performedOn)
      ) {
        return [
          {
            kind: 'violation',
            severity: 'medium',
            message: `The ${f.month} reconciliation of ${f.account} was approved on ${f.reviewedOn}, before it was performed on ${f.performedOn} (L.1, L.2).`,
          },
        ];
      }
      return [];
    }
    if (isBefore(due, ctx.asOf)) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `Administration's review of the ${f.month} bank statement and reconciliation of ${f.account} is overdue since ${due} (L.2).`,
          due,
          values: { due },
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Administration reviews the ${f.month} bank statement and reconciliation of ${f.account} and documents the approval by ${due} (L.2).`,
        due,
        values: { due },
      },
    ];
  },
});

export const bankReconciliationSegregation = defineRule<BankReconciliationFacts>({
  id: 'lea-finance.reviews.bank-reconciliation-second-person',
  title: 'A reconciler with access to the books and the bank does not approve their own reconciliation',
  citations: [section('L.1')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (!f.reconcilerHasAccessToBoth || !samePerson(f.reviewedBy, f.performedBy)) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.performedBy} reconciled ${f.account} for ${f.month} with access to both the accounting system and the bank accounts, so another person (the principal or director, business administrator, or a member of the audit committee or board) reviews and approves it (L.1).`,
        ...(f.reviewedBy === undefined ? {} : { subject: f.reviewedBy }),
      },
    ];
  },
});

export const reviewRules = [
  bankReconciliationDeadline,
  bankReconciliationReview,
  bankReconciliationSegregation,
];
