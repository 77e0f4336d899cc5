// A purchase-card transaction (F): what was bought, on which card, by whom, with the pre-approval (F.3), the
// receipt (F.4–F.5) and, for a card issued to the LEA as a whole, the check-out log (F.4).
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';
import { DERIVED, stampBy, stampOn, stampRoles } from './controls-common.ts';

export const cardTransactionFacts = z.object({
  cardId: z.string().trim().min(1).meta({
    title: 'Card',
    description: 'the card the purchase was made on: its name or last four digits (e.g. "•••• 4821")',
  }),
  cardType: z.enum(['assigned', 'shared']).meta({
    title: 'Card type',
    description:
      'assigned: issued to a specific employee (F.5); shared: issued to the LEA as a whole and checked out from the accounting/front office (F.4)',
  }),
  holder: z.string().trim().min(1).meta({
    title: 'Card user',
    description: 'the employee who made the purchase (for an assigned card, its holder)',
  }),
  checkedOutBy: z.string().trim().min(1).optional().meta({
    title: 'Checked out by (log)',
    description: 'shared card: the employee the card log shows checking the card out (F.4)',
  }),
  checkedOutOn: zCalendarDate.optional().meta({
    title: 'Checked out on (log)',
    description: 'shared card: the date the log shows the card was checked out (F.4)',
  }),
  returnedOn: zCalendarDate.optional().meta({
    title: 'Returned on (log)',
    description:
      'shared card: the date the log shows the card was returned to the accounting/front office (F.4)',
  }),
  merchant: z.string().trim().min(1).meta({ title: 'Merchant', description: 'who was paid' }),
  description: z
    .string()
    .trim()
    .max(500)
    .optional()
    .meta({ title: 'What was bought', description: 'the items or service and their school purpose' }),
  transactionDate: zCalendarDate.meta({ title: 'Transaction date', description: 'the date of the purchase' }),
  amountCents: zCents
    .min(1, 'must be more than zero')
    .meta({ title: 'Amount', description: 'the amount charged' }),
  transactionType: z.enum(['purchase', 'atm', 'cash-advance']).default('purchase').meta({
    title: 'Transaction type',
    description:
      'a purchase, an ATM withdrawal or a cash advance (ATM and cash advances are prohibited, F.9)',
  }),
  personalUse: z.boolean().default(false).meta({
    title: 'Personal use',
    description: 'the purchase was for personal use or personal gain (prohibited, F.9, A.14)',
  }),
  receiptRetained: z.boolean().default(false).meta({
    title: 'Receipt retained',
    description: 'the receipt was kept and turned in to the accounting/front office (F.4, F.5)',
  }),
  preApproved: z.boolean().default(false).meta({
    title: 'Pre-approved',
    description: 'the purchase was pre-approved on an expenditure authorization form (F.3)',
  }),
  preApprovalOn: zCalendarDate.optional().meta({
    title: 'Pre-approved on',
    description: 'the date the expenditure authorization form was approved (F.3: before the purchase)',
  }),
  preApprovedBy: z.string().trim().min(1).optional().meta({
    title: 'Pre-approved by',
    description: 'who approved the expenditure authorization form',
  }),
  reconciledBy: stampBy('Reconciled by', 'Reconcile'),
  reconciledOn: stampOn('Reconciled on', 'Reconcile'),
  reconcilerRoles: stampRoles('Reconciler roles', 'Reconcile'),
  referredBy: stampBy('Referred by', 'Refer to administration'),
  referredOn: stampOn('Referred on', 'Refer to administration'),
  cardDayTotalCents: zCents
    .min(0, 'must not be negative')
    .default(0)
    .meta({
      title: 'Card total that day',
      description: `other transactions on the same card on the same day; ${DERIVED}`,
    }),
  cardMonthTotalCents: zCents
    .min(0, 'must not be negative')
    .default(0)
    .meta({
      title: 'Card total that month',
      description: `other transactions on the same card in the same calendar month; ${DERIVED}`,
    }),
  merchantNearbyTotalCents: zCents
    .min(0, 'must not be negative')
    .default(0)
    .meta({
      title: 'Same merchant, days either side',
      description: `other transactions on the same card at the same merchant within the split window (lea-finance.card.split_window_days) either side; ${DERIVED}`,
    }),
});
export type CardTransactionFacts = z.infer<typeof cardTransactionFacts>;
