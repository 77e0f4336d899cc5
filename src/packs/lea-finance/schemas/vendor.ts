// A vendor the LEA buys from, with what B.1.c and B.2 need to know: its fiscal-year spend, whether the
// purchases are recurring, and whether a contract covers them.
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';

export const vendorFacts = z.object({
  name: z.string().trim().min(1).max(200).meta({
    title: 'Vendor name',
    description: 'as written on requisitions (they are matched by this name)',
  }),
  address: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .meta({ title: 'Address', description: 'mailing address' }),
  contact: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ title: 'Contact', description: 'salesperson or account contact, phone or email' }),
  approvedVendorList: z.boolean().default(false).meta({
    title: 'On an approved vendor list',
    description:
      'selected from a prequalification and approved vendor list created by an invitation for bids or RFP (B.1.d; Utah Code 63G-6a-403, 404)',
  }),
  stateContract: z.boolean().default(false).meta({
    title: 'State contract',
    description: 'D.1: the vendor holds a state agency or state cooperative contract',
  }),
  recurring: z.boolean().default(false).meta({
    title: 'Recurring purchases',
    description: 'B.2: purchases from the vendor are ongoing, continuous and regularly scheduled',
  }),
  contractOnFile: z
    .boolean()
    .default(false)
    .meta({ title: 'Contract on file', description: 'B.2.a: a contract with the vendor is on file' }),
  contractEnds: zCalendarDate
    .optional()
    .meta({ title: 'Contract ends', description: 'the last day of the contract on file' }),
  contractNotFeasibleReason: z.string().trim().min(1).max(2000).optional().meta({
    title: 'Why no contract',
    description: 'B.2.a: why a contract is not feasible for the recurring purchases',
  }),
  asOfDate: zCalendarDate.optional().meta({
    title: 'Spend as of',
    description:
      'the date whose fiscal year (July 1 – June 30) the spend below is for; without it no spend is computed',
  }),
  fiscalYearSpendCents: zCents.min(0, 'must not be negative').default(0).meta({
    title: 'Spend this fiscal year',
    description:
      "the LEA's requisitions with this vendor in the fiscal year of the date above, not rejected or cancelled (filled in by Probity from the organisation's records; give it when evaluating a case on its own)",
  }),
});
export type VendorFacts = z.infer<typeof vendorFacts>;
