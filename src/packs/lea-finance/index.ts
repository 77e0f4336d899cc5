// The lea-finance pack: a Utah LEA's General Financial Policies (SOURCE.md, sections A–M) made
// executable — procurement by amount and category, signatures in order, split purchases, vendor totals,
// sole source, purchase cards, travel, reimbursements, checks, journal entries and EFTs, reconciliations,
// the gifts register and Title 1 — with the records and workflows the policies prescribe.
import { fileURLToPath } from 'node:url';
import { definePack } from '../../kernel/index.ts';
import type { PackModule, PackRole, RecordKind } from '../framework.ts';
import {
  controlsCaseKinds,
  controlsDemo,
  controlsParameters,
  controlsRecords,
  controlsRules,
  controlsSegregationRules,
  controlsWorkflows,
  reconciliationStatusReport,
} from './controls.ts';
import { procurementDemo } from './demo/procurement.ts';
import { procurementParameters } from './parameters/procurement.ts';
import { screeningParameters } from './parameters/screening.ts';
import { decisionChartReport } from './reports/decision-chart.ts';
import { vendorSpendReport } from './reports/vendor-spend.ts';
import { procurementRules, procurementSegregationRules } from './rules/procurement/index.ts';
import { requisitionFacts } from './schemas/requisition.ts';
import { soleSourceFacts } from './schemas/sole-source.ts';
import { vendorFacts } from './schemas/vendor.ts';
import { ledgers } from './screening/ledgers.ts';
import { screens } from './screening/screens.ts';
import { ADOPTED, DOCUMENT, PACK_ID } from './source.ts';
import { requisitionRecord, requisitionWorkflow } from './workflows/requisition.ts';
import { soleSourceRecord, soleSourceWorkflow } from './workflows/sole-source.ts';
import { vendorRecord, vendorWorkflow } from './workflows/vendor.ts';

const TITLE = 'General Financial Policies (Utah LEA)';

/**
 * What a requisition's edit may change in each state. Until it is submitted, everything; once it is
 * waiting for signatures, only what purchasing records (the signers sign for that amount, vendor and
 * quotes: a change means rejecting it and raising a new one); after approval, only what ordering,
 * receiving and invoicing record (I.2, I.4–I.5).
 */
const AFTER_APPROVAL = ['purchaseOrderNumber', 'packingSlipComplete', 'affixationCertified', 'invoice'];
const REQUISITION_EDITABLE: Readonly<Record<string, readonly string[]>> = {
  // LEA purchasing records the bid or RFP (D.2.e, D.2.g(3), D.2.h), the sole-source determination and the
  // construction documentation while the signatures are gathered; the amount, vendor and quotes stay shut.
  'awaiting-approval': [
    'competitiveProcess',
    'purchaseOrderNumber',
    'soleSourceReference',
    'soleSourceJustificationApproved',
    'buildingRequirementsDocumented',
  ],
  approved: AFTER_APPROVAL,
  ordered: AFTER_APPROVAL,
  received: AFTER_APPROVAL,
  invoiced: AFTER_APPROVAL,
};

export const pack = definePack({
  manifest: {
    id: PACK_ID,
    title: 'LEA finance: procurement and disbursement controls',
    version: '1.0.0',
    source: { document: DOCUMENT, title: TITLE },
    effective: ADOPTED,
    description:
      "A school LEA's procurement thresholds and decision tree, signatures, split purchases, vendor totals, sole source, purchase cards, travel, reimbursements, checks, journal entries, reconciliations, gifts and Title 1 (Utah Code 63G-6a, Admin. Code R33).",
  },
  parameters: [...procurementParameters, ...controlsParameters, ...screeningParameters],
  rules: [...procurementRules, ...controlsRules],
  caseKinds: {
    requisition: { id: 'requisition', title: 'Requisition / purchase order', schema: requisitionFacts },
    vendor: { id: 'vendor', title: 'Vendor', schema: vendorFacts },
    'sole-source': { id: 'sole-source', title: 'Sole-source request', schema: soleSourceFacts },
    ...controlsCaseKinds,
  },
  workflows: {
    [requisitionWorkflow.id]: requisitionWorkflow,
    [vendorWorkflow.id]: vendorWorkflow,
    [soleSourceWorkflow.id]: soleSourceWorkflow,
    ...controlsWorkflows,
  },
  casesDir: fileURLToPath(new URL('./cases/', import.meta.url)),
  fiscalYear: { startMonth: 7 },
});

const WORK = ['org.read', 'evaluate', 'records.read', 'records.write', 'documents.read', 'documents.write'];

/** The people the policies name; each role's transitions are declared by the workflows. */
export const roles: readonly PackRole[] = [
  {
    id: 'lea-finance.requestor',
    title: 'Requestor (employee initiating purchases, travel, card use)',
    permissions: WORK,
  },
  {
    id: 'lea-finance.supervisor',
    title: 'Immediate supervisor or designated business officer for the department',
    permissions: WORK,
  },
  {
    id: 'lea-finance.business-administrator',
    title: 'Business administrator',
    permissions: [...WORK, 'parameters.read', 'events.read'],
  },
  {
    id: 'lea-finance.superintendent',
    title: 'Superintendent',
    permissions: [...WORK, 'parameters.read', 'events.read'],
  },
  { id: 'lea-finance.board', title: "LEA board (records the board's approval)", permissions: WORK },
  {
    id: 'lea-finance.purchasing',
    title: 'LEA purchasing (bids, RFPs, sole-source determinations, orders)',
    permissions: WORK,
  },
  {
    id: 'lea-finance.accounting',
    title:
      'Accounting / front office (invoices, checks, payments, journal entries: cash-disbursement duties)',
    permissions: WORK,
  },
  {
    id: 'lea-finance.administration',
    title: 'Administration (principal or director: approvals and reviews)',
    permissions: WORK,
  },
  {
    id: 'lea-finance.audit-committee',
    title: 'Audit committee or designee (monthly reviews)',
    permissions: [...WORK, 'parameters.read', 'events.read', 'events.verify'],
  },
];

export const leaFinancePack: PackModule = {
  pack,
  sources: [{ id: DOCUMENT, title: TITLE, file: fileURLToPath(new URL('./SOURCE.md', import.meta.url)) }],
  roles,
  records: {
    requisition: { ...requisitionRecord, editable: REQUISITION_EDITABLE } as RecordKind,
    vendor: vendorRecord as RecordKind,
    'sole-source': soleSourceRecord as RecordKind,
    ...(controlsRecords as Record<string, RecordKind>),
  },
  segregationRules: [...procurementSegregationRules, ...controlsSegregationRules],
  reports: [decisionChartReport, vendorSpendReport, reconciliationStatusReport],
  demo: (today) => [...procurementDemo(today), ...controlsDemo(today)],
  ledgers,
  screens,
};
