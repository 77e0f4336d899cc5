// Sign-in, sessions, API tokens and one's own account.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiTokens, organisations, roleMemberships, sessions, users } from '../../store/schema.ts';
import type { App } from '../app.ts';
import {
  dummyPasswordHash,
  hashPassword,
  newId,
  newSecret,
  passwordProblem,
  sha256,
  verifyPassword,
} from '../auth/secrets.ts';
import { AppError, InputInvalidError, notFound } from '../errors.ts';
import { defineUseCase, type Principal } from '../use-case.ts';
import { recordEvent } from './events.ts';

export const SESSION_PREFIX = 'prs_';
export const TOKEN_PREFIX = 'prb_';

const email = z.string().trim().toLowerCase().email('expected an e-mail address').max(254);

export const signIn = defineUseCase({
  name: 'sign in',
  access: { kind: 'public' },
  input: z.object({ email, password: z.string().min(1, 'enter your password').max(256) }),
  async run({ app, input, now }) {
    const db = app.store.db;
    const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email}`).limit(1);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !ok || user.disabledAt) {
      throw new AppError('PRB_SIGN_IN_FAILED', 'The e-mail address or password is not right.');
    }
    const token = newSecret(SESSION_PREFIX);
    const expiresAt = new Date(now.getTime() + app.sessionHours * 3600_000);
    await db
      .insert(sessions)
      .values({ tokenHash: sha256(token), userId: user.id, expiresAt, lastSeenAt: now });
    return {
      sessionToken: token,
      expiresAt: expiresAt.toISOString(),
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        mustChangePassword: user.mustChangePassword,
      },
    };
  },
});

/** Resolves a session cookie or bearer token to the principal it stands for, or undefined. */
export async function authenticate(
  app: App,
  credential: { sessionToken?: string | undefined; bearer?: string | undefined },
): Promise<Principal | undefined> {
  const db = app.store.db;
  const now = app.clock();
  if (credential.bearer?.startsWith(TOKEN_PREFIX)) {
    const hash = sha256(credential.bearer);
    const [row] = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
      .limit(1);
    if (!row || row.user.disabledAt || (row.token.expiresAt && row.token.expiresAt <= now)) return undefined;
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
    return {
      userId: row.user.id,
      email: row.user.email,
      displayName: row.user.displayName,
      // A token is created after the password was changed; it never carries the one-time password state.
      mustChangePassword: false,
      via: 'token',
      credentialId: row.token.id,
    };
  }
  if (credential.sessionToken?.startsWith(SESSION_PREFIX)) {
    const hash = sha256(credential.sessionToken);
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now)))
      .limit(1);
    if (!row || row.user.disabledAt) return undefined;
    return {
      userId: row.user.id,
      email: row.user.email,
      displayName: row.user.displayName,
      mustChangePassword: row.user.mustChangePassword,
      via: 'session',
      credentialId: hash,
    };
  }
  return undefined;
}

export const signOut = defineUseCase({
  name: 'sign out',
  access: { kind: 'authenticated', beforePasswordChange: true },
  input: z.object({}),
  async run({ app, principal }) {
    if (principal.via === 'session' && principal.credentialId) {
      await app.store.db.delete(sessions).where(eq(sessions.tokenHash, principal.credentialId));
    }
    return { signedOut: true };
  },
});

export const me = defineUseCase({
  name: 'show my account',
  access: { kind: 'authenticated', beforePasswordChange: true },
  input: z.object({}),
  async run({ app, principal }) {
    const rows = await app.store.db
      .select({
        slug: organisations.slug,
        name: organisations.name,
        role: roleMemberships.role,
        unitId: roleMemberships.unitId,
      })
      .from(roleMemberships)
      .innerJoin(organisations, eq(organisations.id, roleMemberships.orgId))
      .where(eq(roleMemberships.userId, principal.userId))
      .orderBy(asc(organisations.name));
    const orgs = new Map<
      string,
      { slug: string; name: string; roles: { role: string; unitId: string | null }[] }
    >();
    for (const r of rows) {
      const o = orgs.get(r.slug) ?? { slug: r.slug, name: r.name, roles: [] };
      o.roles.push({ role: r.role, unitId: r.unitId });
      orgs.set(r.slug, o);
    }
    return {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      mustChangePassword: principal.mustChangePassword,
      organisations: [...orgs.values()],
    };
  },
});

export const changePassword = defineUseCase({
  name: 'change my password',
  access: { kind: 'authenticated', beforePasswordChange: true },
  input: z.object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().max(256),
  }),
  async run({ app, principal, input, now }) {
    const db = app.store.db;
    const [user] = await db.select().from(users).where(eq(users.id, principal.userId)).limit(1);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new InputInvalidError([{ path: '/currentPassword', message: 'is not your current password' }]);
    }
    const problem = passwordProblem(input.newPassword, user.email);
    if (problem) throw new InputInvalidError([{ path: '/newPassword', message: problem }]);
    if (input.newPassword === input.currentPassword) {
      throw new InputInvalidError([
        { path: '/newPassword', message: 'must differ from the current password' },
      ]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    const orgIds = await memberOrgIds(app, user.id);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
      // Other sessions end: a changed password must lock out whoever else knew the old one.
      await tx
        .delete(sessions)
        .where(
          and(eq(sessions.userId, user.id), sql`${sessions.tokenHash} <> ${principal.credentialId ?? ''}`),
        );
      for (const orgId of orgIds) {
        await recordEvent(tx, {
          orgId,
          actor: principal,
          kind: 'user.password-changed',
          subject: `user:${user.id}`,
          payload: {},
          at: now,
        });
      }
    });
    return { changed: true };
  },
});

async function memberOrgIds(app: App, userId: string): Promise<string[]> {
  const rows = await app.store.db
    .selectDistinct({ orgId: roleMemberships.orgId })
    .from(roleMemberships)
    .where(eq(roleMemberships.userId, userId));
  return rows.map((r) => r.orgId);
}

export const createApiToken = defineUseCase({
  name: 'create an API token',
  access: { kind: 'authenticated' },
  input: z.object({
    name: z.string().trim().min(1, 'name the token after what will use it').max(100),
    expiresInDays: z.int().min(1).max(366).optional(),
  }),
  async run({ app, principal, input, now }) {
    const token = newSecret(TOKEN_PREFIX);
    const id = newId();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    const orgIds = await memberOrgIds(app, principal.userId);
    await app.store.db.transaction(async (tx) => {
      await tx.insert(apiTokens).values({
        id,
        userId: principal.userId,
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        expiresAt,
        createdAt: now,
      });
      for (const orgId of orgIds) {
        await recordEvent(tx, {
          orgId,
          actor: principal,
          kind: 'api-token.created',
          subject: `user:${principal.userId}`,
          payload: { tokenId: id, name: input.name },
          at: now,
        });
      }
    });
    return {
      id,
      name: input.name,
      token,
      prefix: token.slice(0, 10),
      expiresAt: expiresAt?.toISOString() ?? null,
    };
  },
});

export const listApiTokens = defineUseCase({
  name: 'list my API tokens',
  access: { kind: 'authenticated' },
  input: z.object({}),
  async run({ app, principal }) {
    const rows = await app.store.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.userId, principal.userId))
      .orderBy(asc(apiTokens.createdAt));
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    }));
  },
});

export const revokeApiToken = defineUseCase({
  name: 'revoke an API token',
  access: { kind: 'authenticated' },
  input: z.object({ id: z.string().min(1).max(64) }),
  async run({ app, principal, input, now }) {
    const orgIds = await memberOrgIds(app, principal.userId);
    return app.store.db.transaction(async (tx) => {
      const updated = await tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(apiTokens.id, input.id),
            eq(apiTokens.userId, principal.userId),
            isNull(apiTokens.revokedAt),
          ),
        )
        .returning({ id: apiTokens.id });
      if (updated.length === 0) throw notFound(`An active API token ${input.id} of yours`);
      for (const orgId of orgIds) {
        await recordEvent(tx, {
          orgId,
          actor: principal,
          kind: 'api-token.revoked',
          subject: `user:${principal.userId}`,
          payload: { tokenId: input.id },
          at: now,
        });
      }
      return { revoked: true };
    });
  },
});
