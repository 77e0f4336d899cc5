import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyBasisPoints, bp, formatPercent, parsePercent, ratioInBasisPoints } from './basis-points.ts';
import { InvalidPercentError } from './errors.ts';

describe('basis points', () => {
  test('parsePercent reads percentages with up to two decimals into basis points', () => {
    assert.equal(parsePercent('12.5%'), 1250);
    assert.equal(parsePercent('12.5'), 1250);
    assert.equal(parsePercent('100'), 10000);
    assert.equal(parsePercent(' 0.01 % '), 1);
    assert.equal(parsePercent('-3%'), -300);
  });

  test('parsePercent rejects more than two decimals and non-numbers with the expected form', () => {
    for (const bad of ['12.345%', 'ten', '', '1e2', '%']) {
      assert.throws(
        () => parsePercent(bad),
        (e: unknown) => e instanceof InvalidPercentError && e.message.includes('at most 2 decimals'),
      );
    }
  });

  test('formatPercent writes the shortest exact percentage', () => {
    assert.equal(formatPercent(1250), '12.5%');
    assert.equal(formatPercent(1000), '10%');
    assert.equal(formatPercent(1), '0.01%');
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(-1205), '-12.05%');
  });

  test('bp rejects fractional basis points', () => {
    assert.equal(bp(250), 250);
    assert.throws(() => bp(2.5), InvalidPercentError);
  });

  test('applyBasisPoints takes a rate of an amount with the stated rounding', () => {
    assert.equal(applyBasisPoints(10000, 1250, 'half-even'), 1250);
    assert.equal(applyBasisPoints(333, 5000, 'half-even'), 166); // 166.5 → even
    assert.equal(applyBasisPoints(333, 5000, 'half-up'), 167);
    assert.equal(applyBasisPoints(333, 5000, 'floor'), 166);
  });

  test('ratioInBasisPoints expresses a part of a whole in basis points', () => {
    assert.equal(ratioInBasisPoints(1, 3, 'half-even'), 3333);
    assert.equal(ratioInBasisPoints(2, 3, 'half-even'), 6667);
    assert.equal(ratioInBasisPoints(2, 3, 'down'), 6666);
    assert.equal(ratioInBasisPoints(40, 40, 'down'), 10000);
    assert.throws(() => ratioInBasisPoints(1, 0, 'down'), InvalidPercentError);
  });

  test('property: formatted percentages parse back to the same basis points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        (r) => parsePercent(formatPercent(r)) === r,
      ),
    );
  });

  test('property: 100% of an amount is the amount in every rounding mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('half-even', 'half-up', 'floor', 'ceil', 'down' as const),
        (a, r) => applyBasisPoints(a, 10000, r) === a,
      ),
    );
  });
});
