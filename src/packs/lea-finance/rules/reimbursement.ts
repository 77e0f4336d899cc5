// Reimbursement requests (H; C.3): an employee who spent their own funds on an LEA expenditure signs a
// request that the immediate supervisor approves, with detailed receipts and the reason the purchase order
// process was not used; nothing an outside entity reimburses is claimed.
import { defineRule, formatMoney, isAfter, sumMoney } from '../../../kernel/index.ts';
import type { ReimbursementFacts } from '../schemas/reimbursement.ts';
import { ADOPTED, section } from '../source.ts';
import { samePerson } from './controls-common.ts';

const KIND = ['reimbursement'];
const total = (f: ReimbursementFacts) => sumMoney(f.items.map((i) => i.amountCents));

export const reimbursementSignature = defineRule<ReimbursementFacts>({
  id: 'lea-finance.reimbursement.requestor-signature',
  title: 'The requestor signs the reimbursement request',
  citations: [section('H.1')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.requestorSignedBy !== undefined) {
      if (samePerson(f.requestorSignedBy, f.requestor)) return [];
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The request was signed by ${f.requestorSignedBy}; the requestor ${f.requestor} signs their own reimbursement request (H.1).`,
          subject: f.requestorSignedBy,
        },
      ];
    }
    if (f.approvedOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The request was approved on ${f.approvedOn} without the requestor's signature (H.1).`,
          subject: f.requestor,
        },
      ];
    }
    return [{ kind: 'requirement', message: `${f.requestor} signs the reimbursement request form (H.1).` }];
  },
});

export const reimbursementApproval = defineRule<ReimbursementFacts>({
  id: 'lea-finance.reimbursement.supervisor-approval',
  title: 'The immediate supervisor approves the request before it is paid',
  citations: [section('H.1'), section('H.2')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    const amount = total(f);
    if (f.paidOn !== undefined && (f.approvedOn === undefined || isAfter(f.approvedOn, f.paidOn))) {
      return [
        {
          kind: 'violation',
          message: `${formatMoney(amount)} was paid to ${f.requestor} on ${f.paidOn} ${f.approvedOn ? `before the supervisor approved it on ${f.approvedOn}` : "without the immediate supervisor's documented approval"} (H.1, H.2).`,
          subject: f.requestor,
          values: { amountCents: amount },
        },
      ];
    }
    if (f.approvedOn !== undefined) return [];
    return [
      {
        kind: 'requirement',
        message: `${f.requestor}'s immediate supervisor (for an administrator, the superintendent or board chair) approves the ${formatMoney(amount)} request and documents it (H.1, H.2).`,
        values: { amountCents: amount },
      },
    ];
  },
});

export const reimbursementSelfApproval = defineRule<ReimbursementFacts>({
  id: 'lea-finance.reimbursement.self-approval',
  title: 'A requestor does not approve their own reimbursement',
  citations: [section('H.1')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (!samePerson(f.approvedBy, f.requestor)) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.requestor} asked to be reimbursed and cannot approve the request; the immediate supervisor does (H.1).`,
        subject: f.requestor,
      },
    ];
  },
});

export const reimbursementReceipts = defineRule<ReimbursementFacts>({
  id: 'lea-finance.reimbursement.receipts',
  title: 'Each expense has a detailed receipt',
  citations: [section('H.2'), section('A.7')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    const lacking = f.items.filter((i) => !i.detailedReceipt && !i.reimbursedByOutsideEntity);
    if (lacking.length === 0) return [];
    const amount = sumMoney(lacking.map((i) => i.amountCents));
    const names = lacking.map((i) => i.description).join('; ');
    const values = { withoutReceiptCents: amount, count: lacking.length };
    if (f.approvedOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The request was approved on ${f.approvedOn} with ${formatMoney(amount)} not supported by detailed receipts (${names}) (H.2).`,
          values,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Attach detailed receipts for ${formatMoney(amount)} (${names}) (H.2).`,
        values,
      },
    ];
  },
});

export const reimbursementJustification = defineRule<ReimbursementFacts>({
  id: 'lea-finance.reimbursement.justification',
  title: 'The request justifies departing from the purchase order process',
  citations: [section('H.2'), section('I.1')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.justification !== undefined && f.justification.trim() !== '') return [];
    if (f.approvedOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The request was approved on ${f.approvedOn} without a justification for buying outside the standard purchase order process (H.2).`,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message:
          'Explain why the purchase was made with employee funds instead of through a purchase order (H.2).',
      },
    ];
  },
});

export const reimbursementOutsideEntity = defineRule<ReimbursementFacts>({
  id: 'lea-finance.reimbursement.outside-entity',
  title: 'Expenses an outside entity reimburses are not claimed from the LEA',
  citations: [section('C.3')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    const outside = f.items.filter((i) => i.reimbursedByOutsideEntity);
    if (outside.length === 0) return [];
    const amount = sumMoney(outside.map((i) => i.amountCents));
    const values = { outsideCents: amount };
    if (f.requestorSignedOn !== undefined || f.requestorSignedBy !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The signed request claims ${formatMoney(amount)} that an outside entity reimburses; such expenses are not submitted to the LEA (C.3).`,
          subject: f.requestor,
          values,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Remove the ${formatMoney(amount)} an outside entity reimburses before signing the request (C.3).`,
        values,
      },
    ];
  },
});

export const reimbursementRules = [
  reimbursementSignature,
  reimbursementApproval,
  reimbursementSelfApproval,
  reimbursementReceipts,
  reimbursementJustification,
  reimbursementOutsideEntity,
];
