// The gifts register (B.4; Utah Code 63G-6a-2402, 2404): a hospitality gift (a token item worth less than
// $10, under $50 a calendar year from one giver to one recipient) is lawful; anything else of value is a
// gratuity unless B.4.d(1) excludes it, unlawful between someone who has or seeks a contract or grant and a
// procurement or contract administration professional (or a family member, or the LEA); a kickback, always.
import { defineRule, formatMoney } from '../../../kernel/index.ts';
import {
  exclusionSection,
  type GiftFacts,
  GRATUITY_EXCLUSIONS,
  HOSPITALITY_CATEGORIES,
} from '../schemas/gift.ts';
import { ADOPTED, section } from '../source.ts';

const STATUTE = 'Utah Code 63G-6a-2402, 63G-6a-2404';
const PENALTIES = 'Utah Code 63G-6a-2404, 63G-6a-2407';
const KIND = ['gift'];

const POSITION_NAMES: Record<GiftFacts['recipientPosition'], string> = {
  superintendent: 'the superintendent',
  'business-administrator': 'the business administrator',
  principal: 'a principal',
  'vice-principal': 'a vice principal',
  'chief-assistant-or-deputy':
    'the chief assistant or deputy of the superintendent, business administrator, principal or vice principal',
  other: 'an employee',
};

/** Whether B.4.d(2) protects the recipient, and why (B.4.a, B.4.b and its exclusions). */
export function recipientStatus(f: GiftFacts): { covered: boolean; as: string } {
  if (f.recipientType === 'lea') return { covered: true, as: 'the LEA itself' };
  if (f.familyMemberOfProfessional)
    return { covered: true, as: 'a family member of a procurement or contract administration professional' };
  if (f.recipientType === 'lea-employee') {
    if (f.recipientPosition !== 'other')
      return {
        covered: false,
        as: `${POSITION_NAMES[f.recipientPosition]}, whom B.4.b(2) excludes from procurement professionals`,
      };
    if (!f.procurementDecisionAuthority)
      return {
        covered: false,
        as: 'an employee without procurement decision-making authority, so not a procurement professional (B.4.b(1))',
      };
    return { covered: true, as: 'a procurement professional (B.4.b)' };
  }
  if (f.recipientType === 'contractor') {
    if (f.contractAdministrationResponsibility)
      return { covered: true, as: 'a contract administration professional (B.4.a)' };
    return {
      covered: false,
      as: 'a contractor with no part in solicitations, procurement or contract oversight, so not a contract administration professional (B.4.a)',
    };
  }
  return { covered: false, as: 'neither a procurement nor a contract administration professional' };
}

const isTokenCategory = (f: GiftFacts) => (HOSPITALITY_CATEGORIES as readonly string[]).includes(f.category);

/** B.4.c(a): a token item worth less than each-limit whose year total with this gift stays below the annual limit. */
function hospitalityTest(f: GiftFacts, each: number, annual: number) {
  const yearTotal = f.giverRecipientYearToDateCents + f.valueCents;
  return { yearTotal, underEach: f.valueCents < each, underAnnual: yearTotal < annual };
}

export const giftHospitality = defineRule<GiftFacts>({
  id: 'lea-finance.gifts.hospitality-gift',
  title:
    'A hospitality gift is a token item worth less than $10, under $50 a calendar year from one giver to one recipient',
  citations: [section('B.4.c', STATUTE), section('B.4.c(a)', STATUTE), section('B.4.c(b)', STATUTE)],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f, ctx) {
    if (!isTokenCategory(f) || f.negotiatedBribe || f.exclusion !== 'none') return [];
    const each = ctx.param<number>('lea-finance.gifts.hospitality_each_limit');
    const annual = ctx.param<number>('lea-finance.gifts.hospitality_annual_limit');
    const t = hospitalityTest(f, each, annual);
    const year = f.giftDate.slice(0, 4);
    const values = {
      valueCents: f.valueCents,
      yearTotalCents: t.yearTotal,
      eachLimitCents: each,
      annualLimitCents: annual,
    };
    if (t.underEach && t.underAnnual) {
      return [
        {
          kind: 'value',
          message: `A hospitality gift: ${f.description} worth ${formatMoney(f.valueCents)} (less than ${formatMoney(each)}), ${formatMoney(t.yearTotal)} from ${f.giver} to ${f.recipient} in ${year} (less than ${formatMoney(annual)}); the statute permits it (B.4.c(a), Utah Code 63G-6a-2404).`,
          values: { ...values, classification: 'hospitality' },
        },
      ];
    }
    const over = [
      ...(t.underEach ? [] : [`is worth ${formatMoney(f.valueCents)}, not less than ${formatMoney(each)}`]),
      ...(t.underAnnual
        ? []
        : [
            `brings ${f.giver}'s gifts to ${f.recipient} in ${year} to ${formatMoney(t.yearTotal)}, not less than ${formatMoney(annual)}`,
          ]),
    ];
    return [
      {
        kind: 'notice',
        severity: 'medium',
        message: `${f.description} ${over.join(' and ')}, so it is not a hospitality gift but a gratuity (B.4.c(b)).`,
        values: { ...values, classification: 'gratuity' },
      },
    ];
  },
});

export const giftGratuity = defineRule<GiftFacts>({
  id: 'lea-finance.gifts.gratuity',
  title:
    'No gratuity passes between someone with or seeking a contract or grant and a procurement or contract administration professional',
  citations: [
    section('B.4.d', STATUTE),
    section('B.4.d(1)', STATUTE),
    section('B.4.d(2)', STATUTE),
    section('B.4.d(2)(c)', PENALTIES),
    section('B.4.a', 'Utah Code 63G-6a-2402'),
    section('B.4.b', 'Utah Code 63G-6a-2402'),
  ],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f, ctx) {
    if (f.negotiatedBribe) return [];
    if (f.exclusion !== 'none') {
      return [
        {
          kind: 'value',
          message: `Not a gratuity: ${GRATUITY_EXCLUSIONS[f.exclusion].replace(/^\([a-h]\) /, '')} (${exclusionSection(f.exclusion)}).`,
          values: { classification: 'excluded', exclusion: f.exclusion },
        },
      ];
    }
    if (isTokenCategory(f)) {
      const each = ctx.param<number>('lea-finance.gifts.hospitality_each_limit');
      const annual = ctx.param<number>('lea-finance.gifts.hospitality_annual_limit');
      const t = hospitalityTest(f, each, annual);
      if (t.underEach && t.underAnnual) return [];
    }
    const status = recipientStatus(f);
    const values = { valueCents: f.valueCents, classification: 'gratuity', covered: status.covered };
    if (f.giverHasContract && status.covered) {
      return [
        {
          kind: 'violation',
          message: `${f.description} (${formatMoney(f.valueCents)}) from ${f.giver}, who has or is seeking a contract or grant, to ${f.recipient}, ${status.as}, is a gratuity: giving or accepting it is unlawful (B.4.d(2), Utah Code 63G-6a-2404). Return it and report it to the attorney general's office as the statute requires (B.4.d(2)(c)).`,
          subject: f.recipient,
          values,
        },
      ];
    }
    const why = f.giverHasContract
      ? `${f.recipient} is ${status.as}`
      : `${f.giver} neither has nor is seeking a contract or grant`;
    return [
      {
        kind: 'notice',
        severity: 'low',
        message: `${f.description} (${formatMoney(f.valueCents)}) is a gratuity, but not one B.4.d(2) forbids: ${why}. The Utah Public Officers' and Employees' Ethics Act (Utah Code 67-16) may still apply.`,
        subject: f.recipient,
        values,
      },
    ];
  },
});

export const giftKickback = defineRule<GiftFacts>({
  id: 'lea-finance.gifts.kickback',
  title: 'No kickback is given or received',
  citations: [section('B.4.e', STATUTE), section('B.4.e(a)', STATUTE), section('B.4.e(b)', PENALTIES)],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (!f.negotiatedBribe) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.description} (${formatMoney(f.valueCents)}) from ${f.giver} to ${f.recipient} was negotiated in connection with a procurement or contract: a kickback, which is unlawful (B.4.e, Utah Code 63G-6a-2404). Report it to the attorney general's office (B.4.e(b)).`,
        subject: f.recipient,
        values: { valueCents: f.valueCents, classification: 'kickback' },
      },
    ];
  },
});

export const giftRules = [giftHospitality, giftGratuity, giftKickback];
