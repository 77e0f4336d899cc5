// The application: the store, the installed packs and the roles they bring, and a clock (tests fix it).
import type { PackModule } from '../packs/framework.ts';
import { PACKS } from '../packs/registry.ts';
import type { Store } from '../store/connect.ts';
import { CORE_ROLES, PERMISSIONS, type Permission, type RoleDef } from './roles.ts';

export interface App {
  store: Store;
  packs: readonly PackModule[];
  roles: readonly RoleDef[];
  clock(): Date;
  sessionHours: number;
}

export interface CreateAppOptions {
  store: Store;
  packs?: readonly PackModule[];
  clock?: () => Date;
  sessionHours?: number;
}

export function createApp(opts: CreateAppOptions): App {
  const packs = opts.packs ?? PACKS;
  const packRoles: RoleDef[] = packs.flatMap((p) =>
    (p.roles ?? []).map((r) => ({
      id: r.id,
      title: r.title,
      permissions: r.permissions.filter((x): x is Permission =>
        (PERMISSIONS as readonly string[]).includes(x),
      ),
    })),
  );
  return {
    store: opts.store,
    packs,
    roles: [...CORE_ROLES, ...packRoles],
    clock: opts.clock ?? (() => new Date()),
    sessionHours: opts.sessionHours ?? 12,
  };
}
