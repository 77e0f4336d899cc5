// Travel (G; C.3): the travel authorization approved by the immediate supervisor before registration or
// booking (G.1.b), out of state also by the applicable administrator (G.1.c); after return, the mileage
// form within 45 days (G.1.a) and the travel reimbursement form within 30 (G.2.a), with receipts, per-diem
// meals and nothing an outside entity reimburses.
import {
  addDays,
  type CalendarDate,
  defineRule,
  type FindingDraft,
  formatMoney,
  isBefore,
  isOnOrAfter,
  sumMoney,
} from '../../../kernel/index.ts';
import type { TravelFacts } from '../schemas/travel.ts';
import { ADOPTED, section } from '../source.ts';
import { deadline, samePerson } from './controls-common.ts';

const TRAVEL = ['travel'];

/** Registration and booking dates given, named for messages. */
function arrangements(f: TravelFacts): { what: string; on: CalendarDate }[] {
  return [
    ...(f.registrationOn === undefined ? [] : [{ what: 'registered', on: f.registrationOn }]),
    ...(f.bookedOn === undefined ? [] : [{ what: 'booked travel', on: f.bookedOn }]),
  ];
}

/** Findings for one approval that must come before registration, booking and departure. */
function approvalBeforeArrangements(
  f: TravelFacts,
  asOf: CalendarDate,
  approvedOn: CalendarDate | undefined,
  who: string,
  clause: string,
): FindingDraft[] {
  const acts = arrangements(f);
  if (approvedOn !== undefined) {
    const early = acts.filter((a) => isBefore(a.on, approvedOn));
    if (early.length === 0) return [];
    return [
      {
        kind: 'violation',
        severity: 'medium',
        message: `${f.traveler} ${early.map((a) => `${a.what} on ${a.on}`).join(' and ')}, before ${who} approved the travel authorization on ${approvedOn}; authorizations are approved before registration or booking (${clause}).`,
        subject: f.traveler,
        values: { approvedOn, early: early.map((a) => a.on) },
      },
    ];
  }
  if (acts.length > 0) {
    return [
      {
        kind: 'violation',
        severity: 'medium',
        message: `${f.traveler} ${acts.map((a) => `${a.what} on ${a.on}`).join(' and ')} without a travel authorization approved by ${who} (${clause}).`,
        subject: f.traveler,
        values: { early: acts.map((a) => a.on) },
      },
    ];
  }
  if (isOnOrAfter(asOf, f.departOn)) {
    return [
      {
        kind: 'violation',
        severity: 'medium',
        message: `The trip to ${f.destinations.join(', ')} began on ${f.departOn} without a travel authorization approved by ${who} (${clause}).`,
        subject: f.traveler,
      },
    ];
  }
  return [
    {
      kind: 'requirement',
      message: `${who.charAt(0).toUpperCase()}${who.slice(1)} approves the travel authorization before any registration or booking, and before departure on ${f.departOn} (${clause}).`,
      due: addDays(f.departOn, -1),
    },
  ];
}

export const travelAuthorization = defineRule<TravelFacts>({
  id: 'lea-finance.travel.authorization-before-booking',
  title: 'The immediate supervisor approves the travel authorization before registration or booking',
  citations: [section('G.1.b')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f, ctx) {
    return approvalBeforeArrangements(
      f,
      ctx.asOf,
      f.supervisorApprovedOn,
      "the traveler's immediate supervisor",
      'G.1.b',
    );
  },
});

export const travelOutOfState = defineRule<TravelFacts>({
  id: 'lea-finance.travel.out-of-state-approval',
  title: 'Out-of-state travel is approved by the immediate supervisor and the applicable administrator',
  citations: [section('G.1.c'), section('G.1.b')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f, ctx) {
    if (f.travelType !== 'out-of-state') return [];
    const out = approvalBeforeArrangements(
      f,
      ctx.asOf,
      f.administratorApprovedOn,
      'the applicable administrator',
      'G.1.c',
    );
    if (
      f.administratorApprovedBy !== undefined &&
      samePerson(f.administratorApprovedBy, f.supervisorApprovedBy)
    ) {
      out.push({
        kind: 'notice',
        severity: 'low',
        message: `${f.administratorApprovedBy} approved the out-of-state trip both as immediate supervisor and as administrator; G.1.c asks for both approvals, so confirm no one else is the applicable administrator.`,
        subject: f.administratorApprovedBy,
      });
    }
    return out;
  },
});

export const travelSelfApproval = defineRule<TravelFacts>({
  id: 'lea-finance.travel.self-approval',
  title: 'A traveler does not approve their own travel or reimbursement',
  citations: [section('G.1.b'), section('G.1.c'), section('G.2.a')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f) {
    const approvals: [string | undefined, string][] = [
      [f.supervisorApprovedBy, 'travel authorization'],
      [f.administratorApprovedBy, 'out-of-state approval'],
      [f.reimbursementApprovedBy, 'travel reimbursement'],
    ];
    return approvals
      .filter(([by]) => samePerson(by, f.traveler))
      .map(([, what]) => ({
        kind: 'violation' as const,
        severity: 'critical' as const,
        message: `${f.traveler} is the traveler and cannot give the ${what}; the immediate supervisor (for an administrator, the superintendent or board chair) does (G.1.b).`,
        subject: f.traveler,
        values: { approval: what },
      }));
  },
});

export const travelAuthorizationContent = defineRule<TravelFacts>({
  id: 'lea-finance.travel.authorization-content',
  title: 'The travel authorization estimates travel cost, lodging and per diem',
  citations: [section('G.1.b')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f) {
    const missing = [
      ...(f.estimatedTravelCents === undefined ? ['travel cost'] : []),
      ...(f.estimatedLodgingCents === undefined ? ['lodging'] : []),
      ...(f.estimatedPerDiemCents === undefined ? ['per diem'] : []),
    ];
    if (missing.length === 0) return [];
    const list = missing.join(', ');
    if (f.supervisorApprovedOn !== undefined || f.supervisorApprovedBy !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'low',
          message: `The travel authorization was approved without an estimate of ${list}; the form must include them (G.1.b).`,
          values: { missing },
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `The travel authorization must include the estimate of ${list} (0 when none) before it is approved (G.1.b).`,
        values: { missing },
      },
    ];
  },
});

/** A form the traveler completes within a number of days of return (G.1.a, G.2.a). */
function formAfterReturn(p: {
  id: string;
  title: string;
  clause: 'G.1.a' | 'G.2.a';
  param: string;
  form: string;
  applies: (f: TravelFacts) => boolean;
  doneOn: (f: TravelFacts) => CalendarDate | undefined;
}) {
  return defineRule<TravelFacts>({
    id: p.id,
    title: p.title,
    citations: [section(p.clause)],
    effective: { from: ADOPTED },
    appliesTo: TRAVEL,
    evaluate(f, ctx) {
      if (!p.applies(f)) return [];
      const days = ctx.param<number>(p.param);
      return deadline({
        asOf: ctx.asOf,
        due: addDays(f.returnOn, days),
        doneOn: p.doneOn(f),
        what: `${f.traveler}'s ${p.form}`,
        done: 'completed',
        clause: `${days} days after return on ${f.returnOn}, ${p.clause}`,
        values: { returnOn: f.returnOn, days },
      });
    },
  });
}

export const travelMileageDeadline = formAfterReturn({
  id: 'lea-finance.travel.mileage-deadline',
  title: 'The mileage reimbursement form is completed within 45 days of return',
  clause: 'G.1.a',
  param: 'lea-finance.travel.mileage_days',
  form: 'mileage reimbursement form',
  applies: (f) => f.personalVehicle,
  doneOn: (f) => f.mileageFormOn,
});

export const travelMileageForm = defineRule<TravelFacts>({
  id: 'lea-finance.travel.mileage-form',
  title: 'The mileage form gives the times of departure and return and the mileage',
  citations: [section('G.1.a')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f) {
    if (!f.personalVehicle || f.mileageFormOn === undefined) return [];
    const missing = [
      ...(f.departTime === undefined ? ['time of departure'] : []),
      ...(f.returnTime === undefined ? ['time of return'] : []),
      ...(f.miles === undefined ? ['mileage'] : []),
    ];
    if (missing.length === 0) return [];
    return [
      {
        kind: 'violation',
        severity: 'low',
        message: `The mileage reimbursement form completed on ${f.mileageFormOn} lacks the ${missing.join(', ')} (G.1.a).`,
        values: { missing },
      },
    ];
  },
});

export const travelReimbursementDeadline = formAfterReturn({
  id: 'lea-finance.travel.reimbursement-deadline',
  title: 'The travel reimbursement form is completed within 30 days of return',
  clause: 'G.2.a',
  param: 'lea-finance.travel.reimbursement_days',
  form: 'travel reimbursement form',
  applies: (f) => !f.noReimbursement,
  doneOn: (f) => f.reimbursementFormOn,
});

export const travelReceipts = defineRule<TravelFacts>({
  id: 'lea-finance.travel.receipts',
  title: 'Travel expenses are reimbursed only with receipts, unless the supervisor expressly approves',
  citations: [section('G.2.a')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f) {
    const unsupported = f.expenses.filter(
      (e) =>
        e.type !== 'meals' &&
        e.amountCents > 0 &&
        !e.receipt &&
        !e.approvedWithoutReceipt &&
        !e.reimbursedByOutsideEntity,
    );
    if (unsupported.length === 0) return [];
    const total = sumMoney(unsupported.map((e) => e.amountCents));
    const kinds = [...new Set(unsupported.map((e) => e.type))].join(', ');
    const values = { unsupportedCents: total, count: unsupported.length };
    if (f.reimbursementApprovedOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `${formatMoney(total)} of ${kinds} was approved for reimbursement on ${f.reimbursementApprovedOn} without receipts or the supervisor's express approval in extraordinary circumstances (G.2.a).`,
          values,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Attach receipts for ${formatMoney(total)} of ${kinds}; without them it is not reimbursed unless the supervisor expressly approves in extraordinary circumstances (G.2.a).`,
        values,
      },
    ];
  },
});

export const travelPerDiem = defineRule<TravelFacts>({
  id: 'lea-finance.travel.per-diem',
  title: 'Meals are reimbursed at the per-diem rate, with departure and return times documented',
  citations: [section('G.2.a')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f) {
    const out: FindingDraft[] = [];
    const meals = sumMoney(f.expenses.filter((e) => e.type === 'meals').map((e) => e.amountCents));
    if (meals > 0) {
      const text = `${formatMoney(meals)} of meals is claimed at actual cost; the LEA reimburses food at the per-diem rate, so claim it as per diem instead (G.2.a).`;
      out.push(
        f.reimbursementFormOn !== undefined
          ? { kind: 'violation', severity: 'medium', message: text, values: { mealsCents: meals } }
          : { kind: 'requirement', message: text, values: { mealsCents: meals } },
      );
    }
    if (f.perDiemClaimedCents > 0 && !f.departureReturnDocumented) {
      const text = `The ${formatMoney(f.perDiemClaimedCents)} per diem needs a conference agenda, mileage log or other document supporting the times of departure and return (G.2.a).`;
      out.push(
        f.reimbursementApprovedOn !== undefined
          ? {
              kind: 'violation',
              severity: 'medium',
              message: text,
              values: { perDiemCents: f.perDiemClaimedCents },
            }
          : { kind: 'requirement', message: text, values: { perDiemCents: f.perDiemClaimedCents } },
      );
    }
    return out;
  },
});

export const travelOutsideReimbursed = defineRule<TravelFacts>({
  id: 'lea-finance.travel.outside-reimbursed',
  title: 'Expenses an outside entity reimburses are not claimed from the LEA',
  citations: [section('C.3')],
  effective: { from: ADOPTED },
  appliesTo: TRAVEL,
  evaluate(f) {
    const outside = f.expenses.filter((e) => e.reimbursedByOutsideEntity && e.amountCents > 0);
    if (outside.length === 0) return [];
    const total = sumMoney(outside.map((e) => e.amountCents));
    const values = { outsideCents: total };
    if (f.reimbursementFormOn !== undefined) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `The travel reimbursement form claims ${formatMoney(total)} that an outside entity reimburses; such expenses are not submitted to the LEA (C.3).`,
          subject: f.traveler,
          values,
        },
      ];
    }
    return [
      {
        kind: 'requirement',
        message: `Leave the ${formatMoney(total)} an outside entity reimburses off the travel reimbursement form (C.3).`,
        values,
      },
    ];
  },
});

export const travelRules = [
  travelAuthorization,
  travelOutOfState,
  travelSelfApproval,
  travelAuthorizationContent,
  travelMileageDeadline,
  travelMileageForm,
  travelReimbursementDeadline,
  travelReceipts,
  travelPerDiem,
  travelOutsideReimbursed,
];
