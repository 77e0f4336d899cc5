// A check the LEA issues (J, A.3, A.6, L.3): made payable to a specified payee, reviewed with its
// supporting documentation by an employee who cannot issue checks before it is signed, never signed blank
// or with a signature stamp, mailed by someone outside the cash-disbursement process, and kept when voided.
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';
import { stampBy, stampOn, stampRoles } from './controls-common.ts';

export const SUPPORTING_DOCUMENTS = [
  'purchase-order',
  'invoice',
  'receipts',
  'quotes',
  'reimbursement-form',
  'shipping-documents',
  'contract',
  'travel-form',
  'card-statement',
  'other',
] as const;

export const checkFacts = z.object({
  checkNumber: z.string().trim().min(1).max(40).meta({ title: 'Check number' }),
  bankAccount: z
    .string()
    .trim()
    .max(120)
    .optional()
    .meta({ title: 'Bank account', description: 'the account drawn on' }),
  payee: z.string().max(200).optional().meta({
    title: 'Payee',
    description: 'the specified payee; never "cash" or "bearer" (A.6, J.4); empty while the check is blank',
  }),
  amountCents: zCents.min(1, 'must be more than zero').optional().meta({
    title: 'Amount',
    description: 'the amount of the check; empty while the check is blank',
  }),
  purpose: z
    .string()
    .trim()
    .max(500)
    .optional()
    .meta({ title: 'Purpose', description: 'what the check pays' }),
  issuedBy: z.string().trim().min(1).meta({
    title: 'Issued by',
    description: 'the accounting/front-office employee who prepared and issued the check',
  }),
  issuedOn: zCalendarDate.meta({ title: 'Issued on', description: 'the date on the check' }),
  supportingDocuments: z.array(z.enum(SUPPORTING_DOCUMENTS)).default([]).meta({
    title: 'Supporting documentation',
    description: 'the documents substantiating the disbursement (J.3, A.7)',
  }),
  signatureStamp: z.boolean().default(false).meta({
    title: 'Signature stamp used',
    description: 'the check was signed with a signature stamp (not allowed, J.4)',
  }),
  reviewedBy: stampBy('Reviewed by', 'Review'),
  reviewedOn: stampOn('Reviewed on', 'Review'),
  reviewerRoles: stampRoles('Reviewer roles', 'Review'),
  signedBy: stampBy('Signed by', 'Sign'),
  signedOn: stampOn('Signed on', 'Sign'),
  signerRoles: stampRoles('Signer roles', 'Sign'),
  mailedBy: stampBy('Mailed by', 'Mail'),
  mailedOn: stampOn('Mailed on', 'Mail'),
  mailerRoles: stampRoles('Mailer roles', 'Mail'),
  voidWritten: z.boolean().default(false).meta({
    title: 'VOID written on the check',
    description: 'for a voided check: the word VOID is written on it (J.6)',
  }),
  checkRetained: z.boolean().default(false).meta({
    title: 'Voided check retained',
    description: 'for a voided check: the actual check is kept (J.6)',
  }),
  voidedBy: stampBy('Voided by', 'Void'),
  voidedOn: stampOn('Voided on', 'Void'),
});
export type CheckFacts = z.infer<typeof checkFacts>;
