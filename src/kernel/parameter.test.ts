import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cite } from './citation.ts';
import { type CalendarDate, parseDate } from './date.ts';
import { PackDefinitionError } from './errors.ts';
import {
  defineParameter,
  type ParameterOverride,
  resolveParameter,
  validateParameterValue,
} from './parameter.ts';

const d = (s: string): CalendarDate => parseDate(s);
const c2019 = cite('lea-finance', 'policy.txt', 'B.1.a');
const c2024 = cite('lea-finance', 'policy.txt', 'B.1.b');

const threshold = defineParameter<number>({
  id: 'lea-finance.procurement.individual_threshold',
  title: 'Individual purchase threshold',
  unit: 'cents',
  // given out of order on purpose: defineParameter sorts
  values: [
    { from: '2024-07-01', value: 150000, citation: c2024 },
    { from: '2019-07-01', value: 100000, citation: c2019 },
  ],
  lastChecked: '2025-01-15',
});

const override = (from: string, value: number, reason: string): ParameterOverride => ({
  parameterId: threshold.id,
  from: d(from),
  value,
  reason,
});

describe('parameters', () => {
  test('defineParameter parses dates and sorts values oldest first', () => {
    assert.deepEqual(
      threshold.values.map((v) => [v.from, v.value]),
      [
        ['2019-07-01', 100000],
        ['2024-07-01', 150000],
      ],
    );
    assert.equal(threshold.lastChecked, '2025-01-15');
  });

  test('resolveParameter takes the newest pack value starting on or before the as-of date', () => {
    assert.equal(resolveParameter(threshold, d('2019-06-30')), undefined);
    assert.deepEqual(resolveParameter(threshold, d('2019-07-01')), {
      id: threshold.id,
      value: 100000,
      from: '2019-07-01',
      source: 'pack',
      unit: 'cents',
      citation: c2019,
    });
    assert.equal(resolveParameter(threshold, d('2024-06-30'))?.value, 100000);
    assert.equal(resolveParameter(threshold, d('2024-07-01'))?.value, 150000);
    assert.equal(resolveParameter(threshold, d('2030-01-01'))?.citation, c2024);
  });

  test('an override applies from its date and keeps applying past later pack values', () => {
    const overrides = [override('2020-01-01', 50000, 'board policy 2019-12')];
    assert.equal(resolveParameter(threshold, d('2019-12-31'), overrides)?.source, 'pack');
    assert.deepEqual(resolveParameter(threshold, d('2020-01-01'), overrides), {
      id: threshold.id,
      value: 50000,
      from: '2020-01-01',
      source: 'override',
      unit: 'cents',
      reason: 'board policy 2019-12',
    });
    assert.equal(resolveParameter(threshold, d('2024-07-01'), overrides)?.value, 50000);
  });

  test('the newest override in force wins, the later in the list on the same date, and other parameters are ignored', () => {
    const overrides: ParameterOverride[] = [
      override('2021-01-01', 70000, 'second'),
      override('2020-01-01', 50000, 'first'),
      override('2021-01-01', 80000, 'second, corrected'),
      override('2022-01-01', 90000, 'future'),
      { parameterId: 'lea-finance.other', from: d('2020-06-01'), value: 1, reason: 'unrelated' },
    ];
    assert.equal(resolveParameter(threshold, d('2020-12-31'), overrides)?.value, 50000);
    assert.equal(resolveParameter(threshold, d('2021-01-01'), overrides)?.reason, 'second, corrected');
    assert.equal(resolveParameter(threshold, d('2021-12-31'), overrides)?.value, 80000);
    assert.equal(resolveParameter(threshold, d('2022-01-01'), overrides)?.value, 90000);
  });

  test('an override can give a value before the pack has one', () => {
    assert.equal(
      resolveParameter(threshold, d('2018-01-01'), [override('2018-01-01', 1, 'early adopter')])?.value,
      1,
    );
  });

  test('defineParameter rejects no values, duplicate dates, bad dates and values of the wrong unit, naming the id and date', () => {
    const base = { id: 'p.x', title: 'x', unit: 'cents' as const, lastChecked: '2025-01-01' };
    assert.throws(
      () => defineParameter({ ...base, values: [] }),
      (e: unknown) => e instanceof PackDefinitionError && e.message.includes('"p.x"'),
    );
    assert.throws(
      () =>
        defineParameter({
          ...base,
          values: [
            { from: '2025-01-01', value: 1, citation: c2019 },
            { from: '2025-01-01', value: 2, citation: c2019 },
          ],
        }),
      (e: unknown) =>
        e instanceof PackDefinitionError &&
        e.message.includes('2025-01-01') &&
        e.message.includes('more than once'),
    );
    assert.throws(
      () => defineParameter({ ...base, values: [{ from: '2025-02-29', value: 1, citation: c2019 }] }),
      (e: unknown) => e instanceof PackDefinitionError && e.message.includes('2025-02-29'),
    );
    assert.throws(
      () => defineParameter({ ...base, values: [{ from: '2025-03-01', value: 12.5, citation: c2019 }] }),
      (e: unknown) =>
        e instanceof PackDefinitionError && e.message.includes('p.x') && e.message.includes('2025-03-01'),
    );
    assert.throws(
      () =>
        defineParameter<unknown>({
          ...base,
          unit: 'date',
          values: [{ from: '2025-03-01', value: '2025-02-30', citation: c2019 }],
        }),
      PackDefinitionError,
    );
  });

  test('validateParameterValue explains a value that does not fit the unit', () => {
    assert.equal(validateParameterValue(threshold, 125000), undefined);
    assert.match(validateParameterValue(threshold, 12.5) ?? '', /individual_threshold.*whole number/);
    assert.match(validateParameterValue({ id: 'p.b', unit: 'boolean' }, 'yes') ?? '', /true or false/);
    assert.equal(validateParameterValue({ id: 'p.t', unit: 'text' }, 'ok'), undefined);
    assert.equal(validateParameterValue({ id: 'p.d', unit: 'date' }, '2024-02-29'), undefined);
    assert.match(validateParameterValue({ id: 'p.d', unit: 'date' }, '2025-02-29') ?? '', /calendar date/);
  });

  test('a numeric value below its least (0 unless the parameter says) or above its most is refused', () => {
    assert.equal(validateParameterValue(threshold, 0), undefined);
    assert.match(validateParameterValue(threshold, -1) ?? '', /at least 0 \(cents\), got -1/);
    const rate = { id: 'p.rate', unit: 'basis-points' as const, maximum: 10_000 };
    assert.equal(validateParameterValue(rate, 10_000), undefined);
    assert.match(validateParameterValue(rate, 10_001) ?? '', /at most 10000 \(basis-points\)/);
    const adjustment = { id: 'p.adj', unit: 'cents' as const, minimum: -500 };
    assert.equal(validateParameterValue(adjustment, -500), undefined);
    assert.match(validateParameterValue(adjustment, -501) ?? '', /at least -500/);
    const days = { id: 'p.days', title: 'days', unit: 'days' as const, lastChecked: '2025-01-01' };
    assert.throws(
      () => defineParameter({ ...days, values: [{ from: '2025-03-01', value: -3, citation: c2019 }] }),
      PackDefinitionError,
    );
    const capped = defineParameter({
      ...days,
      maximum: 99,
      values: [{ from: '2025-03-01', value: 10, citation: c2019 }],
    });
    assert.equal(capped.maximum, 99);
    assert.match(validateParameterValue(capped, 100) ?? '', /at most 99/);
  });
});
