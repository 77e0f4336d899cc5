// A few weeks of a district's purchasing, dated relative to today: its vendors; classroom chairs bought on
// two complete quotes and paid after every signature; library books waiting for the business
// administrator; lab microscopes still in draft with one quote; volleyball uniforms ordered for $800 and,
// five days later, a $700 draft for more that together cross the $1,000 threshold (B.3); an HVAC
// sole-source request above $50,000 posted for public comment (E.2); and an architect's study received and
// waiting for its invoice. Transitions run as the named people, in the order the policies require.
import { addDays, type CalendarDate, parseDate } from '../../../kernel/index.ts';
import type { DemoRecord } from '../../framework.ts';

const PEOPLE = {
  officeManager: 'Dana Reyes',
  librarian: 'Priya Shah',
  scienceLead: 'Ben Alvarez',
  athleticDirector: 'Sam Ortiz',
  facilities: 'Tom Becker',
  principal: 'Lee Park',
  businessAdministrator: 'Omar Haddad',
  purchasing: 'Nina Patel',
  accounting: 'Maria Lopez',
} as const;

export function procurementDemo(today: string): DemoRecord[] {
  const t = parseDate(today);
  const day = (n: number): CalendarDate => addDays(t, -n);

  /** A quote with every element A.7.a asks for. */
  const quote = (p: {
    company: string;
    address: string;
    salesperson: string;
    contact: string;
    item: string;
    unit: string;
    quantity: number;
    itemsCents: number;
    shippingCents: number;
    receivedDaysAgo: number;
    employee: string;
    position: string;
  }) => ({
    method: 'written',
    amountCents: p.itemsCents + p.shippingCents,
    receivedOn: day(p.receivedDaysAgo),
    validUntil: day(p.receivedDaysAgo - 30),
    delivery: 'within 10 business days of the order',
    companyName: p.company,
    companyAddress: p.address,
    items: [{ description: p.item, unit: p.unit, quantity: p.quantity, totalCents: p.itemsCents }],
    shippingCents: p.shippingCents,
    salesperson: p.salesperson,
    salespersonContact: p.contact,
    employeeName: p.employee,
    employeePosition: p.position,
  });

  const vendors: DemoRecord[] = [
    {
      kind: 'vendor',
      unit: 'District office',
      data: {
        name: 'Summit Office Supply',
        address: '120 Main St, Provo UT 84601',
        contact: 'Jo Lund, jo.lund@summit.example',
        recurring: true,
      },
    },
    {
      kind: 'vendor',
      unit: 'District office',
      data: {
        name: 'Beehive School Furnishings',
        address: '9 Center St, Orem UT 84057',
        contact: 'Kim Tran, 801-555-0142',
      },
    },
    {
      kind: 'vendor',
      unit: 'Lincoln Elementary',
      data: {
        name: 'Canyon Book Company',
        address: '455 University Ave, Provo UT 84604',
        contact: 'Ellen Marsh, 801-555-0177',
        stateContract: true,
      },
    },
    {
      kind: 'vendor',
      unit: 'Athletics',
      data: {
        name: 'Peak Athletic Apparel',
        address: '2100 N State St, Orem UT 84057',
        contact: 'Rob Kline, rob@peakathletic.example',
      },
    },
    {
      kind: 'vendor',
      unit: 'District office',
      data: {
        name: 'Carver Architects',
        address: '60 S 400 W, Salt Lake City UT 84101',
        contact: 'Hannah Carver, AIA, 801-555-0190',
        approvedVendorList: true,
      },
    },
    {
      kind: 'vendor',
      unit: 'District office',
      data: {
        name: 'Trane Mountain West',
        address: '3300 S 500 W, Salt Lake City UT 84115',
        contact: 'Service desk, 801-555-0111',
      },
    },
  ];

  const chairs = {
    item: 'Stacking chair, grey, 18 in. seat',
    unit: 'each',
    quantity: 40,
    receivedDaysAgo: 32,
    employee: PEOPLE.officeManager,
    position: 'Office manager',
  };
  const books = {
    item: 'Library-bound picture books (list attached)',
    unit: 'each',
    quantity: 150,
    receivedDaysAgo: 6,
    employee: PEOPLE.librarian,
    position: 'School librarian',
  };

  const requisitions: DemoRecord[] = [
    // D.2.b: two complete quotes, the lowest chosen, every signature in order, then paid.
    {
      kind: 'requisition',
      unit: 'Lincoln Elementary',
      data: {
        description: 'Classroom chairs for the new fourth-grade room',
        vendor: 'Summit Office Supply',
        category: 'goods-services',
        commodity: 'classroom furniture',
        amountCents: 240_000,
        requisitionDate: day(31),
        fundingSource: 'General fund — instruction',
        quotes: [
          quote({
            ...chairs,
            company: 'Summit Office Supply',
            address: '120 Main St, Provo UT 84601',
            salesperson: 'Jo Lund',
            contact: 'jo.lund@summit.example',
            itemsCents: 228_000,
            shippingCents: 12_000,
          }),
          quote({
            ...chairs,
            company: 'Beehive School Furnishings',
            address: '9 Center St, Orem UT 84057',
            salesperson: 'Kim Tran',
            contact: '801-555-0142',
            itemsCents: 250_000,
            shippingCents: 12_500,
          }),
        ],
        purchaseOrderNumber: 'PO-1042',
        packingSlipComplete: true,
        invoice: { number: 'SOS-55310', date: day(18), amountCents: 240_000 },
      },
      transitions: [
        { name: 'submit', daysAgo: 30, by: PEOPLE.officeManager },
        { name: 'sign-supervisor', daysAgo: 29, by: PEOPLE.principal },
        { name: 'sign-business-administrator', daysAgo: 28, by: PEOPLE.businessAdministrator },
        { name: 'approve', daysAgo: 28, by: PEOPLE.purchasing },
        { name: 'order', daysAgo: 27, by: PEOPLE.purchasing },
        { name: 'receive', daysAgo: 19, by: PEOPLE.officeManager },
        { name: 'record-invoice', daysAgo: 17, by: PEOPLE.accounting },
        { name: 'pay', daysAgo: 12, by: PEOPLE.accounting },
      ],
    },
    // D.2.b: submitted and signed by the supervisor; waiting for the business administrator.
    {
      kind: 'requisition',
      unit: 'Lincoln Elementary',
      data: {
        description: 'Picture books for the Lincoln Elementary library',
        vendor: 'Canyon Book Company',
        category: 'goods-services',
        commodity: 'library books',
        amountCents: 315_000,
        requisitionDate: day(4),
        fundingSource: 'Title 1 Part A',
        title1: true,
        quotes: [
          quote({
            ...books,
            company: 'Canyon Book Company',
            address: '455 University Ave, Provo UT 84604',
            salesperson: 'Ellen Marsh',
            contact: '801-555-0177',
            itemsCents: 307_500,
            shippingCents: 7_500,
          }),
          quote({
            ...books,
            company: 'Follett School Solutions',
            address: '1340 Ridgeview Dr, McHenry IL 60050',
            salesperson: 'Mark Yates',
            contact: 'myates@follett.example',
            itemsCents: 318_000,
            shippingCents: 0,
          }),
        ],
      },
      transitions: [
        { name: 'submit', daysAgo: 3, by: PEOPLE.librarian },
        { name: 'sign-supervisor', daysAgo: 2, by: PEOPLE.principal },
      ],
    },
    // D.2.b in draft: one quote so far, the second still to be obtained before submission.
    {
      kind: 'requisition',
      unit: 'Lincoln Elementary',
      data: {
        description: 'Student microscopes for the science lab',
        vendor: 'Carolina Biological Supply',
        category: 'goods-services',
        commodity: 'lab equipment',
        amountCents: 185_000,
        requisitionDate: day(1),
        quotes: [
          quote({
            company: 'Carolina Biological Supply',
            address: '2700 York Rd, Burlington NC 27215',
            salesperson: 'Alicia Grant',
            contact: '800-555-0123',
            item: 'Compound microscope, 400x, LED',
            unit: 'each',
            quantity: 10,
            itemsCents: 179_000,
            shippingCents: 6_000,
            receivedDaysAgo: 1,
            employee: PEOPLE.scienceLead,
            position: 'Science lead teacher',
          }),
        ],
      },
    },
    // B.3: uniforms ordered for $800 …
    {
      kind: 'requisition',
      unit: 'Athletics',
      data: {
        description: 'Girls’ volleyball uniforms',
        vendor: 'Peak Athletic Apparel',
        category: 'goods-services',
        commodity: 'athletic uniforms',
        amountCents: 80_000,
        requisitionDate: day(9),
      },
      transitions: [
        { name: 'submit', daysAgo: 9, by: PEOPLE.athleticDirector },
        { name: 'sign-supervisor', daysAgo: 8, by: PEOPLE.principal },
        { name: 'approve', daysAgo: 8, by: PEOPLE.purchasing },
        { name: 'order', daysAgo: 7, by: PEOPLE.athleticDirector },
      ],
    },
    // … and five days later $700 more of the same from the same vendor: $1,500 together (B.3.a).
    {
      kind: 'requisition',
      unit: 'Athletics',
      data: {
        description: 'Girls’ volleyball uniforms, second order',
        vendor: 'Peak Athletic Apparel',
        category: 'goods-services',
        commodity: 'athletic uniforms',
        amountCents: 70_000,
        requisitionDate: day(4),
      },
    },
    // D.2.f: professional services negotiated directly after reviewing two architects; received.
    {
      kind: 'requisition',
      unit: 'District office',
      data: {
        description: 'Feasibility study for the Lincoln Elementary playground expansion',
        vendor: 'Carver Architects',
        category: 'professional-services',
        commodity: 'architectural services',
        amountCents: 1_850_000,
        requisitionDate: day(25),
        providersReviewed: 2,
        purchaseOrderNumber: 'PO-1047',
        packingSlipComplete: true,
      },
      transitions: [
        { name: 'submit', daysAgo: 24, by: PEOPLE.facilities },
        { name: 'sign-supervisor', daysAgo: 23, by: PEOPLE.principal },
        { name: 'sign-business-administrator', daysAgo: 22, by: PEOPLE.businessAdministrator },
        { name: 'approve', daysAgo: 21, by: PEOPLE.purchasing },
        { name: 'order', daysAgo: 20, by: PEOPLE.purchasing },
        { name: 'receive', daysAgo: 2, by: PEOPLE.facilities },
      ],
    },
  ];

  const soleSources: DemoRecord[] = [
    // E: a proprietary HVAC controller, determined by purchasing and posted for public comment (≥ $50,000).
    {
      kind: 'sole-source',
      unit: 'District office',
      data: {
        item: 'Replacement building-automation controllers for the Lincoln Elementary HVAC system',
        vendor: 'Trane Mountain West',
        estimatedAmountCents: 6_200_000,
        requestDate: day(14),
        uniquenessJustification:
          'The existing system runs proprietary Trane Tracer controls; only the manufacturer’s authorised dealer for the region can supply, program and warrant compatible controllers.',
        justificationDocumented: true,
      },
      transitions: [
        { name: 'submit', daysAgo: 13, by: PEOPLE.facilities },
        { name: 'determine', daysAgo: 9, by: PEOPLE.purchasing },
        { name: 'post-for-comment', daysAgo: 7, by: PEOPLE.purchasing },
      ],
    },
  ];

  return [...vendors, ...requisitions, ...soleSources];
}
