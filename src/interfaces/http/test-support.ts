// A Probity server over a fresh test store, signed in as the demo administrator (password changed).
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type App, createApp } from '../../app/app.ts';
import { type Config, loadConfig } from '../../app/config.ts';
import { bootstrap } from '../../app/use-cases/bootstrap.ts';
import { openTestStore, type TestStore } from '../../store/testing.ts';
import { buildServer } from './server.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestServer {
  app: App;
  store: TestStore;
  server: FastifyInstance;
  config: Config;
  /** Cookie header of the signed-in demo administrator. */
  adminCookie: string;
  oneTimePassword: string;
  close(): Promise<void>;
}

export function cookieOf(res: LightMyRequestResponse): string {
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  return (first ?? '').split(';')[0] ?? '';
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const store = await openTestStore();
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = createApp({ store });
  const boot = await bootstrap(app);
  const server = await buildServer(app, config, { logger: false });
  const signIn = await server.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: boot.adminEmail, password: boot.oneTimePassword },
  });
  const otpCookie = cookieOf(signIn);
  await server.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: { cookie: otpCookie },
    payload: { currentPassword: boot.oneTimePassword, newPassword: ADMIN_PASSWORD },
  });
  return {
    app,
    store,
    server,
    config,
    adminCookie: otpCookie,
    oneTimePassword: boot.oneTimePassword ?? '',
    async close() {
      await server.close();
      await store.close();
    },
  };
}

export const MEMBER_PASSWORD = 'a long and unguessable passphrase';

/**
 * A new member of an organisation, created by its administrator with the first role (in one unit, or
 * organisation-wide) and granted the others there, signed in with a password of their own.
 */
export async function signedInMember(
  t: TestServer,
  m: {
    org?: string;
    email: string;
    displayName?: string;
    roles: readonly [string, ...string[]];
    unitId?: string | undefined;
  },
): Promise<{ id: string; cookie: string }> {
  const org = m.org ?? 'demo';
  const admin = { cookie: t.adminCookie };
  const unit = m.unitId === undefined ? {} : { unitId: m.unitId };
  const [role, ...more] = m.roles;
  const created = await t.server.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org}/users`,
    headers: admin,
    payload: { email: m.email, displayName: m.displayName ?? m.email.split('@')[0], role, ...unit },
  });
  assert.equal(created.statusCode, 201, created.body);
  const { id, oneTimePassword } = created.json() as { id: string; oneTimePassword: string };
  for (const r of more) {
    const granted = await t.server.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org}/users/${id}/roles`,
      headers: admin,
      payload: { role: r, ...unit },
    });
    assert.equal(granted.statusCode, 201, granted.body);
  }
  const signIn = await t.server.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: m.email, password: oneTimePassword },
  });
  const cookie = cookieOf(signIn);
  const changed = await t.server.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: { cookie },
    payload: { currentPassword: oneTimePassword, newPassword: MEMBER_PASSWORD },
  });
  assert.equal(changed.statusCode, 200, changed.body);
  return { id, cookie };
}

/** The sample pack's disbursement: unapproved, it falls due for approval on its payment date. */
export const sampleDisbursement = (purpose: string, paidOn: string) => ({
  fund: 'Front office',
  purpose,
  amountCents: 2_000,
  paidOn,
  hasReceipt: true,
  requestedBy: 'Dana Reyes',
  custodian: 'Dana Reyes',
});
