// A journal entry or electronic fund transfer (K): substantiated (K.2), recorded (K.3), approved by
// administration or someone without cash-disbursement duties (K.4), and reviewed monthly by the audit
// committee or its designee (K.5).
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';
import { stampBy, stampOn, stampRoles } from './controls-common.ts';

export const journalEntryFacts = z.object({
  entryType: z.enum(['journal-entry', 'eft']).meta({
    title: 'Journal entry or EFT',
    description: 'a journal entry or an electronic fund transfer',
  }),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .meta({ title: 'Reference', description: 'the entry or transfer number' }),
  description: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .meta({ title: 'Description', description: 'what it records or pays' }),
  amountCents: zCents.min(1, 'must be more than zero').meta({ title: 'Amount' }),
  entryDate: zCalendarDate.meta({ title: 'Date', description: 'the date of the entry or transfer' }),
  preparedBy: z
    .string()
    .trim()
    .min(1)
    .meta({ title: 'Prepared by', description: 'who prepared the entry or transfer' }),
  supportingDocumentation: z.boolean().default(false).meta({
    title: 'Supporting documentation attached',
    description: 'the entry or transfer is substantiated by supporting documentation (K.2)',
  }),
  recordedOn: zCalendarDate.optional().meta({
    title: 'Recorded on',
    description: "the date it was recorded in the LEA's accounting records (K.3)",
  }),
  approvedBy: stampBy('Approved by', 'Approve'),
  approvedOn: stampOn('Approved on', 'Approve'),
  approverRoles: stampRoles('Approver roles', 'Approve'),
  auditReviewedBy: stampBy('Reviewed by (audit committee)', 'Audit committee review'),
  auditReviewedOn: stampOn('Audit committee reviewed on', 'Audit committee review'),
  auditReviewerRoles: stampRoles('Audit committee reviewer roles', 'Audit committee review'),
});
export type JournalEntryFacts = z.infer<typeof journalEntryFacts>;
