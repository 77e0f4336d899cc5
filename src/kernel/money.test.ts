import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { InvalidMoneyError } from './errors.ts';
import {
  addMoney,
  allocate,
  cents,
  compareMoney,
  formatMoney,
  maxMoney,
  minMoney,
  mulDiv,
  negate,
  parseMoney,
  subMoney,
  sumMoney,
} from './money.ts';

// amounts small enough that sums of a few stay in the safe range
const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('money', () => {
  test('parseMoney reads dollars with a sign, a dollar sign, thousands commas and up to two decimals', () => {
    assert.equal(parseMoney('$1,234.56'), 123456);
    assert.equal(parseMoney('1234.5'), 123450);
    assert.equal(parseMoney('1234'), 123400);
    assert.equal(parseMoney('-12.00'), -1200);
    assert.equal(parseMoney('-$12'), -1200);
    assert.equal(parseMoney(' 7 '), 700);
    assert.equal(parseMoney('$1,000,000.01'), 100000001);
    assert.ok(Object.is(parseMoney('-0'), 0), 'minus zero is plain zero');
  });

  for (const bad of ['1.234', '12,34', 'abc', '1e3', '', '1,2345', '$', '1.', '.5', '--1', '$-1', '0x10']) {
    test(`parseMoney rejects ${JSON.stringify(bad)} naming the text and the allowed form`, () => {
      assert.throws(
        () => parseMoney(bad),
        (e: unknown) =>
          e instanceof InvalidMoneyError &&
          e.code === 'PRB_INVALID_MONEY' &&
          e.message.includes(JSON.stringify(bad)) &&
          e.message.includes('at most 2 decimals'),
      );
    });
  }

  test('parseMoney rejects amounts beyond the safe integer range of cents', () => {
    assert.throws(() => parseMoney('999999999999999999'), InvalidMoneyError);
  });

  test('formatMoney writes dollars with thousands commas, two decimals and a leading minus', () => {
    assert.equal(formatMoney(123456), '$1,234.56');
    assert.equal(formatMoney(-500), '-$5.00');
    assert.equal(formatMoney(0), '$0.00');
    assert.equal(formatMoney(7), '$0.07');
    assert.equal(formatMoney(100000000), '$1,000,000.00');
  });

  test('cents accepts safe integers and rejects fractions, NaN and unsafe integers', () => {
    assert.equal(cents(42), 42);
    assert.throws(() => cents(1.5), InvalidMoneyError);
    assert.throws(() => cents(Number.NaN), InvalidMoneyError);
    assert.throws(() => cents(2 ** 53), InvalidMoneyError);
  });

  test('arithmetic throws rather than lose a cent beyond the safe range', () => {
    assert.throws(() => addMoney(Number.MAX_SAFE_INTEGER, 1), InvalidMoneyError);
    assert.throws(() => subMoney(-Number.MAX_SAFE_INTEGER, 1), InvalidMoneyError);
    assert.throws(() => addMoney(0.5), InvalidMoneyError);
    assert.equal(addMoney(), 0);
  });

  test('compare, max, min and negate order amounts by value', () => {
    assert.equal(compareMoney(1, 2), -1);
    assert.equal(compareMoney(2, 2), 0);
    assert.equal(compareMoney(3, 2), 1);
    assert.equal(maxMoney(3, -7, 12, 0), 12);
    assert.equal(minMoney(3, -7, 12, 0), -7);
    assert.equal(negate(5), -5);
    assert.ok(Object.is(negate(0), 0));
  });

  test('mulDiv rounds exactly in every mode, including negative ties', () => {
    // 5 × 1 / 2 = 2.5 and -2.5
    assert.deepEqual(
      (['half-even', 'half-up', 'floor', 'ceil', 'down'] as const).map((r) => [
        mulDiv(5, 1, 2, r),
        mulDiv(-5, 1, 2, r),
      ]),
      [
        [2, -2],
        [3, -3],
        [2, -3],
        [3, -2],
        [2, -2],
      ],
    );
    assert.equal(mulDiv(7, 1, 2, 'half-even'), 4); // 3.5 → 4
    assert.equal(mulDiv(10, 1, 3, 'half-up'), 3);
    assert.equal(mulDiv(20, 1, 3, 'half-up'), 7);
    // a product far beyond 2^53 is still exact
    assert.equal(mulDiv(9_000_000_000_000_000, 3, 9, 'down'), 3_000_000_000_000_000);
    assert.throws(() => mulDiv(1, 1, 0, 'down'), InvalidMoneyError);
    assert.throws(() => mulDiv(1, 1.5, 2, 'down'), InvalidMoneyError);
  });

  test('allocate splits by weights with the leftover cents going to the largest remainders', () => {
    assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(allocate(-100, [1, 1, 1]), [-34, -33, -33]);
    assert.deepEqual(allocate(1000, [50, 30, 20]), [500, 300, 200]);
    assert.deepEqual(allocate(5, [0, 3, 1]), [0, 4, 1]);
    assert.throws(() => allocate(100, [0, 0]), InvalidMoneyError);
    assert.throws(() => allocate(100, [1, -1]), InvalidMoneyError);
    assert.throws(() => allocate(100, []), InvalidMoneyError);
  });

  test('property: subtracting what was added gives the original amount', () => {
    fc.assert(fc.property(amount, amount, (a, b) => subMoney(addMoney(a, b), b) === a));
  });

  test('property: summing is associative and matches pairwise addition', () => {
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        const left = addMoney(addMoney(a, b), c);
        return left === addMoney(a, addMoney(b, c)) && left === sumMoney([a, b, c]);
      }),
    );
  });

  test('property: allocated parts sum exactly to the amount', () => {
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (a, ws) => {
          fc.pre(ws.some((w) => w > 0));
          const parts = allocate(a, ws);
          return (
            parts.length === ws.length &&
            sumMoney(parts) === a &&
            parts.every((p, i) => ws[i] !== 0 || p === 0)
          );
        },
      ),
    );
  });

  test('property: with equal weights parts differ by at most one cent', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1000 }), (a, n, w) => {
        const parts = allocate(
          a,
          Array.from({ length: n }, () => w),
        );
        return Math.max(...parts) - Math.min(...parts) <= 1;
      }),
    );
  });

  test('property: formatted money parses back to the same cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (x) => parseMoney(formatMoney(x)) === x,
      ),
    );
  });
});
