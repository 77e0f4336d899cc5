// Credit/purchase cards (F; L.1–L.2 for the monthly statement review): what a card may buy, the
// pre-approval above $1,000 (F.3), receipts and the shared-card log (F.4–F.5), the LEA's limits (F.11), the
// split-purchase warning of B.3.a(1), and the monthly statement: certified by the card user, approved by
// administration with oversight over the user (F.6–F.7), paid only after administration approves (F.8).
import {
  defineRule,
  type FindingDraft,
  formatMoney,
  isAfter,
  isBefore,
  maxDate,
} from '../../../kernel/index.ts';
import type { CardStatementFacts } from '../schemas/card-statement.ts';
import type { CardTransactionFacts } from '../schemas/card-transaction.ts';
import { ADOPTED, section } from '../source.ts';
import { daysAfterMonthEnd, deadline, samePerson } from './controls-common.ts';

const ETHICS_ACT = 'Utah Code 67-16';
const SPLITTING = 'Utah Code 63G-6a-408';
const TX = ['card-transaction'];
const STATEMENT = ['card-statement'];

const cardName = (f: { cardId: string; holder: string }) => `card ${f.cardId} (${f.holder})`;

export const cardProhibitedTransaction = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.prohibited-transaction',
  title: 'No ATM transactions or cash advances on a purchase card',
  citations: [section('F.9'), section('F.10')],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f) {
    if (f.transactionType === 'purchase') return [];
    const what = f.transactionType === 'atm' ? 'An ATM transaction' : 'A cash advance';
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${what} of ${formatMoney(f.amountCents)} on ${f.transactionDate} on ${cardName(f)} is strictly prohibited (F.9); refer it to administration (F.10).`,
        subject: f.holder,
        values: { transactionType: f.transactionType, amountCents: f.amountCents },
      },
    ];
  },
});

export const cardPersonalUse = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.personal-use',
  title: 'No personal use of a purchase card',
  citations: [section('F.9'), section('A.14', ETHICS_ACT), section('C.5'), section('F.14')],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f) {
    if (!f.personalUse) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `The ${formatMoney(f.amountCents)} purchase at ${f.merchant} on ${cardName(f)} was for personal use, which is strictly prohibited (F.9, A.14); the card user repays it and the card may be cancelled (F.10, F.14).`,
        subject: f.holder,
        values: { amountCents: f.amountCents },
      },
    ];
  },
});

export const cardPreApproval = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.pre-approval',
  title: 'Card purchases over $1,000 are pre-approved on an expenditure authorization form',
  citations: [section('F.3'), section('I.1')],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('lea-finance.card.preapproval_threshold');
    if (f.amountCents <= threshold) return [];
    const values = {
      amountCents: f.amountCents,
      thresholdCents: threshold,
      transactionDate: f.transactionDate,
    };
    const approvedOn = f.preApprovalOn;
    if (f.preApproved || approvedOn !== undefined) {
      if (approvedOn !== undefined && isAfter(approvedOn, f.transactionDate)) {
        return [
          {
            kind: 'violation',
            message: `The ${formatMoney(f.amountCents)} purchase on ${f.transactionDate} was pre-approved only on ${approvedOn}, after it was made; purchases over ${formatMoney(threshold)} are approved before they are made (F.3).`,
            subject: f.holder,
            values: { ...values, preApprovalOn: approvedOn },
          },
        ];
      }
      return [];
    }
    if (isAfter(f.transactionDate, ctx.asOf)) {
      return [
        {
          kind: 'requirement',
          message: `A ${formatMoney(f.amountCents)} card purchase is over ${formatMoney(threshold)}: it must be pre-approved on an expenditure authorization form before it is made on ${f.transactionDate} (F.3).`,
          due: f.transactionDate,
          values,
        },
      ];
    }
    return [
      {
        kind: 'violation',
        message: `The ${formatMoney(f.amountCents)} purchase at ${f.merchant} on ${f.transactionDate} is over ${formatMoney(threshold)} and was not pre-approved on an expenditure authorization form (F.3).`,
        subject: f.holder,
        values,
      },
    ];
  },
});

export const cardReceipt = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.receipt',
  title: 'A receipt is retained for every card purchase',
  citations: [section('F.4'), section('F.5'), section('F.10')],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f) {
    if (f.receiptRetained) return [];
    if (f.reconciledOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The ${formatMoney(f.amountCents)} purchase at ${f.merchant} on ${f.transactionDate} was reconciled on ${f.reconciledOn} without its receipt; receipts are retained for all purchases (F.4, F.5).`,
          subject: f.holder,
          values: { amountCents: f.amountCents },
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Keep the receipt for the ${formatMoney(f.amountCents)} purchase at ${f.merchant} and turn it in to the accounting/front office (F.4, F.5).`,
        values: { amountCents: f.amountCents },
      },
    ];
  },
});

export const cardLimits = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.limits',
  title: "A card purchase stays within the card's transaction, daily and monthly limits",
  citations: [section('F.11'), section('B.3.a(1)', SPLITTING)],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f, ctx) {
    const transactionLimit = ctx.param<number>('lea-finance.card.transaction_limit');
    const dailyLimit = ctx.param<number>('lea-finance.card.daily_limit');
    const monthlyLimit = ctx.param<number>('lea-finance.card.monthly_limit');
    const dayTotal = f.cardDayTotalCents + f.amountCents;
    const monthTotal = f.cardMonthTotalCents + f.amountCents;
    const month = f.transactionDate.slice(0, 7);
    const out: FindingDraft[] = [];
    if (f.amountCents > transactionLimit) {
      out.push({
        kind: 'violation',
        message: `The ${formatMoney(f.amountCents)} purchase is over the card's transaction limit of ${formatMoney(transactionLimit)} (F.11).`,
        subject: f.holder,
        values: { limit: 'transaction', amountCents: f.amountCents, limitCents: transactionLimit },
      });
    }
    if (dayTotal > dailyLimit) {
      out.push({
        kind: 'violation',
        message: `With this purchase ${cardName(f)} spent ${formatMoney(dayTotal)} on ${f.transactionDate}, over its daily limit of ${formatMoney(dailyLimit)} (F.11).`,
        subject: f.holder,
        values: { limit: 'daily', totalCents: dayTotal, limitCents: dailyLimit },
      });
    }
    if (monthTotal > monthlyLimit) {
      out.push({
        kind: 'violation',
        message: `With this purchase ${cardName(f)} spent ${formatMoney(monthTotal)} in ${month}, over its monthly limit of ${formatMoney(monthlyLimit)} (F.11).`,
        subject: f.holder,
        values: { limit: 'monthly', month, totalCents: monthTotal, limitCents: monthlyLimit },
      });
    }
    if (out.length > 0) return out;
    return [
      {
        kind: 'value',
        message: `${cardName(f)}: ${formatMoney(dayTotal)} on ${f.transactionDate} (limit ${formatMoney(dailyLimit)}), ${formatMoney(monthTotal)} in ${month} (limit ${formatMoney(monthlyLimit)}).`,
        values: { month, dayTotalCents: dayTotal, monthTotalCents: monthTotal },
      },
    ];
  },
});

export const cardSplitPurchase = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.split-purchase',
  title: 'Card purchases are not split to stay under a limit or the pre-approval threshold',
  citations: [section('B.3.a(1)', SPLITTING), section('F.11'), section('F.3')],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f, ctx) {
    if (f.merchantNearbyTotalCents === 0) return [];
    const windowDays = ctx.param<number>('lea-finance.card.split_window_days');
    const preapproval = ctx.param<number>('lea-finance.card.preapproval_threshold');
    const dailyLimit = ctx.param<number>('lea-finance.card.daily_limit');
    const combined = f.merchantNearbyTotalCents + f.amountCents;
    const crossed: string[] = [];
    if (f.amountCents <= preapproval && combined > preapproval)
      crossed.push(`the ${formatMoney(preapproval)} pre-approval threshold (F.3)`);
    if (f.amountCents <= dailyLimit && combined > dailyLimit)
      crossed.push(`the ${formatMoney(dailyLimit)} daily limit (F.11)`);
    if (crossed.length === 0) return [];
    return [
      {
        kind: 'notice',
        severity: 'medium',
        message: `Purchases on ${cardName(f)} at ${f.merchant} within ${windowDays} days of ${f.transactionDate} total ${formatMoney(combined)}, over ${crossed.join(' and ')}, though this one alone is not. Splitting a purchase to stay under a limit is unlawful (B.3.a(1)); if the items were not bought together, record why.`,
        subject: f.holder,
        values: {
          combinedCents: combined,
          windowDays,
          thresholdCents: preapproval,
          dailyLimitCents: dailyLimit,
        },
      },
    ];
  },
});

export const cardSharedLog = defineRule<CardTransactionFacts>({
  id: 'lea-finance.cards.shared-card-log',
  title: 'A card issued to the LEA as a whole has a check-out log covering the purchase',
  citations: [section('F.4'), section('F.1')],
  effective: { from: ADOPTED },
  appliesTo: TX,
  evaluate(f) {
    if (f.cardType !== 'shared') return [];
    const missing = [
      ...(f.checkedOutBy === undefined ? ['who checked the card out'] : []),
      ...(f.checkedOutOn === undefined ? ['when it was checked out'] : []),
    ];
    if (missing.length > 0 || f.checkedOutOn === undefined) {
      const text = `The log of shared ${cardName(f)} must show ${missing.join(' and ')} for the purchase on ${f.transactionDate} (F.4).`;
      return f.reconciledOn !== undefined
        ? [
            {
              kind: 'violation',
              severity: 'medium',
              message: `${text} It was reconciled without it.`,
              values: { missing },
            },
          ]
        : [{ kind: 'requirement', message: text, values: { missing } }];
    }
    const out: FindingDraft[] = [];
    const returned = f.returnedOn;
    if (
      isBefore(f.transactionDate, f.checkedOutOn) ||
      (returned !== undefined && isAfter(f.transactionDate, returned))
    ) {
      out.push({
        kind: 'violation',
        severity: 'medium',
        message: `The purchase on ${f.transactionDate} falls outside the period the log shows the card checked out (${f.checkedOutOn} to ${returned ?? 'not yet returned'}) (F.4).`,
        subject: f.holder,
        values: { checkedOutOn: f.checkedOutOn, returnedOn: returned ?? null },
      });
    }
    if (!samePerson(f.checkedOutBy, f.holder)) {
      out.push({
        kind: 'notice',
        severity: 'medium',
        message: `The log shows ${f.checkedOutBy} checked the card out, but the purchase is recorded as made by ${f.holder} (F.4).`,
        subject: f.holder,
        values: { checkedOutBy: f.checkedOutBy },
      });
    }
    return out;
  },
});

// The monthly statement.

export const statementReceipts = defineRule<CardStatementFacts>({
  id: 'lea-finance.cards.statement-receipts',
  title: 'All receipts are attached to the monthly card statement',
  citations: [section('F.4'), section('F.5'), section('F.6')],
  effective: { from: ADOPTED },
  appliesTo: STATEMENT,
  evaluate(f) {
    if (f.receiptsAttached) return [];
    const acted = f.certifiedOn ?? f.reviewedOn;
    if (acted !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The ${f.statementMonth} statement of ${cardName(f)} was ${f.certifiedOn ? 'certified' : 'approved'} on ${acted} without all its receipts attached (F.5, F.6).`,
          subject: f.holder,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Attach a receipt for every purchase to the ${f.statementMonth} statement of ${cardName(f)} before it is certified (F.4, F.5).`,
      },
    ];
  },
});

export const statementCertification = defineRule<CardStatementFacts>({
  id: 'lea-finance.cards.statement-certification',
  title: 'The card user reconciles and signs the monthly statement',
  citations: [section('F.5'), section('F.4')],
  effective: { from: ADOPTED },
  appliesTo: STATEMENT,
  evaluate(f) {
    if (f.certifiedOn !== undefined || f.certifiedBy !== undefined) {
      if (f.certifiedBy !== undefined && !samePerson(f.certifiedBy, f.holder)) {
        return [
          {
            kind: 'violation',
            severity: 'medium',
            message: `The ${f.statementMonth} statement was certified by ${f.certifiedBy}; the card user ${f.holder} signs their own statement certifying that all purchases follow LEA and state policy (F.5).`,
            subject: f.certifiedBy,
          },
        ];
      }
      return [];
    }
    if (f.reviewedOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The ${f.statementMonth} statement of ${cardName(f)} was approved on ${f.reviewedOn} before the card user reconciled and signed it (F.5, F.6).`,
          subject: f.reviewedBy ?? f.holder,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `${f.holder} reconciles the ${f.statementMonth} statement, attaches all receipts and signs it, certifying that all purchases follow LEA and state policy (F.5).`,
      },
    ];
  },
});

export const statementReview = defineRule<CardStatementFacts>({
  id: 'lea-finance.cards.statement-review',
  title: 'Administration reviews and approves each card statement, after the card user certifies it',
  citations: [section('F.6'), section('F.7'), section('L.2')],
  effective: { from: ADOPTED },
  appliesTo: STATEMENT,
  evaluate(f) {
    if (f.reviewedOn !== undefined) {
      if (f.certifiedOn !== undefined && isBefore(f.reviewedOn, f.certifiedOn)) {
        return [
          {
            kind: 'violation',
            severity: 'medium',
            message: `The ${f.statementMonth} statement was approved on ${f.reviewedOn}, before the card user certified it on ${f.certifiedOn}; administration reviews the certified statement with its receipts (F.6).`,
            ...(f.reviewedBy === undefined ? {} : { subject: f.reviewedBy }),
          },
        ];
      }
      return [];
    }
    return [
      {
        kind: 'requirement',
        message: `Administration (or designee) with oversight over ${f.holder} reviews the ${f.statementMonth} statement with all receipts and documents the approval (F.6, F.7, L.2).`,
      },
    ];
  },
});

export const statementSelfReview = defineRule<CardStatementFacts>({
  id: 'lea-finance.cards.statement-self-review',
  title: 'A card user does not approve their own statement',
  citations: [section('F.7'), section('F.6')],
  effective: { from: ADOPTED },
  appliesTo: STATEMENT,
  evaluate(f) {
    if (f.reviewedBy === undefined) return [];
    if (!samePerson(f.reviewedBy, f.holder) && !samePerson(f.reviewedBy, f.certifiedBy)) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.reviewedBy} is the card user who certified the ${f.statementMonth} statement and cannot approve it; an employee with oversight over the card user approves it (F.7).`,
        subject: f.reviewedBy,
      },
    ];
  },
});

export const statementDeadline = defineRule<CardStatementFacts>({
  id: 'lea-finance.cards.statement-deadline',
  title: 'Each card statement is reconciled and approved monthly',
  citations: [section('F.4'), section('F.5'), section('A.8'), section('L.2')],
  effective: { from: ADOPTED },
  appliesTo: STATEMENT,
  evaluate(f, ctx) {
    const days = ctx.param<number>('lea-finance.card.reconciliation_days');
    const due = daysAfterMonthEnd(f.statementMonth, days);
    const values = { days, statementMonth: f.statementMonth };
    const clause = `${days} days after the statement month, F.4–F.6`;
    const base = `The ${f.statementMonth} statement of ${cardName(f)}`;
    if (f.certifiedOn === undefined) {
      return deadline({
        asOf: ctx.asOf,
        due,
        doneOn: undefined,
        what: base,
        done: 'reconciled and certified',
        clause,
        values,
      });
    }
    if (f.reviewedOn === undefined) {
      if (isAfter(f.certifiedOn, due)) {
        return deadline({
          asOf: ctx.asOf,
          due,
          doneOn: f.certifiedOn,
          what: base,
          done: 'certified',
          clause,
          values,
        });
      }
      return deadline({
        asOf: ctx.asOf,
        due,
        doneOn: undefined,
        what: `Administration's approval of ${base.charAt(0).toLowerCase()}${base.slice(1)}`,
        done: 'given',
        clause,
        values,
      });
    }
    return deadline({
      asOf: ctx.asOf,
      due,
      doneOn: maxDate(f.certifiedOn, f.reviewedOn),
      what: base,
      done: 'reconciled and approved',
      clause,
      values,
    });
  },
});

export const statementPaymentApproval = defineRule<CardStatementFacts>({
  id: 'lea-finance.cards.payment-approval',
  title: 'Administration approves paying the statement balance before the check or EFT is issued',
  citations: [section('F.8')],
  effective: { from: ADOPTED },
  appliesTo: STATEMENT,
  evaluate(f) {
    if (f.statementBalanceCents === 0) return [];
    const values = { statementBalanceCents: f.statementBalanceCents };
    if (f.paidOn !== undefined) {
      if (f.paymentApprovedOn === undefined || isAfter(f.paymentApprovedOn, f.paidOn)) {
        return [
          {
            kind: 'violation',
            message: `The ${formatMoney(f.statementBalanceCents)} balance of the ${f.statementMonth} statement was paid on ${f.paidOn} ${f.paymentApprovedOn ? `but approved only on ${f.paymentApprovedOn}` : 'without administration’s documented approval'}; the payment is approved before it is issued (F.8).`,
            ...(f.paidBy === undefined ? {} : { subject: f.paidBy }),
            values,
          },
        ];
      }
      return [];
    }
    if (f.paymentApprovedOn !== undefined) return [];
    return [
      {
        kind: 'requirement',
        message: `Administration documents its approval of paying the ${formatMoney(f.statementBalanceCents)} balance before the check or EFT is issued (F.8).`,
        values,
      },
    ];
  },
});

export const cardRules = [
  cardProhibitedTransaction,
  cardPersonalUse,
  cardPreApproval,
  cardReceipt,
  cardLimits,
  cardSplitPurchase,
  cardSharedLog,
  statementReceipts,
  statementCertification,
  statementReview,
  statementSelfReview,
  statementDeadline,
  statementPaymentApproval,
];
