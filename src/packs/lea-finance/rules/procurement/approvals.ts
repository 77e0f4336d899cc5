// Who signs the expenditure authorisation form, in which order, and that nothing is bought before it is
// approved (A.3, D.2, I.1–I.2). The requestor never approves their own request.
import { defineRule, type FindingDraft, isBefore } from '../../../../kernel/index.ts';
import type { RequisitionFacts } from '../../schemas/requisition.ts';
import { ADOPTED } from '../../source.ts';
import { cited, listText, planOf, SIGNERS, samePerson, signerTitle } from './plan.ts';

export const requiredSignatures = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.signatures',
  title: 'The signatures the tier requires are on the form before the purchase order is issued',
  citations: [
    cited('A.3'),
    cited('D.2.a'),
    cited('D.2.b'),
    cited('D.2.e'),
    cited('D.2.g'),
    cited('D.2.h'),
    cited('I.2'),
  ],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const plan = planOf(f, ctx.param);
    const missing = plan.signatures.filter((s) => {
      const step = SIGNERS.find((x) => x.signer === s);
      return step !== undefined && f[step.by] === undefined;
    });
    if (missing.length === 0) return [];
    const values = { tier: plan.tier, required: [...plan.signatures], missing };
    const names = listText(missing.map(signerTitle));
    if (f.approvedOn !== undefined) {
      return [
        {
          kind: 'violation',
          message: `The purchase order was issued on ${f.approvedOn} without the signature of ${names}, which ${plan.tier} requires for final approval.`,
          values,
          citations: plan.citations,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Before the purchase order is issued, ${plan.tier} requires the signature of ${names}.`,
        values,
        citations: plan.citations,
      },
    ];
  },
});

export const signatureOrder = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.signature-order',
  title: 'Signatures follow the form: requestor, supervisor, business administrator, superintendent, board',
  citations: [cited('I.1'), cited('I.2'), cited('D.2.e')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    const plan = planOf(f, ctx.param);
    const out: FindingDraft[] = [];
    SIGNERS.forEach((later, i) => {
      const laterOn = f[later.on];
      if (f[later.by] === undefined && laterOn === undefined) return;
      for (const earlier of SIGNERS.slice(0, i)) {
        const earlierOn = f[earlier.on];
        const signed = f[earlier.by] !== undefined || earlierOn !== undefined;
        if (!signed && plan.signatures.includes(earlier.signer)) {
          out.push({
            kind: 'violation',
            message: `${capital(signerTitle(later.signer))} signed before ${signerTitle(earlier.signer)} had${earlier.signer === 'requestor' ? ' submitted the form' : ' signed'}; the form reaches each signer in turn (I.1–I.2).`,
            subject: f[later.by],
            values: { signer: later.signer, before: earlier.signer },
          });
        } else if (
          signed &&
          laterOn !== undefined &&
          earlierOn !== undefined &&
          isBefore(laterOn, earlierOn)
        ) {
          out.push({
            kind: 'violation',
            message: `${capital(signerTitle(later.signer))} signed on ${laterOn}, before ${signerTitle(earlier.signer)} on ${earlierOn}.`,
            subject: f[later.by],
            values: { signer: later.signer, signedOn: laterOn, before: earlier.signer, beforeOn: earlierOn },
          });
        }
      }
    });
    if (f.approvedOn !== undefined) {
      for (const s of SIGNERS) {
        const on = f[s.on];
        if (on !== undefined && isBefore(f.approvedOn, on)) {
          out.push({
            kind: 'violation',
            message: `The purchase order was issued on ${f.approvedOn}, before the signature of ${signerTitle(s.signer)} on ${on}.`,
            values: { signer: 'purchase-order', signedOn: f.approvedOn, before: s.signer, beforeOn: on },
          });
        }
      }
    }
    return out;
  },
});

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const APPROVERS = [
  { by: 'supervisorSignedBy', title: 'supervisor' },
  { by: 'businessAdministratorSignedBy', title: 'business administrator' },
  { by: 'superintendentSignedBy', title: 'superintendent' },
  { by: 'boardApprovedBy', title: "board's approval" },
  { by: 'approvedBy', title: 'final approval (purchase order)' },
] as const;

export const selfApproval = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.self-approval',
  title: 'The requestor never approves their own request',
  citations: [cited('A.3'), cited('I.1'), cited('I.2')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f) {
    if (f.requestedBy === undefined) return [];
    const own = APPROVERS.filter((a) => samePerson(f[a.by], f.requestedBy));
    if (own.length === 0) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message: `${f.requestedBy} requested this purchase and so cannot sign it as ${listText(own.map((a) => a.title))}; another approver must sign (A.3, I.1–I.2).`,
        subject: f.requestedBy,
        values: { requestedBy: f.requestedBy, as: own.map((a) => a.by) },
      },
    ];
  },
});

export const authorisationBeforePurchase = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.authorisation-before-purchase',
  title: 'Nothing is ordered before the expenditure authorisation is approved',
  citations: [cited('I.1'), cited('I.2')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f) {
    if (f.orderedOn === undefined && f.orderedBy === undefined) return [];
    if (f.approvedOn === undefined) {
      return [
        {
          kind: 'violation',
          message: `The purchase was initiated${f.orderedOn ? ` on ${f.orderedOn}` : ''} without an approved expenditure authorisation; the approval signature is required before a purchase is initiated (I.2).`,
          values: { orderedOn: f.orderedOn ?? null },
        },
      ];
    }
    if (f.orderedOn !== undefined && isBefore(f.orderedOn, f.approvedOn)) {
      return [
        {
          kind: 'violation',
          message: `The purchase was initiated on ${f.orderedOn}, before the purchase order was approved on ${f.approvedOn} (I.1–I.2).`,
          values: { orderedOn: f.orderedOn, approvedOn: f.approvedOn },
        },
      ];
    }
    return [];
  },
});
