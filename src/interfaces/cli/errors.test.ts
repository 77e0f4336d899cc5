import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputInvalidError } from '../../app/errors.ts';
import { FactsInvalidError, ProbityError } from '../../kernel/index.ts';
import { formatError } from './errors.ts';

test('a ProbityError is one line with its code', () => {
  assert.equal(
    formatError(new ProbityError('PRB_UNKNOWN_PACK', 'no pack "x"')),
    'error PRB_UNKNOWN_PACK: no pack "x"',
  );
});

test('invalid facts list one line per issue', () => {
  const e = new FactsInvalidError('disbursement', [
    { path: 'amountCents', message: 'must be more than zero' },
    { path: 'fund', message: 'required' },
  ]);
  assert.equal(
    formatError(e),
    'error PRB_FACTS_INVALID: facts for case kind "disbursement" are invalid (2 problems):\n' +
      '  - amountCents: must be more than zero\n  - fund: required',
  );
  assert.match(
    formatError(new InputInvalidError([{ path: '/org', message: 'x' }])),
    /^error PRB_INPUT_INVALID: .*\n {2}- \/org: x$/,
  );
});

test('an unexpected error is a defect: stack only when debugging', () => {
  const plain = formatError(new TypeError('boom'));
  assert.match(plain, /^error PRB_INTERNAL: boom\n/);
  assert.doesNotMatch(plain, /at .+:\d+:\d+/);
  assert.match(formatError(new TypeError('boom'), { debug: true }), /at .+:\d+:\d+/);
});
