// The organisation being worked in (from the URL, /o/:org/…), what the user may do there, its units
// and installed packs, and the unit the user has narrowed their view to (remembered per organisation).
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { orgApi } from './api.ts';
import { Loading } from './components/ui.tsx';
import { useSession } from './session.tsx';
import type { PackInfo, Role, Unit } from './types.ts';
import { useApi } from './use-api.ts';

export interface OrgState {
  slug: string;
  name: string;
  /** Permissions the user's roles give anywhere in this organisation (the server decides each request). */
  permissions: ReadonlySet<string>;
  /** The user's own roles here. */
  roles: { role: string; unitId: string | null }[];
  /** Every role there is (the core roles and the installed packs'), with its permissions. */
  roleCatalog: Role[];
  units: Unit[];
  packs: PackInfo[];
  /** The unit the views are narrowed to, or null for all units. */
  unitId: string | null;
  setUnitId(unitId: string | null): void;
  can(permission: string): boolean;
  /** App path inside this organisation: path('/records') → '/o/demo/records'. */
  path(sub?: string): string;
  /** API path of this organisation's resource. */
  api(sub: string): string;
  reloadUnits(): void;
}

const OrgContext = createContext<OrgState | null>(null);

/** Where the unit a person narrowed an organisation's views to is remembered (main.tsx reads it too). */
export function unitStorageKey(slug: string) {
  return `probity.unit.${slug}`;
}

export function OrgProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const { me } = useSession();
  const membership = me?.organisations.find((o) => o.slug === slug);
  const roles = useApi<Role[]>(membership ? orgApi(slug, '/roles') : null);
  const units = useApi<Unit[]>(membership ? orgApi(slug, '/units') : null);
  const packs = useApi<PackInfo[]>(membership ? orgApi(slug, '/packs') : null);
  const [unitId, setUnitState] = useState<string | null>(() => localStorage.getItem(unitStorageKey(slug)));
  const setUnitId = useCallback(
    (id: string | null) => {
      if (id) localStorage.setItem(unitStorageKey(slug), id);
      else localStorage.removeItem(unitStorageKey(slug));
      setUnitState(id);
    },
    [slug],
  );
  const value = useMemo<OrgState | null>(() => {
    if (!membership) return null;
    const held = new Set(membership.roles.map((r) => r.role));
    const roleCatalog = roles.data ?? [];
    const permissions = new Set(roleCatalog.filter((r) => held.has(r.id)).flatMap((r) => r.permissions));
    const unitList = units.data ?? [];
    // A remembered unit that no longer exists (or another org's) is ignored.
    const selected = unitId && unitList.some((u) => u.id === unitId) ? unitId : null;
    return {
      slug,
      name: membership.name,
      permissions,
      roles: membership.roles,
      roleCatalog,
      units: unitList,
      packs: packs.data ?? [],
      unitId: selected,
      setUnitId,
      can: (p) => permissions.has(p),
      path: (sub = '') => `/o/${encodeURIComponent(slug)}${sub}`,
      api: (sub) => orgApi(slug, sub),
      reloadUnits: units.reload,
    };
  }, [membership, roles.data, units.data, units.reload, packs.data, unitId, setUnitId, slug]);
  // Not a member: App shows "Not found" before this renders; its children would need the organisation.
  if (!value) return null;
  // Wait for roles and packs so navigation and permission checks do not flicker.
  if (!roles.data || !packs.data) {
    if (roles.error || packs.error) {
      return (
        <main className="page" id="main">
          <p role="alert">Could not load the organisation: {(roles.error ?? packs.error)?.message}</p>
        </main>
      );
    }
    return <Loading />;
  }
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

/** The current organisation; only inside /o/:org/… routes. */
export function useOrg(): OrgState {
  const org = useContext(OrgContext);
  if (!org) throw new Error('useOrg outside an organisation route');
  return org;
}

export function useOptionalOrg(): OrgState | null {
  return useContext(OrgContext);
}
