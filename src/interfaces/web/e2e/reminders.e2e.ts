// Deadline reminders in a real browser: the dashboard's "Reminders for you" panel with the stage in words,
// and the profile's calendar feed: created (its address shown once and working from outside the
// browser), then revoked (refused from then on).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execute, OPERATOR } from '../../../app/use-case.ts';
import { sendReminders } from '../../../app/use-cases/reminders.ts';
import { addDays, todayIn } from '../../../kernel/index.ts';
import { assertAccessible, registerBrowserSession, screenshot } from './harness.ts';

const session = registerBrowserSession({
  // The sample demo's petty cash: two disbursements overdue by 2 and 1 days, two due in 3 and 5 days. A
  // run today reminds of all four; one five days on (as if the job had run then) escalates the one that
  // is by then 7 days overdue and reaches the on-the-day stage of the two still to come.
  async setUp(s) {
    const today = todayIn('America/Denver', s.app.clock());
    await execute(s.app, sendReminders, OPERATOR, { org: 'demo' });
    await execute(s.app, sendReminders, OPERATOR, { org: 'demo', asOf: addDays(today, 5) });
  },
});

test('the dashboard lists my reminders with the stage in words, each linking to its record', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}/o/demo`);
  const panel = page.getByRole('region', { name: 'Reminders for you' });
  const item = (title: string) => panel.getByRole('listitem').filter({ hasText: title });
  await item('Classroom supplies (Front office)').getByText('2 days overdue — escalated').waitFor();
  await item('Referee snacks (Athletics)').getByText('1 day overdue', { exact: true }).waitFor();
  await item('Field-trip museum tickets (Lincoln Elementary)').getByText('due in 3 days').waitFor();
  await item('Tournament entry fee (Athletics)').getByText('due in 5 days').waitFor();
  assert.ok(
    !(await panel.getByText('Postage for report cards').count()),
    'the paid (finished) disbursement is never reminded',
  );
  await assertAccessible(page);
  await screenshot(page, 'dashboard-reminders');
  await item('Classroom supplies (Front office)')
    .getByRole('link', { name: 'Classroom supplies (Front office)' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Classroom supplies (Front office)' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/o\/demo\/records\/[\w-]+$/);
});

test('the profile creates a calendar feed, shows its address once, and revokes it', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}/o/demo/profile`);
  const card = page.getByRole('region', { name: 'Calendar feed' });
  await card.getByText('You have no calendar feed.').waitFor();
  await card.getByRole('button', { name: 'Create a calendar feed' }).click();
  const secret = card.getByRole('region', { name: 'Your calendar feed address' });
  await secret.getByText('it will not be shown again').waitFor();
  const url = (await secret.locator('[data-secret]').textContent())?.trim() ?? '';
  assert.match(
    url,
    new RegExp(`^${s.url.replaceAll('.', '\\.')}/api/v1/orgs/demo/deadlines\\.ics\\?token=prc_`),
  );
  await secret.getByRole('button', { name: 'Copy the feed address' }).waitFor();
  await card.getByTestId('calendar-feed-status').getByText('Active').waitFor();
  await assertAccessible(page);
  await screenshot(page, 'profile-calendar-feed');

  // A calendar app: no cookie, only the address.
  const feed = await fetch(url);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
  const ics = await feed.text();
  assert.match(ics, /\r\nSUMMARY:Classroom supplies \(Front office\): due\r\n/);
  assert.doesNotMatch(ics, /Postage for report cards/, 'a paid record has no deadline left');

  await secret.getByRole('button', { name: 'I have copied it — hide it' }).click();
  await card.getByRole('button', { name: 'Revoke the calendar feed' }).click();
  await card.getByRole('button', { name: 'Yes, revoke' }).click();
  await card.getByText('The calendar feed is revoked: its address no longer works.').waitFor();
  await card.getByText('You have no calendar feed.').waitFor();
  assert.equal((await fetch(url)).status, 404);
});
