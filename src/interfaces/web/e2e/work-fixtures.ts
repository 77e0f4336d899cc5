// People and units for the browser tests of the work screens (inbox, import, the requisition walk):
// made through the admin API as an administrator would, each person's one-time password changed to a
// known one so the browser can sign in as them.
import assert from 'node:assert/strict';
import { cookieOf } from '../../http/test-support.ts';
import type { BrowserSession } from './harness.ts';

export const MEMBER_PASSWORD = 'quartz lantern meadow 1987';

export interface Member {
  id: string;
  email: string;
  displayName: string;
  password: string;
  /** The API session cookie of this person (signed in through the API, not the browser). */
  cookie: string;
}

/** A unit of the demo organisation, by name (created when missing). */
export async function unitId(s: BrowserSession, name: string): Promise<string> {
  const headers = { cookie: s.test.adminCookie };
  const list = await s.test.server.inject({ url: '/api/v1/orgs/demo/units', headers });
  const found = (list.json() as { id: string; name: string }[]).find((u) => u.name === name);
  if (found) return found.id;
  const res = await s.test.server.inject({
    method: 'POST',
    url: '/api/v1/orgs/demo/units',
    headers,
    payload: { name },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

/** A member with the given roles (each organisation-wide, or in a unit), password MEMBER_PASSWORD. */
export async function createMember(
  s: BrowserSession,
  email: string,
  displayName: string,
  roles: { role: string; unitId?: string }[],
): Promise<Member> {
  const headers = { cookie: s.test.adminCookie };
  const [first, ...more] = roles;
  assert.ok(first, 'a member holds at least one role');
  const created = await s.test.server.inject({
    method: 'POST',
    url: '/api/v1/orgs/demo/users',
    headers,
    payload: { email, displayName, role: first.role, ...(first.unitId ? { unitId: first.unitId } : {}) },
  });
  assert.equal(created.statusCode, 201, created.body);
  const body = created.json() as {
    oneTimePassword: string;
    user?: { id: string };
    id?: string;
    userId?: string;
  };
  const id = body.user?.id ?? body.userId ?? body.id ?? '';
  for (const r of more) {
    const granted = await s.test.server.inject({
      method: 'POST',
      url: `/api/v1/orgs/demo/users/${id}/roles`,
      headers,
      payload: { role: r.role, ...(r.unitId ? { unitId: r.unitId } : {}) },
    });
    assert.equal(granted.statusCode, 201, granted.body);
  }
  const signIn = await s.test.server.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: body.oneTimePassword },
  });
  const cookie = cookieOf(signIn);
  const changed = await s.test.server.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: { cookie },
    payload: { currentPassword: body.oneTimePassword, newPassword: MEMBER_PASSWORD },
  });
  assert.equal(changed.statusCode, 200, changed.body);
  return { id, email, displayName, password: MEMBER_PASSWORD, cookie };
}
