// How roles and units read on the administration screens (app/components/admin/people.ts): a unit by
// its full place in the tree, a tree that survives bad data, and a role by its plain name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRole, roleName, unitOptions, unitPath, unitTree } from './app/components/admin/people.ts';

const unit = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });

const units = [
  unit('north', 'North High'),
  unit('north-sci', 'Science', 'north'),
  unit('lincoln', 'Lincoln Elementary'),
  unit('lincoln-sci', 'Science', 'lincoln'),
  unit('athletics', 'Athletics'),
];

test('a unit reads with its ancestors, so two units of the same name stay apart', () => {
  assert.equal(unitPath(units, 'north-sci'), 'North High › Science');
  assert.equal(unitPath(units, 'lincoln-sci'), 'Lincoln Elementary › Science');
  assert.equal(unitPath(units, 'athletics'), 'Athletics');
  assert.equal(unitPath(units, 'gone'), 'a unit that no longer exists');
  assert.equal(unitPath(units, null), '');
});

test('the units for a <select> come in tree order, by name at each level, with full paths', () => {
  assert.deepEqual(
    unitOptions(units).map((u) => u.label),
    ['Athletics', 'Lincoln Elementary', 'Lincoln Elementary › Science', 'North High', 'North High › Science'],
  );
});

test('a cycle or a missing parent in bad data neither hangs nor loses a unit', () => {
  const bad = [
    unit('a', 'A', 'b'),
    unit('b', 'B', 'a'),
    unit('self', 'Self', 'self'),
    unit('orphan', 'Orphan', 'gone'),
  ];
  const roots = unitTree(bad);
  const all: string[] = [];
  const walk = (nodes: typeof roots) => {
    for (const n of nodes) {
      all.push(n.unit.id);
      walk(n.children);
    }
  };
  walk(roots);
  assert.deepEqual(all.sort(), ['a', 'b', 'orphan', 'self']);
  assert.ok(
    roots.some((n) => n.unit.id === 'orphan'),
    'a unit whose parent is missing is a top-level unit',
  );
  assert.equal(unitPath(bad, 'a'), 'B › A');
  assert.equal(unitPath(bad, 'self'), 'Self');
});

test('a role reads by its plain name and what it is for; an unknown role by its id', () => {
  const approver = {
    id: 'sample.approver',
    title: 'Petty-cash approver: approves disbursements within the limit',
    permissions: ['org.read', 'records.read', 'records.write'],
  };
  assert.deepEqual(describeRole(approver), {
    name: 'Petty-cash approver',
    description: 'Approves disbursements within the limit.',
    can: 'Can read records and create and edit records.',
  });
  assert.equal(
    describeRole({ id: 'viewer', title: 'Viewer', permissions: ['org.read'] }).can,
    'Can see the organisation.',
  );
  assert.equal(roleName([approver], 'sample.approver'), 'Petty-cash approver');
  assert.equal(roleName([approver], 'retired.role'), 'retired.role');
});
