// Checks the LEA issues (J; A.3, A.6, A.7, L.3): a specified payee, never "cash" or "bearer"; reviewed with
// its supporting documentation before signing by an employee who cannot issue checks; never signed blank or
// with a signature stamp; mailed by someone outside the cash-disbursement process if possible; kept when voided.
import { defineRule, type FindingDraft, formatMoney, isBefore } from '../../../kernel/index.ts';
import type { CheckFacts } from '../schemas/check.ts';
import { ADOPTED, section } from '../source.ts';
import { ACCOUNTING_ROLE, holdsRole, samePerson } from './controls-common.ts';

const KIND = ['check'];
/** A check voided before it was signed needs no review, signature or documentation any more. */
const voidedUnsigned = (f: CheckFacts) =>
  (f.voidedOn !== undefined || f.voidedBy !== undefined) &&
  f.signedOn === undefined &&
  f.signedBy === undefined;
const label = (f: CheckFacts) =>
  `Check ${f.checkNumber}${f.amountCents === undefined ? '' : ` for ${formatMoney(f.amountCents)}`}`;

/** "Cash", " BEARER ", "cash." and quoted forms all name no payee. */
function bearerPayee(payee: string | undefined): string | undefined {
  if (payee === undefined) return undefined;
  const p = payee
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’.]+$/g, '')
    .trim()
    .toLowerCase();
  return p === 'cash' || p === 'bearer' ? p : undefined;
}

export const checkPayee = defineRule<CheckFacts>({
  id: 'lea-finance.checks.payee',
  title: 'Checks are made payable to a specified payee, never to "cash" or "bearer"',
  citations: [section('A.6'), section('J.4')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    const bad = bearerPayee(f.payee);
    if (bad === undefined) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${label(f)} is made payable to "${bad}"; checks are made payable to a specified payee and never to "cash" or "bearer" (A.6, J.4).`,
        subject: f.issuedBy,
        values: { payee: bad },
      },
    ];
  },
});

export const checkBlank = defineRule<CheckFacts>({
  id: 'lea-finance.checks.blank-check',
  title: 'Blank checks are never signed',
  citations: [section('J.4'), section('A.3')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    const missing = [
      ...(f.payee === undefined || f.payee.trim() === '' ? ['payee'] : []),
      ...(f.amountCents === undefined ? ['amount'] : []),
    ];
    if (missing.length === 0 || voidedUnsigned(f)) return [];
    if (f.signedOn !== undefined || f.signedBy !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'critical',
          message: `Check ${f.checkNumber} was signed without its ${missing.join(' and ')}; blank checks are never signed (J.4, A.3).`,
          ...(f.signedBy === undefined ? {} : { subject: f.signedBy }),
          values: { missing },
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Fill in the ${missing.join(' and ')} of check ${f.checkNumber} before it is signed (J.4).`,
        values: { missing },
      },
    ];
  },
});

export const checkSignatureStamp = defineRule<CheckFacts>({
  id: 'lea-finance.checks.signature-stamp',
  title: 'Signature stamps are not used',
  citations: [section('J.4')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (!f.signatureStamp) return [];
    return [
      {
        kind: 'violation',
        message: `${label(f)} was signed with a signature stamp; signature stamps should not be used (J.4).`,
        ...(f.signedBy === undefined ? {} : { subject: f.signedBy }),
      },
    ];
  },
});

export const checkReviewBeforeSigning = defineRule<CheckFacts>({
  id: 'lea-finance.checks.review-before-signing',
  title: 'The check and its supporting documentation are reviewed before the check is signed',
  citations: [section('J.2'), section('L.3')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (voidedUnsigned(f)) return [];
    const signedOn = f.signedOn;
    if (f.reviewedOn !== undefined || f.reviewedBy !== undefined) {
      if (signedOn !== undefined && f.reviewedOn !== undefined && isBefore(signedOn, f.reviewedOn)) {
        return [
          {
            kind: 'violation',
            message: `${label(f)} was signed on ${signedOn}, before its review on ${f.reviewedOn}; the review comes before signing (J.2).`,
            ...(f.signedBy === undefined ? {} : { subject: f.signedBy }),
          },
        ];
      }
      return [];
    }
    if (signedOn !== undefined || f.signedBy !== undefined) {
      return [
        {
          kind: 'violation',
          message: `${label(f)} was signed without a review of the check and its supporting documentation by an employee who cannot issue checks (J.2).`,
          ...(f.signedBy === undefined ? {} : { subject: f.signedBy }),
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `An employee who cannot issue checks reviews ${label(f).charAt(0).toLowerCase()}${label(f).slice(1)} and its supporting documentation before it is signed (J.2).`,
      },
    ];
  },
});

export const checkIndependentReviewer = defineRule<CheckFacts>({
  id: 'lea-finance.checks.independent-reviewer',
  title: 'The reviewer of a check cannot issue checks',
  citations: [section('J.2'), section('A.1')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.reviewedBy === undefined) return [];
    const out: FindingDraft[] = [];
    if (samePerson(f.reviewedBy, f.issuedBy)) {
      out.push({
        kind: 'violation',
        severity: 'critical',
        message: `${f.reviewedBy} issued check ${f.checkNumber} and cannot also review it; an employee who cannot issue checks reviews it (J.2).`,
        subject: f.reviewedBy,
        values: { reason: 'issuer' },
      });
    } else if (holdsRole(f.reviewerRoles, ACCOUNTING_ROLE)) {
      out.push({
        kind: 'violation',
        severity: 'critical',
        message: `${f.reviewedBy} works in the accounting/front office, which can issue checks, so cannot be the reviewer of check ${f.checkNumber} (J.2).`,
        subject: f.reviewedBy,
        values: { reason: 'can-issue' },
      });
    }
    return out;
  },
});

export const checkSupportingDocumentation = defineRule<CheckFacts>({
  id: 'lea-finance.checks.supporting-documentation',
  title: 'Each disbursement is substantiated with supporting documentation',
  citations: [section('J.3'), section('A.7')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.supportingDocuments.length > 0 || voidedUnsigned(f)) return [];
    const acted = f.reviewedOn ?? f.signedOn;
    if (acted !== undefined || f.reviewedBy !== undefined || f.signedBy !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `${label(f)} was ${f.signedBy || f.signedOn ? 'signed' : 'reviewed'} with no supporting documentation (purchase order, invoice, receipts, …) (J.3, A.7).`,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Attach the supporting documentation of ${label(f).charAt(0).toLowerCase()}${label(f).slice(1)}: purchase order, invoice, receipts, quotes, reimbursement or travel forms, contracts (J.3).`,
      },
    ];
  },
});

export const checkVoid = defineRule<CheckFacts>({
  id: 'lea-finance.checks.void',
  title: 'A voided check is marked VOID and kept',
  citations: [section('J.6')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.voidedOn === undefined && f.voidedBy === undefined) return [];
    const missing = [
      ...(f.voidWritten ? [] : ['the word VOID written on it']),
      ...(f.checkRetained ? [] : ['the actual check retained']),
    ];
    if (missing.length === 0) return [];
    return [
      {
        kind: 'violation',
        severity: 'medium',
        message: `Check ${f.checkNumber} was voided without ${missing.join(' and ')} (J.6).`,
        values: { missing },
      },
    ];
  },
});

export const checkMailing = defineRule<CheckFacts>({
  id: 'lea-finance.checks.mailing',
  title: 'Endorsed checks are mailed by an employee outside the cash-disbursement process, if possible',
  citations: [section('J.5')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.mailedBy === undefined) return [];
    const inProcess = samePerson(f.mailedBy, f.issuedBy) || holdsRole(f.mailerRoles, ACCOUNTING_ROLE);
    if (!inProcess) return [];
    return [
      {
        kind: 'notice',
        severity: 'low',
        message: `${f.mailedBy} mailed check ${f.checkNumber} but is part of the cash-disbursement process; endorsed checks should be mailed by someone outside it where possible (J.5).`,
        subject: f.mailedBy,
      },
    ];
  },
});

export const checkRules = [
  checkPayee,
  checkBlank,
  checkSignatureStamp,
  checkReviewBeforeSigning,
  checkIndependentReviewer,
  checkSupportingDocumentation,
  checkVoid,
  checkMailing,
];
