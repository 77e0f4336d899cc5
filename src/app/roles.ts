// Roles grant permissions within one organisation, or within one unit of it. Every use case names the
// permission it needs and the app checks it before running (src/app/use-case.ts), so no interface can
// forget the check.
export const PERMISSIONS = [
  'org.read',
  'evaluate',
  'events.read',
  'events.verify',
  'users.manage',
  'parameters.read',
  'parameters.override',
  'documents.read',
  'documents.write',
  'records.read',
  'records.write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface RoleDef {
  id: string;
  title: string;
  permissions: readonly Permission[];
}

export const CORE_ROLES: readonly RoleDef[] = [
  { id: 'org-admin', title: 'Organisation administrator', permissions: PERMISSIONS },
  {
    id: 'auditor',
    title: 'Auditor: reads everything, verifies the event log, changes nothing',
    permissions: [
      'org.read',
      'evaluate',
      'events.read',
      'events.verify',
      'parameters.read',
      'documents.read',
      'records.read',
    ],
  },
  {
    id: 'member',
    title: 'Member: works on records',
    permissions: [
      'org.read',
      'evaluate',
      'parameters.read',
      'documents.read',
      'documents.write',
      'records.read',
      'records.write',
    ],
  },
  {
    id: 'viewer',
    title: 'Viewer: reads records',
    permissions: ['org.read', 'parameters.read', 'records.read', 'documents.read'],
  },
];

export interface Membership {
  id: string;
  role: string;
  /** undefined: the whole organisation. */
  unitId?: string;
}

export function roleById(roles: readonly RoleDef[], id: string): RoleDef | undefined {
  return roles.find((r) => r.id === id);
}

/**
 * Where the memberships grant a permission: 'org' (everywhere in the organisation), a set of unit ids,
 * or 'none'.
 */
export function grantScope(
  roles: readonly RoleDef[],
  memberships: readonly Membership[],
  permission: Permission,
): 'org' | 'none' | ReadonlySet<string> {
  const units = new Set<string>();
  for (const m of memberships) {
    if (!roleById(roles, m.role)?.permissions.includes(permission)) continue;
    if (m.unitId === undefined) return 'org';
    units.add(m.unitId);
  }
  return units.size > 0 ? units : 'none';
}

/** Where a person holds a role: everywhere ('org'), in some units, or nowhere (undefined). */
export type Reach = 'org' | ReadonlySet<string>;

/** The units where memberships holding one of `roles` reach: org-wide membership reaches everywhere. */
export function reachOf(memberships: readonly Membership[], roles: readonly string[]): Reach | undefined {
  const units = new Set<string>();
  for (const m of memberships) {
    if (!roles.includes(m.role)) continue;
    if (m.unitId === undefined) return 'org';
    units.add(m.unitId);
  }
  return units.size > 0 ? units : undefined;
}

/** Whether a reach covers a record in `unitId` (a record in no unit is reached only organisation-wide). */
export function reaches(reach: Reach | undefined, unitId: string | null): boolean {
  if (reach === undefined) return false;
  return reach === 'org' || (unitId !== null && reach.has(unitId));
}
