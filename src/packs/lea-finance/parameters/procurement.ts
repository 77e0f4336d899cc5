// The procurement figures of the LEA's General Financial Policies (SOURCE.md §§ B, D, E, I), each with the
// section that sets it, the statute the section names and the date it took effect. Where the policy is
// silent or ambiguous the figure is the pack's reading, said in its note, so an organisation can override it.
import { since } from './since.ts';

// B.1 Small purchases: the statutory thresholds the decision tree (D.2) applies.
export const individualThreshold = since({
  id: 'lea-finance.procurement.individual_threshold',
  title: 'Individual procurement threshold',
  description:
    'Most the LEA may spend on a single item or service from one vendor at one time without competitive purchasing.',
  unit: 'cents',
  value: 100_000,
  section: 'B.1.a',
});

export const singleAggregateThreshold = since({
  id: 'lea-finance.procurement.single_aggregate_threshold',
  title: 'Single procurement aggregate threshold',
  description:
    'Most the LEA may spend on a combination of small items (each under $1,001) from one vendor at one time.',
  unit: 'cents',
  value: 500_000,
  section: 'B.1.b',
});

export const annualCumulativeThreshold = since({
  id: 'lea-finance.procurement.annual_cumulative_threshold',
  title: 'Annual cumulative threshold per vendor',
  description:
    'Most the LEA may spend with one vendor in a fiscal year (July 1 – June 30) on small purchases; beyond it a purchase is not a small purchase and needs a bid or RFP.',
  unit: 'cents',
  value: 5_000_000,
  section: 'B.1.c',
});

// D.2 The decision tree's tiers. Each tier runs up to and including its maximum: the policy's whole-dollar
// ranges ($0–$1,000, $1,001–$5,000, …) leave the cents between them unassigned, so $1,000.01 is read as
// the next tier (docs/packs/lea-finance/interpretations.md).
export const tierAMax = since({
  id: 'lea-finance.decision_tree.tier_a_max',
  title: 'Decision tree D.2.a: most the purchaser may spend from the best source without quotes',
  unit: 'cents',
  value: 100_000,
  section: 'D.2.a',
});

export const tierBMax = since({
  id: 'lea-finance.decision_tree.tier_b_max',
  title: 'Decision tree D.2.b: top of the $1,001–$5,000 tier (two quotes)',
  unit: 'cents',
  value: 500_000,
  section: 'D.2.b',
});

export const tierCMax = since({
  id: 'lea-finance.decision_tree.tier_c_max',
  title: 'Decision tree D.2.c: top of the $5,001–$10,000 tier (two quotes)',
  unit: 'cents',
  value: 1_000_000,
  section: 'D.2.c',
});

export const tierDMax = since({
  id: 'lea-finance.decision_tree.tier_d_max',
  title: 'Decision tree D.2.d: top of the $10,001–$50,000 tier (two quotes); above it a bid or RFP (D.2.e)',
  unit: 'cents',
  value: 5_000_000,
  section: 'D.2.d',
  note: 'D.2.e says "Greater than $50,001" after D.2.d ends at $50,000; read as anything above $50,000.00, so no amount falls between the tiers.',
});

export const boardSignatureAbove = since({
  id: 'lea-finance.decision_tree.board_signature_above',
  title: "Purchases above this amount also need the LEA board's signature",
  unit: 'cents',
  value: 9_999_900,
  section: 'D.2.e',
  note: '"If the purchase is greater than $99,999": $99,999.00 needs no board signature, $99,999.01 does.',
});

export const minQuotes = since({
  id: 'lea-finance.decision_tree.min_quotes',
  title: 'Least number of competitive quotes (or small-construction bids) to obtain',
  unit: 'count',
  value: 2,
  section: 'D.2.b',
});

// B.1.d and D.2.f, D.2.h: professional services (architectural, engineering, accounting, legal, consulting).
export const professionalDirectNegotiationMax = since({
  id: 'lea-finance.professional_services.direct_negotiation_max',
  title: 'Professional services: most that may be awarded by direct negotiation',
  description: 'Up to this amount after reviewing the qualifications of at least two providers.',
  unit: 'cents',
  value: 5_000_000,
  section: 'B.1.d',
});

export const professionalMinProvidersReviewed = since({
  id: 'lea-finance.professional_services.min_providers_reviewed',
  title: 'Professional services: least number of providers whose qualifications are reviewed',
  unit: 'count',
  value: 2,
  section: 'D.2.f',
});

export const professionalTwoQuotesMax = since({
  id: 'lea-finance.professional_services.two_quotes_max',
  title: 'Professional services: most that may be acquired with two quotes; above it a bid or RFP (D.2.h)',
  unit: 'cents',
  value: 10_000_000,
  section: 'D.2.f',
});

export const approvedVendorListMax = since({
  id: 'lea-finance.professional_services.approved_vendor_list_max',
  title: 'Professional services: most a contract or purchase from an approved vendor list may be',
  unit: 'cents',
  value: 10_000_000,
  section: 'B.1.d',
});

// B.1.e and D.2.g: small construction projects.
export const constructionDirectAwardMax = since({
  id: 'lea-finance.construction.direct_award_max',
  title: 'Construction: most that may be awarded directly (building requirements documented)',
  unit: 'cents',
  value: 2_500_000,
  section: 'B.1.e(1)',
});

export const constructionTwoBidsMax = since({
  id: 'lea-finance.construction.two_bids_max',
  title: 'Construction: most that may be procured with two bids or quotes; above it Utah Code 53A-20',
  unit: 'cents',
  value: 8_000_000,
  section: 'B.1.e(2)',
});

export const constructionAdvertisingDays = since({
  id: 'lea-finance.construction.advertising_days',
  title: 'Construction above the small-project limit: days the bids are advertised before the bid due date',
  unit: 'days',
  value: 10,
  section: 'D.2.g(3)',
  note: '"at least 10 days before the bid due date": calendar days from the advertisement to the due date.',
});

// E.2 Sole source.
export const soleSourcePublicCommentThreshold = since({
  id: 'lea-finance.sole_source.public_comment_threshold',
  title: 'Sole-source requests estimated at this amount or more are posted for public comment',
  unit: 'cents',
  value: 5_000_000,
  section: 'E.2',
  note: '"$50,000 and above": $50,000.00 is posted, $49,999.99 is not.',
});

// B.3 Artificially dividing a purchase.
export const splitWindowDays = since({
  id: 'lea-finance.split.window_days',
  title:
    'Days either side of a purchase within which purchases of similar items from its vendor are taken together',
  unit: 'days',
  value: 30,
  section: 'B.3.a(1)',
  note: 'B.3 speaks of "a short period of time" without a number; 30 calendar days is the pack\'s reading.',
});

// I.5 Three-way match.
export const invoiceToleranceCents = since({
  id: 'lea-finance.payment.invoice_tolerance_cents',
  title: 'Most an invoice may exceed the authorised amount and still match the expenditure authorisation',
  unit: 'cents',
  value: 0,
  section: 'I.5',
  note: 'I.5 says to compare the invoice to the authorisation without a tolerance; the pack allows none.',
});

// I.1–I.2: every purchase is approved by the department's supervisor or designated business officer.
export const supervisorAlwaysRequired = since({
  id: 'lea-finance.signatures.supervisor_always_required',
  title: "Every purchase order carries the requestor's and the immediate supervisor's signatures",
  description:
    'D.2.g(2), D.2.g(3) and D.2.h list only the higher signatures; I.1–I.2 require the supervisor or designated business officer to approve every purchase. When false those tiers need only the signatures they list.',
  unit: 'boolean',
  value: true,
  section: 'I.2',
});

export const procurementParameters = [
  individualThreshold,
  singleAggregateThreshold,
  annualCumulativeThreshold,
  tierAMax,
  tierBMax,
  tierCMax,
  tierDMax,
  boardSignatureAbove,
  minQuotes,
  professionalDirectNegotiationMax,
  professionalMinProvidersReviewed,
  professionalTwoQuotesMax,
  approvedVendorListMax,
  constructionDirectAwardMax,
  constructionTwoBidsMax,
  constructionAdvertisingDays,
  soleSourcePublicCommentThreshold,
  splitWindowDays,
  invoiceToleranceCents,
  supervisorAlwaysRequired,
];
