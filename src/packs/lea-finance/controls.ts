// The disbursement-control half of the pack (B.4, C.3, F–H, J–L): its rules, case kinds, workflows and
// record kinds, gathered for index.ts. Each record kind's data are the facts of the case kind of the same id.
import { formatMoney, sumMoney } from '../../kernel/index.ts';
import type { Derivation, DerivationWindow, RecordKind } from '../framework.ts';
import { cardRules, statementSelfReview } from './rules/cards.ts';
import { checkIndependentReviewer, checkRules } from './rules/checks.ts';
import { giftRules } from './rules/gifts.ts';
import { jeIndependentApproval, journalEntryRules } from './rules/journal-entries.ts';
import { reimbursementRules, reimbursementSelfApproval } from './rules/reimbursement.ts';
import { bankReconciliationSegregation, reviewRules } from './rules/reviews.ts';
import { travelRules, travelSelfApproval } from './rules/travel.ts';
import { type BankReconciliationFacts, bankReconciliationFacts } from './schemas/bank-reconciliation.ts';
import { type CardStatementFacts, cardStatementFacts } from './schemas/card-statement.ts';
import { type CardTransactionFacts, cardTransactionFacts } from './schemas/card-transaction.ts';
import { type CheckFacts, checkFacts } from './schemas/check.ts';
import { type GiftFacts, giftFacts, HOSPITALITY_CATEGORIES } from './schemas/gift.ts';
import { type JournalEntryFacts, journalEntryFacts } from './schemas/journal-entry.ts';
import { type ReimbursementFacts, reimbursementFacts } from './schemas/reimbursement.ts';
import { type TravelFacts, travelFacts } from './schemas/travel.ts';
import { cardStatementWorkflow, cardTransactionWorkflow } from './workflows/cards.ts';
import { checkWorkflow } from './workflows/checks.ts';
import { giftWorkflow } from './workflows/gifts.ts';
import { journalEntryWorkflow } from './workflows/journal-entries.ts';
import { reimbursementWorkflow } from './workflows/reimbursement.ts';
import { bankReconciliationWorkflow } from './workflows/reviews.ts';
import { travelWorkflow } from './workflows/travel.ts';

export { controlsDemo } from './demo/controls.ts';
export { controlsParameters } from './parameters/controls.ts';
export { reconciliationStatusReport } from './reports/reconciliation-status.ts';

export const controlsRules = [
  ...cardRules,
  ...travelRules,
  ...reimbursementRules,
  ...checkRules,
  ...journalEntryRules,
  ...reviewRules,
  ...giftRules,
];

/** Rules whose violation means one person would hold duties the policy keeps apart. */
export const controlsSegregationRules = [
  statementSelfReview.id,
  travelSelfApproval.id,
  reimbursementSelfApproval.id,
  checkIndependentReviewer.id,
  jeIndependentApproval.id,
  bankReconciliationSegregation.id,
];

export const controlsWorkflows = {
  [cardTransactionWorkflow.id]: cardTransactionWorkflow,
  [cardStatementWorkflow.id]: cardStatementWorkflow,
  [travelWorkflow.id]: travelWorkflow,
  [reimbursementWorkflow.id]: reimbursementWorkflow,
  [checkWorkflow.id]: checkWorkflow,
  [journalEntryWorkflow.id]: journalEntryWorkflow,
  [bankReconciliationWorkflow.id]: bankReconciliationWorkflow,
  [giftWorkflow.id]: giftWorkflow,
};

/** The card's other purchases in a window, summed: its day and month against the limits (F.11), and those at
 * one merchant close in time for splitting (B.3.a(1)). */
function cardSpend(into: string, match: Derivation['match'], window: DerivationWindow): Derivation {
  return {
    into,
    kinds: ['card-transaction'],
    match,
    dateField: 'transactionDate',
    window,
    fold: { kind: 'sum', field: 'amountCents' },
  };
}

const cardTransaction: RecordKind<CardTransactionFacts> = {
  id: 'card-transaction',
  title: 'Purchase-card transaction',
  schema: cardTransactionFacts,
  caseKind: 'card-transaction',
  workflow: cardTransactionWorkflow.id,
  titleOf: (d) => `${d.merchant} ${formatMoney(d.amountCents)} (card ${d.cardId}, ${d.transactionDate})`,
  stamps: {
    reconcile: { by: 'reconciledBy', on: 'reconciledOn', roles: 'reconcilerRoles' },
    refer: { by: 'referredBy', on: 'referredOn' },
  },
  related: [
    cardSpend('cardDayTotalCents', { cardId: 'cardId' }, { kind: 'day' }),
    cardSpend('cardMonthTotalCents', { cardId: 'cardId' }, { kind: 'month' }),
    cardSpend(
      'merchantNearbyTotalCents',
      { cardId: 'cardId', merchant: 'merchant' },
      { kind: 'days', parameter: 'lea-finance.card.split_window_days' },
    ),
  ],
};

const cardStatement: RecordKind<CardStatementFacts> = {
  id: 'card-statement',
  title: 'Purchase-card statement',
  schema: cardStatementFacts,
  caseKind: 'card-statement',
  workflow: cardStatementWorkflow.id,
  titleOf: (d) => `Card ${d.cardId} statement ${d.statementMonth} (${d.holder})`,
  stamps: {
    certify: { by: 'certifiedBy', on: 'certifiedOn' },
    approve: { by: 'reviewedBy', on: 'reviewedOn', roles: 'reviewerRoles' },
    'approve-payment': { by: 'paymentApprovedBy', on: 'paymentApprovedOn', roles: 'paymentApproverRoles' },
    pay: { by: 'paidBy', on: 'paidOn' },
  },
};

const travel: RecordKind<TravelFacts> = {
  id: 'travel',
  title: 'Travel',
  schema: travelFacts,
  caseKind: 'travel',
  workflow: travelWorkflow.id,
  titleOf: (d) => `${d.traveler}: ${d.destinations.join(', ')} (${d.departOn} to ${d.returnOn})`,
  stamps: {
    submit: { by: 'submittedBy', on: 'submittedOn' },
    approve: { by: 'supervisorApprovedBy', on: 'supervisorApprovedOn', roles: 'supervisorRoles' },
    'approve-administrator': {
      by: 'administratorApprovedBy',
      on: 'administratorApprovedOn',
      roles: 'administratorRoles',
    },
    claim: { by: 'claimedBy', on: 'reimbursementFormOn' },
    'approve-reimbursement': {
      by: 'reimbursementApprovedBy',
      on: 'reimbursementApprovedOn',
      roles: 'reimbursementApproverRoles',
    },
  },
};

const reimbursement: RecordKind<ReimbursementFacts> = {
  id: 'reimbursement',
  title: 'Reimbursement request',
  schema: reimbursementFacts,
  caseKind: 'reimbursement',
  workflow: reimbursementWorkflow.id,
  titleOf: (d) =>
    `${d.requestor}: ${d.purpose} (${formatMoney(sumMoney(d.items.map((i) => i.amountCents)))})`,
  stamps: {
    submit: { by: 'requestorSignedBy', on: 'requestorSignedOn' },
    approve: { by: 'approvedBy', on: 'approvedOn', roles: 'approverRoles' },
    pay: { by: 'paidBy', on: 'paidOn' },
  },
};

const check: RecordKind<CheckFacts> = {
  id: 'check',
  title: 'Check',
  schema: checkFacts,
  caseKind: 'check',
  workflow: checkWorkflow.id,
  titleOf: (d) =>
    `Check ${d.checkNumber} to ${d.payee?.trim() || '(blank)'}${d.amountCents === undefined ? '' : ` ${formatMoney(d.amountCents)}`}`,
  stamps: {
    review: { by: 'reviewedBy', on: 'reviewedOn', roles: 'reviewerRoles' },
    sign: { by: 'signedBy', on: 'signedOn', roles: 'signerRoles' },
    mail: { by: 'mailedBy', on: 'mailedOn', roles: 'mailerRoles' },
    void: { by: 'voidedBy', on: 'voidedOn' },
  },
};

const journalEntry: RecordKind<JournalEntryFacts> = {
  id: 'journal-entry',
  title: 'Journal entry or EFT',
  schema: journalEntryFacts,
  caseKind: 'journal-entry',
  workflow: journalEntryWorkflow.id,
  titleOf: (d) =>
    `${d.entryType === 'eft' ? 'EFT' : 'JE'} ${d.reference}: ${d.description} (${formatMoney(d.amountCents)})`,
  stamps: {
    approve: { by: 'approvedBy', on: 'approvedOn', roles: 'approverRoles' },
    'audit-review': { by: 'auditReviewedBy', on: 'auditReviewedOn', roles: 'auditReviewerRoles' },
  },
};

const bankReconciliation: RecordKind<BankReconciliationFacts> = {
  id: 'bank-reconciliation',
  title: 'Bank reconciliation',
  schema: bankReconciliationFacts,
  caseKind: 'bank-reconciliation',
  workflow: bankReconciliationWorkflow.id,
  titleOf: (d) => `${d.account} reconciliation ${d.month}`,
  stamps: {
    reconcile: { by: 'performedBy', on: 'performedOn', roles: 'performerRoles' },
    review: { by: 'reviewedBy', on: 'reviewedOn', roles: 'reviewerRoles' },
  },
};

const gift: RecordKind<GiftFacts> = {
  id: 'gift',
  title: 'Gifts register entry',
  schema: giftFacts,
  caseKind: 'gift',
  workflow: giftWorkflow.id,
  titleOf: (d) =>
    `${d.description} from ${d.giver} to ${d.recipient} (${formatMoney(d.valueCents)}, ${d.giftDate})`,
  stamps: {
    accept: { by: 'reviewedBy', on: 'reviewedOn', roles: 'reviewerRoles' },
    return: { by: 'reviewedBy', on: 'reviewedOn', roles: 'reviewerRoles' },
    refer: { by: 'reviewedBy', on: 'reviewedOn', roles: 'reviewerRoles' },
  },
  related: [
    {
      into: 'giverRecipientYearToDateCents',
      kinds: ['gift'],
      match: { giver: 'giver', recipient: 'recipient' },
      // B.4.c(a)(2) totals hospitality gifts; a gratuity is judged on its own.
      where: { category: HOSPITALITY_CATEGORIES },
      dateField: 'giftDate',
      window: { kind: 'calendar-year' },
      onlyEarlier: true,
      fold: { kind: 'sum', field: 'valueCents' },
    },
  ],
};

export const controlsRecords: Record<string, RecordKind> = {
  'card-transaction': cardTransaction as RecordKind,
  'card-statement': cardStatement as RecordKind,
  travel: travel as RecordKind,
  reimbursement: reimbursement as RecordKind,
  check: check as RecordKind,
  'journal-entry': journalEntry as RecordKind,
  'bank-reconciliation': bankReconciliation as RecordKind,
  gift: gift as RecordKind,
};

/** Each record kind's data are the facts of the case kind of the same id, titled alike. */
export const controlsCaseKinds = Object.fromEntries(
  Object.values(controlsRecords).map(({ id, title, schema }) => [id, { id, title, schema }]),
);
