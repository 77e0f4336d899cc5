// The ledgers the lea-finance screens read, as an LEA's accounting system exports them: accounts-payable
// disbursements, purchase-card transactions, travel and mileage claims, and the gifts register. Each column
// lists the header names exports commonly use, so most files need no mapping. `fromRecords` says how the
// pack's own records become the same rows, for screening the data an organisation keeps in Probity.
import type { Ledger, LedgerColumn } from '../../screens.ts';
import { requisitionWorkflow } from '../workflows/requisition.ts';
import { travelWorkflow } from '../workflows/travel.ts';

/** Every state of a workflow but `keep`: the states whose records are not (yet) rows of a ledger. */
const statesBut = (machine: { states: Record<string, unknown> }, ...keep: string[]): string[] =>
  Object.keys(machine.states).filter((s) => !keep.includes(s));

const entity: LedgerColumn = {
  name: 'entity',
  title: 'LEA or school',
  type: 'text',
  aliases: ['lea', 'district', 'school', 'entity code', 'lea code', 'fund entity'],
  description:
    'The LEA or school the row belongs to, when one file holds several; every grouping keeps them apart.',
};

export const disbursements: Ledger = {
  id: 'disbursements',
  title: 'Disbursements (accounts payable)',
  option: 'ledger',
  description:
    'Every payment made: checks, ACH and EFT payments, wires, with the vendor, invoice and purchase order.',
  idColumn: 'txn_id',
  dateColumn: 'paid_on',
  amountColumn: 'amount',
  columns: [
    {
      name: 'txn_id',
      title: 'Transaction',
      type: 'text',
      required: true,
      aliases: ['id', 'transaction id', 'voucher', 'voucher number', 'payment id', 'document number'],
    },
    {
      name: 'paid_on',
      title: 'Paid on',
      type: 'date',
      required: true,
      aliases: ['date', 'payment date', 'check date', 'paid date', 'transaction date'],
    },
    {
      name: 'vendor',
      title: 'Vendor',
      type: 'text',
      required: true,
      aliases: ['vendor id', 'vendor name', 'vendor number', 'supplier'],
    },
    {
      name: 'commodity',
      title: 'Commodity',
      type: 'text',
      aliases: ['commodity code', 'object code', 'category', 'item category'],
      description: 'The kind of item bought; purchases of one commodity are "similar items" (B.3).',
    },
    {
      name: 'description',
      title: 'Description',
      type: 'text',
      aliases: ['memo', 'line description', 'item description'],
    },
    {
      name: 'amount',
      title: 'Amount',
      type: 'money',
      required: true,
      aliases: ['amount paid', 'net amount', 'payment amount', 'total'],
    },
    {
      name: 'invoice',
      title: 'Invoice',
      type: 'text',
      aliases: ['invoice number', 'invoice no', 'invoice id'],
    },
    {
      name: 'po_number',
      title: 'Purchase order',
      type: 'text',
      aliases: ['po', 'po number', 'purchase order', 'purchase order number'],
    },
    {
      name: 'po_approved_on',
      title: 'PO approved on',
      type: 'date',
      aliases: ['po date', 'po approval date', 'purchase order date'],
    },
    {
      name: 'payee',
      title: 'Payee',
      type: 'text',
      aliases: ['pay to', 'payable to', 'check payee'],
      description: 'The payee as written on the check.',
    },
    { name: 'method', title: 'Method', type: 'text', aliases: ['payment method', 'payment type'] },
    {
      name: 'contract',
      title: 'Contract',
      type: 'text',
      aliases: ['contract number', 'contract id', 'state contract', 'bid number'],
      description:
        'A contract, state contract or bid the purchase was made under; such purchases are not small purchases.',
    },
    entity,
  ],
  fromRecords: [
    {
      // A requisition is a payment once paid: before that it is a commitment (or never was one: drafts,
      // rejected, cancelled). The amount paid is the invoice's; the purchase order's approval is the
      // `approve` step's date. A state-contract purchase (D.1) is the ledger's contract purchase.
      kind: 'requisition',
      columns: {
        paid_on: 'paidOn',
        vendor: 'vendor',
        commodity: 'commodity',
        description: 'description',
        amount: 'invoice.amountCents',
        invoice: 'invoice.number',
        po_number: 'purchaseOrderNumber',
        po_approved_on: 'approvedOn',
        contract: { flag: 'stateContract' },
      },
      excludeStates: statesBut(requisitionWorkflow, 'paid'),
    },
    {
      // A check is a payment from its issue; a voided one never paid anything (J.6). The payee as written
      // is also the vendor: a check records no other.
      kind: 'check',
      columns: {
        paid_on: 'issuedOn',
        vendor: 'payee',
        payee: 'payee',
        description: 'purpose',
        amount: 'amountCents',
      },
      constants: { method: 'check' },
      excludeStates: ['voided'],
    },
  ],
};

export const pcard: Ledger = {
  id: 'pcard',
  title: 'Purchase-card transactions',
  option: 'pcard',
  description:
    "The card issuer's transaction file: each charge with the card, merchant and merchant category.",
  idColumn: 'txn_id',
  dateColumn: 'posted_on',
  amountColumn: 'amount',
  columns: [
    {
      name: 'txn_id',
      title: 'Transaction',
      type: 'text',
      required: true,
      aliases: ['id', 'transaction id', 'reference', 'reference number'],
    },
    {
      name: 'posted_on',
      title: 'Transaction date',
      type: 'date',
      required: true,
      aliases: ['date', 'transaction date', 'post date', 'posting date'],
    },
    {
      name: 'card',
      title: 'Card',
      type: 'text',
      required: true,
      aliases: ['card number', 'card id', 'cardholder', 'card holder', 'account'],
    },
    {
      name: 'merchant',
      title: 'Merchant',
      type: 'text',
      required: true,
      aliases: ['merchant name', 'vendor', 'supplier'],
    },
    {
      name: 'mcc',
      title: 'Merchant category',
      type: 'text',
      aliases: ['mcc code', 'merchant category code', 'category code'],
    },
    {
      name: 'type',
      title: 'Type',
      type: 'text',
      aliases: ['transaction type'],
      description: 'purchase, ATM or cash advance',
    },
    {
      name: 'amount',
      title: 'Amount',
      type: 'money',
      required: true,
      aliases: ['transaction amount', 'charge amount'],
    },
    {
      name: 'preapproval',
      title: 'Pre-approval',
      type: 'text',
      aliases: ['expenditure authorization', 'preapproval form', 'authorization number', 'ea number'],
      description:
        'The expenditure authorization form approving the purchase beforehand (F.3); empty when none.',
    },
    entity,
  ],
  fromRecords: [
    {
      // Every recorded transaction, reconciled or referred: the charge was made whatever came after. The
      // type is written as the record keeps it ('cash-advance'), which the cash screen reads as a cash
      // advance; the record keeps whether the purchase was pre-approved, not the form's number.
      kind: 'card-transaction',
      columns: {
        posted_on: 'transactionDate',
        card: 'cardId',
        merchant: 'merchant',
        type: 'transactionType',
        amount: 'amountCents',
        preapproval: { flag: 'preApproved' },
      },
    },
  ],
};

export const travel: Ledger = {
  id: 'travel',
  title: 'Travel and mileage claims',
  option: 'travel',
  description:
    'Reimbursement claims for travel and mileage with the return date and the date the form was turned in.',
  idColumn: 'claim_id',
  dateColumn: 'submitted_on',
  amountColumn: 'amount',
  columns: [
    {
      name: 'claim_id',
      title: 'Claim',
      type: 'text',
      required: true,
      aliases: ['id', 'claim number', 'form number'],
    },
    {
      name: 'employee',
      title: 'Employee',
      type: 'text',
      required: true,
      aliases: ['traveler', 'traveller', 'employee name', 'claimant'],
    },
    {
      name: 'claim_type',
      title: 'Claim type',
      type: 'text',
      required: true,
      aliases: ['type', 'form type'],
      description: 'travel or mileage',
    },
    {
      name: 'returned_on',
      title: 'Returned on',
      type: 'date',
      required: true,
      aliases: ['return date', 'trip end', 'travel end date'],
    },
    {
      name: 'submitted_on',
      title: 'Submitted on',
      type: 'date',
      required: true,
      aliases: ['submitted', 'date submitted', 'claim date', 'received date'],
    },
    {
      name: 'amount',
      title: 'Amount',
      type: 'money',
      required: true,
      aliases: ['claimed', 'amount claimed', 'total'],
    },
    entity,
  ],
  fromRecords: [
    {
      // A trip is a travel claim once the reimbursement form is turned in (the `claim` step stamps its
      // date); a trip not claimed yet, or never to be, is not a row. The record lists the expenses and
      // keeps no claimed total, so the row's amount is 0: the travel screens read only the two dates.
      kind: 'travel',
      columns: {
        employee: 'traveler',
        returned_on: 'returnOn',
        submitted_on: 'reimbursementFormOn',
      },
      constants: { claim_type: 'travel', amount: '0' },
      excludeStates: statesBut(travelWorkflow, 'claimed', 'reimbursed'),
    },
  ],
};

export const gifts: Ledger = {
  id: 'gifts',
  title: 'Gifts register',
  option: 'gifts',
  description:
    'Gifts, meals and other gratuities received by employees from vendors or people doing business with the LEA.',
  idColumn: 'gift_id',
  dateColumn: 'received_on',
  amountColumn: 'value',
  columns: [
    {
      name: 'gift_id',
      title: 'Gift',
      type: 'text',
      required: true,
      aliases: ['id', 'entry', 'entry number'],
    },
    {
      name: 'received_on',
      title: 'Received on',
      type: 'date',
      required: true,
      aliases: ['date', 'date received'],
    },
    {
      name: 'giver',
      title: 'Giver',
      type: 'text',
      required: true,
      aliases: ['from', 'donor', 'vendor', 'given by'],
    },
    {
      name: 'recipient',
      title: 'Recipient',
      type: 'text',
      required: true,
      aliases: ['employee', 'received by', 'to'],
    },
    { name: 'description', title: 'Description', type: 'text', aliases: ['gift', 'item'] },
    {
      name: 'value',
      title: 'Value',
      type: 'money',
      required: true,
      aliases: ['amount', 'estimated value', 'worth'],
    },
    entity,
  ],
  fromRecords: [
    {
      // Every gift given, offered or received, whatever was decided about it, except one declined or
      // returned: the recipient did not keep it, which is what B.4.c asks of a gift over the limits.
      kind: 'gift',
      columns: {
        received_on: 'giftDate',
        giver: 'giver',
        recipient: 'recipient',
        description: 'description',
        value: 'valueCents',
      },
      excludeStates: ['returned'],
    },
  ],
};

export const ledgers: readonly Ledger[] = [disbursements, pcard, travel, gifts];
