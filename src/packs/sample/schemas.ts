import { z } from 'zod';
import { zCalendarDate, zCents } from '../../kernel/index.ts';

// Titles are the labels forms show; descriptions their help text (both reach the JSON Schema).
export const disbursementFacts = z.object({
  fund: z.string().min(1).meta({ title: 'Fund', description: 'the petty-cash fund paid from' }),
  purpose: z.string().min(1).max(500).meta({ title: 'Purpose', description: 'what the cash pays for' }),
  amountCents: zCents.min(1, 'must be more than zero').meta({ title: 'Amount' }),
  paidOn: zCalendarDate.meta({ title: 'Paid on', description: 'date the cash is (or will be) paid out' }),
  hasReceipt: z.boolean().meta({ title: 'Receipt attached', description: 'an itemised receipt is attached' }),
  requestedBy: z
    .string()
    .min(1)
    .meta({ title: 'Requested by', description: 'who requested the disbursement' }),
  custodian: z.string().min(1).meta({ title: 'Custodian', description: 'the custodian of the fund' }),
  approvedBy: z.string().min(1).optional().meta({ title: 'Approved by', description: 'who approved it' }),
  fundFiscalYearToDateCents: zCents.min(0, 'must not be negative').default(0).meta({
    title: 'Fund total this fiscal year',
    description: 'total already disbursed from the fund in the fiscal year of the payment date',
  }),
});
export type DisbursementFacts = z.infer<typeof disbursementFacts>;

export const replenishmentFacts = z.object({
  fund: z.string().min(1).meta({ title: 'Fund', description: 'the petty-cash fund to replenish' }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
    .meta({ title: 'Month', description: 'the month whose disbursements are replenished' }),
  submittedOn: zCalendarDate
    .optional()
    .meta({ title: 'Submitted on', description: 'date the request was submitted, if it has been' }),
});
export type ReplenishmentFacts = z.infer<typeof replenishmentFacts>;
