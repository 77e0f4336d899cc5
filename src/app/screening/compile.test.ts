// The compiler's parts that decide a hit: a parameter as SQL (the pack's dated values and the
// organisation's overrides, one CASE arm per span, agreeing with the kernel on every date), and the
// errors a screen naming what its ledger or pack lacks gets — before any SQL runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  type CalendarDate,
  type Pack,
  PackDefinitionError,
  type ParameterOverride,
  resolveParameter,
} from '../../kernel/index.ts';
import { leaFinancePack } from '../../packs/lea-finance/index.ts';
import { disbursements } from '../../packs/lea-finance/screening/ledgers.ts';
import { splitPurchase, travelClaimLate } from '../../packs/lea-finance/screening/screens.ts';
import type { ClusterScreen, Ledger, RowScreen, Screen } from '../../packs/screens.ts';
import { type CompileContext, compileScreen, parameterSql } from './compile.ts';

const pack = leaFinancePack.pack;
const INDIVIDUAL = 'lea-finance.procurement.individual_threshold';

const override = (parameterId: string, from: string, value: unknown): ParameterOverride =>
  ({ parameterId, from, value, reason: 'board decision' }) as ParameterOverride;

/** The pack with one more dated value of the individual threshold: $1,200.00 from 2020-07-01. */
const packWithTwoValues: Pack = {
  ...pack,
  parameters: pack.parameters.map((p) =>
    p.id === INDIVIDUAL
      ? {
          ...p,
          values: [...p.values, { ...p.values[0]!, from: '2020-07-01' as CalendarDate, value: 120_000 }],
        }
      : p,
  ),
};

const context = (over: { ledger?: Ledger } = {}): CompileContext => ({
  pack,
  ledger: disbursements,
  relation: 'ledger AS r',
  fiscalYearStartMonth: 7,
  maxTransactionsPerHit: 100,
  maxHits: 10_000,
  ...over,
});

describe('parameterSql', () => {
  test("the pack's value from its date; before it, NULL (never a hit)", () => {
    assert.equal(
      parameterSql(pack, INDIVIDUAL, 'd'),
      "(CASE WHEN d >= DATE '2016-07-01' THEN 100000 ELSE NULL END)",
    );
  });

  test("an organisation's override from a date adds an arm above the pack's, latest first", () => {
    assert.equal(
      parameterSql(pack, INDIVIDUAL, '"paid_on"', [
        override(INDIVIDUAL, '2025-07-01', 150_000),
        override('lea-finance.card.daily_limit', '2020-01-01', 1),
      ]),
      '(CASE WHEN "paid_on" >= DATE \'2025-07-01\' THEN 150000 WHEN "paid_on" >= DATE \'2016-07-01\' THEN 100000 ELSE NULL END)',
    );
  });

  test('two pack values and an override between them: the override holds from its date on, as the kernel reads it', () => {
    assert.equal(
      parameterSql(packWithTwoValues, INDIVIDUAL, 'd', [override(INDIVIDUAL, '2018-01-01', 90_000)]),
      "(CASE WHEN d >= DATE '2020-07-01' THEN 90000 WHEN d >= DATE '2018-01-01' THEN 90000 WHEN d >= DATE '2016-07-01' THEN 100000 ELSE NULL END)",
    );
  });

  test('run by DuckDB, the CASE gives the value resolveParameter gives on each date around every change', async () => {
    const overrides = [override(INDIVIDUAL, '2023-03-01', 110_000)];
    const dates = [
      '2016-06-30',
      '2016-07-01',
      '2020-06-30',
      '2020-07-01',
      '2023-02-28',
      '2023-03-01',
      '2030-01-01',
    ];
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const sql = `SELECT CAST(d AS VARCHAR) AS d, ${parameterSql(packWithTwoValues, INDIVIDUAL, 'd', overrides)} AS v FROM (VALUES ${dates.map((d) => `(DATE '${d}')`).join(', ')}) AS t(d) ORDER BY d`;
      const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
      const param = packWithTwoValues.parameters.find((p) => p.id === INDIVIDUAL)!;
      const expected = dates.map((d) => ({
        d,
        v: resolveParameter(param, d as CalendarDate, overrides)?.value ?? null,
      }));
      assert.deepEqual(
        rows.map((r) => ({ d: r.d, v: r.v === null ? null : Number(r.v) })),
        expected,
      );
      assert.deepEqual(
        expected.map((e) => e.v),
        [null, 100_000, 100_000, 120_000, 120_000, 110_000, 110_000],
      );
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  test('a parameter that is not a number cannot be compared: a PackDefinitionError naming it', () => {
    assert.throws(
      () => parameterSql(pack, 'lea-finance.signatures.supervisor_always_required', 'd'),
      (e: unknown) =>
        e instanceof PackDefinitionError &&
        /lea-finance\.signatures\.supervisor_always_required/.test(e.message) &&
        /screens compare numbers; its value is boolean/.test(e.message),
    );
  });
});

describe('compileScreen: a screen naming what is not there', () => {
  const definitionError =
    (screenId: string, ...named: RegExp[]) =>
    (e: unknown) => {
      assert.ok(e instanceof PackDefinitionError, `expected a PackDefinitionError, got ${String(e)}`);
      assert.match(e.message, new RegExp(`screen ${screenId.replaceAll('.', '\\.')}`));
      for (const n of named) assert.match(e.message, n);
      return true;
    };

  test('an unknown column in a key, a condition or a daysBetween names the screen and the column', () => {
    const split = splitPurchase as ClusterScreen;
    const keyed: Screen = { ...split, id: 'test.screen.keyed', keys: ['entity', 'vendr'] };
    assert.throws(
      () => compileScreen(keyed, context()),
      definitionError('test.screen.keyed', /names column vendr, which ledger disbursements does not have/),
    );
    const where: Screen = { ...split, id: 'test.screen.where', where: { empty: 'contrct' } };
    assert.throws(() => compileScreen(where, context()), definitionError('test.screen.where', /contrct/));
    const days: Screen = {
      ...(travelClaimLate as RowScreen),
      id: 'test.screen.days',
      ledger: 'disbursements',
      when: { daysBetween: ['paid_on', 'vendor'], op: '>', than: { value: 30 } },
    };
    assert.throws(
      () => compileScreen(days, context()),
      definitionError('test.screen.days', /daysBetween needs date columns; vendor is not one/),
    );
    const none: Screen = { ...split, id: 'test.screen.none', where: { column: 'method', in: [] } };
    assert.throws(
      () => compileScreen(none, context()),
      definitionError('test.screen.none', /lists no values for method to be in/),
    );
  });

  test('an unknown parameter names the screen and the parameter', () => {
    const screen: Screen = {
      ...(splitPurchase as ClusterScreen),
      id: 'test.screen.param',
      thresholds: ['lea-finance.procurement.no_such_threshold'],
    };
    assert.throws(
      () => compileScreen(screen, context()),
      definitionError('test.screen.param', /lea-finance\.procurement\.no_such_threshold/),
    );
  });

  test('a ledger whose id, date or amount column is not among its columns', () => {
    const ledger = { ...disbursements, amountColumn: 'amt' };
    assert.throws(
      () => compileScreen(splitPurchase, context({ ledger })),
      definitionError(splitPurchase.id, /names column amt/),
    );
  });

  test('every lea-finance screen compiles, reading the parameters it names in order', () => {
    const compiled = (leaFinancePack.screens ?? []).map((s) =>
      compileScreen(s, context({ ledger: leaFinancePack.ledgers!.find((l) => l.id === s.ledger)! })),
    );
    assert.equal(compiled.length, 16);
    assert.deepEqual(compiled.find((c) => c.screen.id === splitPurchase.id)?.parameters, [
      INDIVIDUAL,
      'lea-finance.procurement.single_aggregate_threshold',
      'lea-finance.decision_tree.tier_c_max',
      'lea-finance.decision_tree.tier_d_max',
      'lea-finance.split.window_days',
    ]);
    assert.deepEqual(
      compiled.find((c) => c.screen.id === 'lea-finance.screen.check-to-cash')?.parameters,
      [],
    );
  });
});
