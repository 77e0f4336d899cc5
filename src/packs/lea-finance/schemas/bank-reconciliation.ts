// A month's reconciliation of one LEA-approved bank account (L.1, L.2, A.8): performed monthly, reviewed
// and approved by another person when the reconciler can reach both the accounting system and the bank
// accounts, and reviewed by administration with the bank statement.
import { z } from 'zod';
import { zCents } from '../../../kernel/index.ts';
import { stampBy, stampOn, stampRoles, zMonth } from './controls-common.ts';

export const bankReconciliationFacts = z.object({
  account: z.string().trim().min(1).max(120).meta({
    title: 'Account',
    description: 'the LEA-approved bank account (name or last four digits)',
  }),
  month: zMonth.meta({ title: 'Month', description: 'the month reconciled, YYYY-MM' }),
  bankBalanceCents: zCents
    .optional()
    .meta({ title: 'Bank statement balance', description: 'ending balance per the bank' }),
  bookBalanceCents: zCents
    .optional()
    .meta({ title: 'Book balance', description: 'ending balance per the accounting records' }),
  reconcilerHasAccessToBoth: z.boolean().default(true).meta({
    title: 'Reconciler can reach the books and the bank',
    description:
      'the person reconciling has access to both the accounting system and the bank accounts (L.1); the accounting/front office usually does (A.1), so this is assumed unless unticked',
  }),
  performedBy: stampBy('Reconciled by', 'Reconcile'),
  performedOn: stampOn('Reconciled on', 'Reconcile'),
  performerRoles: stampRoles('Reconciler roles', 'Reconcile'),
  reviewedBy: stampBy('Reviewed and approved by', 'Review'),
  reviewedOn: stampOn('Reviewed on', 'Review'),
  reviewerRoles: stampRoles('Reviewer roles', 'Review'),
});
export type BankReconciliationFacts = z.infer<typeof bankReconciliationFacts>;
