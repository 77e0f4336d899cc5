// Calendar dates without a time zone, held as 'YYYY-MM-DD' strings. Policies count days on the
// calendar, not instants, so arithmetic works on day numbers from a pure integer civil algorithm
// (Howard Hinnant's days_from_civil) and never touches Date or the machine's time zone.
import { InvalidDateError } from './errors.ts';

export type CalendarDate = string & { readonly __calendarDate: true };

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXPECTED = 'expected a calendar date YYYY-MM-DD';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const n = MONTH_DAYS[month - 1];
  if (n === undefined)
    throw new InvalidDateError(`month ${month} does not exist; expected 1 to 12`, { month });
  return n;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function unchecked(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const m = DATE_PATTERN.exec(s);
  return m !== null && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseDate(s: string, field?: string): CalendarDate {
  if (isCalendarDate(s)) return s;
  const where = field === undefined ? '' : `${field}: `;
  const shown = typeof s === 'string' ? JSON.stringify(s) : String(s);
  const why = typeof s === 'string' && DATE_PATTERN.test(s) ? ' does not exist' : ' is not in the right form';
  throw new InvalidDateError(`${where}${shown}${why}; ${EXPECTED} (years 0001–9999) that exists`, {
    ...(field === undefined ? {} : { field }),
    text: typeof s === 'string' ? s : String(s),
  });
}

export function makeDate(year: number, month: number, day: number): CalendarDate {
  if (!validParts(year, month, day)) {
    throw new InvalidDateError(
      `year ${year}, month ${month}, day ${day} is not a date that exists; ${EXPECTED} (years 0001–9999)`,
      {
        year,
        month,
        day,
      },
    );
  }
  return unchecked(year, month, day);
}

export function dateParts(d: CalendarDate): DateParts {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

const MIN_DAY = -719162; // 0001-01-01
const MAX_DAY = 2932896; // 9999-12-31

export function toDayNumber(d: CalendarDate): number {
  const { year, month, day } = dateParts(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) {
    throw new InvalidDateError(`day number ${n} falls outside 0001-01-01..9999-12-31; ${EXPECTED}`, {
      dayNumber: n,
    });
  }
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return unchecked(year, month, day);
}

/** n calendar days after d (before, when n is negative). */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** later − earlier, in calendar days. */
export function diffDays(later: CalendarDate, earlier: CalendarDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/** Convention: the same day of the month n months later; when that month is shorter, its last day
 * (2024-01-31 + 1 month = 2024-02-29; 2025-01-31 + 1 month = 2025-02-28). */
export function addMonths(d: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n))
    throw new InvalidDateError(`cannot add ${n} months; expected a whole number of months`, { months: n });
  const { year, month, day } = dateParts(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) {
    throw new InvalidDateError(`${d} + ${n} months falls outside years 0001–9999`, { date: d, months: n });
  }
  return unchecked(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Same convention as addMonths: Feb 29 + 1 year = Feb 28. */
export function addYears(d: CalendarDate, n: number): CalendarDate {
  return addMonths(d, n * 12);
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  // fixed-width ISO strings sort in date order
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a < b;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a > b;
}

export function isOnOrBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a <= b;
}

export function isOnOrAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a >= b;
}

export function minDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  // string comparison is date order for this fixed-width form (not Math.min, which would coerce to NaN)
  let m = first;
  for (const d of rest) if (isBefore(d, m)) m = d;
  return m;
}

export function maxDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  let m = first;
  for (const d of rest) if (isAfter(d, m)) m = d;
  return m;
}

export function firstDayOfMonth(d: CalendarDate): CalendarDate {
  const { year, month } = dateParts(d);
  return unchecked(year, month, 1);
}

export function lastDayOfMonth(d: CalendarDate): CalendarDate {
  const { year, month } = dateParts(d);
  return unchecked(year, month, daysInMonth(year, month));
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function dayOfWeek(d: CalendarDate): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return ((((toDayNumber(d) + 4) % 7) + 7) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

export function isWeekend(d: CalendarDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

/** n business days (Monday–Friday, no holidays) after d; before d when n is negative.
 * Counting starts from the next weekday, so Friday + 1 and Saturday + 1 are both Monday; n = 0 gives d. */
export function addBusinessDays(d: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n))
    throw new InvalidDateError(`cannot add ${n} business days; expected a whole number`, { days: n });
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = toDayNumber(d);
  while (left > 0) {
    day += step;
    const w = (((day + 4) % 7) + 7) % 7;
    if (w !== 0 && w !== 6) left -= 1;
  }
  return fromDayNumber(day);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new InvalidDateError(
        `time zone ${JSON.stringify(timeZone)} is not known; expected an IANA name such as "America/Denver"`,
        {
          timeZone,
        },
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date an instant falls on in a time zone (an IANA name). */
export function dateOfInstant(instant: Date, timeZone: string): CalendarDate {
  if (Number.isNaN(instant.getTime()))
    throw new InvalidDateError('the instant is an invalid Date; expected a real point in time', {});
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return makeDate(get('year'), get('month'), get('day'));
}

/** Today's date in a time zone; `now` lets tests fix the clock. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  return dateOfInstant(now, timeZone);
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** A form no reader can misread as day/month or month/day: "Tue 1 Jul 2025". */
export function formatDate(d: CalendarDate): string {
  const { year, month, day } = dateParts(d);
  return `${WEEKDAY_NAMES[dayOfWeek(d)]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
