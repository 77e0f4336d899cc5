import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { zBasisPoints, zBasisPointsBetween, zCalendarDate, zCents } from './zod.ts';

describe('zod schemas', () => {
  test('zCalendarDate accepts dates that exist and says what it expected otherwise', () => {
    assert.equal(zCalendarDate.parse('2024-02-29'), '2024-02-29');
    for (const bad of ['2025-02-29', '2025-2-1', 20250101, '']) {
      const r = zCalendarDate.safeParse(bad);
      assert.equal(r.success, false, String(bad));
      assert.deepEqual(
        r.error?.issues.map((i) => i.message),
        ['expected a calendar date YYYY-MM-DD that exists'],
        `one issue for ${String(bad)}`,
      );
    }
  });

  test('zCents accepts safe integers only', () => {
    assert.equal(zCents.parse(-125), -125);
    assert.equal(zCents.safeParse(1.5).success, false);
    assert.equal(zCents.safeParse(2 ** 53).success, false);
    assert.equal(zCents.description, 'amount in integer cents');
  });

  test('zBasisPoints accepts whole basis points from 0 to 10000', () => {
    assert.equal(zBasisPoints.parse(10000), 10000);
    assert.equal(zBasisPoints.safeParse(10001).success, false);
    assert.equal(zBasisPoints.safeParse(-1).success, false);
    assert.equal(zBasisPoints.safeParse(12.5).success, false);
    assert.equal(zBasisPointsBetween(0, 20000).safeParse(15000).success, true);
  });

  test('their JSON Schema names the format, even under a field’s own title and description', () => {
    const schema = z.object({
      paidOn: zCalendarDate.meta({ title: 'Paid on', description: 'date the cash is paid out' }),
      amountCents: zCents.refine((n) => n > 0).meta({ title: 'Amount' }),
      rate: zBasisPoints.optional(),
    });
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { format?: string; title?: string; description?: string }>;
    };
    assert.deepEqual(
      [json.properties.paidOn?.format, json.properties.paidOn?.title, json.properties.paidOn?.description],
      ['date', 'Paid on', 'date the cash is paid out'],
    );
    assert.deepEqual(
      [json.properties.amountCents?.format, json.properties.amountCents?.title],
      ['cents', 'Amount'],
    );
    assert.equal(json.properties.rate?.format, 'basis-points');
  });
});
