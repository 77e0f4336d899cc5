// The dashboard: its counts are the server's, each count opens the record list filtered to exactly the
// records it counts, its lists say how late or how soon in words, it follows the header's unit, and an
// organisation without records is told what to do first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOrganisation } from '../../../app/use-cases/organisations.ts';
import { addDays, type CalendarDate, parseDate } from '../../../kernel/date.ts';
import { formatDate } from '../app/format.ts';
import { assertAccessible, type BrowserSession, registerBrowserSession, screenshot } from './harness.ts';
import {
  type Api,
  apiAs,
  createDisbursement,
  type ListAnswer,
  type ListedRecord,
  listedTitles,
  setRecord,
} from './record-fixtures.ts';

interface DashboardAnswer {
  today: string;
  weekEnd: string;
  counts: { overdue: number; dueThisWeek: number; open: number };
  overdue: ListedRecord[];
  dueThisWeek: ListedRecord[];
  recent: ListedRecord[];
  packs: { id: string; title: string; open: number; overdue: number }[];
}

let s: BrowserSession;
let api: Api;
let today: CalendarDate;
const made: Record<string, ListedRecord> = {};

registerBrowserSession({
  async setUp(session) {
    s = session;
    api = apiAs(s);
    today = parseDate((await api<DashboardAnswer>('GET', '/api/v1/orgs/demo/dashboard')).today);
    // Late and soon, open and finished: the dashboard must count only the open ones.
    const plan: [string, number | null, string?][] = [
      ['Toner five days late', -5],
      ['Stamps one day late', -1],
      ['Coffee filters late but rejected', -3, 'rejected'],
      ['Bus fare due today', 0],
      ['Field trip snacks due in three days', 3],
      ['Raffle tickets due in ten days', 10],
    ];
    for (const [purpose, offset, state] of plan) {
      const r = await createDisbursement(api, purpose);
      await setRecord(s, r.id, {
        dueOn: offset === null ? null : addDays(today, offset),
        ...(state ? { state } : {}),
      });
      made[purpose] = r;
    }
  },
});

/** Waits until the list's count line says it has loaded `total` records. */
async function waitForList(page: import('playwright-core').Page, total: number) {
  const text = total === 0 ? 'No records to show' : new RegExp(`of ${total} records?$`);
  await page.locator('.result-count').getByText(text).waitFor();
}

test('the counts are what the server counts, and each opens exactly its records', async () => {
  const { page } = s;
  const expected = await api<DashboardAnswer>('GET', '/api/v1/orgs/demo/dashboard');
  assert.ok(expected.counts.overdue >= 2, 'the two late open records are overdue');
  assert.ok(expected.counts.dueThisWeek >= 2, 'today and in three days are this week');
  await page.goto(`${s.url}/o/demo`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const tiles = page.getByRole('list', { name: 'Counts' });
  await tiles.getByRole('link', { name: `${expected.counts.overdue} Overdue` }).waitFor();
  await tiles.getByRole('link', { name: `${expected.counts.dueThisWeek} Due this week` }).waitFor();
  await tiles.getByRole('link', { name: `${expected.counts.open} Open` }).waitFor();
  await page.getByText(`Today is ${formatDate(today, { weekday: true })}.`).waitFor();

  // Overdue: oldest first, lateness in days; the rejected one is finished, so not overdue.
  const overdue = page.getByRole('region', { name: 'Overdue' });
  const overdueTitles = (await overdue.locator('.item-title a').allTextContents()).map((t) => t.trim());
  assert.deepEqual(
    overdueTitles,
    expected.overdue.map((r) => r.title),
  );
  assert.ok(
    overdueTitles.indexOf('Toner five days late (Front office)') <
      overdueTitles.indexOf('Stamps one day late (Front office)'),
  );
  assert.ok(!overdueTitles.includes('Coffee filters late but rejected (Front office)'));
  await overdue
    .getByRole('listitem')
    .filter({ hasText: 'Toner five days late' })
    .getByText('5 days overdue')
    .waitFor();
  await overdue
    .getByRole('listitem')
    .filter({ hasText: 'Stamps one day late' })
    .getByText('1 day overdue')
    .waitFor();

  // Due this week: weekday dates and "due in N days".
  const week = page.getByRole('region', { name: 'Due this week' });
  const snack = week.getByRole('listitem').filter({ hasText: 'Field trip snacks' });
  await snack.getByText(formatDate(addDays(today, 3), { weekday: true })).waitFor();
  await snack.getByText('(due in 3 days)').waitFor();
  await week
    .getByRole('listitem')
    .filter({ hasText: 'Bus fare due today' })
    .getByText('(due today)')
    .waitFor();
  assert.equal(await week.getByText('Raffle tickets').count(), 0, 'ten days away is not this week');

  await assertAccessible(page);
  await screenshot(page, 'dashboard');

  // The overdue count opens the list filtered to exactly the overdue records, oldest first.
  await tiles.getByRole('link', { name: `${expected.counts.overdue} Overdue` }).click();
  await page.waitForURL((u) => u.pathname === '/o/demo/records');
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('open'), 'true');
  assert.equal(params.get('dueTo'), addDays(today, -1));
  await waitForList(page, expected.counts.overdue);
  const listed = await api<ListAnswer>(
    'GET',
    `/api/v1/orgs/demo/records?open=true&dueTo=${addDays(today, -1)}&sort=dueOn&dir=asc&pageSize=100`,
  );
  assert.equal(listed.total, expected.counts.overdue);
  assert.deepEqual(
    await listedTitles(page),
    listed.records.map((r) => r.title),
  );
  for (const r of listed.records) assert.equal(r.overdue, true, `${r.title} is overdue`);
  // Every row carries the Overdue badge.
  assert.equal(
    await page.locator('.record-list tbody tr').filter({ hasText: 'Overdue' }).count(),
    expected.counts.overdue,
  );

  // Back to the dashboard, then the week's count.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await tiles.getByRole('link', { name: `${expected.counts.dueThisWeek} Due this week` }).click();
  await page.waitForURL((u) => u.pathname === '/o/demo/records' && u.searchParams.get('dueFrom') === today);
  assert.equal(new URL(page.url()).searchParams.get('dueTo'), expected.weekEnd);
  await waitForList(page, expected.counts.dueThisWeek);
  const week2 = await api<ListAnswer>(
    'GET',
    `/api/v1/orgs/demo/records?open=true&dueFrom=${today}&dueTo=${expected.weekEnd}&sort=dueOn&dir=asc&pageSize=100`,
  );
  assert.deepEqual(
    await listedTitles(page),
    week2.records.map((r) => r.title),
  );
  assert.ok(week2.records.some((r) => r.id === made['Field trip snacks due in three days']?.id));
});

test('a pack’s open count opens the pack page with its open records', async () => {
  const { page } = s;
  const expected = await api<DashboardAnswer>('GET', '/api/v1/orgs/demo/dashboard');
  const sample = expected.packs.find((p) => p.id === 'sample');
  assert.ok(sample);
  await page.goto(`${s.url}/o/demo`);
  const packs = page.getByRole('region', { name: 'Policy packs' });
  await packs.getByRole('link', { name: `${sample.open} open in ${sample.title}` }).click();
  await page.waitForURL(
    (u) => u.pathname === '/o/demo/packs/sample' && u.searchParams.get('open') === 'true',
  );
  await waitForList(page, sample.open);
});

test('narrowed to a unit in the header, the dashboard counts only that unit’s records', async () => {
  const { page } = s;
  // A unit of its own: the demo units hold demo records of their own.
  const unit = await api<{ id: string; name: string }>('POST', '/api/v1/orgs/demo/units', { name: 'Annex' });
  assert.ok(unit.id);
  const late = made['Toner five days late'];
  assert.ok(late);
  await setRecord(s, late.id, { unitId: unit.id });
  const expected = await api<DashboardAnswer>('GET', `/api/v1/orgs/demo/dashboard?unitId=${unit.id}`);
  assert.equal(expected.counts.overdue, 1, 'one overdue record is in the unit');
  await page.goto(`${s.url}/o/demo`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByLabel('Unit', { exact: true }).selectOption(unit.id);
  await page.getByText(`Showing ${unit.name} only`).waitFor();
  const tiles = page.getByRole('list', { name: 'Counts' });
  await tiles.getByRole('link', { name: `${expected.counts.overdue} Overdue` }).waitFor();
  await tiles.getByRole('link', { name: `${expected.counts.open} Open` }).waitFor();
  await tiles.getByRole('link', { name: '1 Overdue' }).click();
  await page.waitForURL((u) => u.pathname === '/o/demo/records' && u.searchParams.get('unitId') === unit.id);
  await waitForList(page, 1);
  assert.deepEqual(await listedTitles(page), [late.title]);
  // Back to every unit for the tests that follow.
  await page.getByRole('banner').getByLabel('Unit', { exact: true }).selectOption('');
});

test('an organisation without records says so and says how to start', async () => {
  const { page } = s;
  const me = await api<{ id: string }>('GET', '/api/v1/me');
  await createOrganisation(s.app, { slug: 'empty-school', name: 'Empty School', adminUserId: me.id });
  await page.goto(`${s.url}/o/empty-school`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByText('No records yet.').waitFor();
  await page.getByText('Nothing is overdue.').waitFor();
  await page.getByText('Nothing falls due this week.').waitFor();
  const tiles = page.getByRole('list', { name: 'Counts' });
  await tiles.getByRole('link', { name: '0 Overdue' }).waitFor();
  // The next step is one click away: a "New …" link per record kind, to the form.
  const create = page.getByRole('link', { name: 'New petty-cash disbursement' }).first();
  assert.equal(
    await create.getAttribute('href'),
    '/o/empty-school/records/new?pack=sample&kind=disbursement',
  );
  await assertAccessible(page);
  await screenshot(page, 'dashboard-empty');
  // The empty list distinguishes "nothing at all" from "nothing matches".
  await page.goto(`${s.url}/o/empty-school/records`);
  await page.getByText('No records yet.').waitFor();
  await page.goto(`${s.url}/o/empty-school/records?q=anything`);
  await page.getByText('No records match these filters.').waitFor();
  await page.getByRole('button', { name: 'clear filters', exact: true }).click();
  await page.getByText('No records yet.').waitFor();
  assert.equal(new URL(page.url()).search, '');
});
