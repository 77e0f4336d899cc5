// My profile in a real browser: who I am and my roles, an API token created (shown once, working from
// outside the browser) and revoked (refused from then on), and changing my password.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, assertAccessible, registerBrowserSession, screenshot } from './harness.ts';

const session = registerBrowserSession();

async function openProfile(page: Page) {
  await page.goto(`${session().url}/o/demo/profile`);
  await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
}

function me(token: string) {
  return fetch(`${session().url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
}

test('the profile shows who I am and my roles, by title and place', async () => {
  const s = session();
  const { page } = s;
  await openProfile(page);
  const account = page.getByRole('region', { name: 'Your account' });
  await account.getByText('Demo Administrator').waitFor();
  await account.getByText(s.adminEmail).waitFor();
  const roles = page.getByRole('region', { name: 'Organisations and roles' });
  await roles.getByText('Demo School District').waitFor();
  await roles.getByText('Organisation administrator').waitFor();
  await roles.getByText('— whole organisation').waitFor();
  await page.getByRole('region', { name: 'API tokens' }).getByText('You have no API tokens').waitFor();
  await assertAccessible(page);
});

test('an API token is shown once, works with curl-style requests, and is refused once revoked', async () => {
  const s = session();
  const { page } = s;
  await openProfile(page);
  const tokens = page.getByRole('region', { name: 'API tokens' });
  const form = tokens.getByRole('form', { name: 'Create a token' });
  await form.getByRole('button', { name: 'Create token' }).click();
  await form.getByText('name the token after what will use it').waitFor();
  assert.equal(await form.getByLabel('Name').getAttribute('aria-invalid'), 'true');

  await form.getByLabel('Name').fill('Monthly report script');
  await form.getByLabel('Expires').selectOption({ label: 'In 30 days' });
  await form.getByRole('button', { name: 'Create token' }).click();
  const secret = tokens.getByRole('region', { name: 'Your new token “Monthly report script”' });
  await secret.getByText('it will not be shown again').waitFor();
  const token = (await secret.locator('[data-secret]').textContent())?.trim() ?? '';
  assert.match(token, /^prb_/);
  const example = (await secret.locator('pre.command').textContent()) ?? '';
  assert.equal(example, `curl -H "Authorization: Bearer ${token}" ${s.url}/api/v1/me`);
  await secret.getByRole('button', { name: 'Copy the token' }).waitFor();
  await secret.getByText(/It stops working on /).waitFor();
  const row = tokens.getByRole('row').filter({ hasText: 'Monthly report script' });
  await row.getByText('Active').waitFor();
  assert.equal(await row.locator('td').nth(3).textContent(), 'Never', 'not used yet');
  assert.equal(await row.getByRole('cell', { name: token.slice(0, 10), exact: false }).count(), 1);
  await assertAccessible(page);
  await screenshot(page, 'profile');

  // The token works from outside the browser, as me.
  const ok = await me(token);
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as { email: string }).email, s.adminEmail);

  // Shown once: after a reload only its first characters remain, and its last use is recorded.
  await openProfile(page);
  assert.equal(await page.getByText(token).count(), 0);
  const again = page.getByRole('region', { name: 'API tokens' }).getByRole('row').filter({
    hasText: 'Monthly report script',
  });
  await again.getByText(`${token.slice(0, 10)}…`).waitFor();
  assert.notEqual(await again.locator('td').nth(3).textContent(), 'Never', 'the last use is recorded');

  // Revoking asks first, then refuses the token at once.
  await again.getByRole('button', { name: 'Revoke the token “Monthly report script”' }).click();
  await again.getByText('Anything using it is refused from now on.').waitFor();
  await again.getByRole('button', { name: 'Yes, revoke' }).click();
  await page.getByText('The token “Monthly report script” is revoked: it no longer works.').waitFor();
  await again.getByText('Revoked').waitFor();
  const refused = await me(token);
  assert.equal(refused.status, 401);
  await assertAccessible(page);
});

test('changing my password: a mistyped repeat or a wrong current password is named at its field; a right one is confirmed', async () => {
  const s = session();
  const { page } = s;
  await openProfile(page);
  const form = page.getByRole('form', { name: 'Change password' });
  const repeat = form.getByLabel('Repeat the new password');
  await form.getByLabel('Current password').fill('not my password at all');
  await form.getByLabel('New password', { exact: true }).fill('a brand new passphrase here');
  await repeat.fill('a brand new passphrase hear');
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByText('does not match the new password').waitFor();
  assert.equal(await repeat.getAttribute('aria-invalid'), 'true');

  await repeat.fill('a brand new passphrase here');
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByText('is not your current password').waitFor();
  assert.equal(await repeat.getAttribute('aria-invalid'), null);
  const current = form.getByLabel('Current password');
  assert.equal(await current.getAttribute('aria-invalid'), 'true');
  const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy, 'the error is tied to the field');
  assert.match(
    await page.evaluate(
      (id) => document.getElementById(id)?.textContent ?? '',
      describedBy.split(' ').at(-1) ?? '',
    ),
    /is not your current password/,
  );
  await assertAccessible(page);

  await current.fill(ADMIN_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password is changed.').waitFor();
  // The new password is the one that works, the old one no longer does…
  const signInWith = (password: string) =>
    fetch(`${s.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: s.adminEmail, password }),
    });
  assert.equal((await signInWith('a brand new passphrase here')).status, 200);
  assert.equal((await signInWith(ADMIN_PASSWORD)).status, 401);
  // …and this browser is still signed in (a reload shows the profile, not the sign-in page).
  await openProfile(page);
});

test('the profile fits a 390 px phone without sideways scrolling', async () => {
  const page = await session().newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await openProfile(page);
  await page.getByRole('region', { name: 'API tokens' }).getByRole('table').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the profile is ${overflow}px wider than a 390px screen`);
  await assertAccessible(page);
  await screenshot(page, 'profile-phone');
  await page.close();
});
