// A few requests over a real socket on 127.0.0.1 prove the wiring that injected requests skip:
// listening, cookies crossing the wire, and closing cleanly.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createApp } from '../../app/app.ts';
import { loadConfig } from '../../app/config.ts';
import { bootstrap } from '../../app/use-cases/bootstrap.ts';
import { closeTestTemplate, openTestStore } from '../../store/testing.ts';
import { startServer } from './server.ts';

after(closeTestTemplate);

test('serves health, sign-in with a session cookie and the API over a real socket on 127.0.0.1', async () => {
  const store = await openTestStore();
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const app = createApp({ store });
  const boot = await bootstrap(app);
  const running = await startServer({ config, store, app, close: () => store.close() }, { logger: false });
  try {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(await (await fetch(`${running.url}/healthz`)).json(), { status: 'ok' });
    const signIn = await fetch(`${running.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: boot.adminEmail, password: boot.oneTimePassword }),
    });
    assert.equal(signIn.status, 200);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    assert.match(cookie, /^probity_session=prs_/);
    const me = await fetch(`${running.url}/api/v1/me`, { headers: { cookie } });
    assert.equal((await me.json()).mustChangePassword, true);
    const crossSite = await fetch(`${running.url}/api/v1/me/password`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({
        currentPassword: boot.oneTimePassword,
        newPassword: 'a long enough passphrase',
      }),
    });
    assert.equal(crossSite.status, 403, 'a cookie-authenticated write from another origin is refused');
  } finally {
    await running.close();
    await store.close();
  }
});
