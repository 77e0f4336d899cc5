// The gifts register (B.4): a gift, gratuity or kickback given to or offered to someone at the LEA, with
// what decides which it is — its kind and value (B.4.c), the giver's dealings with the LEA, the recipient's
// part in procurement (B.4.a, B.4.b) and the exclusions of B.4.d(1).
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';
import { DERIVED, stampBy, stampOn, stampRoles } from './controls-common.ts';

/** The token items B.4.c names: gifts of these kinds can be hospitality gifts. */
export const HOSPITALITY_CATEGORIES = ['token-item', 'snack', 'beverage', 'appetizer'] as const;

/** B.4.d(1)(a)–(h): what is not a gratuity. */
export const GRATUITY_EXCLUSIONS = {
  'contract-item': '(a) an item included in, or provided in the proper performance of, a contract or grant',
  'evaluation-item': '(b) an item requested to evaluate properly the award of a contract or grant',
  'price-offering':
    '(c) a rebate, coupon, discount, airline travel award, dividend or other offering included in the price',
  'association-meal':
    '(d) a meal provided by an organization or association that does not respond to solicitations',
  'product-sample': '(e) a product sample submitted to help evaluate a solicitation',
  'campaign-contribution': '(f) a political campaign contribution',
  'generally-available': '(g) an item generally available to the public',
  'public-agency': '(h) anything of value one public agency provides to another',
} as const;
export type GratuityExclusion = keyof typeof GRATUITY_EXCLUSIONS;
const EXCLUSION_SECTIONS: Record<GratuityExclusion, string> = {
  'contract-item': 'B.4.d(1)(a)',
  'evaluation-item': 'B.4.d(1)(b)',
  'price-offering': 'B.4.d(1)(c)',
  'association-meal': 'B.4.d(1)(d)',
  'product-sample': 'B.4.d(1)(e)',
  'campaign-contribution': 'B.4.d(1)(f)',
  'generally-available': 'B.4.d(1)(g)',
  'public-agency': 'B.4.d(1)(h)',
};
export const exclusionSection = (e: GratuityExclusion): string => EXCLUSION_SECTIONS[e];

export const giftFacts = z.object({
  giver: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ title: 'Giver', description: 'the person or vendor giving or offering the gift' }),
  giverType: z.enum(['vendor', 'person', 'organization', 'public-agency']).default('vendor').meta({
    title: 'Giver is',
    description: 'a vendor, a person, an organization or association, or a public agency',
  }),
  giverHasContract: z.boolean().default(false).meta({
    title: 'Giver has or seeks a contract or grant',
    description: 'the giver has or is seeking a contract with, or a grant from, a public entity (B.4.d(2))',
  }),
  recipient: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ title: 'Recipient', description: 'who received or was offered the gift' }),
  recipientType: z.enum(['lea-employee', 'contractor', 'lea', 'other']).meta({
    title: 'Recipient is',
    description:
      'an LEA employee; an individual under contract with the LEA (or employed by its contractor); the LEA itself; or someone else',
  }),
  recipientPosition: z
    .enum([
      'superintendent',
      'business-administrator',
      'principal',
      'vice-principal',
      'chief-assistant-or-deputy',
      'other',
    ])
    .default('other')
    .meta({
      title: 'Recipient’s position',
      description:
        'for an LEA employee: the superintendent, business administrator, principal, vice principal and their chief assistants or deputies are not procurement professionals (B.4.b(2))',
    }),
  procurementDecisionAuthority: z.boolean().default(false).meta({
    title: 'Has procurement decision-making authority',
    description:
      'an LEA employee who by title or primary responsibility has procurement decision-making authority and is engaged in procurement or administering a contract or grant (B.4.b)',
  }),
  contractAdministrationResponsibility: z.boolean().default(false).meta({
    title: 'Develops solicitations or oversees contracts',
    description:
      'a contractor (not an LEA employee) responsible for developing a solicitation or grant, conducting the procurement, or overseeing a contract or grant (B.4.a)',
  }),
  familyMemberOfProfessional: z.boolean().default(false).meta({
    title: 'Family member of a professional',
    description:
      'the recipient is a family member of a procurement or contract administration professional (B.4.d(2))',
  }),
  giftDate: zCalendarDate.meta({
    title: 'Date',
    description: 'the date the gift was given, offered or received',
  }),
  valueCents: zCents
    .min(0, 'must not be negative')
    .meta({ title: 'Value', description: 'the value of the gift' }),
  description: z.string().trim().min(1).max(500).meta({ title: 'Gift', description: 'what was given' }),
  category: z
    .enum([
      ...HOSPITALITY_CATEGORIES,
      'money',
      'meal',
      'event-admission',
      'entertainment',
      'travel',
      'lodging',
      'loan',
      'employment',
      'prize',
      'other',
    ])
    .meta({
      title: 'Kind of gift',
      description:
        'token items (pen, pencil, stationery, toy, pin, trinket), snacks, beverages and appetizers can be hospitality gifts; money, meals, event admission, entertainment, travel and lodging never are (B.4.c)',
    }),
  exclusion: z
    .enum(['none', ...(Object.keys(GRATUITY_EXCLUSIONS) as [GratuityExclusion, ...GratuityExclusion[]])])
    .default('none')
    .meta({
      title: 'Not a gratuity because',
      description: 'an exclusion of B.4.d(1)(a)–(h) that applies, if any',
    }),
  negotiatedBribe: z.boolean().default(false).meta({
    title: 'Negotiated bribe',
    description:
      'it was negotiated in connection with a procurement or the administration of a contract or grant (a kickback, B.4.e)',
  }),
  giverRecipientYearToDateCents: zCents
    .min(0, 'must not be negative')
    .default(0)
    .meta({
      title: 'Earlier gifts this year, same giver and recipient',
      description: `the value of other gifts from the same giver to the same recipient earlier in the calendar year; ${DERIVED}`,
    }),
  reviewedBy: stampBy('Reviewed by', 'Accept / Return / Refer'),
  reviewedOn: stampOn('Reviewed on', 'Accept / Return / Refer'),
  reviewerRoles: stampRoles('Reviewer roles', 'Accept / Return / Refer'),
});
export type GiftFacts = z.infer<typeof giftFacts>;
