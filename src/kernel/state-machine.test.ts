import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CalendarDate, parseDate } from './date.ts';
import { demoPack, goodFacts, purchaseWorkflow } from './demo-pack.test-support.ts';
import { FactsInvalidError, PackDefinitionError, TransitionNotAllowedError } from './errors.ts';
import { attemptTransition, availableTransitions, defineMachine, type Machine } from './state-machine.ts';

const d = (s: string): CalendarDate => parseDate(s);
const at = new Date('2025-06-30T15:04:05.000Z');

describe('workflows', () => {
  test('availableTransitions lists the transitions leaving a state', () => {
    assert.deepEqual(
      availableTransitions(purchaseWorkflow, 'submitted').map((t) => t.name),
      ['pay', 'withdraw'],
    );
    assert.deepEqual(availableTransitions(purchaseWorkflow, 'paid'), []);
  });

  test('an unguarded transition is allowed with no findings', () => {
    const r = attemptTransition(demoPack, purchaseWorkflow, {
      state: 'draft',
      transition: 'submit',
      actor: 'ann',
      at,
      asOf: d('2025-06-30'),
    });
    assert.deepEqual(r, {
      transition: 'submit',
      from: 'draft',
      to: 'submitted',
      actor: 'ann',
      at: '2025-06-30T15:04:05.000Z',
      asOf: '2025-06-30',
      findings: [],
      allowed: true,
    });
  });

  test('a guard whose rules find no violation allows the transition', () => {
    const r = attemptTransition(demoPack, purchaseWorkflow, {
      state: 'submitted',
      transition: 'pay',
      facts: goodFacts,
      actor: 'bob',
      at,
      asOf: d('2025-06-30'),
    });
    assert.equal(r.allowed, true);
    assert.equal(r.to, 'paid');
    assert.deepEqual(r.findings, []);
  });

  test('a guard whose rules find a violation refuses the transition and records the findings', () => {
    const r = attemptTransition(demoPack, purchaseWorkflow, {
      state: 'submitted',
      transition: 'pay',
      facts: { ...goodFacts, approvedBy: undefined },
      actor: 'bob',
      at,
      asOf: d('2025-06-30'),
    });
    assert.equal(r.allowed, false);
    assert.deepEqual(
      r.findings.map((f) => [f.rule, f.kind]),
      [['demo.approval', 'violation']],
    );
    assert.equal(r.findings[0]?.message, 'purchase from Acme has no approver');
  });

  test('a guarded transition without valid facts is refused with the facts error', () => {
    assert.throws(
      () =>
        attemptTransition(demoPack, purchaseWorkflow, {
          state: 'submitted',
          transition: 'pay',
          actor: 'bob',
          at,
          asOf: d('2025-06-30'),
        }),
      FactsInvalidError,
    );
  });

  test('a transition that does not leave the current state is refused, listing the ones that do', () => {
    assert.throws(
      () =>
        attemptTransition(demoPack, purchaseWorkflow, {
          state: 'draft',
          transition: 'pay',
          actor: 'bob',
          at,
          asOf: d('2025-06-30'),
        }),
      (e: unknown) =>
        e instanceof TransitionNotAllowedError &&
        e.code === 'PRB_TRANSITION_NOT_ALLOWED' &&
        e.message.includes('"pay"') &&
        e.message.includes('"draft"') &&
        e.message.includes('allowed from there: submit'),
    );
    assert.throws(
      () =>
        attemptTransition(demoPack, purchaseWorkflow, {
          state: 'limbo',
          transition: 'pay',
          actor: 'bob',
          at,
          asOf: d('2025-06-30'),
        }),
      (e: unknown) => e instanceof TransitionNotAllowedError && e.message.includes('draft, submitted, paid'),
    );
  });

  test('defineMachine rejects undeclared states, duplicate names per state and exits from terminal states', () => {
    const bad: Machine = {
      id: 'm',
      title: 'M',
      initial: 'start',
      states: { a: { title: 'A' }, done: { title: 'Done', terminal: true } },
      transitions: [
        { name: 'go', title: 'Go', from: ['a'], to: 'b' },
        { name: 'go', title: 'Go again', from: ['a', 'x'], to: 'done' },
        { name: 'reopen', title: 'Reopen', from: ['done'], to: 'a' },
      ],
    };
    assert.throws(
      () => defineMachine(bad),
      (e: unknown) => {
        assert.ok(e instanceof PackDefinitionError);
        assert.deepEqual(e.problems, [
          'initial state "start" is not declared (declared: a, done)',
          'transition "go" goes to undeclared state "b" (declared: a, done)',
          'state "a" has two transitions named "go"; names must be unique per from-state',
          'transition "go" leaves undeclared state "x" (declared: a, done)',
          'transition "reopen" leaves terminal state "done"; a terminal state has no way out',
        ]);
        return true;
      },
    );
  });

  test('defineMachine accepts the same transition name from different states', () => {
    const m = defineMachine({
      id: 'm',
      title: 'M',
      initial: 'a',
      states: { a: { title: 'A' }, b: { title: 'B' } },
      transitions: [
        { name: 'toggle', title: 'Toggle', from: ['a'], to: 'b' },
        { name: 'toggle', title: 'Toggle', from: ['b'], to: 'a' },
      ],
    });
    assert.equal(m.transitions.length, 2);
  });
});
