import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbEdgyDate } from './arbitraries.test-support.ts';
import { addDays, type CalendarDate, parseDate } from './date.ts';
import { InvalidDateError, InvalidPeriodError } from './errors.ts';
import {
  type AcademicCalendar,
  academicTerm,
  academicTermOf,
  calendarYear,
  calendarYearOf,
  customPeriod,
  DEFAULT_ACADEMIC_CALENDAR,
  type FiscalYearConfig,
  fiscalYear,
  fiscalYearOf,
  monthOf,
  type Period,
  periodContains,
  periodDays,
  periodsOverlap,
} from './period.ts';

const d = (s: string): CalendarDate => parseDate(s);
const JULY: FiscalYearConfig = { startMonth: 7 };

/** For any period-of function: the period contains the date, the day before its start lies in the
 * previous period (which ends right there) and the day after its end in the next one. */
function assertTiles(of: (x: CalendarDate) => Period | undefined): void {
  fc.assert(
    fc.property(arbEdgyDate, (x) => {
      const p = of(x);
      if (p === undefined) return false;
      const before = of(addDays(p.start, -1));
      const after = of(addDays(p.end, 1));
      return (
        periodContains(p, x) &&
        before !== undefined &&
        after !== undefined &&
        before.label !== p.label &&
        after.label !== p.label &&
        before.end === addDays(p.start, -1) &&
        after.start === addDays(p.end, 1) &&
        !periodsOverlap(before, p) &&
        !periodsOverlap(p, after)
      );
    }),
  );
}

describe('periods', () => {
  test('a July fiscal year turns over between June 30 (FY2025) and July 1 (FY2026)', () => {
    assert.deepEqual(fiscalYearOf(d('2025-06-30'), JULY), {
      kind: 'fiscal-year',
      label: 'FY2025',
      start: '2024-07-01',
      end: '2025-06-30',
    });
    assert.deepEqual(fiscalYearOf(d('2025-07-01'), JULY), {
      kind: 'fiscal-year',
      label: 'FY2026',
      start: '2025-07-01',
      end: '2026-06-30',
    });
    assert.deepEqual(fiscalYear(2026, JULY), fiscalYearOf(d('2025-07-01'), JULY));
  });

  test('start-year naming labels a fiscal year by the year it begins', () => {
    const cfg: FiscalYearConfig = { startMonth: 10, naming: 'start-year' };
    assert.deepEqual(fiscalYearOf(d('2025-10-01'), cfg), {
      kind: 'fiscal-year',
      label: 'FY2025',
      start: '2025-10-01',
      end: '2026-09-30',
    });
    assert.deepEqual(fiscalYear(2025, cfg), fiscalYearOf(d('2026-09-30'), cfg));
  });

  test('a fiscal year starting in January is the calendar year', () => {
    const p = fiscalYearOf(d('2025-12-31'), { startMonth: 1 });
    assert.deepEqual([p.label, p.start, p.end], ['FY2025', '2025-01-01', '2025-12-31']);
    assert.equal(fiscalYearOf(d('2026-01-01'), { startMonth: 1 }).label, 'FY2026');
    assert.deepEqual(fiscalYear(2025, { startMonth: 1 }), p);
  });

  test('a fiscal year starting in March ends on Feb 29 in a leap year', () => {
    assert.equal(fiscalYearOf(d('2023-03-01'), { startMonth: 3 }).end, '2024-02-29');
  });

  test('an invalid fiscal start month is refused', () => {
    assert.throws(() => fiscalYearOf(d('2025-01-01'), { startMonth: 13 }), InvalidPeriodError);
  });

  test('calendar years turn over between Dec 31 and Jan 1', () => {
    assert.deepEqual(calendarYearOf(d('2024-12-31')), calendarYear(2024));
    assert.deepEqual(calendarYear(2025), {
      kind: 'calendar-year',
      label: '2025',
      start: '2025-01-01',
      end: '2025-12-31',
    });
    assert.equal(calendarYearOf(d('2025-01-01')).label, '2025');
    assert.equal(periodDays(calendarYear(2024)), 366);
  });

  test('monthOf covers the month and knows leap Februaries', () => {
    assert.deepEqual(monthOf(d('2024-02-10')), {
      kind: 'month',
      label: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
  });

  test('the default academic terms: fall, spring and summer with their boundaries', () => {
    assert.equal(academicTermOf(d('2025-08-16'), DEFAULT_ACADEMIC_CALENDAR)?.label, 'Fall 2025');
    assert.equal(academicTermOf(d('2025-08-15'), DEFAULT_ACADEMIC_CALENDAR)?.label, 'Summer 2025');
    assert.equal(academicTermOf(d('2025-12-31'), DEFAULT_ACADEMIC_CALENDAR)?.label, 'Fall 2025');
    assert.equal(academicTermOf(d('2026-01-01'), DEFAULT_ACADEMIC_CALENDAR)?.label, 'Spring 2026');
    assert.equal(academicTermOf(d('2026-05-15'), DEFAULT_ACADEMIC_CALENDAR)?.label, 'Spring 2026');
    assert.equal(academicTermOf(d('2026-05-16'), DEFAULT_ACADEMIC_CALENDAR)?.label, 'Summer 2026');
    assert.deepEqual(academicTerm('fall', 2025, DEFAULT_ACADEMIC_CALENDAR), {
      kind: 'academic-term',
      label: 'Fall 2025',
      start: '2025-08-16',
      end: '2025-12-31',
    });
  });

  test('a term that wraps past Dec 31 is labelled by its start year and found from either side', () => {
    const cal: AcademicCalendar = {
      terms: [
        { name: 'winter', start: '12-01', end: '02-29' },
        { name: 'rest', start: '03-01', end: '11-30' },
      ],
    };
    const w = academicTermOf(d('2024-01-15'), cal);
    assert.deepEqual(w, {
      kind: 'academic-term',
      label: 'Winter 2023',
      start: '2023-12-01',
      end: '2024-02-29',
    });
    // 02-29 in a year without one means 02-28
    assert.equal(academicTerm('Winter', 2024, cal).end, '2025-02-28');
    assert.equal(academicTermOf(d('2025-03-01'), cal)?.label, 'Rest 2025');
  });

  test('a date between terms belongs to no term, and an unknown term name is refused', () => {
    const cal: AcademicCalendar = { terms: [{ name: 'fall', start: '09-01', end: '12-15' }] };
    assert.equal(academicTermOf(d('2025-12-20'), cal), undefined);
    assert.throws(
      () => academicTerm('spring', 2025, cal),
      (e: unknown) => e instanceof InvalidPeriodError && e.message.includes('fall'),
    );
    assert.throws(
      () => academicTerm('bad', 2025, { terms: [{ name: 'bad', start: '13-01', end: '12-01' }] }),
      InvalidPeriodError,
    );
  });

  test('custom periods include both ends and must not end before they start', () => {
    const p = customPeriod('2025-06-30', '2025-07-01');
    assert.equal(periodDays(p), 2);
    assert.ok(periodContains(p, d('2025-06-30')) && periodContains(p, d('2025-07-01')));
    assert.ok(!periodContains(p, d('2025-06-29')) && !periodContains(p, d('2025-07-02')));
    assert.ok(periodsOverlap(p, customPeriod('2025-07-01', '2025-08-01')));
    assert.ok(!periodsOverlap(p, customPeriod('2025-07-02', '2025-08-01')));
    assert.throws(() => customPeriod('2025-07-02', '2025-07-01'), InvalidPeriodError);
    assert.throws(() => customPeriod('2025-02-29', '2025-07-01'), InvalidDateError);
  });

  test('property: fiscal years tile the calendar for every start month', () => {
    for (let startMonth = 1; startMonth <= 12; startMonth++) {
      assertTiles((x) => fiscalYearOf(x, { startMonth }));
    }
  });

  test('property: calendar years tile the calendar', () => {
    assertTiles(calendarYearOf);
  });

  test('property: months tile the calendar', () => {
    assertTiles(monthOf);
  });

  test('property: the default academic terms tile the calendar', () => {
    assertTiles((x) => academicTermOf(x, DEFAULT_ACADEMIC_CALENDAR));
  });

  test('property: exactly one fiscal year of a run of consecutive ones contains a date', () => {
    fc.assert(
      fc.property(arbEdgyDate, fc.integer({ min: 1, max: 12 }), (x, startMonth) => {
        const cfg = { startMonth };
        const own = fiscalYearOf(x, cfg);
        const labelYear = Number(own.label.slice(2));
        const candidates = [-1, 0, 1].map((k) => fiscalYear(labelYear + k, cfg));
        return (
          candidates.filter((p) => periodContains(p, x)).length === 1 &&
          periodContains(candidates[1] as Period, x)
        );
      }),
    );
  });
});
