// E. Sole source: only for what is unique and offered by one vendor, determined through LEA purchasing,
// justified as Utah Code 63G-6a-802 requires, approved by administration, and posted for public comment
// from $50,000.
import { defineRule, isBefore } from '../../../../kernel/index.ts';
import type { SoleSourceFacts } from '../../schemas/sole-source.ts';
import { ADOPTED } from '../../source.ts';
import { cited, money, needed, samePerson } from './plan.ts';

export const soleSourceUniqueness = defineRule<SoleSourceFacts>({
  id: 'lea-finance.sole-source.uniqueness',
  title: 'Sole source only for a product or service that is one of a kind, offered by one vendor',
  citations: [cited('E.1')],
  effective: { from: ADOPTED },
  appliesTo: ['sole-source'],
  evaluate(f) {
    if (f.otherPotentialVendors > 0) {
      return [
        {
          kind: 'violation',
          message: `${f.otherPotentialVendors} other potential ${f.otherPotentialVendors === 1 ? 'vendor was' : 'vendors were'} found for ${f.item}; if there is more than one potential bidder or offeror, sole source does not apply (E.1).`,
          values: { otherPotentialVendors: f.otherPotentialVendors },
        },
      ];
    }
    if (f.uniquenessJustification === undefined) {
      return [
        needed(
          f.requestedOn,
          'The request was submitted',
          `Explain how ${f.item} is unique and can be proven one of a kind, offered only by ${f.vendor} (E.1).`,
        ),
      ];
    }
    return [];
  },
});

export const soleSourceDetermination = defineRule<SoleSourceFacts>({
  id: 'lea-finance.sole-source.purchasing-determination',
  title: 'The sole-source determination is completed through LEA purchasing',
  citations: [cited('E.1')],
  effective: { from: ADOPTED },
  appliesTo: ['sole-source'],
  evaluate(f) {
    if (f.determinedBy !== undefined) {
      if (
        f.approvedOn !== undefined &&
        f.determinedOn !== undefined &&
        isBefore(f.approvedOn, f.determinedOn)
      ) {
        return [
          {
            kind: 'violation',
            message: `The request was approved on ${f.approvedOn}, before LEA purchasing's determination on ${f.determinedOn} (E.1).`,
            values: { approvedOn: f.approvedOn, determinedOn: f.determinedOn },
          },
        ];
      }
      return [];
    }
    return [
      needed(
        f.approvedOn,
        'The request was approved',
        'All sole-source determinations must be completed through the LEA purchasing department (E.1).',
      ),
    ];
  },
});

export const soleSourceApproval = defineRule<SoleSourceFacts>({
  id: 'lea-finance.sole-source.administration-approval',
  title: 'The sole-source justification is documented per 63G-6a-802 and approved by administration',
  citations: [cited('E.3')],
  effective: { from: ADOPTED },
  appliesTo: ['sole-source'],
  evaluate(f) {
    if (!f.justificationDocumented) {
      return [
        needed(
          f.approvedOn,
          'The request was approved',
          'Document the sole-source justification as Utah Code 63G-6a-802 requires before administration approves it (E.3).',
        ),
      ];
    }
    if (f.approvedBy === undefined) {
      return [
        { kind: 'requirement', message: 'Administration approves the sole-source justification (E.3).' },
      ];
    }
    return [];
  },
});

export const soleSourceSelfApproval = defineRule<SoleSourceFacts>({
  id: 'lea-finance.sole-source.self-approval',
  title: 'Whoever requested a sole source does not approve it',
  citations: [cited('E.3'), cited('A.3')],
  effective: { from: ADOPTED },
  appliesTo: ['sole-source'],
  evaluate(f) {
    const own = [
      samePerson(f.approvedBy, f.requestedBy) ? 'approve' : undefined,
      samePerson(f.determinedBy, f.requestedBy) ? 'determine' : undefined,
    ].filter((x) => x !== undefined);
    if (own.length === 0) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.requestedBy} requested this sole source and so cannot also ${own.join(' or ')} it; LEA purchasing determines and administration approves (E.1, E.3).`,
        subject: f.requestedBy ?? '',
        values: { requestedBy: f.requestedBy, as: own },
      },
    ];
  },
});

export const soleSourcePublicComment = defineRule<SoleSourceFacts>({
  id: 'lea-finance.sole-source.public-comment',
  title: 'Sole-source requests estimated at $50,000 and above are posted for public comment',
  citations: [cited('E.2')],
  effective: { from: ADOPTED },
  appliesTo: ['sole-source'],
  evaluate(f, ctx) {
    const threshold = ctx.param<number>('lea-finance.sole_source.public_comment_threshold');
    if (f.estimatedAmountCents < threshold) return [];
    const values = { estimatedAmountCents: f.estimatedAmountCents, thresholdCents: threshold };
    if (f.postedForPublicCommentOn === undefined) {
      return [
        needed(
          f.approvedOn,
          'The request was approved',
          `A sole-source request estimated at ${money(f.estimatedAmountCents)} (${money(threshold)} and above) must be posted for public comment (E.2; Utah Code 63G-6a-802, 406).`,
          { values },
        ),
      ];
    }
    if (f.approvedOn !== undefined && isBefore(f.approvedOn, f.postedForPublicCommentOn)) {
      return [
        {
          kind: 'violation',
          message: `The request was approved on ${f.approvedOn}, before it was posted for public comment on ${f.postedForPublicCommentOn} (E.2).`,
          values: { ...values, postedOn: f.postedForPublicCommentOn, approvedOn: f.approvedOn },
        },
      ];
    }
    return [
      {
        kind: 'notice',
        message: `Posted for public comment on ${f.postedForPublicCommentOn} (E.2).`,
        values: { ...values, postedOn: f.postedForPublicCommentOn },
      },
    ];
  },
});
