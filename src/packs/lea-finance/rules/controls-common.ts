// Small judgements the disbursement-control rules share: whether two names are one person, what a stamped
// role list says, and how a day-count deadline reads once the act is (or is not yet) done.
import {
  addDays,
  addMonths,
  type CalendarDate,
  diffDays,
  type FindingDraft,
  isAfter,
  lastDayOfMonth,
  parseDate,
} from '../../../kernel/index.ts';

/** The accounting/front office: issues checks, disburses cash, records journal entries (A.1, A.2, J.1, K.1). */
export const ACCOUNTING_ROLE = 'lea-finance.accounting';
/** Roles that are "administration" in the policy's sense (F.6, K.4, L.2). */
export const ADMINISTRATION_ROLES = [
  'lea-finance.administration',
  'lea-finance.business-administrator',
  'lea-finance.superintendent',
] as const;

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Two names are one person when they match trimmed and case-insensitively; an empty name matches nobody. */
export function samePerson(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = norm(a);
  return x !== '' && x === norm(b);
}

/**
 * Whether stamped roles include `role`. A missing role list is unknown (imported history, the system's
 * demo steps): it never counts as holding the role, so no rule finds a violation in what it cannot know.
 */
export function holdsRole(roles: readonly string[] | undefined, role: string): boolean {
  return roles?.includes(role) === true;
}

export function holdsAnyRole(roles: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return roles?.some((r) => wanted.includes(r)) === true;
}

/** Last day of a month written YYYY-MM. */
export function endOfMonth(month: string): CalendarDate {
  return lastDayOfMonth(parseDate(`${month}-01`, 'month'));
}

/** "N calendar days after the end of the month": the month's last day plus N. */
export function daysAfterMonthEnd(month: string, days: number): CalendarDate {
  return addDays(endOfMonth(month), days);
}

/** The last day of the month `months` months after the month of `d` (K.5's monthly review). */
export function endOfMonthAfter(d: CalendarDate, months: number): CalendarDate {
  return lastDayOfMonth(addMonths(parseDate(`${d.slice(0, 7)}-01`, 'date'), months));
}

/**
 * A deadline read as of `asOf`: done on or before `due` is a value (so the record is no longer due);
 * done after it is a violation; not done is a deadline until `due` passes and a violation after.
 * Only an open deadline carries `due`, so a finished record never shows as due on a dashboard.
 */
export function deadline(p: {
  asOf: CalendarDate;
  due: CalendarDate;
  doneOn: CalendarDate | undefined;
  /** "The travel reimbursement form" */
  what: string;
  /** "completed" */
  done: string;
  clause: string;
  values?: Record<string, unknown>;
}): FindingDraft[] {
  const values = { due: p.due, ...p.values };
  if (p.doneOn !== undefined) {
    if (isAfter(p.doneOn, p.due)) {
      const late = diffDays(p.doneOn, p.due);
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `${p.what} was ${p.done} on ${p.doneOn}, ${late} day${late === 1 ? '' : 's'} after it was due on ${p.due} (${p.clause}).`,
          values: { ...values, doneOn: p.doneOn, daysLate: late },
        },
      ];
    }
    return [
      {
        kind: 'value',
        message: `${p.what} was ${p.done} on ${p.doneOn}, on time (due ${p.due}).`,
        values: { ...values, doneOn: p.doneOn },
      },
    ];
  }
  if (isAfter(p.asOf, p.due)) {
    const late = diffDays(p.asOf, p.due);
    return [
      {
        kind: 'violation',
        severity: 'medium',
        message: `${p.what} is overdue: it was due on ${p.due} (${p.clause}) and is ${late} day${late === 1 ? '' : 's'} late.`,
        due: p.due,
        values: { ...values, daysLate: late },
      },
    ];
  }
  return [
    {
      kind: 'deadline',
      message: `${p.what} is due by ${p.due} (${p.clause}).`,
      due: p.due,
      values,
    },
  ];
}

/** The pack's role ids (declared in index.ts) as the workflows name them. */
export const R = {
  requestor: 'lea-finance.requestor',
  supervisor: 'lea-finance.supervisor',
  businessAdministrator: 'lea-finance.business-administrator',
  superintendent: 'lea-finance.superintendent',
  board: 'lea-finance.board',
  purchasing: 'lea-finance.purchasing',
  accounting: ACCOUNTING_ROLE,
  administration: 'lea-finance.administration',
  auditCommittee: 'lea-finance.audit-committee',
  orgAdmin: 'org-admin',
} as const;

/**
 * Who may approve as an employee's immediate supervisor: the supervisor, or for an administrator or board
 * employee the superintendent or board chair (G.1.b, H.1), and administration above them.
 */
export const IMMEDIATE_SUPERVISORS = [
  R.supervisor,
  R.administration,
  R.businessAdministrator,
  R.superintendent,
  R.board,
  R.orgAdmin,
] as const;

/** Administration and those above it: out-of-state travel's applicable administrator (G.1.c), check signers (J.2). */
export const ADMINISTRATORS = [
  R.administration,
  R.businessAdministrator,
  R.superintendent,
  R.board,
  R.orgAdmin,
] as const;
