// A sole-source request (E): drafted by the requestor, submitted, determined by LEA purchasing (E.1),
// posted for public comment when estimated at $50,000 or more (E.2), and approved or rejected by
// administration (E.3). Each step stamps who took it and when before the pack's rules guard it.
import { defineMachine, formatMoney } from '../../../kernel/index.ts';
import type { RecordKind } from '../../framework.ts';
import { type SoleSourceFacts, soleSourceFacts } from '../schemas/sole-source.ts';

const guard = (rules: readonly string[]) => ({ caseKind: 'sole-source', rules });
const SELF = 'lea-finance.sole-source.self-approval';

export const soleSourceWorkflow = defineMachine({
  id: 'lea-finance.sole-source',
  title: 'Sole-source request',
  initial: 'draft',
  states: {
    draft: { title: 'Draft' },
    submitted: { title: 'Submitted to purchasing' },
    determined: { title: 'Determined by purchasing' },
    posted: { title: 'Posted for public comment' },
    approved: { title: 'Approved', terminal: true },
    rejected: { title: 'Rejected', terminal: true },
  },
  transitions: [
    {
      name: 'submit',
      title: 'Submit to purchasing',
      from: ['draft'],
      to: 'submitted',
      guard: guard(['lea-finance.sole-source.uniqueness']),
      roles: ['lea-finance.requestor', 'lea-finance.purchasing', 'org-admin'],
    },
    {
      name: 'determine',
      title: 'Record the sole-source determination',
      from: ['submitted'],
      to: 'determined',
      guard: guard(['lea-finance.sole-source.uniqueness', SELF]),
      roles: ['lea-finance.purchasing', 'org-admin'],
    },
    {
      name: 'post-for-comment',
      title: 'Post for public comment',
      from: ['determined'],
      to: 'posted',
      roles: ['lea-finance.purchasing', 'org-admin'],
    },
    {
      name: 'approve',
      title: 'Approve',
      from: ['determined', 'posted'],
      to: 'approved',
      guard: guard([
        'lea-finance.sole-source.uniqueness',
        'lea-finance.sole-source.purchasing-determination',
        'lea-finance.sole-source.administration-approval',
        'lea-finance.sole-source.public-comment',
        SELF,
      ]),
      roles: ['lea-finance.administration', 'lea-finance.superintendent', 'org-admin'],
    },
    {
      name: 'reject',
      title: 'Reject',
      from: ['submitted', 'determined', 'posted'],
      to: 'rejected',
      roles: [
        'lea-finance.purchasing',
        'lea-finance.administration',
        'lea-finance.superintendent',
        'org-admin',
      ],
    },
  ],
});

export const soleSourceStamps = {
  submit: { by: 'requestedBy', on: 'requestedOn' },
  determine: { by: 'determinedBy', on: 'determinedOn' },
  'post-for-comment': { by: 'postedBy', on: 'postedForPublicCommentOn' },
  approve: { by: 'approvedBy', on: 'approvedOn' },
  reject: { by: 'rejectedBy', on: 'rejectedOn' },
} as const;

export const soleSourceTitleOf = (d: SoleSourceFacts): string =>
  `Sole source: ${d.item} — ${d.vendor} (${formatMoney(d.estimatedAmountCents)})`;

export const soleSourceRecord: RecordKind<SoleSourceFacts> = {
  id: 'sole-source',
  title: 'Sole-source request',
  schema: soleSourceFacts,
  caseKind: 'sole-source',
  workflow: soleSourceWorkflow.id,
  titleOf: soleSourceTitleOf,
  stamps: soleSourceStamps,
};
