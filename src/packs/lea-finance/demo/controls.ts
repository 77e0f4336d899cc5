// A lively month of a small district's disbursement controls, relative to today: card purchases (one over
// $1,000 without pre-approval, a shared card with its log, a run of purchases at one merchant), a statement
// awaiting administration's review, travelers with reimbursement forms due in three days and overdue, checks
// reviewed, voided and mailed, a journal entry awaiting the audit committee, reconciliations done, reviewed
// and due, and a gifts register. Steps run as the system under the named person with no roles, so every
// step here must be one the guards allow.
import {
  addDays,
  addMonths,
  type CalendarDate,
  diffDays,
  lastDayOfMonth,
  parseDate,
} from '../../../kernel/index.ts';
import type { DemoRecord } from '../../framework.ts';

// The people of the demo district.
const MARIA = 'Maria Chen'; // teacher, Lincoln Elementary, holder of card 4821
const JAMES = 'James Ortiz'; // coach, Athletics
const PRIYA = 'Priya Shah'; // teacher, Lincoln Elementary
const DANA = 'Dana Reyes'; // district office
const KEVIN = 'Kevin Walsh'; // assistant coach
const BROOKS = 'Dr. Alan Brooks'; // principal, Lincoln Elementary (administration)
const KAREN = 'Karen Mills'; // athletic director (supervisor)
const BECKER = 'Tom Becker'; // business administrator
const PARK = 'Dr. Linda Park'; // superintendent
const RUTH = 'Ruth Alvarez'; // accounting/front office
const ANGELA = 'Angela Ruiz'; // receptionist, outside the cash-disbursement process
const HELEN = 'Helen Cho'; // audit committee
const GRACE = 'Grace Kim'; // purchasing agent

export function controlsDemo(today: string): DemoRecord[] {
  const t = parseDate(today, 'today');
  const day = (n: number): CalendarDate => addDays(t, -n);
  const ago = (d: CalendarDate) => diffDays(t, d);
  const monthsBack = (n: number) => addMonths(parseDate(`${t.slice(0, 7)}-01`, 'today'), -n);
  const lastMonth = monthsBack(1).slice(0, 7);
  const monthBefore = monthsBack(2).slice(0, 7);
  const endLast = lastDayOfMonth(monthsBack(1));
  const endBefore = lastDayOfMonth(monthsBack(2));
  /** days ago of `n` days after a date, never in the future */
  const after = (d: CalendarDate, n: number) => Math.max(0, ago(d) - n);

  const card4821 = { cardId: '4821', cardType: 'assigned', holder: MARIA };
  const shared = {
    cardId: '7730',
    cardType: 'shared',
    holder: JAMES,
    checkedOutBy: JAMES,
  };

  return [
    // Purchase cards (F).
    {
      kind: 'card-transaction',
      unit: 'Lincoln Elementary',
      data: {
        ...card4821,
        merchant: 'Office Depot',
        description: 'Chart paper and markers for grade 3',
        transactionDate: day(12),
        amountCents: 18_437,
        receiptRetained: true,
      },
      transitions: [{ name: 'reconcile', daysAgo: 5, by: MARIA }],
    },
    {
      // Over $1,000 and never pre-approved (F.3): it cannot be reconciled until administration acts.
      kind: 'card-transaction',
      unit: 'Lincoln Elementary',
      data: {
        ...card4821,
        merchant: 'Amazon Business',
        description: 'Classroom document camera',
        transactionDate: day(8),
        amountCents: 124_900,
        receiptRetained: true,
      },
    },
    {
      kind: 'card-transaction',
      unit: 'Lincoln Elementary',
      data: {
        ...card4821,
        merchant: 'Scholastic Book Fairs',
        description: 'Library books',
        transactionDate: day(3),
        amountCents: 31_250,
      },
    },
    {
      kind: 'card-transaction',
      unit: 'Athletics',
      data: {
        ...shared,
        checkedOutOn: day(6),
        returnedOn: day(4),
        merchant: "Sportsman's Warehouse",
        description: 'Team first-aid kits',
        transactionDate: day(5),
        amountCents: 48_620,
        receiptRetained: true,
      },
      transitions: [{ name: 'reconcile', daysAgo: 2, by: RUTH }],
    },
    {
      // Two purchases at one merchant a day apart, each under $1,000 and together over it (B.3.a(1)).
      kind: 'card-transaction',
      unit: 'Athletics',
      data: {
        ...shared,
        checkedOutOn: day(11),
        returnedOn: day(9),
        merchant: 'Riddell',
        description: 'Helmets (first order)',
        transactionDate: day(10),
        amountCents: 70_000,
        receiptRetained: true,
      },
    },
    {
      kind: 'card-transaction',
      unit: 'Athletics',
      data: {
        ...shared,
        checkedOutOn: day(11),
        returnedOn: day(9),
        merchant: 'Riddell',
        description: 'Helmets (second order)',
        transactionDate: day(9),
        amountCents: 65_000,
        receiptRetained: true,
      },
    },
    {
      // The month before last: certified, approved by the principal, payment approved and paid (F.5–F.8).
      kind: 'card-statement',
      unit: 'Lincoln Elementary',
      data: {
        ...card4821,
        statementMonth: monthBefore,
        statementBalanceCents: 64_218,
        transactionCount: 6,
        receiptsAttached: true,
      },
      transitions: [
        { name: 'certify', daysAgo: after(endBefore, 5), by: MARIA },
        { name: 'approve', daysAgo: after(endBefore, 8), by: BROOKS },
        { name: 'approve-payment', daysAgo: after(endBefore, 9), by: BROOKS },
        { name: 'pay', daysAgo: after(endBefore, 10), by: RUTH },
      ],
    },
    {
      // Last month: certified by the card user, awaiting administration's review (F.6, L.2).
      kind: 'card-statement',
      unit: 'Lincoln Elementary',
      data: {
        ...card4821,
        statementMonth: lastMonth,
        statementBalanceCents: 103_218,
        transactionCount: 9,
        receiptsAttached: true,
      },
      transitions: [{ name: 'certify', daysAgo: after(endLast, 3), by: MARIA }],
    },

    // Travel (G).
    {
      // In state; back 27 days ago, so the travel reimbursement form is due in 3 days (G.2.a).
      kind: 'travel',
      unit: 'Lincoln Elementary',
      data: {
        traveler: PRIYA,
        purpose: 'UCET educational technology conference',
        destinations: ['Salt Lake City'],
        travelType: 'in-state',
        departOn: day(29),
        departTime: '06:30',
        returnOn: day(27),
        returnTime: '19:15',
        registrationOn: day(60),
        estimatedTravelCents: 14_500,
        estimatedLodgingCents: 31_800,
        estimatedPerDiemCents: 12_300,
        personalVehicle: true,
        miles: 290,
      },
      transitions: [
        { name: 'submit', daysAgo: 65, by: PRIYA },
        { name: 'approve', daysAgo: 63, by: BROOKS },
      ],
    },
    {
      // Out of state, approved by the athletic director and the superintendent before registering and
      // booking (G.1.b–c); back 37 days ago and the reimbursement form is a week overdue (G.2.a).
      kind: 'travel',
      unit: 'Athletics',
      data: {
        traveler: JAMES,
        purpose: 'State coaches clinic',
        destinations: ['Boise, Idaho'],
        travelType: 'out-of-state',
        departOn: day(40),
        returnOn: day(37),
        registrationOn: day(70),
        bookedOn: day(68),
        estimatedTravelCents: 42_000,
        estimatedLodgingCents: 45_900,
        estimatedPerDiemCents: 20_500,
      },
      transitions: [
        { name: 'submit', daysAgo: 75, by: JAMES },
        { name: 'approve', daysAgo: 74, by: KAREN },
        { name: 'approve-administrator', daysAgo: 73, by: PARK },
      ],
    },
    {
      kind: 'travel',
      unit: 'District office',
      data: {
        traveler: DANA,
        purpose: 'USBE school finance training',
        destinations: ['St. George'],
        travelType: 'in-state',
        departOn: day(50),
        departTime: '07:00',
        returnOn: day(48),
        returnTime: '18:30',
        registrationOn: day(78),
        estimatedTravelCents: 0,
        estimatedLodgingCents: 23_800,
        estimatedPerDiemCents: 8_400,
        expenses: [
          { type: 'lodging', description: 'Two nights', amountCents: 23_800, receipt: true },
          { type: 'parking', amountCents: 2_400, receipt: true },
        ],
        perDiemClaimedCents: 8_400,
        departureReturnDocumented: true,
      },
      transitions: [
        { name: 'submit', daysAgo: 80, by: DANA },
        { name: 'approve', daysAgo: 79, by: BECKER },
        { name: 'claim', daysAgo: 40, by: DANA },
        { name: 'approve-reimbursement', daysAgo: 38, by: BECKER },
      ],
    },

    // Reimbursement requests (H).
    {
      kind: 'reimbursement',
      unit: 'Lincoln Elementary',
      data: {
        requestor: MARIA,
        purpose: 'Science lab supplies',
        items: [
          {
            description: 'Baking soda, vinegar, food colouring',
            vendor: 'Target',
            spentOn: day(9),
            amountCents: 4_612,
            detailedReceipt: true,
          },
        ],
        justification: 'Needed the same day for a grade 3 lab; the store does not take purchase orders.',
      },
      transitions: [{ name: 'submit', daysAgo: 6, by: MARIA }],
    },
    {
      kind: 'reimbursement',
      unit: 'Athletics',
      data: {
        requestor: KEVIN,
        purpose: 'Ice for the home tournament',
        items: [
          {
            description: 'Bagged ice',
            vendor: "Smith's",
            spentOn: day(22),
            amountCents: 3_240,
            detailedReceipt: true,
          },
        ],
        justification: 'Bought on the morning of the tournament when the cooler failed.',
      },
      transitions: [
        { name: 'submit', daysAgo: 20, by: KEVIN },
        { name: 'approve', daysAgo: 18, by: KAREN },
        { name: 'pay', daysAgo: 15, by: RUTH },
      ],
    },

    // Checks (J).
    {
      kind: 'check',
      unit: 'District office',
      data: {
        checkNumber: '10452',
        bankAccount: 'Operating •••• 3310',
        payee: 'Utah Office Supply Co.',
        amountCents: 184_650,
        purpose: 'Copy paper, PO 2291',
        issuedBy: RUTH,
        issuedOn: day(4),
        supportingDocuments: ['purchase-order', 'invoice'],
      },
      transitions: [{ name: 'review', daysAgo: 3, by: BECKER }],
    },
    {
      kind: 'check',
      unit: 'District office',
      data: {
        checkNumber: '10447',
        bankAccount: 'Operating •••• 3310',
        payee: 'Riverside Printing',
        amountCents: 41_200,
        purpose: 'Programs (printed with the wrong amount; reissued as 10449)',
        issuedBy: RUTH,
        issuedOn: day(9),
        supportingDocuments: ['invoice'],
        voidWritten: true,
        checkRetained: true,
      },
      transitions: [{ name: 'void', daysAgo: 8, by: RUTH }],
    },
    {
      kind: 'check',
      unit: 'Athletics',
      data: {
        checkNumber: '10440',
        bankAccount: 'Operating •••• 3310',
        payee: 'Granite Bus Lines',
        amountCents: 230_000,
        purpose: 'Team transportation, region tournament',
        issuedBy: RUTH,
        issuedOn: day(15),
        supportingDocuments: ['invoice', 'contract'],
      },
      transitions: [
        { name: 'review', daysAgo: 14, by: BECKER },
        { name: 'sign', daysAgo: 13, by: PARK },
        { name: 'mail', daysAgo: 12, by: ANGELA },
      ],
    },

    // Journal entries and EFTs (K).
    {
      kind: 'journal-entry',
      unit: 'District office',
      data: {
        entryType: 'journal-entry',
        reference: 'JE-0187',
        description: 'Reclassify field-trip bus costs to Title I',
        amountCents: 125_000,
        entryDate: day(10),
        preparedBy: RUTH,
        supportingDocumentation: true,
        recordedOn: day(10),
      },
      transitions: [{ name: 'approve', daysAgo: 9, by: BECKER }],
    },
    {
      kind: 'journal-entry',
      unit: 'District office',
      data: {
        entryType: 'eft',
        reference: 'EFT-2290',
        description: 'State retirement contribution',
        amountCents: 1_842_055,
        entryDate: addDays(monthsBack(1), 4),
        preparedBy: RUTH,
        supportingDocumentation: true,
        recordedOn: addDays(monthsBack(1), 4),
      },
      transitions: [
        { name: 'approve', daysAgo: ago(addDays(monthsBack(1), 5)), by: BECKER },
        { name: 'audit-review', daysAgo: 2, by: HELEN },
      ],
    },

    // Bank reconciliations (L): the month before last done and reviewed; last month's operating account
    // due, the activity account's done and awaiting review.
    {
      kind: 'bank-reconciliation',
      unit: 'District office',
      data: { account: 'Operating •••• 3310', month: monthBefore },
      transitions: [
        { name: 'reconcile', daysAgo: after(endBefore, 6), by: RUTH },
        { name: 'review', daysAgo: after(endBefore, 9), by: BECKER },
      ],
    },
    {
      kind: 'bank-reconciliation',
      unit: 'District office',
      data: { account: 'Student activity •••• 5108', month: monthBefore },
      transitions: [
        { name: 'reconcile', daysAgo: after(endBefore, 7), by: RUTH },
        { name: 'review', daysAgo: after(endBefore, 9), by: HELEN },
      ],
    },
    {
      kind: 'bank-reconciliation',
      unit: 'District office',
      data: { account: 'Operating •••• 3310', month: lastMonth },
    },
    {
      kind: 'bank-reconciliation',
      unit: 'District office',
      data: { account: 'Student activity •••• 5108', month: lastMonth },
      transitions: [{ name: 'reconcile', daysAgo: after(endLast, 2), by: RUTH }],
    },

    // Gifts register (B.4).
    {
      kind: 'gift',
      unit: 'District office',
      data: {
        giver: 'Utah Office Supply Co.',
        giverType: 'vendor',
        giverHasContract: true,
        recipient: GRACE,
        recipientType: 'lea-employee',
        procurementDecisionAuthority: true,
        giftDate: day(7),
        valueCents: 600,
        description: 'Branded pen',
        category: 'token-item',
      },
      transitions: [{ name: 'accept', daysAgo: 6, by: BECKER }],
    },
    {
      kind: 'gift',
      unit: 'District office',
      data: {
        giver: 'Granite Bus Lines',
        giverType: 'vendor',
        giverHasContract: true,
        recipient: GRACE,
        recipientType: 'lea-employee',
        procurementDecisionAuthority: true,
        giftDate: day(3),
        valueCents: 4_500,
        description: 'Lunch at a steakhouse',
        category: 'meal',
      },
    },
  ];
}
