// Every use case declares its input schema and the access it needs; `execute` validates the input,
// authenticates and authorises before the use case runs. Interfaces (HTTP, CLI, jobs) reach the
// application only through `execute`, so none of them can skip the check.
import { and, eq } from 'drizzle-orm';
import type { output, ZodType } from 'zod';
import { organisations, roleMemberships } from '../store/schema.ts';
import type { App } from './app.ts';
import { AppError, type FieldIssue, InputInvalidError } from './errors.ts';
import { grantScope, type Membership, type Permission } from './roles.ts';

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  mustChangePassword: boolean;
  via: 'session' | 'token' | 'system';
  /** The session or token that authenticated this request. */
  credentialId?: string;
}

export type Organisation = typeof organisations.$inferSelect;

export interface OrgScope {
  org: Organisation;
  memberships: Membership[];
  /** Where the principal holds the permission: 'org', a set of unit ids, or 'none'. */
  scope(permission: Permission): 'org' | 'none' | ReadonlySet<string>;
  hasRole(...roles: string[]): boolean;
}

export type Access =
  | { kind: 'public' }
  | {
      kind: 'authenticated' /** allowed while a one-time password is still unchanged */;
      beforePasswordChange?: boolean;
    }
  | { kind: 'org'; permission: Permission }
  /** the person who runs the installation (the CLI at the server): never reachable over HTTP */
  | { kind: 'operator' };

export interface UseCaseContext<I> {
  app: App;
  input: I;
  principal: Principal | undefined;
  now: Date;
}

export interface OrgUseCaseContext<I> extends UseCaseContext<I> {
  principal: Principal;
  org: OrgScope;
}

export type RunContext<I, A extends Access> = A extends { kind: 'org' }
  ? OrgUseCaseContext<I>
  : A extends { kind: 'authenticated' } | { kind: 'operator' }
    ? UseCaseContext<I> & { principal: Principal }
    : UseCaseContext<I>;

export interface UseCase<I, O, A extends Access = Access, S extends ZodType = ZodType<I>> {
  name: string;
  access: A;
  /** For org access the input carries `org`, the organisation's slug. */
  input: S;
  // Method syntax: checked bivariantly, so a UseCase<I, O, {kind:'org'}> is a UseCase<I, O>.
  run(ctx: RunContext<I, A>): Promise<O>;
}

export function defineUseCase<S extends ZodType, O, const A extends Access>(
  u: UseCase<output<S>, O, A, S>,
): UseCase<output<S>, O, A, S> {
  return u;
}

export function zodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): FieldIssue[] {
  return issues.map((i) => ({
    path: `${prefix}/${i.path.map((p) => String(p)).join('/')}`.replace(/\/$/, '') || '/',
    message: i.message,
  }));
}

export async function loadOrgScope(app: App, principal: Principal, orgSlug: string): Promise<OrgScope> {
  const db = app.store.db;
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, orgSlug)).limit(1);
  const rows = org
    ? await db
        .select()
        .from(roleMemberships)
        .where(and(eq(roleMemberships.orgId, org.id), eq(roleMemberships.userId, principal.userId)))
    : [];
  // Not a member and no such organisation look the same: membership is not disclosed.
  if (!org || rows.length === 0) {
    throw new AppError('PRB_FORBIDDEN', `You are not a member of an organisation "${orgSlug}".`);
  }
  const memberships: Membership[] = rows.map((r) => ({
    id: r.id,
    role: r.role,
    ...(r.unitId === null ? {} : { unitId: r.unitId }),
  }));
  return {
    org,
    memberships,
    scope: (permission) => grantScope(app.roles, memberships, permission),
    hasRole: (...roles) => memberships.some((m) => roles.includes(m.role)),
  };
}

export async function execute<I, O>(
  app: App,
  useCase: UseCase<I, O>,
  principal: Principal | undefined,
  rawInput: unknown,
): Promise<O> {
  const parsed = useCase.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new InputInvalidError(zodIssues(parsed.error.issues));
  const input = parsed.data;
  const now = app.clock();
  const access: Access = useCase.access;
  switch (access.kind) {
    case 'public':
      return (useCase as UseCase<I, O, { kind: 'public' }>).run({ app, input, principal, now });
    case 'authenticated': {
      const p = requirePrincipal(principal, access.beforePasswordChange === true);
      return (useCase as UseCase<I, O, { kind: 'authenticated' }>).run({ app, input, principal: p, now });
    }
    case 'operator': {
      if (principal?.via !== 'system') {
        throw new AppError('PRB_FORBIDDEN', `Only the operator, at the command line, may ${useCase.name}.`);
      }
      return (useCase as UseCase<I, O, { kind: 'operator' }>).run({ app, input, principal, now });
    }
    case 'org': {
      const p = requirePrincipal(principal, false);
      const slug = (input as { org?: unknown }).org;
      if (typeof slug !== 'string')
        throw new InputInvalidError([{ path: '/org', message: 'name the organisation' }]);
      const org = await loadOrgScope(app, p, slug);
      if (org.scope(access.permission) === 'none') {
        throw new AppError(
          'PRB_FORBIDDEN',
          `To ${useCase.name} you need the permission "${access.permission}" in ${org.org.name}; your roles there ` +
            `(${org.memberships.map((m) => m.role).join(', ')}) do not grant it.`,
          { permission: access.permission },
        );
      }
      return (useCase as UseCase<I, O, { kind: 'org'; permission: Permission }>).run({
        app,
        input,
        principal: p,
        org,
        now,
      });
    }
  }
}

function requirePrincipal(principal: Principal | undefined, beforePasswordChange: boolean): Principal {
  if (!principal)
    throw new AppError('PRB_UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer …".');
  if (principal.mustChangePassword && !beforePasswordChange) {
    throw new AppError(
      'PRB_PASSWORD_CHANGE_REQUIRED',
      'Your one-time password must be changed before you continue: POST /api/v1/me/password.',
    );
  }
  return principal;
}

/** The operator at the command line: owns the data directory, so needs no sign-in. */
export const OPERATOR: Principal = {
  userId: 'system',
  email: '',
  displayName: 'Operator',
  mustChangePassword: false,
  via: 'system',
};
