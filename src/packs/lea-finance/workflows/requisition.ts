// A requisition's life (I.1–I.5, D.2): drafted with its quotes, submitted by the requestor, signed in turn
// by the supervisor, business administrator, superintendent and board as its tier requires, approved as a
// purchase order, ordered, received, invoiced and paid. Each step stamps who took it and when, then the
// pack's rules guard it: a step is refused only when a rule finds a violation.
import { defineMachine, formatMoney } from '../../../kernel/index.ts';
import type { Derivation, RecordKind } from '../../framework.ts';
import { type RequisitionFacts, requisitionFacts } from '../schemas/requisition.ts';

const APPROVERS = [
  'lea-finance.supervisor',
  'lea-finance.business-administrator',
  'lea-finance.superintendent',
  'lea-finance.board',
  'lea-finance.purchasing',
  'org-admin',
];

const ORDER_RULES = [
  'lea-finance.procurement.method',
  'lea-finance.procurement.quotes',
  'lea-finance.procurement.quote-completeness',
  'lea-finance.procurement.split-purchase',
  'lea-finance.procurement.personal-use',
];
const SIGN_RULES = ['lea-finance.procurement.signature-order', 'lea-finance.procurement.self-approval'];
const guard = (rules: readonly string[]) => ({ caseKind: 'requisition', rules });

export const requisitionWorkflow = defineMachine({
  id: 'lea-finance.requisition',
  title: 'Requisition and purchase order',
  initial: 'draft',
  states: {
    draft: { title: 'Draft' },
    'awaiting-approval': { title: 'Awaiting approval' },
    approved: { title: 'Purchase order issued' },
    ordered: { title: 'Ordered' },
    received: { title: 'Received' },
    invoiced: { title: 'Invoiced' },
    paid: { title: 'Paid', terminal: true },
    rejected: { title: 'Rejected', terminal: true },
    cancelled: { title: 'Cancelled', terminal: true },
  },
  transitions: [
    {
      name: 'submit',
      title: 'Submit for approval',
      from: ['draft'],
      to: 'awaiting-approval',
      guard: guard(ORDER_RULES),
      roles: ['lea-finance.requestor', 'org-admin'],
    },
    {
      name: 'sign-supervisor',
      title: 'Sign as supervisor',
      from: ['awaiting-approval'],
      to: 'awaiting-approval',
      guard: guard(SIGN_RULES),
      roles: ['lea-finance.supervisor', 'org-admin'],
    },
    {
      name: 'sign-business-administrator',
      title: 'Sign as business administrator',
      from: ['awaiting-approval'],
      to: 'awaiting-approval',
      guard: guard(SIGN_RULES),
      roles: ['lea-finance.business-administrator', 'org-admin'],
    },
    {
      name: 'sign-superintendent',
      title: 'Sign as superintendent',
      from: ['awaiting-approval'],
      to: 'awaiting-approval',
      guard: guard(SIGN_RULES),
      roles: ['lea-finance.superintendent', 'org-admin'],
    },
    {
      name: 'record-board-approval',
      title: "Record the board's approval",
      from: ['awaiting-approval'],
      to: 'awaiting-approval',
      guard: guard(SIGN_RULES),
      roles: ['lea-finance.board', 'org-admin'],
    },
    {
      name: 'approve',
      title: 'Approve and issue the purchase order',
      from: ['awaiting-approval'],
      to: 'approved',
      guard: guard([
        'lea-finance.procurement.signatures',
        ...SIGN_RULES,
        ...ORDER_RULES,
        'lea-finance.procurement.vendor-annual-cumulative',
      ]),
      roles: ['lea-finance.purchasing', 'lea-finance.business-administrator', 'org-admin'],
    },
    {
      name: 'order',
      title: 'Place the order',
      from: ['approved'],
      to: 'ordered',
      guard: guard(['lea-finance.procurement.authorisation-before-purchase']),
      roles: ['lea-finance.purchasing', 'lea-finance.requestor', 'org-admin'],
    },
    {
      name: 'receive',
      title: 'Record receipt',
      from: ['ordered'],
      to: 'received',
      roles: ['lea-finance.requestor', 'lea-finance.purchasing', 'lea-finance.accounting', 'org-admin'],
    },
    {
      name: 'record-invoice',
      title: 'Record the invoice',
      from: ['received'],
      to: 'invoiced',
      guard: guard(['lea-finance.procurement.three-way-match']),
      roles: ['lea-finance.accounting', 'org-admin'],
    },
    {
      name: 'pay',
      title: 'Pay',
      from: ['invoiced'],
      to: 'paid',
      guard: guard([
        'lea-finance.procurement.three-way-match',
        'lea-finance.procurement.title1-affixation',
        'lea-finance.procurement.authorisation-before-purchase',
        'lea-finance.procurement.personal-use',
      ]),
      roles: ['lea-finance.accounting', 'org-admin'],
    },
    {
      name: 'reject',
      title: 'Reject',
      from: ['awaiting-approval'],
      to: 'rejected',
      roles: APPROVERS,
    },
    {
      name: 'cancel',
      title: 'Cancel',
      from: ['draft', 'awaiting-approval', 'approved'],
      to: 'cancelled',
      roles: ['lea-finance.requestor', 'org-admin'],
    },
  ],
});

/** Transition → the fields that take the actor's name and the organisation's date of the act. */
export const requisitionStamps = {
  submit: { by: 'requestedBy', on: 'requestedOn' },
  'sign-supervisor': { by: 'supervisorSignedBy', on: 'supervisorSignedOn' },
  'sign-business-administrator': { by: 'businessAdministratorSignedBy', on: 'businessAdministratorSignedOn' },
  'sign-superintendent': { by: 'superintendentSignedBy', on: 'superintendentSignedOn' },
  'record-board-approval': { by: 'boardApprovedBy', on: 'boardApprovedOn' },
  approve: { by: 'approvedBy', on: 'approvedOn' },
  order: { by: 'orderedBy', on: 'orderedOn' },
  receive: { by: 'receivedBy', on: 'receivedOn' },
  'record-invoice': { by: 'invoiceRecordedBy', on: 'invoiceRecordedOn' },
  pay: { by: 'paidBy', on: 'paidOn' },
  reject: { by: 'rejectedBy', on: 'rejectedOn' },
  cancel: { by: 'cancelledBy', on: 'cancelledOn' },
} as const;

export const requisitionTitleOf = (d: RequisitionFacts): string =>
  `${d.description} — ${d.vendor} (${formatMoney(d.amountCents)})`;

/** Drafts are not purchases yet; rejected and cancelled ones never were. */
export const NOT_PURCHASES = ['draft', 'rejected', 'cancelled'] as const;

/**
 * The requisition's derived facts: the vendor's spend earlier in the fiscal year of the requisition date
 * (B.1.c), and the purchases from the vendor within the split window either side of it (B.3).
 */
export const requisitionRelated: readonly Derivation[] = [
  {
    into: 'vendorFiscalYearToDateCents',
    kinds: ['requisition'],
    match: { vendor: 'vendor' },
    dateField: 'requisitionDate',
    window: { kind: 'fiscal-year' },
    onlyEarlier: true,
    excludeStates: NOT_PURCHASES,
    fold: { kind: 'sum', field: 'amountCents' },
  },
  {
    into: 'relatedPurchases',
    kinds: ['requisition'],
    match: { vendor: 'vendor' },
    dateField: 'requisitionDate',
    window: { kind: 'days', parameter: 'lea-finance.split.window_days' },
    excludeStates: NOT_PURCHASES,
    fold: { kind: 'list', pick: ['amountCents', 'commodity'] },
  },
];

export const requisitionRecord: RecordKind<RequisitionFacts> = {
  id: 'requisition',
  title: 'Requisition / purchase order',
  schema: requisitionFacts,
  caseKind: 'requisition',
  workflow: requisitionWorkflow.id,
  titleOf: requisitionTitleOf,
  stamps: requisitionStamps,
  related: requisitionRelated,
};
