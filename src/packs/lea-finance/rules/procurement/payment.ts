// Receiving, the invoice and payment (I.4–I.5), Title 1 items (M.1), and the prohibition of purchases for
// personal use (A.14, C.5).
import { defineRule, type FindingDraft } from '../../../../kernel/index.ts';
import type { RequisitionFacts } from '../../schemas/requisition.ts';
import { ADOPTED } from '../../source.ts';
import { cited, money } from './plan.ts';

export const threeWayMatch = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.three-way-match',
  title: 'The invoice and a complete packing slip match the expenditure authorisation before payment',
  citations: [cited('I.4'), cited('I.5'), cited('J.3')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f, ctx) {
    // Nothing to match until a purchase order exists.
    if (f.approvedOn === undefined && f.paidOn === undefined && f.invoiceRecordedOn === undefined) return [];
    const tolerance = ctx.param<number>('lea-finance.payment.invoice_tolerance_cents');
    const paid = f.paidOn;
    const out: FindingDraft[] = [];
    const lack = (message: string, values: Record<string, unknown>, recordedWithout = false): FindingDraft =>
      paid !== undefined
        ? { kind: 'violation', message: `Paid on ${paid}, but ${message}`, values }
        : recordedWithout && f.invoiceRecordedOn !== undefined
          ? {
              kind: 'violation',
              message: `The invoice was recorded on ${f.invoiceRecordedOn}, but ${message}`,
              values,
            }
          : { kind: 'requirement', message: `Before payment: ${message}`, values };
    if (!f.packingSlipComplete || f.receivedOn === undefined) {
      out.push(
        lack(
          'the receiver has not yet documented a complete packing slip showing that all goods were received (I.4).',
          { check: 'packing-slip' },
        ),
      );
    }
    if (f.invoice === undefined) {
      out.push(lack("the vendor's invoice is not on the record (I.4).", { check: 'invoice' }, true));
    } else if (f.invoice.amountCents > f.amountCents + tolerance) {
      out.push(
        lack(
          `the invoice of ${money(f.invoice.amountCents)} exceeds the ${money(f.amountCents)} authorised on the expenditure authorisation form by ${money(f.invoice.amountCents - f.amountCents)}; correct the invoice or amend the authorisation (I.5).`,
          {
            check: 'amount',
            invoiceCents: f.invoice.amountCents,
            authorisedCents: f.amountCents,
            differenceCents: f.invoice.amountCents - f.amountCents,
            toleranceCents: tolerance,
          },
        ),
      );
    }
    return out;
  },
});

export const title1Affixation = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.title1-affixation',
  title: 'Items bought with Title 1 funds have a certificate of affixation crediting Title 1',
  citations: [cited('M.1')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f) {
    if (!f.title1 || f.affixationCertified) return [];
    if (f.paidOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `Paid on ${f.paidOn} with Title 1 funding, but no certificate of affixation crediting Title 1 is on file (M.1).`,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message:
          'Items bought with Title 1 funding need a certificate of affixation crediting Title 1 before payment (M.1).',
      },
    ];
  },
});

export const personalUse = defineRule<RequisitionFacts>({
  id: 'lea-finance.procurement.personal-use',
  title: 'No purchase for personal use or personal gain',
  citations: [cited('A.14'), cited('C.5')],
  effective: { from: ADOPTED },
  appliesTo: ['requisition'],
  evaluate(f) {
    if (!f.personalUse) return [];
    return [
      {
        kind: 'violation',
        severity: 'critical',
        message:
          'Purchases of goods or services with LEA funds for personal use or personal gain are strictly prohibited, of any amount (A.14, C.5; Utah Public Officers’ and Employees’ Ethics Act, Utah Code 67-16).',
        ...(f.requestedBy === undefined ? {} : { subject: f.requestedBy }),
      },
    ];
  },
});
