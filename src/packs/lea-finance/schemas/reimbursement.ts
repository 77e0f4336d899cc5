// An employee's request to be reimbursed for an LEA expenditure made with their own funds (H): signed by
// the requestor, approved by the immediate supervisor, with detailed receipts and the reason the purchase
// order process was not used (H.2); expenses an outside entity reimburses are not claimed (C.3).
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';
import { stampBy, stampOn, stampRoles } from './controls-common.ts';

export const reimbursementItem = z.object({
  description: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .meta({ title: 'Item', description: 'what was bought and for what' }),
  vendor: z.string().trim().max(200).optional().meta({ title: 'Vendor', description: 'where it was bought' }),
  spentOn: zCalendarDate.meta({ title: 'Date', description: 'the date of the purchase' }),
  amountCents: zCents.min(1, 'must be more than zero').meta({ title: 'Amount' }),
  detailedReceipt: z.boolean().default(false).meta({
    title: 'Detailed receipt attached',
    description: 'an itemised (detailed) receipt is attached (H.2)',
  }),
  reimbursedByOutsideEntity: z.boolean().default(false).meta({
    title: 'Reimbursed by an outside entity',
    description: 'an outside entity reimburses this expense, so it is not claimed from the LEA (C.3)',
  }),
});
export type ReimbursementItem = z.infer<typeof reimbursementItem>;

export const reimbursementFacts = z.object({
  requestor: z
    .string()
    .trim()
    .min(1)
    .meta({ title: 'Requestor', description: 'the employee asking to be reimbursed' }),
  purpose: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .meta({ title: 'Purpose', description: 'what the expenditure was for' }),
  items: z.array(reimbursementItem).min(1, 'list at least one expense').meta({
    title: 'Expenses',
    description: 'each expense with its detailed receipt',
  }),
  justification: z.string().trim().max(2000).optional().meta({
    title: 'Why not a purchase order',
    description: 'justification for departing from the standard purchase order process (H.2)',
  }),
  requestorSignedBy: stampBy('Signed by (requestor)', 'Sign and submit'),
  requestorSignedOn: stampOn('Signed on', 'Sign and submit'),
  approvedBy: stampBy('Approved by (immediate supervisor)', 'Approve'),
  approvedOn: stampOn('Approved on', 'Approve'),
  approverRoles: stampRoles('Approver roles', 'Approve'),
  paidBy: stampBy('Paid by', 'Pay'),
  paidOn: stampOn('Paid on', 'Pay'),
});
export type ReimbursementFacts = z.infer<typeof reimbursementFacts>;
