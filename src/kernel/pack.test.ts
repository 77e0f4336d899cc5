import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cite } from './citation.ts';
import {
  approvalRule,
  demoPack,
  purchaseSchema,
  purchaseWorkflow,
  quotesRule,
  threshold,
} from './demo-pack.test-support.ts';
import { PackDefinitionError } from './errors.ts';
import { definePack, type PackDefinition } from './pack.ts';
import { defineParameter } from './parameter.ts';
import { defineRule } from './rule.ts';
import { defineMachine } from './state-machine.ts';

const manifest = {
  id: 'demo',
  title: 'Demo',
  version: '1',
  source: { document: 'd.txt', title: 'D' },
  effective: '2020-01-01',
};
const caseKinds = { purchase: { id: 'purchase', title: 'Purchase', schema: purchaseSchema } };

function problemsOf(def: PackDefinition): string[] {
  try {
    definePack(def);
  } catch (e) {
    if (e instanceof PackDefinitionError) return e.problems;
    throw e;
  }
  return [];
}

describe('packs', () => {
  test('a well-formed pack is accepted with its effective date parsed', () => {
    assert.equal(demoPack.manifest.effective, '2020-01-01');
    assert.equal(demoPack.rules.length, 3);
  });

  test('definePack rejects a rule id without the pack prefix', () => {
    const stray = defineRule({ ...quotesRule, id: 'quotes', effective: { from: '2020-01-01' } });
    const problems = problemsOf({ manifest, parameters: [], rules: [stray], caseKinds });
    assert.deepEqual(problems, ['rule id "quotes" should start with "demo."']);
  });

  test('definePack rejects a citation from another pack, in a rule or a parameter value', () => {
    const foreign = cite('childcare', '18 NYCRR', '413.2');
    const rule = defineRule({ ...quotesRule, citations: [foreign], effective: { from: '2020-01-01' } });
    const param = defineParameter({
      id: 'demo.p',
      title: 'P',
      unit: 'count',
      values: [{ from: '2020-01-01', value: 1, citation: foreign }],
      lastChecked: '2020-01-01',
    });
    const problems = problemsOf({ manifest, parameters: [param], rules: [rule], caseKinds });
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => p.includes('"childcare"') && p.includes('expected pack "demo"')));
  });

  test('definePack lists every problem at once: duplicates, unknown case kinds and bad guards', () => {
    const badFlow = defineMachine({
      ...purchaseWorkflow,
      transitions: [
        {
          name: 'pay',
          title: 'Pay',
          from: ['submitted'],
          to: 'paid',
          guard: { caseKind: 'invoice', rules: ['demo.nope'] },
        },
      ],
    });
    const elsewhere = defineRule({
      ...approvalRule,
      appliesTo: ['invoice'],
      effective: { from: '2020-01-01' },
    });
    const problems = problemsOf({
      manifest,
      parameters: [threshold, threshold],
      rules: [quotesRule, quotesRule, elsewhere],
      caseKinds,
      workflows: { purchase: badFlow },
    });
    assert.deepEqual(problems, [
      'parameter id "demo.threshold" is declared more than once',
      'rule id "demo.quotes" is declared more than once',
      'rule "demo.approval" applies to case kind "invoice", which the pack does not declare (declared: purchase)',
      'workflow "purchase" transition "pay" is guarded by case kind "invoice", which the pack does not declare',
      'workflow "purchase" transition "pay" is guarded by rule "demo.nope", which the pack does not declare',
    ]);
    assert.throws(
      () => definePack({ manifest, parameters: [threshold, threshold], rules: [], caseKinds }),
      (e: unknown) =>
        e instanceof PackDefinitionError &&
        e.code === 'PRB_PACK_DEFINITION' &&
        e.message.includes('pack "demo"'),
    );
  });

  test('definePack rejects a bad effective date and a case kind filed under another key', () => {
    const problems = problemsOf({
      manifest: { ...manifest, effective: '2020-02-30' },
      parameters: [],
      rules: [],
      caseKinds: { buy: { id: 'purchase', title: 'P', schema: purchaseSchema } },
    });
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /2020-02-30/);
    assert.match(problems[1] ?? '', /key "buy"/);
  });
});
