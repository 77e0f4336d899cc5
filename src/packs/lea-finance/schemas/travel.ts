// A trip by one traveler (G): the travel authorization form approved before registration or booking
// (G.1.b), out of state also by the applicable administrator (G.1.c), then the mileage (G.1.a) and travel
// reimbursement (G.2.a) forms after return, with receipts and per-diem meals.
import { z } from 'zod';
import { zCalendarDate, zCents } from '../../../kernel/index.ts';
import { stampBy, stampOn, stampRoles } from './controls-common.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (24-hour)');

export const travelExpense = z.object({
  type: z
    .enum([
      'lodging',
      'airfare',
      'taxi',
      'parking',
      'other-transportation',
      'baggage',
      'registration',
      'meals',
      'other',
    ])
    .meta({
      title: 'Expense',
      description:
        'every expense but meals needs a receipt (G.2.a: lodging, airfare, taxi, parking, other transportation, baggage …); meals are reimbursed by per diem, not actual cost',
    }),
  description: z
    .string()
    .trim()
    .max(300)
    .optional()
    .meta({ title: 'Description', description: 'what it was' }),
  amountCents: zCents.min(0, 'must not be negative').meta({ title: 'Amount claimed' }),
  receipt: z
    .boolean()
    .default(false)
    .meta({ title: 'Receipt attached', description: 'the receipt is attached' }),
  approvedWithoutReceipt: z.boolean().default(false).meta({
    title: 'Supervisor approved without receipt',
    description:
      'the supervisor expressly approved it without a receipt in extraordinary circumstances (G.2.a)',
  }),
  reimbursedByOutsideEntity: z.boolean().default(false).meta({
    title: 'Reimbursed by an outside entity',
    description: 'an outside entity reimburses this expense, so it is not claimed from the LEA (C.3)',
  }),
});
export type TravelExpense = z.infer<typeof travelExpense>;

export const travelFacts = z.object({
  traveler: z
    .string()
    .trim()
    .min(1)
    .meta({ title: 'Traveler', description: 'the employee traveling (one form per traveler)' }),
  purpose: z.string().trim().min(1).max(500).meta({ title: 'Purpose', description: 'the purpose of travel' }),
  destinations: z
    .array(z.string().trim().min(1))
    .min(1, 'name at least one destination')
    .meta({ title: 'Destinations', description: 'where the traveler goes' }),
  travelType: z.enum(['in-state', 'out-of-state']).meta({
    title: 'In state or out of state',
    description: 'out-of-state travel also needs the applicable administrator’s approval (G.1.c)',
  }),
  departOn: zCalendarDate.meta({ title: 'Departure date' }),
  departTime: time.optional().meta({ title: 'Departure time', description: 'time of departure, HH:MM' }),
  returnOn: zCalendarDate.meta({ title: 'Return date' }),
  returnTime: time.optional().meta({ title: 'Return time', description: 'time of return, HH:MM' }),
  registrationOn: zCalendarDate.optional().meta({
    title: 'Registered on',
    description: 'the date of registration for the conference or event, if any (G.1.b: after authorization)',
  }),
  bookedOn: zCalendarDate.optional().meta({
    title: 'First booking on',
    description: 'the date the first travel arrangement was purchased or booked (G.1.b: after authorization)',
  }),
  estimatedTravelCents: zCents.min(0).optional().meta({
    title: 'Estimated travel cost',
    description: 'the estimate of travel cost on the authorization form (G.1.b)',
  }),
  estimatedLodgingCents: zCents.min(0).optional().meta({
    title: 'Estimated lodging',
    description: 'the estimated lodging cost (G.1.b); 0 when none',
  }),
  estimatedPerDiemCents: zCents.min(0).optional().meta({
    title: 'Estimated per diem',
    description: 'the estimated per diem (G.1.b); 0 when none',
  }),
  submittedBy: stampBy('Authorization submitted by', 'Submit'),
  submittedOn: stampOn('Authorization submitted on', 'Submit'),
  supervisorApprovedBy: stampBy('Approved by (immediate supervisor)', 'Approve'),
  supervisorApprovedOn: stampOn('Supervisor approved on', 'Approve'),
  supervisorRoles: stampRoles('Supervisor roles', 'Approve'),
  administratorApprovedBy: stampBy('Approved by (administrator)', 'Approve as administrator'),
  administratorApprovedOn: stampOn('Administrator approved on', 'Approve as administrator'),
  administratorRoles: stampRoles('Administrator roles', 'Approve as administrator'),
  personalVehicle: z.boolean().default(false).meta({
    title: 'Mileage claimed',
    description: 'the traveler drove a personal vehicle and claims mileage (G.1.a)',
  }),
  miles: z.int().min(0).optional().meta({ title: 'Miles', description: 'miles driven, on the mileage form' }),
  mileageFormOn: zCalendarDate.optional().meta({
    title: 'Mileage form completed on',
    description: 'the date the mileage reimbursement form was completed (G.1.a: within 45 days of return)',
  }),
  noReimbursement: z.boolean().default(false).meta({
    title: 'Nothing to reimburse',
    description: 'the LEA paid everything directly and the traveler claims no reimbursement',
  }),
  expenses: z.array(travelExpense).default([]).meta({
    title: 'Expenses claimed',
    description: 'the expenses on the travel reimbursement form',
  }),
  perDiemClaimedCents: zCents.min(0).default(0).meta({
    title: 'Per diem claimed',
    description: 'meals claimed at the state per diem rate (G.2.a)',
  }),
  departureReturnDocumented: z.boolean().default(false).meta({
    title: 'Departure and return times documented',
    description:
      'a conference agenda, mileage log or other document supporting the times of departure and return is attached (G.2.a)',
  }),
  claimedBy: stampBy('Reimbursement claimed by', 'Claim reimbursement'),
  reimbursementFormOn: stampOn('Travel reimbursement form completed on', 'Claim reimbursement'),
  reimbursementApprovedBy: stampBy('Reimbursement approved by', 'Approve reimbursement'),
  reimbursementApprovedOn: stampOn('Reimbursement approved on', 'Approve reimbursement'),
  reimbursementApproverRoles: stampRoles('Reimbursement approver roles', 'Approve reimbursement'),
});
export type TravelFacts = z.infer<typeof travelFacts>;
