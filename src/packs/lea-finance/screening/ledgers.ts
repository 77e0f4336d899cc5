// The ledgers the lea-finance screens read, as an LEA's accounting system exports them: accounts-payable
// disbursements, purchase-card transactions, travel and mileage claims, and the gifts register. Each column
// lists the header names exports commonly use, so most files need no mapping.
import type { Ledger, LedgerColumn } from '../../screens.ts';

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
};

export const ledgers: readonly Ledger[] = [disbursements, pcard, travel, gifts];
