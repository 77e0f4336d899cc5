// The Procurement Decision Tree (D.2) and the thresholds of B.1 read together: for a purchase's category
// and total, the tier it falls in, how it must be procured and whose signatures it needs. The rules of
// this folder share it so that they can never disagree about which tier a purchase is in.
import { type Citation, type FindingDraft, formatMoney, type RuleContext } from '../../../../kernel/index.ts';
import type { RequisitionFacts } from '../../schemas/requisition.ts';
import { section } from '../../source.ts';

export const R33_4 = 'Utah Code 63G-6a-408; Utah Admin. Code R33-4';
export const BIDS_RFP = 'Utah Code 63G-6a-601 to 612, 701 to 711; Utah Admin. Code R33-6, R33-7';
export const AVL = 'Utah Code 63G-6a-403, 404';
export const SCHOOL_CONSTRUCTION = 'Utah Code 53A-20';

/**
 * The statute or rule the policies name at each procurement section, as printed (SOURCE.md). A section
 * that names none (D.2.a–d, B.1.e(1)–(2), D.2.g(1)–(2), E.1) is cited without one.
 */
const NAMED: Readonly<Record<string, string>> = {
  'A.14': 'Utah Code 67-16',
  'B.1': R33_4,
  'B.1.a': R33_4,
  'B.1.b': R33_4,
  'B.1.c': R33_4,
  'B.1.d': `${AVL}; Utah Admin. Code R33-4`,
  'B.1.e': SCHOOL_CONSTRUCTION,
  'B.1.e(3)': SCHOOL_CONSTRUCTION,
  'B.2.a': 'Utah Code 63G-6a-408(6)',
  'B.3.a': 'Utah Code 63G-6a-408',
  'B.3.a(1)': 'Utah Code 63G-6a-408',
  'B.3.a(2)': 'Utah Code 63G-6a-408',
  'D.2.e': `Utah Code 63G-6a-601 to 612, 701 to 711, 403, 404; Utah Admin. Code R33-6, R33-7`,
  'D.2.f': 'Utah Admin. Code R33-4',
  'D.2.g': SCHOOL_CONSTRUCTION,
  'D.2.g(3)': SCHOOL_CONSTRUCTION,
  'D.2.h': 'Utah Code 63G-6a-601 to 612, 701 to 711',
  'E.2': 'Utah Code 63G-6a-802, 406',
  'E.3': 'Utah Code 63G-6a-802',
};

/** A section of the policies with the statute or rule they name there, if any. */
export const cited = (path: string): Citation => section(path, NAMED[path]);

export type Signer = 'requestor' | 'supervisor' | 'business-administrator' | 'superintendent' | 'board';

/** The signatures in the order the form passes from hand to hand (I.1–I.2, D.2). */
export const SIGNERS: readonly {
  signer: Signer;
  title: string;
  by:
    | 'requestedBy'
    | 'supervisorSignedBy'
    | 'businessAdministratorSignedBy'
    | 'superintendentSignedBy'
    | 'boardApprovedBy';
  on:
    | 'requestedOn'
    | 'supervisorSignedOn'
    | 'businessAdministratorSignedOn'
    | 'superintendentSignedOn'
    | 'boardApprovedOn';
}[] = [
  { signer: 'requestor', title: 'the requestor', by: 'requestedBy', on: 'requestedOn' },
  {
    signer: 'supervisor',
    title: 'the immediate supervisor (or authorised business officer for the department)',
    by: 'supervisorSignedBy',
    on: 'supervisorSignedOn',
  },
  {
    signer: 'business-administrator',
    title: 'the business administrator',
    by: 'businessAdministratorSignedBy',
    on: 'businessAdministratorSignedOn',
  },
  {
    signer: 'superintendent',
    title: 'the superintendent',
    by: 'superintendentSignedBy',
    on: 'superintendentSignedOn',
  },
  { signer: 'board', title: "the LEA's board", by: 'boardApprovedBy', on: 'boardApprovedOn' },
];

export const signerTitle = (s: Signer): string => SIGNERS.find((x) => x.signer === s)?.title ?? s;

/**
 * best-source: no quotes (D.2.a); quotes: at least two quotes or bids, lowest meeting specifications
 * (D.2.b–d, D.2.f, D.2.g(2)); direct-negotiation: qualifications of at least two providers reviewed (D.2.f);
 * direct-award: building requirements documented (D.2.g(1)); bid-or-rfp: invitation for bids, RFP or an
 * approved vendor list (D.2.e, D.2.h); bid-53A-20: advertised invitation for bids (D.2.g(3)).
 */
export type Method =
  | 'best-source'
  | 'quotes'
  | 'direct-negotiation'
  | 'direct-award'
  | 'bid-or-rfp'
  | 'bid-53A-20';
export type Process = 'bid' | 'rfp' | 'approved-vendor-list';

export interface Plan {
  category: RequisitionFacts['category'];
  /** The decision tree's section for the tier (e.g. 'D.2.b', 'D.2.g(3)'). */
  tier: string;
  citations: Citation[];
  method: Method;
  /** Competitive processes that satisfy the method (for quotes tiers: that do more than quotes). */
  processes: readonly Process[];
  signatures: readonly Signer[];
  /** Building code approvals, licences and permits documented before award (B.1.e(1)). */
  buildingRequirements: boolean;
}

type Param = RuleContext['param'];

/** Amount tiers of D.2.a–e for goods and services; professional services and construction have their own. */
export function planOf(f: Pick<RequisitionFacts, 'category' | 'amountCents'>, param: Param): Plan {
  const amount = f.amountCents;
  const board = amount > param<number>('lea-finance.decision_tree.board_signature_above');
  const always = param<boolean>('lea-finance.signatures.supervisor_always_required');
  const base: Signer[] = always ? ['requestor', 'supervisor'] : [];
  const tierA = param<number>('lea-finance.decision_tree.tier_a_max');
  const tierD = param<number>('lea-finance.decision_tree.tier_d_max');
  const goodsSignatures = (): Signer[] =>
    amount <= tierA
      ? ['requestor', 'supervisor']
      : amount <= tierD
        ? ['requestor', 'supervisor', 'business-administrator']
        : [
            'requestor',
            'supervisor',
            'business-administrator',
            'superintendent',
            ...(board ? ['board' as const] : []),
          ];

  if (f.category === 'professional-services') {
    if (amount <= param<number>('lea-finance.professional_services.direct_negotiation_max')) {
      return {
        category: f.category,
        tier: 'D.2.f',
        citations: [cited('D.2.f'), cited('B.1.d')],
        method: 'direct-negotiation',
        processes: ['bid', 'rfp', 'approved-vendor-list'],
        signatures: goodsSignatures(),
        buildingRequirements: false,
      };
    }
    if (amount <= param<number>('lea-finance.professional_services.two_quotes_max')) {
      return {
        category: f.category,
        tier: 'D.2.f',
        citations: [cited('D.2.f'), cited('B.1.d')],
        method: 'quotes',
        processes: ['bid', 'rfp', 'approved-vendor-list'],
        signatures: goodsSignatures(),
        buildingRequirements: false,
      };
    }
    return {
      category: f.category,
      tier: 'D.2.h',
      citations: [cited('D.2.h'), cited('B.1.d')],
      method: 'bid-or-rfp',
      processes: ['bid', 'rfp'],
      signatures: [...base, 'business-administrator', 'superintendent', 'board'],
      buildingRequirements: false,
    };
  }

  if (f.category === 'construction') {
    if (amount <= param<number>('lea-finance.construction.direct_award_max')) {
      return {
        category: f.category,
        tier: 'D.2.g(1)',
        citations: [cited('D.2.g(1)'), cited('B.1.e(1)')],
        method: 'direct-award',
        processes: ['bid'],
        signatures: ['requestor', 'supervisor', 'business-administrator', 'superintendent'],
        buildingRequirements: true,
      };
    }
    if (amount <= param<number>('lea-finance.construction.two_bids_max')) {
      return {
        category: f.category,
        tier: 'D.2.g(2)',
        citations: [cited('D.2.g(2)'), cited('B.1.e(2)')],
        method: 'quotes',
        processes: ['bid'],
        signatures: [
          ...base,
          'business-administrator',
          'superintendent',
          ...(board ? ['board' as const] : []),
        ],
        buildingRequirements: true,
      };
    }
    return {
      category: f.category,
      tier: 'D.2.g(3)',
      citations: [cited('D.2.g(3)'), cited('B.1.e(3)')],
      method: 'bid-53A-20',
      processes: ['bid'],
      signatures: [...base, 'business-administrator', 'superintendent', 'board'],
      buildingRequirements: false,
    };
  }

  const goods = (tier: string, method: Method, b1: string): Plan => ({
    category: f.category,
    tier,
    citations: [cited(tier), cited(b1)],
    method,
    processes: ['bid', 'rfp', 'approved-vendor-list'],
    signatures: goodsSignatures(),
    buildingRequirements: false,
  });
  if (amount <= tierA) return goods('D.2.a', 'best-source', 'B.1.a');
  if (amount <= param<number>('lea-finance.decision_tree.tier_b_max'))
    return goods('D.2.b', 'quotes', 'B.1.b');
  if (amount <= param<number>('lea-finance.decision_tree.tier_c_max'))
    return goods('D.2.c', 'quotes', 'B.1.b');
  if (amount <= tierD) return goods('D.2.d', 'quotes', 'B.1.c');
  return goods('D.2.e', 'bid-or-rfp', 'B.1.c');
}

export const METHOD_TEXT: Readonly<Record<Method, string>> = {
  'best-source': 'the purchaser may select the best source without competitive quotes',
  quotes: 'at least two competitive quotes, and the lowest quote meeting specifications is chosen',
  'direct-negotiation': 'direct negotiation after reviewing the qualifications of at least two providers',
  'direct-award':
    'direct award after documenting building code approvals, licensing, permits and other construction requirements',
  'bid-or-rfp':
    'a competitive bid or RFP managed by LEA purchasing (or an approved vendor list created by one)',
  'bid-53A-20':
    'an invitation for bids under Utah Code 53A-20, advertised at least 10 days before the bid due date',
};

/** The purchase is exempt from the quotes and bids of the decision tree (a state contract, an approved sole source). */
export function exemptFromCompetition(f: RequisitionFacts): boolean {
  return f.stateContract || (f.soleSource && f.soleSourceJustificationApproved);
}

/** Names compared as the policy's people are: trimmed and case-insensitively. */
export const samePerson = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

export const listText = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

export const money = formatMoney;

/**
 * What an act still needs: a requirement while the act (the stamped date `at`) has not happened, and a
 * violation once it has — so the guard of the act refuses, and imported history is judged the same way.
 */
export function needed(
  at: string | undefined,
  act: string,
  message: string,
  extra: Omit<FindingDraft, 'kind' | 'message'> = {},
): FindingDraft {
  return at === undefined
    ? { kind: 'requirement', message, ...extra }
    : { kind: 'violation', message: `${message} ${act} on ${at} without it.`, ...extra };
}
