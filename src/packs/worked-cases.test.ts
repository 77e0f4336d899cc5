// The one generic test of every pack's worked cases (src/packs/<pack>/cases/*.yaml).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PACKS } from './registry.ts';
import { checkWorkedCase, loadWorkedCases } from './worked-cases.ts';

for (const mod of PACKS) {
  const { pack } = mod;
  const files = loadWorkedCases(pack);
  describe(`pack ${pack.manifest.id}: worked cases`, () => {
    for (const file of files) {
      describe(file.file, () => {
        for (const c of file.cases) {
          test(c.name, () => {
            assert.deepEqual(checkWorkedCase(pack, file.caseKind, c), []);
          });
        }
      });
    }

    test('every rule has worked cases on both sides: one with findings and one with different ones', () => {
      const outcomes = new Map<string, Set<string>>();
      for (const file of files) {
        for (const c of file.cases) {
          for (const [rule, expected] of Object.entries(c.expect ?? {})) {
            const key = JSON.stringify(expected.map((e) => e.kind).sort());
            outcomes.set(rule, (outcomes.get(rule) ?? new Set()).add(key));
          }
        }
      }
      const lacking = pack.rules.filter((r) => (outcomes.get(r.id)?.size ?? 0) < 2).map((r) => r.id);
      assert.deepEqual(lacking, [], 'rules without worked cases showing two different outcomes');
    });
  });
}
