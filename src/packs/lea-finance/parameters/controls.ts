// The disbursement-control figures of the LEA's General Financial Policies (SOURCE.md §§ B.4, F, G, K, L):
// purchase-card limits and reconciliation, travel claim deadlines, review deadlines and the hospitality-gift
// limits. Where the policy leaves a figure to the LEA ("based on purchasing authority", "monthly", "timely")
// the value is the pack's reading, said in its note, so an organisation can override it.
import { since } from './since.ts';

const GIFTS = 'Utah Code 63G-6a-2402, 63G-6a-2404';

// F.3: purchases "exceeding $1,000" on a card need an expenditure authorization form first.
export const cardPreapprovalThreshold = since({
  id: 'lea-finance.card.preapproval_threshold',
  title: 'Card purchases above this need pre-approval',
  description:
    'A purchase-card purchase above this amount must be pre-approved on an expenditure authorization form before it is made.',
  unit: 'cents',
  value: 100_000,
  section: 'F.3',
});

// F.11 leaves the limits to the LEA ("based on purchasing authority"); these defaults follow the B.1
// thresholds ($5,000 single-procurement aggregate) so a card cannot buy what needs quotes without notice.
export const cardTransactionLimit = since({
  id: 'lea-finance.card.transaction_limit',
  title: 'Purchase-card transaction limit',
  description: 'Most one purchase-card transaction may be.',
  unit: 'cents',
  value: 500_000,
  section: 'F.11',
  note: 'The policy leaves the limit to the LEA; $5,000.00 (the B.1.b aggregate threshold) is the pack default.',
});

export const cardDailyLimit = since({
  id: 'lea-finance.card.daily_limit',
  title: 'Purchase-card daily limit',
  description: 'Most one card may spend on one day, this transaction included.',
  unit: 'cents',
  value: 500_000,
  section: 'F.11',
  note: 'The policy leaves the limit to the LEA; $5,000.00 a day is the pack default.',
});

export const cardMonthlyLimit = since({
  id: 'lea-finance.card.monthly_limit',
  title: 'Purchase-card monthly limit',
  description: 'Most one card may spend in one calendar month, this transaction included.',
  unit: 'cents',
  value: 2_000_000,
  section: 'F.11',
  note: 'The policy leaves the limit to the LEA; $20,000.00 a calendar month is the pack default.',
});

// B.3.a(1): "Employees should not split invoices to stay under daily purchase limits on purchase cards".
export const cardSplitWindowDays = since({
  id: 'lea-finance.card.split_window_days',
  title: 'Days either side in which card purchases at one merchant are read together',
  description:
    'Purchases on the same card at the same merchant within this many calendar days either side are added up to spot a purchase split to stay under a limit.',
  unit: 'days',
  value: 3,
  section: 'B.3.a(1)',
  note: 'The policy names no period ("over a short period of time"); three days either side is the pack default.',
});

// F.4–F.5: "monthly"; A.8: "in a timely manner". The pack reads it as 30 calendar days after month end.
export const cardReconciliationDays = since({
  id: 'lea-finance.card.reconciliation_days',
  title: 'Days after the statement month to reconcile and approve a card statement',
  description:
    'Calendar days after the last day of the statement month by which the card user reconciles and certifies the statement and administration approves it.',
  unit: 'days',
  value: 30,
  section: 'F.5',
  note: 'The policy says "each month" (F.4, F.5) and "in a timely manner" (A.8) without a day count; 30 calendar days after the end of the statement month is the pack default.',
});

export const travelMileageDays = since({
  id: 'lea-finance.travel.mileage_days',
  title: 'Days after return to complete the mileage reimbursement form',
  description:
    'Calendar days after the return from travel within which the mileage reimbursement form is completed.',
  unit: 'days',
  value: 45,
  section: 'G.1.a',
});

export const travelReimbursementDays = since({
  id: 'lea-finance.travel.reimbursement_days',
  title: 'Days after return to complete the travel reimbursement form',
  description:
    'Calendar days after the return from travel within which the travel reimbursement form is completed.',
  unit: 'days',
  value: 30,
  section: 'G.2.a',
});

// L.1–L.2: "Monthly"; A.8: "in a timely manner".
export const bankReconciliationDays = since({
  id: 'lea-finance.review.bank_reconciliation_days',
  title: 'Days after month end to reconcile and review a bank account',
  description:
    "Calendar days after the last day of the month by which the month's bank reconciliation is performed and reviewed.",
  unit: 'days',
  value: 30,
  section: 'L.1',
  note: 'The policy says "Monthly" (L.1, L.2) and "in a timely manner" (A.8) without a day count; 30 calendar days after month end is the pack default.',
});

// K.5: "Monthly, the LEA's audit committee or designee should review and approve".
export const journalEntryReviewMonths = since({
  id: 'lea-finance.review.journal_entry_review_months',
  title: "Months after the entry's month for the audit committee's review",
  description:
    "The audit committee (or designee) reviews a month's journal entries and EFTs by the last day of the month this many months after it.",
  unit: 'months',
  value: 1,
  section: 'K.5',
  note: 'The policy says "Monthly" without a day; the pack reads it as by the end of the month after the month of the entry.',
});

// B.4.c(a): the statute's limits for a lawful hospitality gift, both "less than".
export const hospitalityEachLimit = since({
  id: 'lea-finance.gifts.hospitality_each_limit',
  title: 'A hospitality gift is worth less than',
  description: 'A token gift worth this much or more is not a hospitality gift but a gratuity.',
  unit: 'cents',
  value: 1_000,
  section: 'B.4.c(a)',
  authority: GIFTS,
  note: 'As printed, B.4.c(a) calls gifts under $10 and $50 unlawful; Utah Code 63G-6a-2404 permits them, and the pack follows the statute.',
});

export const hospitalityAnnualLimit = since({
  id: 'lea-finance.gifts.hospitality_annual_limit',
  title: 'Hospitality gifts from one giver to one recipient in a calendar year total less than',
  description:
    'When the hospitality gifts from one person to one recipient in a calendar year reach this total, the gift is a gratuity.',
  unit: 'cents',
  value: 5_000,
  section: 'B.4.c(a)',
  authority: GIFTS,
  note: 'As printed, B.4.c(a) calls gifts under $10 and $50 unlawful; Utah Code 63G-6a-2404 permits them, and the pack follows the statute.',
});

export const controlsParameters = [
  cardPreapprovalThreshold,
  cardTransactionLimit,
  cardDailyLimit,
  cardMonthlyLimit,
  cardSplitWindowDays,
  cardReconciliationDays,
  travelMileageDays,
  travelReimbursementDays,
  bankReconciliationDays,
  journalEntryReviewMonths,
  hospitalityEachLimit,
  hospitalityAnnualLimit,
];
