// What the web app's screens print and read (app/format.ts). Amounts and percentages go through the
// kernel's exact functions; these cases pin the boundaries a float would get wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amountText,
  daysBetween,
  dueLabel,
  formatBasisPoints,
  formatBytes,
  formatDate,
  formatMoney,
  percentText,
  readAmount,
  readPercent,
} from './app/format.ts';

test('percentages print exactly, trailing zeros dropped but never the tens', () => {
  assert.equal(formatBasisPoints(1000), '10%');
  assert.equal(formatBasisPoints(1250), '12.5%');
  assert.equal(formatBasisPoints(1), '0.01%');
  assert.equal(formatBasisPoints(0), '0%');
  assert.equal(formatBasisPoints(-275), '-2.75%');
  assert.equal(formatBasisPoints(null), '—');
  assert.equal(formatBasisPoints(12.5), '—', 'a fraction of a basis point is not a rate');
  assert.equal(percentText(1000), '10');
});

test('money prints and reads in whole cents', () => {
  assert.equal(formatMoney(123456), '$1,234.56');
  assert.equal(formatMoney(-5), '-$0.05');
  assert.equal(formatMoney(undefined), '—');
  assert.equal(amountText(150000), '1500.00');
  assert.equal(readAmount('0.29'), 29, '0.29 × 100 is 28.999… in floating point');
  assert.equal(readAmount('1,234.56'), 123456);
  assert.equal(readAmount('$ 25'), 2500);
  assert.equal(readAmount('$-5.10'), -510);
  assert.equal(readAmount('25.001'), undefined);
  assert.equal(readAmount('12,34'), undefined);
  assert.equal(readAmount('abc'), undefined);
  assert.equal(readPercent('12.5%'), 1250);
  assert.equal(readPercent('0.07'), 7);
  assert.equal(readPercent('1.234'), undefined);
});

test('calendar dates print with the month name and count days across a leap day and a year end', () => {
  assert.equal(formatDate('2026-11-23', { weekday: true }), 'Mon 23 Nov 2026');
  assert.equal(formatDate('2028-02-29T10:00:00Z'), '29 Feb 2028');
  assert.equal(formatDate('2026-02-30'), '2026-02-30', 'not a calendar date: shown as given');
  assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
  assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
  assert.equal(dueLabel('2026-06-30', '2026-07-01'), '1 day overdue');
  assert.equal(dueLabel('2026-07-01', '2026-06-30'), 'due tomorrow');
});

test('file sizes round in tenths', () => {
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(20 * 1024 * 1024), '20.0 MB');
});
