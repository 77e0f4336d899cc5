// The record list and the pack page in a real browser: filter by state and search, sort by a column,
// choose columns (remembered), page through, and download exactly the filtered records as CSV and XLSX;
// the pack page's rules, citations and workflows; no serious accessibility violation; a 390 px phone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../../app/csv.test-support.ts';
import { formatMoney } from '../app/format.ts';
import { assertAccessible, type BrowserSession, registerBrowserSession, screenshot } from './harness.ts';
import {
  type Api,
  apiAs,
  createDisbursement,
  type ListAnswer,
  type ListedRecord,
  listedTitles,
} from './record-fixtures.ts';

let s: BrowserSession;
let api: Api;
const LIST = '/api/v1/orgs/demo/records';
const approved: ListedRecord[] = [];

registerBrowserSession({
  async setUp(session) {
    s = session;
    api = apiAs(s);
    // Enough records for two pages of 25; a third of them approved through the workflow, as a user would.
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, '0');
      const fund = i % 3 === 0 ? 'Library' : 'Front office';
      const r = await createDisbursement(api, `Stationery order ${n}`, { fund, amountCents: 1_000 + i * 10 });
      if (i % 3 === 0) {
        await api('POST', `${LIST}/${r.id}/transitions`, { transition: 'approve' });
        approved.push(r);
      }
    }
  },
});

async function listApi(query: string): Promise<ListAnswer> {
  return api<ListAnswer>('GET', `${LIST}?${query}`);
}

/** Waits until the count line reports `total` records (the list has loaded this query). */
async function waitForTotal(page: Page, total: number, from = 1, pageSize = 25) {
  const last = Math.min(total, from + pageSize - 1);
  const text =
    total === 0
      ? 'No records to show'
      : `Showing ${from}–${last} of ${total} record${total === 1 ? '' : 's'}`;
  await page.locator('.result-count').getByText(text, { exact: true }).waitFor();
}

function list(page: Page) {
  return page.getByRole('region', { name: 'All records' });
}

function filters(page: Page) {
  return list(page).getByRole('search');
}

test('filter by state and search; the URL keeps the filters and the back button undoes them', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records`);
  await page.getByRole('heading', { level: 1, name: 'Records' }).waitFor();
  const all = await listApi('pageSize=100');
  await waitForTotal(page, all.total);

  await filters(page).getByLabel('State').selectOption({ label: 'Approved' });
  await page.waitForURL((u) => u.searchParams.get('state') === 'approved');
  const byState = await listApi('state=approved&pageSize=100');
  // Every record approved here is listed (the demo's other packs have approved records of their own).
  assert.ok(approved.every((a) => byState.records.some((r) => r.id === a.id)));
  await waitForTotal(page, byState.total);
  assert.deepEqual(
    await listedTitles(page),
    byState.records.map((r) => r.title),
  );

  // Search waits for a pause in typing, then narrows by title (or id).
  await filters(page).getByLabel('Search title or ID').fill('Library');
  await page.waitForURL((u) => u.searchParams.get('q') === 'Library');
  const both = await listApi('state=approved&q=Library&pageSize=100');
  assert.ok(both.total > 0 && both.total <= byState.total);
  await waitForTotal(page, both.total);
  const titles = await listedTitles(page);
  assert.deepEqual(
    titles,
    both.records.map((r) => r.title),
  );
  for (const t of titles) assert.match(t, /Library/);
  await filters(page).getByLabel('Search title or ID').fill('no such record anywhere');
  await page.getByText('No records match these filters.').waitFor();

  // Back: the previous search and its results return, with the search box showing it.
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('q') === 'Library');
  await waitForTotal(page, both.total);
  assert.equal(await filters(page).getByLabel('Search title or ID').inputValue(), 'Library');

  await filters(page).getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((u) => u.search === '');
  await waitForTotal(page, all.total);
  assert.equal(await filters(page).getByLabel('Search title or ID').inputValue(), '');
});

test('due dates the wrong way round are explained next to the field, and cleared in one click', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records?dueFrom=2026-11-22&dueTo=2026-11-01`);
  const dueTo = filters(page).getByLabel('Due to');
  await filters(page).getByText('must be on or after the “Due from” date, 22 Nov 2026').waitFor();
  assert.equal(await dueTo.getAttribute('aria-invalid'), 'true');
  // The date in words beside the browser's own date control, which may write it as 11/01/2026.
  await filters(page).getByText('1 Nov 2026', { exact: true }).waitFor();
  assert.equal(await list(page).locator('tbody tr').count(), 0);
  await list(page).getByRole('button', { name: 'clear both dates' }).click();
  await page.waitForURL((u) => u.search === '');
  await list(page).locator('tbody tr').first().waitFor();
  assert.equal(await dueTo.getAttribute('aria-invalid'), null);
});

test('sorting by a column header changes the order, and says so with aria-sort', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records?pageSize=100`);
  const all = await listApi('pageSize=100');
  await waitForTotal(page, all.total, 1, 100);
  const header = list(page).getByRole('columnheader', { name: 'Title' });
  assert.equal(await header.getAttribute('aria-sort'), null, 'not sorted by title yet');
  const before = await listedTitles(page);

  await header.getByRole('button', { name: 'Title' }).click();
  await page.waitForURL((u) => u.searchParams.get('sort') === 'title' && u.searchParams.get('dir') === 'asc');
  await page.waitForFunction(() =>
    document.querySelector('.record-list th[aria-sort="ascending"]')?.textContent?.startsWith('Title'),
  );
  const asc = await listApi('sort=title&dir=asc&pageSize=100');
  await page.waitForFunction(
    (first) => document.querySelector('.record-list tbody th a')?.textContent === first,
    asc.records[0]?.title,
  );
  const ascending = await listedTitles(page);
  assert.deepEqual(
    ascending,
    asc.records.map((r) => r.title),
  );
  assert.notDeepEqual(ascending, before, 'the order changed');

  await header.getByRole('button', { name: 'Title' }).click();
  await page.waitForURL((u) => u.searchParams.get('dir') === 'desc');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const desc = await listApi('sort=title&dir=desc&pageSize=100');
  await page.waitForFunction(
    (first) => document.querySelector('.record-list tbody th a')?.textContent === first,
    desc.records[0]?.title,
  );
  assert.deepEqual(
    await listedTitles(page),
    desc.records.map((r) => r.title),
  );
});

test('paging: 25 a page, "Showing 26–N of N", next and previous, and a larger page size', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records?sort=title&dir=asc`);
  const all = await listApi('sort=title&dir=asc&pageSize=100');
  assert.ok(all.total > 25, `${all.total} records make more than one page`);
  await waitForTotal(page, all.total);
  assert.equal((await listedTitles(page)).length, 25);
  const previous = list(page).getByRole('button', { name: 'Previous page' });
  assert.equal(await previous.isDisabled(), true);

  await list(page).getByRole('button', { name: 'Next page' }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  await waitForTotal(page, all.total, 26);
  assert.deepEqual(
    await listedTitles(page),
    all.records.slice(25, 50).map((r) => r.title),
  );
  await list(page)
    .getByText(`Page 2 of ${Math.ceil(all.total / 25)}`)
    .waitFor();
  assert.equal(await list(page).getByRole('button', { name: 'Next page' }).isDisabled(), all.total <= 50);

  await page.goBack();
  await waitForTotal(page, all.total, 1);
  await list(page).getByLabel('Rows per page').selectOption('50');
  await page.waitForURL((u) => u.searchParams.get('pageSize') === '50');
  await list(page)
    .locator('.result-count')
    .getByText(`Showing 1–${Math.min(50, all.total)} of ${all.total} records`)
    .waitFor();
  assert.equal((await listedTitles(page)).length, Math.min(50, all.total));
});

test('the Columns control chooses the columns, including a kind’s own fields, and remembers them', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records`);
  const all = await listApi('pageSize=1');
  await waitForTotal(page, all.total);
  const headers = () => list(page).locator('thead th').allTextContents();
  assert.ok((await headers()).some((h) => h.startsWith('Pack')));

  await list(page).getByText('Columns', { exact: true }).click();
  await list(page).getByRole('checkbox', { name: 'Pack' }).uncheck();
  await list(page).getByRole('checkbox', { name: 'Created' }).check();
  let shown = await headers();
  assert.ok(!shown.some((h) => h.startsWith('Pack')), 'Pack is hidden');
  assert.ok(
    shown.some((h) => h.startsWith('Created')),
    'Created is shown',
  );

  // Remembered in this browser.
  await page.reload();
  await waitForTotal(page, all.total);
  shown = await headers();
  assert.ok(!shown.some((h) => h.startsWith('Pack')) && shown.some((h) => h.startsWith('Created')));

  // One kind chosen: its fields can be columns, shown as people read them (money in dollars).
  await filters(page).getByLabel('Kind').selectOption('sample/disbursement');
  await page.waitForURL((u) => u.searchParams.get('kind') === 'disbursement');
  const details = list(page).locator('details.columns-control');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await list(page).getByText('Columns', { exact: true }).click();
  }
  await list(page).getByRole('group', { name: 'Fields of Petty-cash disbursement' }).waitFor();
  await list(page).getByRole('checkbox', { name: 'Amount' }).check();
  await list(page).getByRole('columnheader', { name: 'Amount' }).waitFor();
  const first = await listApi('kind=disbursement&pack=sample&pageSize=1');
  const firstRecord = first.records[0] as ListedRecord & { data: { amountCents: number } };
  assert.ok(firstRecord);
  const row = list(page).locator('tbody tr').first();
  await row.getByText(formatMoney(firstRecord.data.amountCents), { exact: true }).waitFor();

  // Put the defaults back for the tests that follow.
  await list(page).getByRole('button', { name: 'Reset columns' }).click();
  shown = await headers();
  assert.ok(shown.some((h) => h.startsWith('Pack')) && !shown.some((h) => h.startsWith('Created')));
});

test('a hand-written URL shows the filter it applies, and damaged remembered columns do not break the list', async () => {
  const page = await s.newPage();
  // A kind named without its pack still reads as that kind in the Kind filter, and counts as in use.
  await page.goto(`${s.url}/o/demo/records?kind=disbursement`);
  const kind = filters(page).getByLabel('Kind');
  await kind.waitFor();
  assert.equal(
    await kind.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    'Petty-cash disbursement',
  );
  await filters(page).getByText('Filters (1 in use)').waitFor();
  const byKind = await listApi('kind=disbursement&pageSize=1');
  await waitForTotal(page, byKind.total);

  // Remembered columns are kept in this browser's storage, which anything may have written.
  await page.evaluate(() =>
    localStorage.setItem(
      'probity.recordColumns.demo',
      JSON.stringify({ base: ['state', 7], data: { 'sample/disbursement': 5, 'sample/other': ['x', null] } }),
    ),
  );
  await page.goto(`${s.url}/o/demo/records?pack=sample&kind=disbursement`);
  await waitForTotal(page, byKind.total);
  const headers = (await list(page).locator('thead th').allTextContents()).map((h) =>
    h.replace(/[▲▼↕]/g, '').trim(),
  );
  assert.deepEqual(headers, ['Title', 'State']);
  await page.evaluate(() => localStorage.removeItem('probity.recordColumns.demo'));
  await page.close();
});

test('the CSV and XLSX downloads hold exactly the filtered records, in the list’s order', async () => {
  const { page } = s;
  // More than a page of open records, sorted by title descending, on page 2: the export is not paged.
  const query = 'open=true&q=Stationery&sort=title&dir=desc';
  await page.goto(`${s.url}/o/demo/records?${query}&page=2`);
  const expected = await listApi(`${query}&pageSize=100`);
  assert.ok(expected.total > 25);
  await waitForTotal(page, expected.total, 26);

  const csvLink = list(page).getByRole('link', { name: 'Download CSV of these records' });
  const href = new URL((await csvLink.getAttribute('href')) ?? '', s.url);
  assert.equal(href.pathname, '/api/v1/orgs/demo/records/export');
  for (const [k, v] of new URLSearchParams(query))
    assert.equal(href.searchParams.get(k), v, `export keeps ${k}`);
  assert.equal(href.searchParams.get('page'), null, 'the export is not paged');
  assert.equal(href.searchParams.get('columns'), 'title,pack,kind,state,unitName,dueOn,updatedAt');

  const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const text = await readFile((await csv.path()) ?? '', 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark for spreadsheets');
  const [head, ...rows] = parseCsv(text.slice(1));
  assert.deepEqual(head, ['Title', 'Pack', 'Kind', 'State', 'Unit', 'Due on', 'Updated at']);
  assert.deepEqual(
    rows.map((r) => r[0]),
    expected.records.map((r) => r.title),
  );
  assert.equal(rows.length, expected.total);
  assert.deepEqual(
    rows.map((r) => r[3]),
    expected.records.map((r) => r.state),
  );

  const xlsxLink = list(page).getByRole('link', { name: 'Download Excel (XLSX) of these records' });
  const [xlsx] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  const bytes = await readFile((await xlsx.path()) ?? '');
  assert.ok(bytes.length > 0);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  const titles: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) titles.push(String(row.getCell(1).value));
  });
  assert.deepEqual(
    titles,
    expected.records.map((r) => r.title),
  );
});

test('the list and the pack page have no serious accessibility violation', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records?kind=disbursement&pack=sample`);
  await list(page).locator('tbody tr').first().waitFor();
  await list(page).getByText('Columns', { exact: true }).click();
  await assertAccessible(page);
  await list(page).getByText('Columns', { exact: true }).click();
  await screenshot(page, 'records');

  await page.goto(`${s.url}/o/demo/packs/sample`);
  await page.getByRole('heading', { level: 1, name: 'Sample: petty cash' }).waitFor();
  await page.locator('.record-list tbody tr').first().waitFor();
  await assertAccessible(page);
  await screenshot(page, 'pack');
});

test('the pack page: version, source, New buttons, its records, rules citing their clauses, workflows', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/packs/sample`);
  await page.getByRole('heading', { level: 1, name: 'Sample: petty cash' }).waitFor();
  await page.getByText('Version 1.0.0 · in effect from 1 Jul 2020').waitFor();
  assert.equal(
    await page.getByRole('link', { name: 'New petty-cash disbursement' }).getAttribute('href'),
    '/o/demo/records/new?pack=sample&kind=disbursement',
  );
  assert.equal(
    await page
      .getByRole('region', { name: 'Source documents' })
      .getByRole('link', { name: 'Sample Petty Cash Policy' })
      .getAttribute('href'),
    '/o/demo/packs/sample/sources/sample-petty-cash-policy',
  );
  // The list is fixed to the pack: no pack filter, and the pack's records only.
  const records = page.getByRole('region', { name: 'Records of Sample: petty cash' });
  assert.equal(await records.getByRole('search').getByLabel('Pack', { exact: true }).count(), 0);
  const sample = await listApi('pack=sample&pageSize=1');
  await records.locator('.result-count').getByText(`of ${sample.total} records`).waitFor();

  const rules = page.getByRole('region', { name: 'Rules' });
  const limitRow = rules
    .getByRole('row')
    .filter({ hasText: 'A single disbursement stays within the petty-cash limit' });
  const citation = limitRow.getByRole('link', { name: '§ 2.1' });
  assert.equal(
    await citation.getAttribute('href'),
    '/o/demo/packs/sample/sources/sample-petty-cash-policy?section=2.1#s-2.1',
  );
  await limitRow.getByText('from 1 Jul 2020').waitFor();

  const workflows = page.getByRole('region', { name: 'Workflows' });
  await workflows.getByRole('heading', { name: 'Petty-cash disbursement' }).waitFor();
  const approve = workflows
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Approve' }) });
  await approve.getByText('Petty-cash approver').waitFor();
  await approve.getByRole('cell', { name: 'Requested', exact: true }).waitFor();
  await approve.getByRole('cell', { name: 'Approved', exact: true }).waitFor();
  await approve
    .getByRole('link', { name: 'A single disbursement stays within the petty-cash limit' })
    .waitFor();

  // A filter on the pack page stays on the pack page.
  await records.getByRole('search').getByLabel('State').selectOption({ label: 'Approved' });
  await page.waitForURL(
    (u) => u.pathname === '/o/demo/packs/sample' && u.searchParams.get('state') === 'approved',
  );
  await waitForTotal(page, approved.length);
});

test('on a 390 px phone the list and the pack page fit the screen', async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/o/demo/records', '/o/demo/packs/sample', '/o/demo']) {
    await page.goto(`${s.url}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.record-list tbody tr, .tiles').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 390px screen`);
  }
  await page.goto(`${s.url}/o/demo/records`);
  await page.locator('.record-list tbody tr').first().waitFor();
  await screenshot(page, 'phone-records-list');
  await page.close();
});
