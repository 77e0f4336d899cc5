// The lea-finance screens: the policies' checks that need a whole ledger rather than one record — purchases
// split to stay under a threshold (B.3), a vendor's small purchases over the annual cumulative threshold
// (B.1.c), duplicate payments (I.4–I.5), purchase-card limits and prohibited uses (F.3, F.9, F.11, B.3.a(1)),
// checks to "cash" (A.6, J.4), payment before approval (I.1–I.2), late travel claims (G.1.a, G.2.a) and
// gifts over the hospitality limits (B.4.c(a)). Every threshold and window is a pack parameter, read in
// force on the transaction's date, so an organisation's override moves the screen with its rules.
import type { Condition, Screen } from '../../screens.ts';
import { cited } from '../rules/procurement/plan.ts';
import { section } from '../source.ts';

const GIFTS = 'Utah Code 63G-6a-2402, 63G-6a-2404';
const noContract: Condition = { empty: 'contract' };
const CASH_TYPES = ['ATM', 'CASH ADVANCE', 'CASH-ADVANCE', 'CASH'];
// Merchant category codes of cash disbursements: 6010 manual cash (bank teller), 6011 automated cash (ATM).
const CASH_MCC = ['6010', '6011'];

export const splitPurchase: Screen = {
  id: 'lea-finance.screen.split-purchase',
  shape: 'cluster',
  title: 'Purchase split to stay under a threshold',
  description:
    'Purchases of the same commodity from one vendor, each made within the split window of the one before, that are each under a procurement threshold but together above it.',
  ledger: 'disbursements',
  kind: 'violation',
  severity: 'high',
  citations: [cited('B.3.a'), cited('B.3.a(1)'), cited('B.1.a'), cited('B.1.b')],
  where: noContract,
  keys: ['entity', 'vendor', 'commodity'],
  windowDays: 'lea-finance.split.window_days',
  thresholds: [
    'lea-finance.procurement.individual_threshold',
    'lea-finance.procurement.single_aggregate_threshold',
    'lea-finance.decision_tree.tier_c_max',
    'lea-finance.decision_tree.tier_d_max',
  ],
  message:
    '{count} purchases of {key.commodity} from {key.vendor} between {first} and {last} total {total}: each is at or under {threshold}, together they are above it.',
};

export const vendorAnnualSpend: Screen = {
  id: 'lea-finance.screen.vendor-annual-spend',
  shape: 'total',
  title: "Vendor's small purchases above the annual cumulative threshold",
  description:
    'Purchases from one vendor in a fiscal year, outside any contract, whose total is above the annual cumulative threshold: beyond it a purchase is no longer a small purchase and needs a bid or RFP.',
  ledger: 'disbursements',
  kind: 'violation',
  severity: 'high',
  citations: [cited('B.1.c'), cited('B.2.a')],
  where: noContract,
  keys: ['entity', 'vendor'],
  period: 'fiscal-year',
  above: { param: 'lea-finance.procurement.annual_cumulative_threshold' },
  message:
    '{key.vendor} was paid {total} in {period} in {count} payments under no contract, above the {param.lea-finance.procurement.annual_cumulative_threshold} annual cumulative threshold.',
};

export const duplicateInvoice: Screen = {
  id: 'lea-finance.screen.duplicate-invoice',
  shape: 'repeat',
  title: 'Invoice paid more than once',
  description: 'Two or more payments to one vendor of the same amount against the same invoice number.',
  ledger: 'disbursements',
  kind: 'violation',
  severity: 'high',
  citations: [section('I.4'), section('I.5')],
  where: { present: 'invoice' },
  keys: ['entity', 'vendor', { column: 'invoice', normalise: 'code' }, 'amount'],
  message:
    'Invoice {key.invoice} of {key.vendor} for {row.amount} was paid {count} times, {total} in all ({first} to {last}).',
};

export const duplicatePayment: Screen = {
  id: 'lea-finance.screen.duplicate-payment',
  shape: 'repeat',
  title: 'Possible duplicate payment',
  description:
    'Payments of the same amount to one vendor, each within the duplicate window of the one before, against different or missing invoice numbers.',
  ledger: 'disbursements',
  kind: 'notice',
  severity: 'medium',
  citations: [section('I.5'), section('I.4')],
  keys: ['entity', 'vendor', 'amount'],
  windowDays: 'lea-finance.screening.duplicate_window_days',
  distinct: { column: { column: 'invoice', normalise: 'code' }, atLeast: 2 },
  message:
    '{key.vendor} was paid {row.amount} {count} times between {first} and {last} against different or missing invoice numbers: check each against its invoice and receiving document.',
};

const cardPurchase: Condition = {
  not: {
    any: [
      { column: 'type', in: CASH_TYPES },
      { column: 'mcc', in: CASH_MCC },
    ],
  },
};

export const cardPreapproval: Screen = {
  id: 'lea-finance.screen.card-preapproval',
  shape: 'row',
  title: 'Card purchase above the pre-approval amount without pre-approval',
  description:
    'A purchase-card purchase above the pre-approval amount with no expenditure authorization form recorded.',
  ledger: 'pcard',
  kind: 'violation',
  severity: 'high',
  citations: [section('F.3'), section('I.1')],
  where: cardPurchase,
  when: {
    all: [
      { compare: [{ column: 'amount' }, '>', { param: 'lea-finance.card.preapproval_threshold' }] },
      { empty: 'preapproval' },
    ],
  },
  message:
    'Card {row.card} paid {row.merchant} {row.amount} on {first} with no expenditure authorization form; purchases above {param.lea-finance.card.preapproval_threshold} need one first.',
};

export const cardTransactionLimit: Screen = {
  id: 'lea-finance.screen.card-transaction-limit',
  shape: 'row',
  title: 'Card transaction above the transaction limit',
  description: 'A purchase-card transaction above the per-transaction limit.',
  ledger: 'pcard',
  kind: 'violation',
  severity: 'high',
  citations: [section('F.11')],
  when: { compare: [{ column: 'amount' }, '>', { param: 'lea-finance.card.transaction_limit' }] },
  message:
    'Card {row.card} paid {row.merchant} {row.amount} on {first}, above the {param.lea-finance.card.transaction_limit} transaction limit.',
};

export const cardDailyLimit: Screen = {
  id: 'lea-finance.screen.card-daily-limit',
  shape: 'total',
  title: 'Card spending above the daily limit',
  description: 'The transactions of one card on one day total more than the daily limit.',
  ledger: 'pcard',
  kind: 'violation',
  severity: 'high',
  citations: [section('F.11')],
  keys: ['entity', 'card'],
  period: 'day',
  above: { param: 'lea-finance.card.daily_limit' },
  message:
    'Card {key.card} spent {total} in {count} transactions on {period}, above the {param.lea-finance.card.daily_limit} daily limit.',
};

export const cardMonthlyLimit: Screen = {
  id: 'lea-finance.screen.card-monthly-limit',
  shape: 'total',
  title: 'Card spending above the monthly limit',
  description: 'The transactions of one card in one calendar month total more than the monthly limit.',
  ledger: 'pcard',
  kind: 'violation',
  severity: 'high',
  citations: [section('F.11')],
  keys: ['entity', 'card'],
  period: 'month',
  above: { param: 'lea-finance.card.monthly_limit' },
  message:
    'Card {key.card} spent {total} in {count} transactions in {period}, above the {param.lea-finance.card.monthly_limit} monthly limit.',
};

export const cardCash: Screen = {
  id: 'lea-finance.screen.card-cash',
  shape: 'row',
  title: 'ATM withdrawal or cash advance on a purchase card',
  description:
    'A purchase-card transaction that is an ATM withdrawal or a cash advance, which the policies prohibit.',
  ledger: 'pcard',
  kind: 'violation',
  severity: 'critical',
  citations: [section('F.9')],
  when: { not: cardPurchase },
  message:
    'Card {row.card} took {row.amount} in cash at {row.merchant} on {first} (type "{row.type}", merchant category "{row.mcc}").',
};

export const cardSplit: Screen = {
  id: 'lea-finance.screen.card-split',
  shape: 'cluster',
  title: 'Card purchases split to stay under a card limit',
  description:
    'Purchases on one card at one merchant, each within the card split window of the one before, each under the pre-approval amount or transaction limit but together above it.',
  ledger: 'pcard',
  kind: 'violation',
  severity: 'high',
  citations: [section('B.3.a(1)', 'Utah Code 63G-6a-408'), section('F.11'), section('F.3')],
  keys: ['entity', 'card', 'merchant'],
  windowDays: 'lea-finance.card.split_window_days',
  thresholds: ['lea-finance.card.preapproval_threshold', 'lea-finance.card.transaction_limit'],
  message:
    'Card {key.card} made {count} purchases at {key.merchant} between {first} and {last} totalling {total}: each is at or under {threshold}, together they are above it.',
};

export const checkToCash: Screen = {
  id: 'lea-finance.screen.check-to-cash',
  shape: 'row',
  title: 'Check payable to "cash" or "bearer"',
  description: 'A payment whose payee is "cash" or "bearer" rather than a named payee.',
  ledger: 'disbursements',
  kind: 'violation',
  severity: 'critical',
  citations: [section('A.6'), section('J.4')],
  when: {
    any: [
      { column: 'payee', in: ['CASH', 'BEARER'] },
      { column: 'vendor', in: ['CASH', 'BEARER'] },
    ],
  },
  message:
    'Payment {row.txn_id} of {row.amount} on {first} is made out to cash or bearer (vendor "{row.vendor}", payee "{row.payee}"), not to a named payee.',
};

export const paidBeforePurchaseOrder: Screen = {
  id: 'lea-finance.screen.paid-before-po',
  shape: 'row',
  title: 'Paid before the purchase order was approved',
  description: 'A payment dated before the approval of the purchase order it was made against.',
  ledger: 'disbursements',
  kind: 'violation',
  severity: 'high',
  citations: [section('I.1'), section('I.2')],
  when: {
    all: [
      { present: 'po_approved_on' },
      { compare: [{ column: 'paid_on' }, '<', { column: 'po_approved_on' }] },
    ],
  },
  message:
    '{row.vendor} was paid {row.amount} on {first}, before purchase order {row.po_number} was approved on {row.po_approved_on}.',
};

/** A reimbursement form of one kind turned in more days after the return than its parameter allows. */
function lateClaim(form: 'travel' | 'mileage', days: string, clause: string): Screen {
  const title = form === 'travel' ? 'Travel' : 'Mileage';
  return {
    id: `lea-finance.screen.${form}-claim-late`,
    shape: 'row',
    title: `${title} reimbursement claimed late`,
    description: `A ${form} reimbursement form turned in more days after the return than the policies allow.`,
    ledger: 'travel',
    kind: 'violation',
    severity: 'medium',
    citations: [section(clause)],
    when: {
      all: [
        { column: 'claim_type', in: [form.toUpperCase()] },
        { daysBetween: ['returned_on', 'submitted_on'], op: '>', than: { param: days } },
      ],
    },
    message: `{row.employee} returned on {row.returned_on} and turned in the ${form} claim on {first}, more than {param.${days}} after.`,
  };
}

export const travelClaimLate = lateClaim('travel', 'lea-finance.travel.reimbursement_days', 'G.2.a');
export const mileageClaimLate = lateClaim('mileage', 'lea-finance.travel.mileage_days', 'G.1.a');

export const giftValue: Screen = {
  id: 'lea-finance.screen.gift-value',
  shape: 'row',
  title: 'Gift worth the hospitality limit or more',
  description:
    'A gift worth as much as the per-gift hospitality limit or more: not a hospitality gift but a gratuity the recipient may not accept.',
  ledger: 'gifts',
  kind: 'violation',
  severity: 'medium',
  citations: [section('B.4.c(a)', GIFTS), section('B.4.a', GIFTS)],
  when: { compare: [{ column: 'value' }, '>=', { param: 'lea-finance.gifts.hospitality_each_limit' }] },
  message:
    '{row.recipient} received {row.description} worth {row.value} from {row.giver} on {first}; a hospitality gift must be worth less than {param.lea-finance.gifts.hospitality_each_limit}.',
};

export const giftAnnual: Screen = {
  id: 'lea-finance.screen.gift-annual',
  shape: 'total',
  title: "Gifts from one giver to one recipient at the calendar year's limit or more",
  description:
    'Gifts from one giver to one recipient in a calendar year whose total reaches the annual hospitality limit.',
  ledger: 'gifts',
  kind: 'violation',
  severity: 'medium',
  citations: [section('B.4.c(a)', GIFTS)],
  keys: ['entity', 'giver', 'recipient'],
  period: 'calendar-year',
  above: { param: 'lea-finance.gifts.hospitality_annual_limit', inclusive: true },
  message:
    '{key.recipient} received {count} gifts worth {total} from {key.giver} in {period}; together they must be worth less than {param.lea-finance.gifts.hospitality_annual_limit}.',
};

export const screens: readonly Screen[] = [
  splitPurchase,
  vendorAnnualSpend,
  duplicateInvoice,
  duplicatePayment,
  cardPreapproval,
  cardTransactionLimit,
  cardDailyLimit,
  cardMonthlyLimit,
  cardCash,
  cardSplit,
  checkToCash,
  paidBeforePurchaseOrder,
  travelClaimLate,
  mileageClaimLate,
  giftValue,
  giftAnnual,
];
