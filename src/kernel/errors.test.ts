import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as errors from './errors.ts';

describe('error catalog', () => {
  test('every kernel error is a ProbityError with a stable PRB_ code and its own class name', () => {
    const made: errors.ProbityError[] = [
      new errors.FactsInvalidError('purchase', [{ path: 'items.0.amount', message: 'expected an integer' }]),
      new errors.InvalidDateError('x'),
      new errors.InvalidMoneyError('x'),
      new errors.InvalidPercentError('x'),
      new errors.InvalidPeriodError('x'),
      new errors.UnknownCaseKindError('demo', 'invoice', ['purchase']),
      new errors.NoRuleInForceError('x'),
      new errors.ParameterNotInForceError('demo.p', '2019-01-01', '2020-01-01'),
      new errors.UnknownParameterError('demo.q', 'demo', ['demo.p']),
      new errors.UnknownRuleError('x'),
      new errors.PackDefinitionError('pack "demo"', ['a', 'b']),
      new errors.TransitionNotAllowedError('x'),
      new errors.RuleFailedError('demo.r', 'purchase', new Error('boom')),
    ];
    assert.deepEqual(
      made.map((e) => [e.name, e.code]),
      [
        ['FactsInvalidError', 'PRB_FACTS_INVALID'],
        ['InvalidDateError', 'PRB_INVALID_DATE'],
        ['InvalidMoneyError', 'PRB_INVALID_MONEY'],
        ['InvalidPercentError', 'PRB_INVALID_PERCENT'],
        ['InvalidPeriodError', 'PRB_INVALID_PERIOD'],
        ['UnknownCaseKindError', 'PRB_UNKNOWN_CASE_KIND'],
        ['NoRuleInForceError', 'PRB_NO_RULE_IN_FORCE'],
        ['ParameterNotInForceError', 'PRB_PARAMETER_NOT_IN_FORCE'],
        ['UnknownParameterError', 'PRB_UNKNOWN_PARAMETER'],
        ['UnknownRuleError', 'PRB_UNKNOWN_RULE'],
        ['PackDefinitionError', 'PRB_PACK_DEFINITION'],
        ['TransitionNotAllowedError', 'PRB_TRANSITION_NOT_ALLOWED'],
        ['RuleFailedError', 'PRB_RULE_FAILED'],
      ],
    );
    assert.ok(made.every((e) => e instanceof errors.ProbityError && e instanceof Error));
  });

  test('FactsInvalidError carries each issue with its path and says them in the message', () => {
    const e = new errors.FactsInvalidError('purchase', [
      { path: 'items.0.amount', message: 'expected an integer' },
      { path: '(root)', message: 'expected an object' },
    ]);
    assert.deepEqual(
      e.issues.map((i) => i.path),
      ['items.0.amount', '(root)'],
    );
    assert.match(
      e.message,
      /\(2 problems\): items\.0\.amount: expected an integer; \(root\): expected an object/,
    );
    assert.deepEqual(e.details?.issues, e.issues);
  });

  test('PackDefinitionError lists every problem', () => {
    const e = new errors.PackDefinitionError('pack "demo"', ['first', 'second']);
    assert.deepEqual(e.problems, ['first', 'second']);
    assert.equal(e.message, 'pack "demo" is not a valid definition (2 problems): first; second');
  });
});
