import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbDate, arbEdgyDate } from './arbitraries.test-support.ts';
import {
  addBusinessDays,
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  compareDates,
  dateOfInstant,
  dateParts,
  dayOfWeek,
  daysInMonth,
  diffDays,
  firstDayOfMonth,
  formatDate,
  fromDayNumber,
  isAfter,
  isBefore,
  isCalendarDate,
  isLeapYear,
  isOnOrAfter,
  isOnOrBefore,
  isWeekend,
  lastDayOfMonth,
  makeDate,
  maxDate,
  minDate,
  parseDate,
  toDayNumber,
  todayIn,
} from './date.ts';
import { InvalidDateError } from './errors.ts';

const d = (s: string): CalendarDate => parseDate(s);

describe('calendar dates', () => {
  test('parseDate accepts strict YYYY-MM-DD dates that exist, including leap days in leap years', () => {
    assert.equal(parseDate('2024-02-29'), '2024-02-29');
    assert.equal(parseDate('0001-01-01'), '0001-01-01');
    assert.equal(parseDate('9999-12-31'), '9999-12-31');
    assert.equal(parseDate('2000-02-29'), '2000-02-29');
  });

  test('parseDate rejects 2025-02-29 with a message naming the field, the text and the expected form', () => {
    assert.throws(
      () => parseDate('2025-02-29', 'purchase.date'),
      (e: unknown) =>
        e instanceof InvalidDateError &&
        e.code === 'PRB_INVALID_DATE' &&
        e.message.includes('purchase.date') &&
        e.message.includes('"2025-02-29"') &&
        e.message.includes('expected a calendar date YYYY-MM-DD'),
    );
  });

  test('parseDate rejects loose and impossible forms', () => {
    for (const bad of [
      '2025-2-1',
      '2025-02-01T00:00',
      '0000-01-01',
      '1900-02-29',
      '2025-13-01',
      '2025-04-31',
      ' 2025-01-01',
      '20250101',
      '',
    ]) {
      assert.throws(() => parseDate(bad), InvalidDateError, bad);
      assert.equal(isCalendarDate(bad), false, bad);
    }
    assert.equal(isCalendarDate(20250101), false);
  });

  test('makeDate builds valid dates and refuses ones that do not exist', () => {
    assert.equal(makeDate(2025, 7, 1), '2025-07-01');
    assert.throws(() => makeDate(2025, 2, 29), InvalidDateError);
    assert.deepEqual(dateParts(d('2025-07-01')), { year: 2025, month: 7, day: 1 });
  });

  test('day numbers count from 1970-01-01', () => {
    assert.equal(toDayNumber(d('1970-01-01')), 0);
    assert.equal(toDayNumber(d('1970-01-02')), 1);
    assert.equal(toDayNumber(d('1969-12-31')), -1);
    assert.equal(toDayNumber(d('2000-03-01')), 11017);
    assert.equal(fromDayNumber(19358), '2023-01-01');
  });

  test('leap years follow the Gregorian rule', () => {
    assert.deepEqual([1900, 2000, 2024, 2025].map(isLeapYear), [false, true, true, false]);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2025, 2), 28);
  });

  test('addMonths keeps the day when it exists, else takes the last day of the month', () => {
    assert.equal(addMonths(d('2024-01-31'), 1), '2024-02-29');
    assert.equal(addMonths(d('2025-01-31'), 1), '2025-02-28');
    assert.equal(addMonths(d('2025-03-31'), -1), '2025-02-28');
    assert.equal(addMonths(d('2025-12-15'), 1), '2026-01-15');
    assert.equal(addMonths(d('2025-01-15'), -13), '2023-12-15');
  });

  test('addYears takes Feb 29 to Feb 28 in a year without one', () => {
    assert.equal(addYears(d('2024-02-29'), 1), '2025-02-28');
    assert.equal(addYears(d('2024-02-29'), 4), '2028-02-29');
  });

  test('Dec 31 and Jan 1 are one day apart across the year boundary', () => {
    assert.equal(addDays(d('2024-12-31'), 1), '2025-01-01');
    assert.equal(diffDays(d('2025-01-01'), d('2024-12-31')), 1);
    assert.equal(addDays(d('2024-02-28'), 1), '2024-02-29');
    assert.equal(addDays(d('2025-02-28'), 1), '2025-03-01');
  });

  test('comparisons order dates chronologically', () => {
    const a = d('2025-06-30');
    const b = d('2025-07-01');
    assert.equal(compareDates(a, b), -1);
    assert.equal(compareDates(b, a), 1);
    assert.equal(compareDates(a, a), 0);
    assert.ok(isBefore(a, b) && !isBefore(b, a) && !isBefore(a, a));
    assert.ok(isAfter(b, a) && !isAfter(a, a));
    assert.ok(isOnOrBefore(a, a) && isOnOrBefore(a, b) && !isOnOrBefore(b, a));
    assert.ok(isOnOrAfter(a, a) && isOnOrAfter(b, a) && !isOnOrAfter(a, b));
    assert.equal(minDate(b, a, d('2026-01-01')), a);
    assert.equal(maxDate(b, a, d('2026-01-01')), '2026-01-01');
  });

  test('month boundaries and weekdays', () => {
    assert.equal(firstDayOfMonth(d('2024-02-17')), '2024-02-01');
    assert.equal(lastDayOfMonth(d('2024-02-17')), '2024-02-29');
    assert.equal(dayOfWeek(d('2025-07-01')), 2); // a Tuesday
    assert.equal(dayOfWeek(d('1970-01-01')), 4); // a Thursday
    assert.ok(isWeekend(d('2025-07-05')) && isWeekend(d('2025-07-06')) && !isWeekend(d('2025-07-07')));
  });

  test('addBusinessDays skips weekends in both directions', () => {
    assert.equal(addBusinessDays(d('2025-07-04'), 1), '2025-07-07'); // Fri → Mon
    assert.equal(addBusinessDays(d('2025-07-05'), 1), '2025-07-07'); // Sat → Mon
    assert.equal(addBusinessDays(d('2025-07-01'), 10), '2025-07-15');
    assert.equal(addBusinessDays(d('2025-07-07'), -1), '2025-07-04');
    assert.equal(addBusinessDays(d('2025-07-05'), 0), '2025-07-05');
  });

  test('the date of an instant depends on the time zone', () => {
    const instant = new Date('2025-07-01T03:00:00Z');
    assert.equal(dateOfInstant(instant, 'UTC'), '2025-07-01');
    assert.equal(dateOfInstant(instant, 'America/Denver'), '2025-06-30');
    assert.equal(todayIn('Asia/Tokyo', new Date('2024-12-31T16:00:00Z')), '2025-01-01');
    assert.throws(() => todayIn('Mars/Olympus'), InvalidDateError);
  });

  test('formatDate writes an unambiguous weekday, day, month name and year', () => {
    assert.equal(formatDate(d('2025-07-01')), 'Tue 1 Jul 2025');
    assert.equal(formatDate(d('2024-02-29')), 'Thu 29 Feb 2024');
  });

  test('property: adding n days then subtracting n days returns the date', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: -100_000, max: 100_000 }),
        (x, n) => addDays(addDays(x, n), -n) === x,
      ),
    );
  });

  test('property: diffDays measures what addDays added', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: -100_000, max: 100_000 }),
        (x, n) => diffDays(addDays(x, n), x) === n,
      ),
    );
  });

  test('property: day numbers round-trip and stay in step with the parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber(d('0001-01-01')), max: toDayNumber(d('9999-12-31')) }),
        (n) => {
          const x = fromDayNumber(n);
          return isCalendarDate(x) && toDayNumber(x) === n && fromDayNumber(toDayNumber(x)) === x;
        },
      ),
    );
  });

  test('property: the weekday advances by one each day', () => {
    fc.assert(fc.property(arbDate, (x) => dayOfWeek(addDays(x, 1)) === (dayOfWeek(x) + 1) % 7));
  });

  test('property: addMonths yields a real date, keeping the day when that month has it', () => {
    fc.assert(
      fc.property(arbEdgyDate, fc.integer({ min: -1200, max: 1200 }), (x, n) => {
        const y = addMonths(x, n);
        const from = dateParts(x);
        const to = dateParts(y);
        const monthsApart = (to.year - from.year) * 12 + (to.month - from.month);
        const expectedDay = Math.min(from.day, daysInMonth(to.year, to.month));
        return isCalendarDate(y) && monthsApart === n && to.day === expectedDay;
      }),
    );
  });

  test('property: addBusinessDays lands on a weekday for a non-zero count', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0),
        (x, n) => !isWeekend(addBusinessDays(x, n)),
      ),
    );
  });
});
