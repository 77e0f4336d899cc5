// Journal entries and electronic fund transfers (K; A.4): substantiated, recorded, approved by
// administration or someone without cash-disbursement duties, and reviewed monthly by the audit committee.
import { defineRule, type FindingDraft, formatMoney } from '../../../kernel/index.ts';
import type { JournalEntryFacts } from '../schemas/journal-entry.ts';
import { ADOPTED, section } from '../source.ts';
import {
  ACCOUNTING_ROLE,
  ADMINISTRATION_ROLES,
  deadline,
  endOfMonthAfter,
  holdsAnyRole,
  holdsRole,
  samePerson,
} from './controls-common.ts';

const KIND = ['journal-entry'];
const label = (f: JournalEntryFacts) =>
  `${f.entryType === 'eft' ? 'EFT' : 'journal entry'} ${f.reference} (${formatMoney(f.amountCents)}, ${f.entryDate})`;
/** The label at the start of a sentence. */
const Label = (f: JournalEntryFacts) => {
  const l = label(f);
  return `${l.charAt(0).toUpperCase()}${l.slice(1)}`;
};

export const jeSupportingDocumentation = defineRule<JournalEntryFacts>({
  id: 'lea-finance.journal-entries.supporting-documentation',
  title: 'Each journal entry or EFT is substantiated by supporting documentation',
  citations: [section('K.2'), section('A.7')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.supportingDocumentation) return [];
    if (f.approvedOn !== undefined || f.approvedBy !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `${Label(f)} was approved without supporting documentation (K.2).`,
        },
      ];
    }
    return [{ kind: 'requirement', message: `Attach the supporting documentation of ${label(f)} (K.2).` }];
  },
});

export const jeRecorded = defineRule<JournalEntryFacts>({
  id: 'lea-finance.journal-entries.recorded',
  title: "Each journal entry or EFT is recorded in the LEA's accounting records",
  citations: [section('K.3'), section('A.4')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.recordedOn !== undefined) return [];
    if (f.auditReviewedOn !== undefined || f.auditReviewedBy !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `${Label(f)} reached the audit committee's review without being recorded in the accounting records (K.3).`,
        },
      ];
    }
    return [
      { kind: 'requirement', message: `Record ${label(f)} in the LEA's accounting records (K.3, A.4).` },
    ];
  },
});

export const jeApproval = defineRule<JournalEntryFacts>({
  id: 'lea-finance.journal-entries.approval',
  title: 'Approval of each journal entry or EFT is documented',
  citations: [section('K.4')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    if (f.approvedOn !== undefined || f.approvedBy !== undefined) return [];
    if (f.auditReviewedOn !== undefined || f.auditReviewedBy !== undefined) {
      return [
        {
          kind: 'violation',
          message: `${Label(f)} reached the audit committee's review with no documented approval by administration or someone without cash-disbursement duties (K.4).`,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Administration, or someone without cash-disbursement duties, documents approval of ${label(f)} (K.4).`,
      },
    ];
  },
});

export const jeIndependentApproval = defineRule<JournalEntryFacts>({
  id: 'lea-finance.journal-entries.independent-approval',
  title:
    'Journal entries and EFTs are approved and reviewed by someone other than the preparer, without cash-disbursement duties',
  citations: [section('K.4'), section('K.5')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f) {
    const out: FindingDraft[] = [];
    if (f.approvedBy !== undefined) {
      if (samePerson(f.approvedBy, f.preparedBy)) {
        out.push({
          kind: 'violation',
          severity: 'critical',
          message: `${f.approvedBy} prepared ${label(f)} and cannot approve it (K.4).`,
          subject: f.approvedBy,
          values: { reason: 'preparer' },
        });
      } else if (
        holdsRole(f.approverRoles, ACCOUNTING_ROLE) &&
        !holdsAnyRole(f.approverRoles, ADMINISTRATION_ROLES)
      ) {
        out.push({
          kind: 'violation',
          severity: 'critical',
          message: `${f.approvedBy} has cash-disbursement duties in the accounting/front office and is not administration, so cannot approve ${label(f)} (K.4).`,
          subject: f.approvedBy,
          values: { reason: 'cash-disbursement-duties' },
        });
      }
    }
    if (f.auditReviewedBy !== undefined && samePerson(f.auditReviewedBy, f.preparedBy)) {
      out.push({
        kind: 'violation',
        severity: 'critical',
        message: `${f.auditReviewedBy} prepared ${label(f)} and cannot review it for the audit committee (K.5).`,
        subject: f.auditReviewedBy,
        values: { reason: 'audit-reviewer-prepared' },
      });
    }
    return out;
  },
});

export const jeMonthlyReview = defineRule<JournalEntryFacts>({
  id: 'lea-finance.journal-entries.monthly-review',
  title: 'The audit committee or designee reviews and approves journal entries and EFTs monthly',
  citations: [section('K.5')],
  effective: { from: ADOPTED },
  appliesTo: KIND,
  evaluate(f, ctx) {
    const months = ctx.param<number>('lea-finance.review.journal_entry_review_months');
    const due = endOfMonthAfter(f.entryDate, months);
    return deadline({
      asOf: ctx.asOf,
      due,
      doneOn: f.auditReviewedOn,
      what: `The audit committee's review of ${label(f)}`,
      done: 'made',
      clause: `by the end of the ${months === 1 ? 'month after' : `${months}th month after`} ${f.entryDate.slice(0, 7)}, K.5`,
      values: { months, entryMonth: f.entryDate.slice(0, 7) },
    });
  },
});

export const journalEntryRules = [
  jeSupportingDocumentation,
  jeRecorded,
  jeApproval,
  jeIndependentApproval,
  jeMonthlyReview,
];
