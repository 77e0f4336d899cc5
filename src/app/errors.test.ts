import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERROR_CATALOG } from './errors.ts';

const root = new URL('../../', import.meta.url).pathname;

test('docs/errors.md documents exactly the codes of the catalog, with the same HTTP status', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  const documented = new Map(
    [...doc.matchAll(/^### (PRB_[A-Z_]+)\nHTTP (\d{3})/gm)].map((m) => [m[1], Number(m[2])]),
  );
  const catalog = new Map(Object.entries(ERROR_CATALOG).map(([code, e]) => [code, e.status]));
  assert.deepEqual([...documented.entries()].sort(), [...catalog.entries()].sort());
});

// The browser makes up codes for failures that never reached the server (no HTTP status, so not in the
// catalog): allowed in the web client only, and only these, so a new one is a decision, not an accident.
const BROWSER_ONLY = new Set(['PRB_NETWORK', 'PRB_CLIENT']);

test('every PRB_ code used in the sources is in the catalog', () => {
  const used: [code: string, path: string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/'(PRB_[A-Z_]+)'/g)) used.push([m[1]!, path]);
      }
    }
  };
  walk(join(root, 'src'));
  const web = join(root, 'src/interfaces/web');
  const missing = used.filter(
    ([code, path]) => !(code in ERROR_CATALOG) && !(BROWSER_ONLY.has(code) && path.startsWith(web)),
  );
  assert.deepEqual(missing, []);
  assert.ok(new Set(used.map(([code]) => code)).size > 20);
});
