// How roles and units read to people who do not know the permission names: a role's plain name and what
// it lets someone do, and a unit by its full place in the tree ("North High › Science").
import type { Role, Unit } from '../../types.ts';

const CAN: Record<string, string> = {
  'org.read': 'see the organisation',
  evaluate: 'check cases against the rules',
  'records.read': 'read records',
  'records.write': 'create and edit records',
  'documents.read': 'read documents',
  'documents.write': 'upload documents',
  'parameters.read': 'see parameter values',
  'parameters.override': "set the organisation's own parameter values",
  'events.read': 'read the audit log',
  'events.verify': 'verify the audit log',
  'users.manage': 'manage users, roles and units',
};

/** The role's short name and a sentence on what it is for. Core titles read "Name: what it does". */
export function describeRole(role: Pick<Role, 'id' | 'title' | 'permissions'>): {
  name: string;
  description: string;
  can: string;
} {
  const colon = role.title.indexOf(': ');
  const name = colon > 0 ? role.title.slice(0, colon) : role.title;
  const tail = colon > 0 ? role.title.slice(colon + 2) : '';
  const everything = Object.keys(CAN).every((p) => role.permissions.includes(p));
  const abilities = role.permissions.filter((p) => p !== 'org.read').map((p) => CAN[p] ?? p);
  const can = everything
    ? 'Can do everything, including managing users, roles and units and setting parameter values.'
    : abilities.length
      ? `Can ${joinList(abilities)}.`
      : 'Can see the organisation.';
  const description = tail ? `${tail.charAt(0).toUpperCase()}${tail.slice(1)}.` : '';
  return { name, description, can };
}

/** The role's short name, or its id when the role is unknown. */
export function roleName(roles: readonly Role[], id: string): string {
  const role = roles.find((r) => r.id === id);
  return role ? describeRole(role).name : id;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 'North High › Science' — the unit with its ancestors, so two "Science" units stay distinct. */
export function unitPath(units: readonly Unit[], id: string | null | undefined): string {
  if (!id) return '';
  const byId = new Map(units.map((u) => [u.id, u]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  // A cycle in bad data must not hang the page.
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.length ? names.join(' › ') : 'a unit that no longer exists';
}

export interface UnitNode<U extends Unit = Unit> {
  unit: U;
  children: UnitNode<U>[];
}

/** The units as a tree by parentId; a unit whose parent is missing becomes a top-level unit. */
export function unitTree<U extends Unit>(units: readonly U[]): UnitNode<U>[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode<U>[] }]));
  const roots: UnitNode<U>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node && !isAncestor(nodes, node.unit.id, parent.unit.id)) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const byName = (a: UnitNode<U>, b: UnitNode<U>) => a.unit.name.localeCompare(b.unit.name);
  const sort = (list: UnitNode<U>[]) => {
    list.sort(byName);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

function isAncestor<U extends Unit>(nodes: Map<string, UnitNode<U>>, candidate: string, of: string): boolean {
  const seen = new Set<string>();
  let current = nodes.get(of)?.unit.parentId ?? null;
  while (current && !seen.has(current)) {
    if (current === candidate) return true;
    seen.add(current);
    current = nodes.get(current)?.unit.parentId ?? null;
  }
  return false;
}

/** The units in tree order with their full paths, for a <select>. */
export function unitOptions(units: readonly Unit[]): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  const walk = (list: UnitNode[]) => {
    for (const n of list) {
      out.push({ id: n.unit.id, label: unitPath(units, n.unit.id) });
      walk(n.children);
    }
  };
  walk(unitTree(units));
  return out;
}
