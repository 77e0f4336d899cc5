// Administration in a real browser: adding a person (one-time password shown once, and it works),
// granting and revoking roles, creating units, setting a parameter's own value from a date, and reading
// and verifying the audit log — each page checked with axe and on a 390 px phone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { assertAccessible, registerBrowserSession, screenshot } from './harness.ts';

const session = registerBrowserSession();

async function open(page: Page, path: string, heading: string) {
  await page.goto(`${session().url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * Waits until every row of the audit log reads `text` in column `column`: a filter changes the URL at
 * once, and the rows only when the server has answered.
 */
async function waitForEveryEvent(page: Page, column: number, text: string) {
  await page.waitForFunction(
    ([column, text]) => {
      const cells = [...document.querySelectorAll(`table.events tbody tr td:nth-child(${column})`)];
      return cells.length > 0 && cells.every((cell) => cell.textContent === text);
    },
    [column, text] as const,
  );
}

test('adding a user shows their one-time password once, and it signs them in', async () => {
  const s = session();
  const { page } = s;
  await open(page, '/o/demo/admin/users', 'Users and roles');
  const table = page.getByRole('table', { name: /People in this organisation/ });
  await table.getByText('admin@demo.example.org').waitFor();
  await assertAccessible(page);

  // Nothing filled in: each field says what it needs, next to it.
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByRole('button', { name: 'Add user' }).click();
  await form.getByText('enter the person’s name').waitFor();
  assert.equal(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
  await form.getByText('choose a role').waitFor();

  // The server's own check: an address that is not one.
  await form.getByLabel('Name', { exact: true }).fill('Kim Lee');
  await form.getByLabel('E-mail address').fill('kim.lee-at-demo');
  await form.getByRole('radio', { name: 'Member' }).check();
  await form.getByRole('button', { name: 'Add user' }).click();
  await form.getByText('expected an e-mail address').waitFor();
  assert.equal(await form.getByLabel('E-mail address').getAttribute('aria-invalid'), 'true');

  await form.getByLabel('E-mail address').fill('kim.lee@demo.example.org');
  await form.getByRole('button', { name: 'Add user' }).click();
  const secret = page.getByRole('region', { name: 'Kim Lee was added' });
  await secret.getByText('it will not be shown again').waitFor();
  await secret.getByText(/in person, by phone or through a different channel/).waitFor();
  const password = (await secret.locator('[data-secret]').textContent())?.trim() ?? '';
  assert.ok(password.length >= 12, `a one-time password is shown (got "${password}")`);
  // Focus moves to the box with the password so nobody misses it.
  assert.equal(await secret.evaluate((el) => el === document.activeElement), true);
  await table.getByRole('cell', { name: /^Kim Lee/ }).waitFor();
  await table.getByText('One-time password').waitFor();
  await assertAccessible(page);
  await screenshot(page, 'admin-users');

  // The password works (from outside the browser, so the admin's session is untouched)…
  const signInRes = await fetch(`${s.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'kim.lee@demo.example.org', password }),
  });
  assert.equal(signInRes.status, 200);
  // …and is shown only once: after hiding it, or on the next visit, it is gone.
  await secret.getByRole('button', { name: /hide it/ }).click();
  assert.equal(await page.getByText(password).count(), 0);
  await page.reload();
  await table.getByRole('cell', { name: /^Kim Lee/ }).waitFor();
  assert.equal(await page.getByText(password).count(), 0);
});

test('granting a role in one unit, revoking it after confirming; the last administrator stays', async () => {
  const { page } = session();
  await open(page, '/o/demo/admin/users', 'Users and roles');
  const kimRow = page.getByRole('row').filter({ hasText: 'kim.lee@demo.example.org' });
  const grantButton = page.getByRole('button', { name: 'Grant a role to Kim Lee' });
  await grantButton.click();
  assert.equal(await grantButton.getAttribute('aria-expanded'), 'true');
  const grant = page.getByRole('form', { name: 'Grant a role to Kim Lee' });
  // Roles are explained, not just named.
  await grant.getByText('Reads everything, verifies the event log, changes nothing.').waitFor();
  await grant.getByRole('radio', { name: 'Petty-cash approver' }).check();
  await grant.getByLabel('Where the role applies').selectOption({ label: 'Only in Athletics' });
  await assertAccessible(page);
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await page.getByText('Kim Lee is now Petty-cash approver, only in Athletics.').waitFor();
  await kimRow.getByText('only in Athletics').waitFor();

  // Granting the same again: the server's refusal is shown, not swallowed.
  await grantButton.click();
  await grant.getByRole('radio', { name: 'Petty-cash approver' }).check();
  await grant.getByLabel('Where the role applies').selectOption({ label: 'Only in Athletics' });
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await grant.getByRole('alert').getByText('The user already holds that role there.').waitFor();
  await grant.getByRole('button', { name: 'Cancel' }).click();

  // Revoking asks first; Escape (like Cancel) changes nothing and puts focus back on the button.
  const revoke = page.getByRole('button', {
    name: 'Revoke Petty-cash approver (only in Athletics) from Kim Lee',
  });
  await revoke.click();
  await page.getByText('Take away Petty-cash approver').waitFor();
  assert.equal(
    await page.getByRole('button', { name: 'Yes, revoke' }).evaluate((el) => el === document.activeElement),
    true,
  );
  await page.keyboard.press('Escape');
  await kimRow.getByText('only in Athletics').waitFor();
  assert.equal(await revoke.evaluate((el) => el === document.activeElement), true);
  await revoke.click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await kimRow.getByText('only in Athletics').waitFor();
  await revoke.click();
  await page.getByRole('button', { name: 'Yes, revoke' }).click();
  await page.getByText('Petty-cash approver (only in Athletics) was taken away from Kim Lee.').waitFor();
  await kimRow.getByText('Member').waitFor();
  // the confirmation can show before the list reloads: wait for the role to leave the row (it raced once)
  await kimRow.getByText('only in Athletics').waitFor({ state: 'detached' });
  assert.equal(await kimRow.getByText('only in Athletics').count(), 0);

  // The only organisation administrator cannot be removed: the server's reason appears at the button.
  await page
    .getByRole('button', { name: /^Revoke Organisation administrator .* from Demo Administrator$/ })
    .click();
  await page.getByRole('button', { name: 'Yes, revoke' }).click();
  await page
    .getByRole('alert')
    .getByText('This is the last organisation administrator; grant the role to someone else first.')
    .waitFor();
});

test("resetting a person's password gives a new one-time password, shown once", async () => {
  const s = session();
  const { page } = s;
  await open(page, '/o/demo/admin/users', 'Users and roles');
  // One cannot reset one's own password here (the profile page changes it).
  assert.equal(await page.getByRole('button', { name: 'Reset password for Demo Administrator' }).count(), 0);
  await page.getByRole('button', { name: 'Reset password for Kim Lee' }).click();
  await page.getByText('Their current password stops working at once').waitFor();
  await page.getByRole('button', { name: 'Yes, reset the password' }).click();
  const secret = page.getByRole('region', { name: 'New one-time password for Kim Lee' });
  const password = (await secret.locator('[data-secret]').textContent())?.trim() ?? '';
  assert.ok(password.length >= 12);
  const res = await fetch(`${s.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'kim.lee@demo.example.org', password }),
  });
  assert.equal(res.status, 200, 'the new one-time password signs in');
  // Shown once: hidden, it is gone, and the panel is closed.
  await secret.getByRole('button', { name: /hide it/ }).click();
  assert.equal(await page.getByText(password).count(), 0);
  assert.equal(
    await page.getByRole('button', { name: 'Reset password for Kim Lee' }).getAttribute('aria-expanded'),
    'false',
  );
});

test('creating a unit inside another shows it in the tree; a duplicate name is refused at the field', async () => {
  const { page } = session();
  await open(page, '/o/demo/admin/units', 'Units');
  const tree = page.getByRole('region', { name: /units$/ });
  await tree.getByText('Lincoln Elementary').waitFor();
  await assertAccessible(page);
  const form = page.getByRole('form', { name: 'Create a unit' });
  await form.getByLabel('Name').fill('Science department');
  await form.getByLabel('Part of').selectOption({ label: 'Lincoln Elementary' });
  await form.getByRole('button', { name: 'Create unit' }).click();
  await page.getByText('Unit “Lincoln Elementary › Science department” created.').waitFor();
  // Nested under its parent.
  const nested = tree.getByRole('listitem').filter({ hasText: 'Lincoln Elementary' }).getByRole('list');
  await nested.getByText('Science department').waitFor();
  // The header's unit switcher knows it at once.
  await page
    .getByLabel('Unit', { exact: true })
    .locator('option', { hasText: 'Science department' })
    .waitFor({
      state: 'attached',
    });
  await form.getByLabel('Name').fill('athletics');
  await form.getByRole('button', { name: 'Create unit' }).click();
  await form.getByText('a unit named "athletics" already exists').waitFor();
  assert.equal(await form.getByLabel('Name').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page);
  await screenshot(page, 'admin-units');
});

test("a parameter's own value: a wrong value is explained at the field, a right one joins the dated history", async () => {
  const s = session();
  const { page } = s;
  await open(page, '/o/demo/admin/parameters', 'Parameters');
  assert.equal(await page.getByLabel('Policy pack').inputValue(), 'sample');
  const card = page.getByRole('region', { name: 'Largest single petty-cash disbursement' });
  // The pack's history with its citations, the value in force marked.
  const historyTable = card.getByRole('table');
  await historyTable.getByRole('cell', { name: '$100.00', exact: true }).waitFor();
  await historyTable.getByRole('cell', { name: '$150.00', exact: true }).waitFor();
  const citation = historyTable.getByRole('link', { name: '§ 2.1' }).first();
  assert.equal(
    await citation.getAttribute('href'),
    '/o/demo/packs/sample/sources/sample-petty-cash-policy?section=2.1#s-2.1',
  );
  await card.getByText('In force', { exact: true }).waitFor();
  await assertAccessible(page);

  await card.getByText('Set a new value from a date').click();
  const form = card.getByRole('form', { name: /New value for/ });
  const value = form.getByLabel('New value (dollars)');
  await value.fill('12.345');
  await form.getByLabel('Reason').fill('Board resolution 2026-14');
  await form.getByRole('button', { name: 'Save the new value' }).click();
  await form.getByText('enter an amount in dollars and cents, like 150.00 (at most two decimals)').waitFor();
  assert.equal(await value.getAttribute('aria-invalid'), 'true');
  const describedBy = (await value.getAttribute('aria-describedby')) ?? '';
  const errorText = await page.evaluate(
    (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    describedBy.split(' '),
  );
  assert.match(errorText, /dollars and cents/, 'the error is tied to the field for screen readers');

  // The server's own rule (a reason of a few words) comes back next to its field.
  await value.fill('175');
  await form.getByText('Will be saved as $175.00.').waitFor();
  await form.getByLabel('Reason').fill('ok');
  await form.getByRole('button', { name: 'Save the new value' }).click();
  await form.getByText('say why (e.g. the board resolution)').waitFor();
  assert.equal(await form.getByLabel('Reason').getAttribute('aria-invalid'), 'true');
  assert.equal(await value.getAttribute('aria-invalid'), null);

  await form.getByLabel('Reason').fill('Board resolution 2026-14');
  await form.getByRole('button', { name: 'Save the new value' }).click();
  await card.getByText(/\$175\.00 from .* is saved and recorded in the audit log/).waitFor();
  const row = historyTable.getByRole('row').filter({ hasText: '$175.00' });
  await row.getByText('Board resolution 2026-14').waitFor();
  await row.getByText('Demo Administrator').waitFor();
  await row.getByText('In force', { exact: true }).waitFor();
  await card.getByText(/In force today: \$175\.00/).waitFor();
  // The pack's value that was in force until today is marked as replaced.
  await historyTable.getByRole('row').filter({ hasText: '$150.00' }).getByText('Replaced').waitFor();
  // Stored as exact cents.
  const answer = (await (
    await page.request.get(`${s.url}/api/v1/orgs/demo/packs/sample/parameters`)
  ).json()) as { parameters: { id: string; overrides: { value: unknown }[] }[] };
  const stored = answer.parameters.find((p) => p.id === 'sample.limits.single_disbursement');
  assert.deepEqual(
    stored?.overrides.map((o) => o.value),
    [17500],
  );
  // The days parameter reads as days.
  await page
    .getByRole('region', { name: 'Calendar days after month end to request replenishment' })
    .getByText(/In force today: 10 days/)
    .waitFor();
  await assertAccessible(page);
  await screenshot(page, 'admin-parameters');
});

test('the audit log shows those changes newest first, filters, pages back, and verifies the chain', async () => {
  const s = session();
  const { page } = s;
  await open(page, '/o/demo/admin/events', 'Audit log');
  const table = page.getByRole('table', { name: 'Events, newest first' });
  const rows = table.locator('tbody tr');
  await rows.first().waitFor();
  assert.match((await rows.first().textContent()) ?? '', /Parameter overridden/);
  for (const what of [
    'Parameter overridden',
    'Unit created',
    'Role revoked',
    'Role granted',
    'User created',
  ]) {
    await table.getByRole('cell', { name: what, exact: true }).first().waitFor();
  }
  // Numbers descend (and are numbers: NaN would leave any order "sorted").
  const seqs = (await rows.locator('td:first-child').allTextContents()).map(Number);
  assert.ok(seqs.length > 1 && seqs.every(Number.isInteger), seqs.join(', '));
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => b - a),
  );
  // Details open on demand and show what changed.
  const first = rows.first();
  await first.getByText('Show').click();
  await first.getByText('Board resolution 2026-14').waitFor();
  await first.getByText('17500').waitFor();
  await assertAccessible(page);
  await screenshot(page, 'audit-log');

  // Record subjects link to the record.
  await page.getByLabel('What happened').selectOption({ label: 'Record created' });
  await page.getByRole('button', { name: 'Show events' }).click();
  await page.waitForURL(/kind=record\.created/);
  await waitForEveryEvent(page, 4, 'Record created');
  const recordLink = table.getByRole('link', { name: /^Record: / }).first();
  await recordLink.waitFor();
  assert.match((await recordLink.getAttribute('href')) ?? '', /^\/o\/demo\/records\/[^/]+$/);
  const kinds = await table.locator('tbody tr td:nth-child(4)').allTextContents();
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'Record created'), kinds.join(', '));

  // Only the events about one subject.
  await page.getByLabel('What happened').selectOption({ label: 'Any kind of event' });
  await page.getByRole('button', { name: 'Show events' }).click();
  await page.waitForURL((u) => !u.search.includes('kind='));
  const granted = table.getByRole('row').filter({ hasText: 'Role granted' }).first();
  await granted.getByText('Show').click();
  await granted.getByRole('button', { name: 'Only events about this' }).click();
  await page.waitForURL(/subject=user/);
  // The latest grant was Kim Lee's, so every event left is about Kim Lee.
  await waitForEveryEvent(page, 5, 'Person: Kim Lee');
  const about = await table.locator('tbody tr td:nth-child(5)').allTextContents();
  assert.ok(about.length > 1 && about.every((a) => a === 'Person: Kim Lee'), about.join(', '));
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Paging back through older events.
  await open(page, '/o/demo/admin/events?limit=5', 'Audit log');
  await table.locator('tbody tr').nth(4).waitFor();
  assert.equal(await table.locator('tbody tr').count(), 5);
  await page.getByRole('button', { name: 'Older events' }).click();
  await table.locator('tbody tr').nth(9).waitFor();
  const paged = (await table.locator('tbody tr td:first-child').allTextContents()).map(Number);
  assert.ok(paged.every(Number.isInteger), paged.join(', '));
  assert.equal(new Set(paged).size, 10, 'no event appears twice');
  assert.deepEqual(
    paged,
    [...paged].sort((a, b) => b - a),
  );

  // The chain verifies, and the count is the server's.
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  const verdict = page.getByText(/The chain is intact: all \d+ events were checked/);
  await verdict.waitFor();
  const count = Number(/all (\d+) events/.exec((await verdict.textContent()) ?? '')?.[1]);
  const verify = (await (await page.request.get(`${s.url}/api/v1/orgs/demo/events/verify`)).json()) as {
    ok: boolean;
    count: number;
  };
  assert.equal(verify.ok, true);
  assert.equal(count, verify.count);
  await assertAccessible(page);
});

test('every administration page fits a 390 px phone without sideways scrolling', async () => {
  const page = await session().newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, heading, name] of [
    ['/o/demo/admin/users', 'Users and roles', 'admin-users-phone'],
    ['/o/demo/admin/units', 'Units', 'admin-units-phone'],
    ['/o/demo/admin/parameters', 'Parameters', 'admin-parameters-phone'],
    ['/o/demo/admin/events', 'Audit log', 'audit-log-phone'],
  ] as const) {
    await open(page, path, heading);
    await page.locator('table, ul.tree').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 390px screen`);
    await assertAccessible(page);
    await screenshot(page, name);
  }
  await page.close();
});

test('verifying a log that was changed behind Probity’s back names the first broken event', async () => {
  // Someone with database-owner rights disables the append-only trigger and rewrites event 3.
  const s = session();
  const db = s.app.store.db;
  await db.execute(sql`alter table events disable trigger events_append_only`);
  await db.execute(
    sql`update events set payload = '{"name": "Renamed quietly"}'::jsonb
        where seq = 3 and org_id = (select id from organisations where slug = 'demo')`,
  );
  await db.execute(sql`alter table events enable trigger events_append_only`);
  const { page } = s;
  await open(page, '/o/demo/admin/events', 'Audit log');
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.getByText('The chain is broken at event 3:').waitFor();
  await page.getByText(/was altered after it was written/).waitFor();
  await page.getByText('The 2 events before it are intact.', { exact: false }).waitFor();
  await assertAccessible(page);
});
