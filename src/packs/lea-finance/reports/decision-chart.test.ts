// The generated Decision Chart: its rows are the rules' own tiers, to the cent, and follow overrides.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type CalendarDate,
  type ParameterOverride,
  parameterInForce,
  parseDate,
} from '../../../kernel/index.ts';
import type { ReportContext } from '../../framework.ts';
import { pack } from '../index.ts';
import { buildDecisionChart, chartRows, rangeText } from './decision-chart.ts';

const paramsOn =
  (asOf: CalendarDate, overrides: ParameterOverride[] = []): ReportContext['param'] =>
  <T>(id: string) =>
    parameterInForce<T>(pack, id, asOf, overrides).value;

const ranges = (category: Parameters<typeof chartRows>[0], param: ReportContext['param']) =>
  chartRows(category, param).map((r) => [rangeText(r.from, r.to), r.plan.tier, r.plan.signatures.join(' ')]);

describe('lea-finance: Decision Chart for Purchasing Thresholds', () => {
  const today = parseDate('2026-11-23');

  test('goods and services follow D.2.a–e to the cent, with the board above $99,999.00', () => {
    assert.deepEqual(ranges('goods-services', paramsOn(today)), [
      ['$0.00 – $1,000.00', 'D.2.a', 'requestor supervisor'],
      ['$1,000.01 – $5,000.00', 'D.2.b', 'requestor supervisor business-administrator'],
      ['$5,000.01 – $10,000.00', 'D.2.c', 'requestor supervisor business-administrator'],
      ['$10,000.01 – $50,000.00', 'D.2.d', 'requestor supervisor business-administrator'],
      ['$50,000.01 – $99,999.00', 'D.2.e', 'requestor supervisor business-administrator superintendent'],
      ['$99,999.01 and above', 'D.2.e', 'requestor supervisor business-administrator superintendent board'],
    ]);
  });

  test('professional services and construction have their own tiers (D.2.f–h)', () => {
    const pro = ranges('professional-services', paramsOn(today)).map(([r, tier]) => `${r} ${tier}`);
    assert.deepEqual(pro.slice(-1), ['$100,000.01 and above D.2.h']);
    assert.ok(pro.some((r) => r.startsWith('$50,000.01 – ') && r.endsWith('D.2.f')));
    const con = ranges('construction', paramsOn(today)).map(([r, tier]) => `${r} ${tier}`);
    assert.deepEqual(con, [
      '$0.00 – $25,000.00 D.2.g(1)',
      '$25,000.01 – $80,000.00 D.2.g(2)',
      '$80,000.01 and above D.2.g(3)',
    ]);
  });

  test("an organisation's override moves the chart, and the chart says so", () => {
    const overrides: ParameterOverride[] = [
      {
        parameterId: 'lea-finance.decision_tree.tier_a_max',
        from: parseDate('2026-07-01'),
        value: 50_000,
        reason: 'Board policy 4.2: quotes above $500',
      },
    ];
    const before = ranges('goods-services', paramsOn(parseDate('2026-06-30'), overrides));
    const after = ranges('goods-services', paramsOn(parseDate('2026-07-01'), overrides));
    assert.equal(before[0]?.[0], '$0.00 – $1,000.00');
    assert.deepEqual(
      after.slice(0, 2).map((r) => r[0]),
      ['$0.00 – $500.00', '$500.01 – $5,000.00'],
    );
    const doc = buildDecisionChart({
      asOf: parseDate('2026-07-01'),
      param: paramsOn(parseDate('2026-07-01'), overrides),
      fiscalYear: { startMonth: 7 },
      input: {},
      records: [],
      overrides: [
        { id: 'x', title: 'Tier A', from: '2026-07-01', reason: 'Board policy 4.2: quotes above $500' },
      ],
    });
    assert.equal(doc.title, 'Decision Chart for Purchasing Thresholds');
    assert.ok(doc.notes?.some((n) => n.includes('Board policy 4.2')));
    const goods = doc.sections.find((s) => s.heading === 'Goods and services');
    assert.equal(goods?.table?.rows[1]?.[0], '$500.01 – $5,000.00');
  });
});
