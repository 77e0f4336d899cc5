// fast-check generators shared by the kernel's property tests.
import fc from 'fast-check';
import { type CalendarDate, fromDayNumber, toDayNumber } from './date.ts';

const lo = toDayNumber('1800-01-01' as CalendarDate);
const hi = toDayNumber('2300-12-31' as CalendarDate);

/** any date 1800–2300, so that arithmetic of a few centuries stays in 0001–9999 */
export const arbDate: fc.Arbitrary<CalendarDate> = fc.integer({ min: lo, max: hi }).map(fromDayNumber);

/** dates weighted toward the boundaries where calendar bugs live */
export const arbEdgyDate: fc.Arbitrary<CalendarDate> = fc.oneof(
  arbDate,
  fc
    .record({
      year: fc.integer({ min: 1800, max: 2300 }),
      md: fc.constantFrom(
        '01-01',
        '02-28',
        '02-29',
        '03-01',
        '06-30',
        '07-01',
        '08-15',
        '08-16',
        '12-31',
        '05-15',
        '05-16',
      ),
    })
    .map(
      ({ year, md }) =>
        (md === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))
          ? `${year}-02-28`
          : `${year}-${md}`) as CalendarDate,
    ),
);
