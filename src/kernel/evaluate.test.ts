import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { cite } from './citation.ts';
import { type CalendarDate, parseDate } from './date.ts';
import {
  approvalCitation,
  demoPack,
  goodFacts,
  quotesCitation,
  threshold,
} from './demo-pack.test-support.ts';
import {
  FactsInvalidError,
  NoRuleInForceError,
  ParameterNotInForceError,
  ProbityError,
  UnknownCaseKindError,
  UnknownParameterError,
  UnknownRuleError,
} from './errors.ts';
import { evaluate } from './evaluate.ts';
import { definePack, type Pack } from './pack.ts';
import { defineParameter } from './parameter.ts';
import { defineRule, type RuleContext } from './rule.ts';

const d = (s: string): CalendarDate => parseDate(s);

/** A one-rule pack around `evaluate`, for testing how evaluate() treats a rule's behaviour. */
function packWith(
  body: (
    facts: { n: number; list: number[] },
    ctx: RuleContext,
  ) => ReturnType<(typeof demoPack.rules)[number]['evaluate']>,
): Pack {
  return definePack({
    manifest: {
      id: 'one',
      title: 'One',
      version: '0.0.1',
      source: { document: 'one.txt', title: 'One' },
      effective: '2020-01-01',
    },
    parameters: [
      defineParameter<number>({
        id: 'one.later',
        title: 'A value that starts later',
        unit: 'count',
        values: [{ from: '2030-01-01', value: 3, citation: cite('one', 'one.txt', '1') }],
        lastChecked: '2025-01-01',
      }),
    ],
    rules: [
      defineRule<{ n: number; list: number[] }>({
        id: 'one.rule',
        title: 'The rule',
        citations: [cite('one', 'one.txt', '1')],
        effective: { from: '2020-01-01' },
        appliesTo: ['thing'],
        evaluate: body,
      }),
    ],
    caseKinds: {
      thing: { id: 'thing', title: 'Thing', schema: z.object({ n: z.int(), list: z.array(z.int()) }) },
    },
  });
}

describe('evaluate', () => {
  test('runs the rules in force in declaration order and completes their findings', () => {
    const e = evaluate(
      demoPack,
      'purchase',
      { ...goodFacts, approvedBy: undefined },
      { asOf: d('2025-06-30'), org: 'district-7' },
    );
    assert.deepEqual(e.pack, { id: 'demo', version: '1.2.3' });
    assert.equal(e.org, 'district-7');
    assert.deepEqual(
      e.findings.map((f) => [f.rule, f.kind, f.severity]),
      [
        ['demo.quotes', 'value', 'info'],
        ['demo.quotes', 'requirement', 'medium'],
        ['demo.approval', 'violation', 'high'],
      ],
    );
    assert.deepEqual(e.findings[1]?.citations, [quotesCitation]);
    assert.deepEqual(e.findings[2]?.citations, [approvalCitation]);
    assert.equal(e.findings[2]?.subject, 'Acme');
    assert.deepEqual(e.values, { 'demo.quotes': { total: 120000 } });
    assert.deepEqual(e.rules, [
      { id: 'demo.quotes', title: 'Quotes above the threshold', inForce: true },
      { id: 'demo.approval', title: 'Approval before purchase', inForce: true },
      { id: 'demo.retired', title: 'An old rule no longer in force', inForce: false },
    ]);
  });

  test('the parameter value follows the as-of date on both sides of its change', () => {
    const before = evaluate(
      demoPack,
      'purchase',
      { ...goodFacts, items: [{ description: 'x', amount: 150000 }] },
      { asOf: d('2025-06-30') },
    );
    const after = evaluate(
      demoPack,
      'purchase',
      { ...goodFacts, items: [{ description: 'x', amount: 150000 }] },
      { asOf: d('2025-07-01') },
    );
    assert.ok(before.findings.some((f) => f.kind === 'requirement'));
    assert.ok(!after.findings.some((f) => f.kind === 'requirement'));
  });

  test('the trace holds exactly the facts and parameters each rule read', () => {
    const e = evaluate(demoPack, 'purchase', goodFacts, { asOf: d('2025-06-30') });
    const quotes = e.findings.find((f) => f.rule === 'demo.quotes');
    const approval = e.findings.find((f) => f.rule === 'demo.approval');
    assert.equal(approval, undefined, 'approved purchases raise no approval finding');
    assert.deepEqual(quotes?.trace, {
      // vendor, dates and descriptions were not read, so they are not in the trace
      facts: { 'items.length': 2, 'items.0.amount': 80000, 'items.1.amount': 40000 },
      parameters: [
        {
          id: 'demo.threshold',
          value: 100000,
          from: '2020-01-01',
          source: 'pack',
          unit: 'cents',
          citation: quotesCitation,
        },
      ],
    });
  });

  test('a rule that reads no parameter has an empty parameter trace and records the absent field it checked', () => {
    const e = evaluate(
      demoPack,
      'purchase',
      { ...goodFacts, approvedBy: undefined },
      { asOf: d('2025-06-30') },
    );
    const violation = e.findings.find((f) => f.rule === 'demo.approval');
    // the rule looked at approvedBy and found it empty, then named the vendor
    assert.deepEqual(violation?.trace.facts, { approvedBy: undefined, vendor: 'Acme' });
    assert.deepEqual(violation?.trace.parameters, []);
  });

  test('a parameter override is used and shows in the trace as an override', () => {
    const overrides = [
      { parameterId: 'demo.threshold', from: d('2025-01-01'), value: 50000, reason: 'board resolution 12' },
    ];
    const e = evaluate(demoPack, 'purchase', goodFacts, { asOf: d('2025-06-30'), overrides });
    const req = e.findings.find((f) => f.kind === 'requirement');
    assert.deepEqual(req?.values, { total: 120000, limit: 50000 });
    assert.deepEqual(req?.trace.parameters, [
      {
        id: 'demo.threshold',
        value: 50000,
        from: '2025-01-01',
        source: 'override',
        unit: 'cents',
        reason: 'board resolution 12',
      },
    ]);
  });

  test('a rule sees the facts as the schema parsed them, defaults included', () => {
    let seen: unknown;
    const pack = packWith((facts) => {
      seen = facts.list.map((x) => x * 2);
      return [];
    });
    evaluate(pack, 'thing', { n: 1, list: [1, 2] }, { asOf: d('2025-01-01') });
    assert.deepEqual(seen, [2, 4]);
  });

  test('invalid facts are refused with every bad field path listed', () => {
    assert.throws(
      () =>
        evaluate(
          demoPack,
          'purchase',
          { date: '2025-02-29', items: [{ description: 'x', amount: 1.5 }, { amount: 3 }] },
          { asOf: d('2025-06-30') },
        ),
      (e: unknown) => {
        assert.ok(e instanceof FactsInvalidError);
        assert.equal(e.code, 'PRB_FACTS_INVALID');
        assert.deepEqual(e.issues.map((i) => i.path).sort(), [
          'date',
          'items.0.amount',
          'items.1.description',
          'vendor',
        ]);
        assert.equal(
          e.issues.find((i) => i.path === 'date')?.message,
          'expected a calendar date YYYY-MM-DD that exists',
        );
        for (const p of ['date', 'items.0.amount', 'items.1.description', 'vendor'])
          assert.ok(e.message.includes(p), p);
        return true;
      },
    );
  });

  test('facts that are not an object at all are reported at the root', () => {
    assert.throws(
      () => evaluate(demoPack, 'purchase', 'nonsense', { asOf: d('2025-06-30') }),
      (e: unknown) =>
        e instanceof FactsInvalidError && e.issues.length === 1 && e.issues[0]?.path === '(root)',
    );
  });

  test('an unknown case kind is refused with the known kinds listed', () => {
    assert.throws(
      () => evaluate(demoPack, 'invoice', goodFacts, { asOf: d('2025-06-30') }),
      (e: unknown) =>
        e instanceof UnknownCaseKindError &&
        e.code === 'PRB_UNKNOWN_CASE_KIND' &&
        e.message.includes('"invoice"') &&
        e.message.includes('purchase'),
    );
  });

  test('before the first effective date no rule is in force, and the error says when rules are', () => {
    assert.throws(
      () =>
        evaluate(demoPack, 'purchase', goodFacts, {
          asOf: d('2019-12-31'),
          only: ['demo.quotes', 'demo.approval'],
        }),
      (e: unknown) =>
        e instanceof NoRuleInForceError &&
        e.code === 'PRB_NO_RULE_IN_FORCE' &&
        e.message.includes('"demo"') &&
        e.message.includes('"purchase"') &&
        e.message.includes('2019-12-31') &&
        e.message.includes('from 2020-01-01 with no end date'),
    );
    // the retired rule is in force then, so the whole pack still judges that date
    assert.deepEqual(
      evaluate(demoPack, 'purchase', goodFacts, { asOf: d('2015-12-31') }).findings.map((f) => f.rule),
      ['demo.retired'],
    );
    assert.throws(
      () => evaluate(demoPack, 'purchase', goodFacts, { asOf: d('2009-12-31') }),
      /from 2010-01-01/,
    );
  });

  test('only restricts evaluation to the named rules and refuses names it does not know', () => {
    const e = evaluate(demoPack, 'purchase', goodFacts, { asOf: d('2025-06-30'), only: ['demo.approval'] });
    assert.deepEqual(
      e.rules.map((r) => r.id),
      ['demo.approval'],
    );
    assert.deepEqual(e.findings, []);
    assert.throws(
      () => evaluate(demoPack, 'purchase', goodFacts, { asOf: d('2025-06-30'), only: ['demo.nope'] }),
      UnknownRuleError,
    );
  });

  test('the same input gives deep-equal output', () => {
    const run = () =>
      evaluate(demoPack, 'purchase', { ...goodFacts, approvedBy: undefined }, { asOf: d('2025-06-30') });
    const a = run();
    const b = run();
    assert.deepStrictEqual(a, b);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
  });

  test('a rule that throws an ordinary error is reported as PRB_RULE_FAILED naming the rule', () => {
    const pack = packWith(() => {
      throw new TypeError('boom');
    });
    assert.throws(
      () => evaluate(pack, 'thing', { n: 1, list: [] }, { asOf: d('2025-01-01') }),
      (e: unknown) =>
        e instanceof ProbityError &&
        e.code === 'PRB_RULE_FAILED' &&
        e.message.includes('"one.rule"') &&
        e.message.includes('boom'),
    );
  });

  test('a rule cannot change the facts', () => {
    const pack = packWith((facts) => {
      facts.list.push(9);
      return [];
    });
    assert.throws(
      () => evaluate(pack, 'thing', { n: 1, list: [] }, { asOf: d('2025-01-01') }),
      (e: unknown) =>
        e instanceof ProbityError && e.code === 'PRB_RULE_FAILED' && e.message.includes('read-only'),
    );
  });

  test('a rule returning a malformed finding is reported as PRB_RULE_FAILED', () => {
    const pack = packWith(() => [{ kind: 'warning' as 'notice', message: 'x' }]);
    assert.throws(
      () => evaluate(pack, 'thing', { n: 1, list: [] }, { asOf: d('2025-01-01') }),
      /PRB_RULE_FAILED|"warning"/,
    );
  });

  test('reading an undeclared parameter or one not yet in force fails with its own error', () => {
    const unknown = packWith((_f, ctx) => [{ kind: 'notice', message: String(ctx.param('one.missing')) }]);
    assert.throws(
      () => evaluate(unknown, 'thing', { n: 1, list: [] }, { asOf: d('2025-01-01') }),
      UnknownParameterError,
    );
    const early = packWith((_f, ctx) => [{ kind: 'notice', message: String(ctx.param('one.later')) }]);
    assert.throws(
      () => evaluate(early, 'thing', { n: 1, list: [] }, { asOf: d('2025-01-01') }),
      (e: unknown) => e instanceof ParameterNotInForceError && e.message.includes('2030-01-01'),
    );
    assert.equal(
      evaluate(early, 'thing', { n: 1, list: [] }, { asOf: d('2030-01-01') }).findings[0]?.message,
      '3',
    );
  });

  test('values taken straight from the facts are plain copies and the context carries the pack fiscal year', () => {
    let fy: unknown;
    const pack = packWith((facts, ctx) => {
      fy = ctx.fiscalYear;
      return [{ kind: 'value', message: 'echo', values: { list: facts.list }, due: ctx.asOf }];
    });
    const e = evaluate(pack, 'thing', { n: 1, list: [4, 5] }, { asOf: d('2025-01-01') });
    assert.deepEqual(fy, { startMonth: 1 });
    assert.deepEqual(e.values, { 'one.rule': { list: [4, 5] } });
    assert.equal(e.findings[0]?.due, '2025-01-01');
    // copying the values read nothing more: the trace shows no element reads
    assert.deepEqual(e.findings[0]?.trace.facts, {});
    assert.ok(!isReadOnlyView(e.findings[0]?.values?.list));
  });

  test('the threshold parameter used by the demo pack is the one declared', () => {
    assert.equal(demoPack.parameters[0], threshold);
  });
});

/** Our views throw on mutation; a plain copy does not. */
function isReadOnlyView(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  try {
    v.push(0);
    v.pop();
    return false;
  } catch {
    return true;
  }
}
