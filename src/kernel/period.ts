// Periods are first-class: policies speak of "the fiscal year", "the fall term", "the month".
// Every period is a closed range of calendar dates (end inclusive).
import {
  addDays,
  type CalendarDate,
  dateParts,
  daysInMonth,
  diffDays,
  isLeapYear,
  lastDayOfMonth,
  makeDate,
  parseDate,
} from './date.ts';
import { InvalidPeriodError } from './errors.ts';

export type PeriodKind = 'calendar-year' | 'fiscal-year' | 'academic-term' | 'month' | 'custom';

export interface Period {
  kind: PeriodKind;
  label: string;
  start: CalendarDate;
  end: CalendarDate;
}

export function calendarYear(year: number): Period {
  return {
    kind: 'calendar-year',
    label: String(year),
    start: makeDate(year, 1, 1),
    end: makeDate(year, 12, 31),
  };
}

export function calendarYearOf(d: CalendarDate): Period {
  return calendarYear(dateParts(d).year);
}

export function monthOf(d: CalendarDate): Period {
  const { year, month } = dateParts(d);
  return {
    kind: 'month',
    label: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    start: makeDate(year, month, 1),
    end: lastDayOfMonth(d),
  };
}

export interface FiscalYearConfig {
  /** 1..12; the month the fiscal year starts on the 1st of. */
  startMonth: number;
  /** 'end-year' (default): July 2025 – June 2026 is FY2026. 'start-year': it is FY2025. */
  naming?: 'end-year' | 'start-year';
}

function checkFiscal(cfg: FiscalYearConfig): void {
  if (!Number.isInteger(cfg.startMonth) || cfg.startMonth < 1 || cfg.startMonth > 12) {
    throw new InvalidPeriodError(
      `fiscal year start month ${String(cfg.startMonth)} is invalid; expected an integer 1 (January) to 12 (December)`,
      {
        startMonth: cfg.startMonth,
      },
    );
  }
}

function fiscalFromStartYear(startYear: number, cfg: FiscalYearConfig): Period {
  const s = cfg.startMonth;
  const start = makeDate(startYear, s, 1);
  const endYear = s === 1 ? startYear : startYear + 1;
  const endMonth = s === 1 ? 12 : s - 1;
  const end = makeDate(endYear, endMonth, daysInMonth(endYear, endMonth));
  const labelYear = (cfg.naming ?? 'end-year') === 'end-year' ? endYear : startYear;
  return { kind: 'fiscal-year', label: `FY${labelYear}`, start, end };
}

export function fiscalYearOf(d: CalendarDate, cfg: FiscalYearConfig): Period {
  checkFiscal(cfg);
  const { year, month } = dateParts(d);
  return fiscalFromStartYear(month >= cfg.startMonth ? year : year - 1, cfg);
}

/** The fiscal year whose label carries labelYear ("FY2026" → fiscalYear(2026, cfg)). */
export function fiscalYear(labelYear: number, cfg: FiscalYearConfig): Period {
  checkFiscal(cfg);
  const endNamed = (cfg.naming ?? 'end-year') === 'end-year' && cfg.startMonth !== 1;
  return fiscalFromStartYear(endNamed ? labelYear - 1 : labelYear, cfg);
}

export interface AcademicTermDef {
  name: string;
  /** 'MM-DD'; a term whose start is after its end runs into the next calendar year. */
  start: string;
  end: string;
}

export interface AcademicCalendar {
  terms: AcademicTermDef[];
}

export const DEFAULT_ACADEMIC_CALENDAR: AcademicCalendar = {
  terms: [
    { name: 'fall', start: '08-16', end: '12-31' },
    { name: 'spring', start: '01-01', end: '05-15' },
    { name: 'summer', start: '05-16', end: '08-15' },
  ],
};

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

function monthDay(text: string, term: string): { month: number; day: number } {
  const m = MONTH_DAY.exec(text);
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  // 2000 is a leap year, so 02-29 is accepted here and clamped per year below
  if (m === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
    throw new InvalidPeriodError(
      `academic term "${term}" has date ${JSON.stringify(text)}; expected 'MM-DD' such as '08-16'`,
      { term, text },
    );
  }
  return { month, day };
}

function onYear(year: number, md: { month: number; day: number }): CalendarDate {
  // 02-29 in a year without one means 02-28
  const day = md.month === 2 && md.day === 29 && !isLeapYear(year) ? 28 : md.day;
  return makeDate(year, md.month, day);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function termPeriod(def: AcademicTermDef, year: number): Period {
  const s = monthDay(def.start, def.name);
  const e = monthDay(def.end, def.name);
  const wraps = s.month > e.month || (s.month === e.month && s.day > e.day);
  return {
    kind: 'academic-term',
    label: `${capitalise(def.name)} ${year}`,
    start: onYear(year, s),
    end: onYear(wraps ? year + 1 : year, e),
  };
}

/** The term containing d (the first listed, should terms overlap), or undefined in a gap between terms. */
export function academicTermOf(d: CalendarDate, cal: AcademicCalendar): Period | undefined {
  const { year } = dateParts(d);
  for (const def of cal.terms) {
    // a wrapping term that contains d may have started in the previous year
    for (const y of [year, year - 1]) {
      if (y < 1) continue;
      const p = termPeriod(def, y);
      if (periodContains(p, d)) return p;
    }
  }
  return undefined;
}

/** The term named `name` (case-insensitive) that starts in `year`. */
export function academicTerm(name: string, year: number, cal: AcademicCalendar): Period {
  const def = cal.terms.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (def === undefined) {
    throw new InvalidPeriodError(
      `no academic term named "${name}"; the calendar defines: ${cal.terms.map((t) => t.name).join(', ')}`,
      {
        name,
      },
    );
  }
  return termPeriod(def, year);
}

export function customPeriod(start: string, end: string, label?: string): Period {
  const s = parseDate(start, 'period start');
  const e = parseDate(end, 'period end');
  if (e < s) {
    throw new InvalidPeriodError(
      `period ends on ${e}, before it starts on ${s}; expected an end on or after the start`,
      { start: s, end: e },
    );
  }
  return { kind: 'custom', label: label ?? `${s} to ${e}`, start: s, end: e };
}

export function periodContains(p: Period, d: CalendarDate): boolean {
  return p.start <= d && d <= p.end;
}

/** Number of days in the period, counting both ends. */
export function periodDays(p: Period): number {
  return diffDays(p.end, p.start) + 1;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The day after the period ends: where "the next period" of the same kind starts. */
export function dayAfter(p: Period): CalendarDate {
  return addDays(p.end, 1);
}
