import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cite } from './citation.ts';
import { type CalendarDate, parseDate } from './date.ts';
import { PackDefinitionError } from './errors.ts';
import { defineRule, ruleInForce } from './rule.ts';

const d = (s: string): CalendarDate => parseDate(s);
const base = {
  id: 'demo.r',
  title: 'R',
  citations: [cite('demo', 'doc.txt', '1')],
  appliesTo: ['purchase'],
  evaluate: () => [],
};

describe('rules', () => {
  test('a rule is in force from its first to its last effective day, both inclusive', () => {
    const r = defineRule({ ...base, effective: { from: '2024-07-01', to: '2025-06-30' } });
    assert.deepEqual(
      ['2024-06-30', '2024-07-01', '2025-06-30', '2025-07-01'].map((x) => ruleInForce(r, d(x))),
      [false, true, true, false],
    );
    const open = defineRule({ ...base, effective: { from: '2024-07-01' } });
    assert.equal(ruleInForce(open, d('9999-12-31')), true);
    assert.equal(open.effective.to, undefined);
  });

  test('defineRule requires a citation, real dates and a non-empty range', () => {
    assert.throws(
      () => defineRule({ ...base, citations: [], effective: { from: '2024-01-01' } }),
      (e: unknown) =>
        e instanceof PackDefinitionError && e.message.includes('"demo.r"') && e.message.includes('citation'),
    );
    assert.throws(() => defineRule({ ...base, effective: { from: '2025-02-29' } }), /2025-02-29/);
    assert.throws(
      () => defineRule({ ...base, effective: { from: '2025-01-02', to: '2025-01-01' } }),
      /before effective.from/,
    );
    assert.throws(
      () => defineRule({ ...base, appliesTo: [], effective: { from: '2025-01-01' } }),
      /no case kind/,
    );
  });
});
