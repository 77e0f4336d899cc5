import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cite, formatCitation } from './citation.ts';

describe('citations', () => {
  test('cite keeps the optional parts only when given', () => {
    assert.deepEqual(cite('lea-finance', 'policy.txt', 'B.1.c'), {
      pack: 'lea-finance',
      document: 'policy.txt',
      section: 'B.1.c',
    });
    assert.deepEqual(cite('lea-finance', 'policy.txt', 'B.1.c', 'Utah Code 63G-6a-408', 'Small purchases'), {
      pack: 'lea-finance',
      document: 'policy.txt',
      section: 'B.1.c',
      authority: 'Utah Code 63G-6a-408',
      title: 'Small purchases',
    });
  });

  test('formatCitation shows the section and, when given, the authority', () => {
    assert.equal(
      formatCitation(cite('lea-finance', 'policy.txt', 'B.1.c', 'Utah Code 63G-6a-408')),
      '§ B.1.c — Utah Code 63G-6a-408',
    );
    assert.equal(formatCitation(cite('childcare', '18 NYCRR', '5.7(2)')), '§ 5.7(2)');
  });
});
