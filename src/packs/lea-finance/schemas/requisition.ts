// The expenditure authorisation form (purchase order or requisition, I.1) and the whole life it carries:
// requisition → signatures → purchase order → order → receiving → invoice → payment. The workflow stamps
// who acted and on which date (…By / …On) as each step is taken; imported history gives them directly.
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';

const text = (title: string, description: string, max = 500) =>
  z.string().trim().min(1).max(max).meta({ title, description });
const optionalText = (title: string, description: string, max = 500) =>
  z.string().trim().min(1).max(max).optional().meta({ title, description });
const checkbox = (title: string, description: string) =>
  z.boolean().default(false).meta({ title, description });
const person = (title: string, description: string) => optionalText(title, description, 200);
const date = (title: string, description: string) => zCalendarDate.optional().meta({ title, description });

/** One line of a quote (A.7.a(3)): each item with its description, unit, quantity and total price. */
export const quoteItem = z.object({
  description: optionalText('Item', 'the item, its description or specifications'),
  unit: optionalText('Unit', 'the unit quoted (each, box, hour…)', 50),
  quantity: z.int().min(1).optional().meta({ title: 'Quantity', description: 'how many units' }),
  totalCents: zCents.min(0).optional().meta({ title: 'Total price', description: 'the line total' }),
});

/** A competitive quote with the six elements A.7.a requires; any element left empty is named by the rules. */
export const quote = z.object({
  method: z.enum(['written', 'website', 'telephone']).default('written').meta({
    title: 'How obtained',
    description:
      "written (on the vendor's letterhead), printed from a website, or by telephone (A.7.b: each must document every element)",
  }),
  amountCents: zCents.min(0).meta({ title: 'Quoted total', description: 'the total the vendor quoted' }),
  receivedOn: date('Date received', 'A.7.a(1): the date the quote was received'),
  validUntil: date('Price valid until', 'A.7.a(1): the last date the quoted price is valid'),
  delivery: optionalText('Delivery date', 'A.7.a(1): the delivery date (or lead time) quoted', 200),
  companyName: optionalText('Company name', 'A.7.a(2): the company quoting', 200),
  companyAddress: optionalText('Company address', 'A.7.a(2): the company’s address'),
  items: z.array(quoteItem).default([]).meta({
    title: 'Items',
    description: 'A.7.a(3): each item with description, unit, quantity and total price',
  }),
  shippingCents: zCents.min(0).optional().meta({
    title: 'Shipping and freight',
    description: 'A.7.a(4): shipping and freight charges (0 when free)',
  }),
  salesperson: person('Salesperson', 'A.7.a(5): the salesperson who gave the quote'),
  salespersonContact: optionalText('Salesperson contact', 'A.7.a(5): phone or email of the salesperson', 200),
  employeeName: person('LEA employee', 'A.7.a(6): the LEA employee who obtained the quote'),
  employeePosition: optionalText('Employee position', 'A.7.a(6): that employee’s position', 200),
});
export type Quote = z.infer<typeof quote>;

export const competitiveProcess = z.object({
  method: z.enum(['bid', 'rfp', 'approved-vendor-list', 'none']).default('none').meta({
    title: 'Competitive process',
    description:
      'invitation for bids, request for proposals, or selection from an approved vendor list created by an invitation for bids or RFP (D.2.e, D.2.h)',
  }),
  solicitationNumber: optionalText('Solicitation number', 'the invitation for bids or RFP number', 100),
  advertisedOn: date('Advertised on', 'D.2.g(3): the date the invitation for bids was advertised'),
  bidDueOn: date('Bid due date', 'D.2.g(3): the date bids were due'),
  awardedTo: optionalText(
    'Awarded to',
    'the lowest responsive and responsible bidder or highest-scoring offeror',
    200,
  ),
});

/** Another purchase from the same vendor close in time (filled in by Probity; see `relatedPurchases`). */
export const relatedPurchase = z.object({
  id: z.string().min(1).meta({ title: 'Record', description: 'the other requisition' }),
  title: z.string().default('').meta({ title: 'Title', description: 'its title' }),
  requisitionDate: zCalendarDate.meta({ title: 'Requisition date', description: 'its requisition date' }),
  amountCents: zCents.min(0).default(0).meta({ title: 'Amount', description: 'its amount' }),
  commodity: optionalText('Commodity', 'the kind of item it bought', 100),
});
export type RelatedPurchase = z.infer<typeof relatedPurchase>;

export const requisitionFacts = z.object({
  description: text('Description', 'what is being purchased and why'),
  vendor: text('Vendor', 'the vendor (supplier, provider or contractor) the purchase is made from', 200),
  category: z.enum(['goods-services', 'professional-services', 'construction']).meta({
    title: 'Category',
    description:
      'goods and services (D.2.a–e), professional services such as architectural, engineering, accounting, legal or consulting (D.2.f, D.2.h), or construction (D.2.g)',
  }),
  commodity: text(
    'Commodity',
    'the kind of item, in a few words (e.g. "athletic uniforms"); purchases of the same kind from the same vendor close in time are taken together (B.3)',
    100,
  ),
  amountCents: zCents.min(1, 'must be more than zero').meta({
    title: 'Total purchase',
    description: 'the total of the purchase, including shipping; the amount authorised',
  }),
  requisitionDate: zCalendarDate.meta({
    title: 'Requisition date',
    description:
      'the date the need is raised and the form is completed; the fiscal year and the split-purchase window count from it',
  }),
  purchaseOrderNumber: optionalText('Purchase order number', 'the PO number once issued', 50),
  paymentMethod: z.enum(['purchase-order', 'check-request', 'purchase-card']).default('purchase-order').meta({
    title: 'Payment method',
    description: 'purchase order, check request, or LEA credit/purchase card',
  }),
  stateContract: checkbox(
    'State contract',
    'D.1: bought from a state agency or a state cooperative contract, so the decision chart’s quotes and bids are not needed',
  ),
  fundingSource: optionalText('Funding source', 'the fund or program charged', 200),
  title1: checkbox('Title 1 funds', 'M.1: the purchase is paid with Title 1 funding'),
  affixationCertified: checkbox(
    'Certificate of affixation',
    'M.1: a certificate of affixation crediting Title 1 is on file for the items',
  ),
  personalUse: checkbox(
    'For personal use',
    'A.14, C.5: the goods or services are for someone’s personal use or gain (strictly prohibited)',
  ),

  quotes: z
    .array(quote)
    .default([])
    .meta({ title: 'Quotes', description: 'the competitive quotes or bids obtained (A.7.a, D.2.b–d)' }),
  lowerQuotesRejectedReason: optionalText(
    'Why a lower quote was not chosen',
    'when the chosen vendor’s quote is not the lowest: why the lower quotes did not meet the specifications',
    2000,
  ),
  providersReviewed: z.int().min(0).default(0).meta({
    title: 'Providers reviewed',
    description: 'professional services: how many providers’ qualifications were reviewed (D.2.f)',
  }),
  competitiveProcess: competitiveProcess.optional().meta({
    title: 'Bid or RFP',
    description:
      'the invitation for bids, RFP or approved vendor list behind the purchase (D.2.e, D.2.g(3), D.2.h)',
  }),
  buildingRequirementsDocumented: checkbox(
    'Building requirements documented',
    'construction: building code approvals, licensing, permits and other construction requirements are documented as met (B.1.e(1), D.2.g(1))',
  ),
  soleSource: checkbox('Sole source', 'the vendor is the only source (E.1): no quotes or bids'),
  soleSourceReference: optionalText(
    'Sole-source request',
    'the sole-source request record that justifies it',
    100,
  ),
  soleSourceJustificationApproved: checkbox(
    'Sole-source justification approved',
    'the sole-source justification was approved by administration (E.3)',
  ),
  isAddOn: checkbox(
    'Add-on order',
    'B.3.a(2): additional items after an order was placed or received (too few ordered, wrong sizes)',
  ),
  addOnJustification: optionalText(
    'Add-on justification',
    'B.3.a(2): the written purpose of the purchase and why it is not splitting a purchase; kept with the vendor invoice',
    2000,
  ),
  recurring: checkbox(
    'Recurring',
    'B.2: purchases from this vendor are ongoing, continuous and regularly scheduled',
  ),
  contractOnFile: checkbox('Contract on file', 'B.2.a: a contract with the vendor covers the purchase'),
  contractNotFeasibleReason: optionalText(
    'Why no contract',
    'B.2.a: why a contract is not feasible for these recurring purchases',
    2000,
  ),

  requestedBy: person('Requested by', 'the employee initiating the purchase (stamped on submission)'),
  requestedOn: date('Requested on', 'the date the completed form was submitted'),
  supervisorSignedBy: person(
    'Supervisor',
    'the immediate supervisor or authorised business officer for the department who signed',
  ),
  supervisorSignedOn: date('Supervisor signed on', 'the date of the supervisor’s signature'),
  businessAdministratorSignedBy: person('Business administrator', 'the business administrator who signed'),
  businessAdministratorSignedOn: date('Business administrator signed on', 'the date of that signature'),
  superintendentSignedBy: person('Superintendent', 'the superintendent who signed'),
  superintendentSignedOn: date('Superintendent signed on', 'the date of that signature'),
  boardApprovedBy: person('Board approval recorded by', 'who recorded the LEA board’s approval'),
  boardApprovedOn: date('Board approved on', 'the date the board’s approval was recorded'),
  approvedBy: person('Purchase order issued by', 'who gave final approval and issued the purchase order'),
  approvedOn: date('Purchase order issued on', 'the date of final approval'),
  orderedBy: person('Ordered by', 'who placed the order with the vendor'),
  orderedOn: date('Ordered on', 'the date the purchase was initiated with the vendor'),
  receivedBy: person('Received by', 'who received the goods or services'),
  receivedOn: date('Received on', 'the date they were received'),
  packingSlipComplete: checkbox(
    'Packing slip complete',
    'I.4: the receiver signed a complete packing slip showing all goods were received',
  ),
  invoice: z
    .object({
      number: text('Invoice number', 'the vendor’s invoice number', 100),
      date: zCalendarDate.meta({ title: 'Invoice date', description: 'the date on the invoice' }),
      amountCents: zCents.min(0).meta({ title: 'Invoice amount', description: 'the amount invoiced' }),
    })
    .optional()
    .meta({ title: 'Invoice', description: 'the vendor’s invoice (I.4)' }),
  invoiceRecordedBy: person('Invoice recorded by', 'who recorded the invoice'),
  invoiceRecordedOn: date('Invoice recorded on', 'the date the invoice was recorded'),
  paidBy: person('Paid by', 'who processed the payment (accounting/front office)'),
  paidOn: date('Paid on', 'the date the payment was processed'),
  rejectedBy: person('Rejected by', 'who rejected the requisition'),
  rejectedOn: date('Rejected on', 'the date it was rejected'),
  cancelledBy: person('Cancelled by', 'who cancelled the requisition'),
  cancelledOn: date('Cancelled on', 'the date it was cancelled'),

  vendorFiscalYearToDateCents: zCents.min(0, 'must not be negative').default(0).meta({
    title: 'Vendor spend earlier this fiscal year',
    description:
      "the LEA's other purchases from this vendor in the fiscal year of the requisition date, dated on or before it (filled in by Probity from the organisation's records; give it when evaluating a case on its own)",
  }),
  relatedPurchases: z.array(relatedPurchase).default([]).meta({
    title: 'Purchases close in time',
    description:
      "other requisitions from this vendor within the split-purchase window of the requisition date (filled in by Probity from the organisation's records; give them when evaluating a case on its own)",
  }),
});
export type RequisitionFacts = z.infer<typeof requisitionFacts>;
