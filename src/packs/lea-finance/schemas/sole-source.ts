// A sole-source request (E): why only one vendor can supply the item, the purchasing department's
// determination, the justification Utah Code 63G-6a-802 requires, administration's approval, and the
// public-comment posting requests of $50,000 and above need.
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';

const person = (title: string, description: string) =>
  z.string().trim().min(1).max(200).optional().meta({ title, description });
const date = (title: string, description: string) => zCalendarDate.optional().meta({ title, description });

export const soleSourceFacts = z.object({
  item: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .meta({ title: 'Product or service', description: 'what is to be procured from the single source' }),
  vendor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ title: 'Vendor', description: 'the only vendor offering it' }),
  estimatedAmountCents: zCents
    .min(1, 'must be more than zero')
    .meta({ title: 'Estimated amount', description: 'the estimated total of the procurement (E.2)' }),
  requestDate: zCalendarDate.meta({ title: 'Request date', description: 'the date the request is raised' }),
  uniquenessJustification: z.string().trim().min(1).max(4000).optional().meta({
    title: 'Why it is unique',
    description:
      'E.1: how the product or service is unique and can be proven one of a kind, offered by one vendor',
  }),
  otherPotentialVendors: z.int().min(0).default(0).meta({
    title: 'Other potential vendors found',
    description:
      'E.1: how many other potential bidders or offerors were found (any means sole source does not apply)',
  }),
  justificationDocumented: z.boolean().default(false).meta({
    title: 'Justification documented per 63G-6a-802',
    description: 'E.3: the sole-source justification is documented as Utah Code 63G-6a-802 requires',
  }),
  requestedBy: person('Requested by', 'who submitted the request (stamped on submission)'),
  requestedOn: date('Requested on', 'the date it was submitted'),
  determinedBy: person('Determined by', 'E.1: who in LEA purchasing completed the sole-source determination'),
  determinedOn: date('Determined on', 'the date of the determination'),
  postedBy: person('Posted by', 'who posted the request for public comment'),
  postedForPublicCommentOn: date('Posted for public comment on', 'E.2: the date the request was posted'),
  approvedBy: person('Approved by', 'E.3: the administrator who approved the justification'),
  approvedOn: date('Approved on', 'the date of approval'),
  rejectedBy: person('Rejected by', 'who rejected the request'),
  rejectedOn: date('Rejected on', 'the date it was rejected'),
});
export type SoleSourceFacts = z.infer<typeof soleSourceFacts>;
