// Organisation administration: units, users and their roles. Every change is an event.
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../store/connect.ts';
import { orgUnits, roleMemberships, sessions, users } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { hashPassword, newId, oneTimePassword } from '../auth/secrets.ts';
import { AppError, InputInvalidError, notFound } from '../errors.ts';
import { grantScope } from '../roles.ts';
import { defineUseCase, type Principal } from '../use-case.ts';
import { recordEvent } from './events.ts';

const org = z.string();

export const listRoles = defineUseCase({
  name: 'list roles',
  access: { kind: 'org', permission: 'org.read' },
  input: z.object({ org }),
  async run({ app }) {
    return app.roles.map((r) => ({ id: r.id, title: r.title, permissions: [...r.permissions] }));
  },
});

export const listUnits = defineUseCase({
  name: 'list units',
  access: { kind: 'org', permission: 'org.read' },
  input: z.object({ org }),
  async run({ app, org }) {
    const db = app.store.db;
    const rows = await db
      .select()
      .from(orgUnits)
      .where(eq(orgUnits.orgId, org.org.id))
      .orderBy(asc(orgUnits.name));
    // People holding a role in the unit (not organisation-wide roles): who works there.
    const members = await db
      .select({
        unitId: roleMemberships.unitId,
        n: sql<number>`count(distinct ${roleMemberships.userId})::int`,
      })
      .from(roleMemberships)
      .where(and(eq(roleMemberships.orgId, org.org.id), isNotNull(roleMemberships.unitId)))
      .groupBy(roleMemberships.unitId);
    const count = new Map(members.map((m) => [m.unitId, m.n]));
    return rows.map((u) => ({
      id: u.id,
      name: u.name,
      parentId: u.parentId,
      memberCount: count.get(u.id) ?? 0,
    }));
  },
});

export const createUnit = defineUseCase({
  name: 'create a unit',
  access: { kind: 'org', permission: 'users.manage' },
  input: z.object({ org, name: z.string().trim().min(1).max(200), parentId: z.string().max(64).optional() }),
  async run({ app, org, input, principal, now }) {
    return app.store.db.transaction(async (tx) => {
      const existing = await tx.select().from(orgUnits).where(eq(orgUnits.orgId, org.org.id));
      if (existing.some((u) => u.name.toLowerCase() === input.name.toLowerCase())) {
        throw new InputInvalidError([
          { path: '/name', message: `a unit named "${input.name}" already exists` },
        ]);
      }
      if (input.parentId && !existing.some((u) => u.id === input.parentId)) {
        throw new InputInvalidError([{ path: '/parentId', message: 'is not a unit of this organisation' }]);
      }
      const unit = { orgId: org.org.id, id: newId(), name: input.name, parentId: input.parentId ?? null };
      await tx.insert(orgUnits).values({ ...unit, createdAt: now });
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'unit.created',
        subject: `unit:${unit.id}`,
        payload: { name: unit.name, parentId: unit.parentId },
        at: now,
      });
      return { id: unit.id, name: unit.name, parentId: unit.parentId };
    });
  },
});

export const listUsers = defineUseCase({
  name: 'list users',
  access: { kind: 'org', permission: 'users.manage' },
  input: z.object({ org }),
  async run({ app, org }) {
    const db = app.store.db;
    const memberships = await db.select().from(roleMemberships).where(eq(roleMemberships.orgId, org.org.id));
    const ids = [...new Set(memberships.map((m) => m.userId))];
    const people = ids.length
      ? await db.select().from(users).where(inArray(users.id, ids)).orderBy(asc(users.displayName))
      : [];
    return people.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      disabled: u.disabledAt !== null,
      mustChangePassword: u.mustChangePassword,
      roles: memberships
        .filter((m) => m.userId === u.id)
        .map((m) => ({ id: m.id, role: m.role, unitId: m.unitId })),
    }));
  },
});

/** Refuses a unit id (at `/unitId`) that is not a unit of the organisation. */
export async function checkUnit(tx: Db, orgId: string, unitId: string): Promise<void> {
  const [unit] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.orgId, orgId), eq(orgUnits.id, unitId)));
  if (!unit)
    throw new InputInvalidError([{ path: '/unitId', message: 'is not a unit of this organisation' }]);
}

async function checkRole(app: App, tx: Db, orgId: string, role: string, unitId: string | undefined) {
  if (!app.roles.some((r) => r.id === role)) {
    throw new InputInvalidError([
      { path: '/role', message: `is not a role; roles: ${app.roles.map((r) => r.id).join(', ')}` },
    ]);
  }
  if (unitId) await checkUnit(tx, orgId, unitId);
}

export async function grantRoleInTx(
  app: App,
  tx: Db,
  a: {
    orgId: string;
    userId: string;
    role: string;
    unitId?: string | undefined;
    actor: Principal | 'system';
    now: Date;
  },
) {
  await checkRole(app, tx, a.orgId, a.role, a.unitId);
  const id = newId();
  await tx.insert(roleMemberships).values({
    orgId: a.orgId,
    id,
    userId: a.userId,
    role: a.role,
    unitId: a.unitId ?? null,
    grantedBy: a.actor === 'system' ? 'system' : a.actor.userId,
    createdAt: a.now,
  });
  await recordEvent(tx, {
    orgId: a.orgId,
    actor: a.actor,
    kind: 'role.granted',
    subject: `user:${a.userId}`,
    payload: { membershipId: id, role: a.role, unitId: a.unitId ?? null },
    at: a.now,
  });
  return id;
}

/**
 * A new account whose one-time password (given as its hash) must be changed at the first sign-in, logged
 * as user.created in the organisation that made it. Returns its id.
 */
export async function insertAccountInTx(
  tx: Db,
  a: {
    orgId: string;
    actor: Principal | 'system';
    email: string;
    displayName: string;
    passwordHash: string;
    now: Date;
  },
): Promise<string> {
  const id = newId();
  await tx.insert(users).values({
    id,
    email: a.email,
    displayName: a.displayName,
    passwordHash: a.passwordHash,
    mustChangePassword: true,
    createdAt: a.now,
  });
  await recordEvent(tx, {
    orgId: a.orgId,
    actor: a.actor,
    kind: 'user.created',
    subject: `user:${id}`,
    payload: { email: a.email, displayName: a.displayName },
    at: a.now,
  });
  return id;
}

export const createUser = defineUseCase({
  name: 'create a user',
  access: { kind: 'org', permission: 'users.manage' },
  input: z.object({
    org,
    email: z.string().trim().toLowerCase().email('expected an e-mail address').max(254),
    displayName: z.string().trim().min(1).max(200),
    role: z.string().min(1).max(100),
    unitId: z.string().max(64).optional(),
  }),
  async run({ app, org, input, principal, now }) {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    return app.store.db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${input.email}`)
        .limit(1);
      let userId: string;
      if (existing) {
        // The person already has an account (another organisation): add them here, keep their password.
        const already = await tx
          .select()
          .from(roleMemberships)
          .where(and(eq(roleMemberships.orgId, org.org.id), eq(roleMemberships.userId, existing.id)));
        if (already.length > 0) {
          throw new InputInvalidError([
            { path: '/email', message: 'already belongs to a member of this organisation' },
          ]);
        }
        userId = existing.id;
      } else {
        userId = await insertAccountInTx(tx, {
          orgId: org.org.id,
          actor: principal,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          now,
        });
      }
      await grantRoleInTx(app, tx, {
        orgId: org.org.id,
        userId,
        role: input.role,
        unitId: input.unitId,
        actor: principal,
        now,
      });
      return { id: userId, email: input.email, oneTimePassword: existing ? null : password };
    });
  },
});

export const grantRole = defineUseCase({
  name: 'grant a role',
  access: { kind: 'org', permission: 'users.manage' },
  input: z.object({
    org,
    userId: z.string().min(1).max(64),
    role: z.string().min(1).max(100),
    unitId: z.string().max(64).optional(),
  }),
  async run({ app, org, input, principal, now }) {
    return app.store.db.transaction(async (tx) => {
      const members = await tx
        .select()
        .from(roleMemberships)
        .where(and(eq(roleMemberships.orgId, org.org.id), eq(roleMemberships.userId, input.userId)));
      if (members.length === 0) throw notFound(`A member ${input.userId} of this organisation`);
      if (members.some((m) => m.role === input.role && (m.unitId ?? undefined) === input.unitId)) {
        throw new AppError('PRB_CONFLICT', 'The user already holds that role there.');
      }
      const id = await grantRoleInTx(app, tx, {
        orgId: org.org.id,
        userId: input.userId,
        role: input.role,
        unitId: input.unitId,
        actor: principal,
        now,
      });
      return { id };
    });
  },
});

export const revokeRole = defineUseCase({
  name: 'revoke a role',
  access: { kind: 'org', permission: 'users.manage' },
  input: z.object({ org, membershipId: z.string().min(1).max(64) }),
  async run({ app, org, input, principal, now }) {
    return app.store.db.transaction(async (tx) => {
      const [m] = await tx
        .select()
        .from(roleMemberships)
        .where(and(eq(roleMemberships.orgId, org.org.id), eq(roleMemberships.id, input.membershipId)));
      if (!m) throw notFound(`Role membership ${input.membershipId}`);
      if (m.role === 'org-admin' && m.unitId === null) {
        const admins = await tx
          .select()
          .from(roleMemberships)
          .where(and(eq(roleMemberships.orgId, org.org.id), eq(roleMemberships.role, 'org-admin')));
        if (admins.filter((a) => a.unitId === null).length <= 1) {
          throw new AppError(
            'PRB_CONFLICT',
            'This is the last organisation administrator; grant the role to someone else first.',
          );
        }
      }
      await tx
        .delete(roleMemberships)
        .where(and(eq(roleMemberships.orgId, org.org.id), eq(roleMemberships.id, m.id)));
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'role.revoked',
        subject: `user:${m.userId}`,
        payload: { membershipId: m.id, role: m.role, unitId: m.unitId },
        at: now,
      });
      return { revoked: true };
    });
  },
});

export const resetPassword = defineUseCase({
  name: "reset a member's password",
  access: { kind: 'org', permission: 'users.manage' },
  input: z.object({ org, userId: z.string().min(1).max(64) }),
  async run({ app, org, input, principal, now }) {
    if (input.userId === principal.userId) {
      throw new AppError(
        'PRB_FORBIDDEN',
        'You cannot reset your own password here; change it at POST /api/v1/me/password with your current one.',
      );
    }
    if (org.scope('users.manage') !== 'org') {
      throw new AppError(
        'PRB_FORBIDDEN',
        'Resetting a password needs user management across the organisation.',
      );
    }
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    return app.store.db.transaction(async (tx) => {
      const theirs = await tx.select().from(roleMemberships).where(eq(roleMemberships.userId, input.userId));
      if (!theirs.some((m) => m.orgId === org.org.id))
        throw notFound(`A member ${input.userId} of this organisation`);
      // An account is global: resetting it hands its every organisation to whoever learns the new password,
      // so the administrator must manage users in each of them, not only here.
      const elsewhere = [...new Set(theirs.map((m) => m.orgId))].filter((id) => id !== org.org.id);
      if (elsewhere.length > 0) {
        const mine = await tx
          .select()
          .from(roleMemberships)
          .where(and(eq(roleMemberships.userId, principal.userId), ne(roleMemberships.orgId, org.org.id)));
        const managesAll = elsewhere.every(
          (orgId) =>
            grantScope(
              app.roles,
              mine
                .filter((m) => m.orgId === orgId)
                .map((m) => ({ id: m.id, role: m.role, ...(m.unitId === null ? {} : { unitId: m.unitId }) })),
              'users.manage',
            ) === 'org',
        );
        if (!managesAll) {
          throw new AppError(
            'PRB_FORBIDDEN',
            'This person also belongs to an organisation whose users you do not manage; an administrator of every ' +
              'organisation they belong to may reset their password, or they can change it themselves.',
          );
        }
      }
      const [user] = await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: true })
        .where(eq(users.id, input.userId))
        .returning({ id: users.id, email: users.email });
      if (!user) throw notFound(`A member ${input.userId} of this organisation`);
      // Whoever is signed in as them now (perhaps the reason for the reset) is signed out.
      const ended = await tx
        .delete(sessions)
        .where(eq(sessions.userId, user.id))
        .returning({ tokenHash: sessions.tokenHash });
      for (const orgId of [org.org.id, ...elsewhere]) {
        await recordEvent(tx, {
          orgId,
          actor: principal,
          kind: 'user.password-reset',
          subject: `user:${user.id}`,
          payload: { sessionsEnded: ended.length },
          at: now,
        });
      }
      return {
        userId: user.id,
        email: user.email,
        oneTimePassword: password,
        mustChangePassword: true,
        sessionsEnded: ended.length,
      };
    });
  },
});
