// The frame every screen shares: sign-in (with a one-time password that must be replaced), the
// navigation, the organisation switcher, sign-out, keyboard use, and a 390 px phone screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execute } from '../../../app/use-case.ts';
import { createUser } from '../../../app/use-cases/admin.ts';
import { createOrganisation } from '../../../app/use-cases/organisations.ts';
import {
  ADMIN_PASSWORD,
  assertAccessible,
  registerBrowserSession,
  screenshot,
  signIn,
  submitSignIn,
} from './harness.ts';

const session = registerBrowserSession({ signedIn: false });

async function adminPrincipal() {
  const s = session();
  const { authenticate } = await import('../../../app/use-cases/auth.ts');
  const cookie = s.test.adminCookie.split('=').slice(1).join('=');
  const principal = await authenticate(s.app, { sessionToken: cookie });
  assert.ok(principal);
  return principal;
}

test('a wrong password is refused on the sign-in page, with the message next to the form', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}/`);
  await page.waitForURL(/\/sign-in/);
  await submitSignIn(page, s.adminEmail, 'not the password at all');
  await page.getByRole('alert').getByText('The e-mail address or password is not right.').waitFor();
  await assertAccessible(page);
  await screenshot(page, 'sign-in');
});

test('a new user signs in with a one-time password, must choose a new one, then sees the dashboard', async () => {
  const s = session();
  const created = await execute(s.app, createUser, await adminPrincipal(), {
    org: 'demo',
    email: 'lee.park@demo.example.org',
    displayName: 'Lee Park',
    role: 'member',
  });
  assert.ok(created.oneTimePassword);
  const page = await s.newPage();
  await page.goto(`${s.url}/sign-in`);
  await submitSignIn(page, 'lee.park@demo.example.org', created.oneTimePassword);
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await assertAccessible(page);
  // Too short: the server's rule appears next to the field.
  await page.getByLabel('Current password').fill(created.oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat the new password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('must be at least 12 characters long').waitFor();
  await page.getByLabel('New password', { exact: true }).fill('a long and private passphrase');
  await page.getByLabel('Repeat the new password').fill('a long and private passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL((u) => u.pathname === '/o/demo');
  // A member sees the work, not the administration.
  const nav = page.getByRole('navigation', { name: 'Primary' });
  await nav.getByRole('link', { name: 'Records' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Users and roles' }).count(), 0);
  // The browser's pages share cookies: sign Lee out so the next test starts signed out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await page.close();
});

test('the administrator signs in, finds every screen from the navigation, and signs out', async () => {
  const s = session();
  const { page } = s;
  await signIn(s);
  assert.match(new URL(page.url()).pathname, /^\/o\/demo$/);
  const nav = page.getByRole('navigation', { name: 'Primary' });
  for (const name of [
    'Dashboard',
    'Records',
    'Users and roles',
    'Units',
    'Parameters',
    'Audit log',
    'My profile',
  ]) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(
      await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current'),
      'page',
      `${name} is marked as the current page`,
    );
  }
  // Every installed pack is listed.
  await nav.getByRole('link', { name: 'Sample: petty cash' }).waitFor();
  // When the sign-out request cannot reach the server, the session still exists: say so, stay put.
  await page.route('**/api/v1/auth/sign-out', (route) => route.abort());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page
    .getByRole('alert')
    .getByText(/^Not signed out: The server cannot be reached/)
    .waitFor();
  assert.match(new URL(page.url()).pathname, /^\/o\/demo\//);
  await page.unroute('**/api/v1/auth/sign-out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  // Signed out means signed out: the dashboard sends us back to sign-in.
  await page.goto(`${s.url}/o/demo`);
  await page.waitForURL(/\/sign-in\?next=%2Fo%2Fdemo/);
  // …and after signing in again the app returns to where we were going.
  await submitSignIn(page, s.adminEmail, ADMIN_PASSWORD);
  await page.waitForURL((u) => u.pathname === '/o/demo');
  // The answers this page asked for while signed out are not reused now that we are signed in.
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});

test('after signing in, a "next" address that leads to another site is not followed', async () => {
  const s = session();
  const { page } = s;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  // "/\evil.example" reads as a path, but a browser resolves it to another host.
  await page.goto(`${s.url}/sign-in?next=${encodeURIComponent('/\\evil.example/o/demo')}`);
  await submitSignIn(page, s.adminEmail, ADMIN_PASSWORD);
  await page.waitForURL((u) => u.origin === s.url && u.pathname === '/o/demo');
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});

test('someone in two organisations switches between them from the header', async () => {
  const s = session();
  const { page } = s;
  await createOrganisation(s.app, {
    slug: 'riverside',
    name: 'Riverside Child Care Centre',
    adminEmail: s.adminEmail,
  });
  await page.goto(`${s.url}/o/demo`);
  const switcher = page.getByLabel('Organisation');
  assert.equal(await switcher.inputValue(), 'demo');
  await switcher.selectOption({ label: 'Riverside Child Care Centre' });
  await page.waitForURL((u) => u.pathname === '/o/riverside');
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  assert.equal(await page.getByLabel('Organisation').inputValue(), 'riverside');
  // The new organisation has no units yet, so no unit switcher; and no records: the dashboard says so.
  assert.equal(await page.getByLabel('Unit', { exact: true }).count(), 0);
  await screenshot(page, 'dashboard-empty-organisation');
  await assertAccessible(page);
  await page.getByLabel('Organisation').selectOption({ label: 'Demo School District' });
  await page.waitForURL((u) => u.pathname === '/o/demo');
  // The demo district has units: narrowing to one is remembered for that organisation.
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Athletics' });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  assert.equal(
    await page
      .getByLabel('Unit', { exact: true })
      .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
    'Athletics',
  );
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'All units' });
});

test('the skip link and the navigation work from the keyboard alone, with a visible focus', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}/o/demo`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused control shows an outline');
  // Reach "Records" in the navigation by tabbing, open it with Enter.
  let focused: string | undefined;
  for (let i = 0; i < 30 && focused !== 'Records'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  }
  assert.equal(focused, 'Records', 'thirty Tabs reach the Records link');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/o/demo/records');
});

test('on a 390 px wide phone the navigation folds behind a Menu button', async () => {
  const s = session();
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${s.url}/o/demo`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Primary' });
  assert.equal(await nav.isVisible(), false);
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await nav.getByRole('link', { name: 'Records' }).click();
  await page.waitForURL((u) => u.pathname === '/o/demo/records');
  assert.equal(await nav.isVisible(), false, 'the menu closes after navigating');
  // Nothing is wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 390px screen`);
  await assertAccessible(page);
  await screenshot(page, 'phone-records');
  await page.close();
});
