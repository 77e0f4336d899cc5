// A card holder's monthly statement (F.4–F.8, L.1, L.2): reconciled by the card user with all receipts,
// certified by their signature, reviewed and approved by administration with oversight over the user, and
// paid only after administration approves the payment.
import { z } from 'zod';
import { zCents } from '../../../kernel/index.ts';
import { stampBy, stampOn, stampRoles, zMonth } from './controls-common.ts';

export const cardStatementFacts = z.object({
  cardId: z.string().trim().min(1).meta({
    title: 'Card',
    description: 'the card the statement is for: its name or last four digits',
  }),
  cardType: z.enum(['assigned', 'shared']).default('assigned').meta({
    title: 'Card type',
    description: 'assigned to a specific employee (F.5) or issued to the LEA as a whole (F.4)',
  }),
  holder: z.string().trim().min(1).meta({
    title: 'Card holder',
    description: 'the card user (for a card issued to the LEA as a whole, the employee responsible for it)',
  }),
  statementMonth: zMonth.meta({
    title: 'Statement month',
    description: 'the month of the statement, YYYY-MM',
  }),
  statementBalanceCents: zCents.min(0, 'must not be negative').default(0).meta({
    title: 'Statement balance',
    description: 'the balance due on the statement',
  }),
  transactionCount: z.int().min(0).optional().meta({
    title: 'Transactions',
    description: 'how many transactions the statement lists',
  }),
  receiptsAttached: z.boolean().default(false).meta({
    title: 'All receipts attached',
    description: 'a receipt for every purchase on the statement is attached (F.4, F.5)',
  }),
  certifiedBy: stampBy('Certified by (card user)', 'Certify'),
  certifiedOn: stampOn('Certified on', 'Certify'),
  reviewedBy: stampBy('Reviewed and approved by', 'Approve statement'),
  reviewedOn: stampOn('Reviewed on', 'Approve statement'),
  reviewerRoles: stampRoles('Reviewer roles', 'Approve statement'),
  paymentApprovedBy: stampBy('Payment approved by', 'Approve payment'),
  paymentApprovedOn: stampOn('Payment approved on', 'Approve payment'),
  paymentApproverRoles: stampRoles('Payment approver roles', 'Approve payment'),
  paidBy: stampBy('Paid by', 'Pay'),
  paidOn: stampOn('Paid on', 'Pay'),
  paymentMethod: z.enum(['check', 'eft']).optional().meta({
    title: 'Paid by check or EFT',
    description: 'how the statement balance was paid (F.8)',
  }),
});
export type CardStatementFacts = z.infer<typeof cardStatementFacts>;
