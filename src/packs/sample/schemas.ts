import { z } from 'zod';
import { zCalendarDate, zCents } from '../../kernel/index.ts';

export const disbursementFacts = z.object({
  fund: z.string().min(1).describe('the petty-cash fund paid from'),
  purpose: z.string().min(1).max(500),
  amountCents: zCents.refine((n) => n > 0, 'must be more than zero'),
  paidOn: zCalendarDate.describe('date the cash is (or will be) paid out'),
  hasReceipt: z.boolean().describe('an itemised receipt is attached'),
  requestedBy: z.string().min(1).describe('who requested the disbursement'),
  custodian: z.string().min(1).describe('the custodian of the fund'),
  approvedBy: z.string().min(1).optional().describe('who approved it'),
  fundFiscalYearToDateCents: zCents
    .refine((n) => n >= 0, 'must not be negative')
    .default(0)
    .describe('total already disbursed from the fund in the fiscal year of paidOn'),
});
export type DisbursementFacts = z.infer<typeof disbursementFacts>;

export const replenishmentFacts = z.object({
  fund: z.string().min(1),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
    .describe('the month whose disbursements are replenished'),
  submittedOn: zCalendarDate.optional().describe('date the request was submitted, if it has been'),
});
export type ReplenishmentFacts = z.infer<typeof replenishmentFacts>;
