// Generated reports in a real browser: the pack page and the navigation list lea-finance's reports; the
// Decision Chart for Purchasing Thresholds follows the organisation's override of a tier (set through the
// API, seen after a reload, gone again as of a date before it), and its PDF downloads as a PDF; the
// vendor-spend and reconciliation-status reports render. axe on desktop and a 390 px phone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, type BrowserSession, registerBrowserSession, screenshot } from './harness.ts';
import { apiAs } from './record-fixtures.ts';

let s: BrowserSession;
let reports: { id: string; title: string; description: string }[] = [];

registerBrowserSession({
  async setUp(session) {
    s = session;
    const packs = await apiAs(s)<{ id: string; reports?: typeof reports }[]>(
      'GET',
      '/api/v1/orgs/demo/packs',
    );
    reports = packs.find((p) => p.id === 'lea-finance')?.reports ?? [];
  },
});

const PACK = '/o/demo/packs/lea-finance';
const TIER_A = 'lea-finance.decision_tree.tier_a_max';

function report(id: string) {
  const r = reports.find((x) => x.id === id);
  assert.ok(r, `lea-finance lists the report ${id} (has: ${reports.map((x) => x.id).join(', ')})`);
  return r;
}

/** Every table cell's text in the report. */
async function cells(page: Page): Promise<string[]> {
  return page.locator('.report table td, .report table th').allInnerTexts();
}

async function openChart(page: Page, query = '') {
  await page.goto(`${s.url}${PACK}/reports/decision-chart${query}`);
  await page.locator('.report .report-section').first().waitFor();
}

test('the pack page and the navigation list the reports by name', async () => {
  const { page } = s;
  await page.goto(`${s.url}${PACK}`);
  const section = page.getByRole('region', { name: 'Reports' });
  for (const id of ['decision-chart', 'vendor-spend', 'reconciliation-status']) {
    await section.getByRole('link', { name: report(id).title, exact: true }).waitFor();
  }
  await assertAccessible(page);
  const nav = page.getByRole('navigation', { name: 'Primary' });
  await nav
    .getByRole('list', { name: /^Reports of / })
    .getByRole('link', { name: report('decision-chart').title })
    .click();
  await page.waitForURL((u) => u.pathname === `${PACK}/reports/decision-chart`);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

test('the Decision Chart shows the tiers from the parameters in force, and follows the organisation’s override', async () => {
  const { page } = s;
  await openChart(page);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Decision Chart/i);
  const before = await cells(page);
  assert.ok(
    before.some((c) => c.includes('$1,000.00')),
    `the D.2.a tier ends at $1,000.00: ${before.join(' | ')}`,
  );
  assert.ok(!before.some((c) => c.includes('$1,500.00')));
  // Citations link to the clause in the source document.
  await page
    .locator('.report')
    .getByRole('link', { name: /§ D\.2/ })
    .first()
    .waitFor();
  await assertAccessible(page);
  await screenshot(page, 'decision-chart');

  await apiAs(s)('POST', `/api/v1/orgs/demo/packs/lea-finance/parameters/${TIER_A}/overrides`, {
    from: '2025-07-01',
    value: 150_000,
    reason: 'Board resolution raising the no-quote tier',
  });
  await page.reload();
  await page.locator('.report .report-section').first().waitFor();
  const after = await cells(page);
  assert.ok(
    after.some((c) => c.includes('$1,500.00')),
    `the override shows: ${after.join(' | ')}`,
  );

  // As of a day before the override, the pack's own figure again (the date picker asks again).
  await page.getByLabel('As of').fill('2025-06-30');
  await page.waitForURL((u) => u.searchParams.get('asOf') === '2025-06-30');
  await page.getByText(/As of Mon 30 Jun 2025/).waitFor();
  const earlier = await cells(page);
  assert.ok(!earlier.some((c) => c.includes('$1,500.00')), 'before the override took effect');
  assert.ok(earlier.some((c) => c.includes('$1,000.00')));
});

test('the Decision Chart’s PDF downloads, with the page’s as-of date', async () => {
  const { page } = s;
  await openChart(page, '?asOf=2026-07-01');
  const link = page.getByRole('link', { name: 'Download PDF' });
  assert.match((await link.getAttribute('href')) ?? '', /\/reports\/decision-chart\/pdf\?asOf=2026-07-01$/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(download.suggestedFilename(), /^decision-chart-2026-07-01\.pdf$/);
});

for (const id of ['vendor-spend', 'reconciliation-status']) {
  test(`the ${id} report renders from the organisation’s records, on desktop and a 390 px phone`, async () => {
    const { page } = s;
    await page.goto(`${s.url}${PACK}`);
    await page
      .getByRole('region', { name: 'Reports' })
      .getByRole('link', { name: report(id).title, exact: true })
      .click();
    await page.waitForURL((u) => u.pathname === `${PACK}/reports/${id}`);
    await page.locator('.report .report-section, .report .empty').first().waitFor();
    await page.getByRole('link', { name: 'Download PDF' }).waitFor();
    assert.ok((await page.locator('.report h2').count()) >= 1, 'at least one section');
    await assertAccessible(page);
    await screenshot(page, `report-${id}`);
    const phone = await s.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${s.url}${PACK}/reports/${id}`);
    await phone.locator('.report .report-section, .report .empty').first().waitFor();
    await assertAccessible(phone);
    await phone.close();
  });
}

test('the vendor-spend report asks for a fiscal year, and the one chosen reaches the report and its PDF', async () => {
  const { page } = s;
  await page.goto(`${s.url}${PACK}/reports/vendor-spend?asOf=2026-11-20`);
  const heading = page.getByRole('heading', { level: 1 });
  // As of 20 Nov 2026 the July-to-June year is FY2027 (the pack's start month, read by the server).
  await page.getByText(/As of Fri 20 Nov 2026/).waitFor();
  assert.match(await heading.innerText(), /FY2027/);
  const choice = page.getByLabel('Fiscal year');
  assert.equal(await choice.inputValue(), '', 'empty: the fiscal year of the as-of date');
  await choice.selectOption('FY2025');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL((u) => u.searchParams.get('fiscalYear') === 'FY2025');
  await page.getByRole('heading', { level: 1, name: /FY2025/ }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('asOf'), '2026-11-20', 'the as-of date stays');
  assert.equal(await choice.inputValue(), 'FY2025');
  // The server's dates for the label, not the page's.
  await page.getByText('Mon 1 Jul 2024 to Mon 30 Jun 2025').first().waitFor();
  assert.match(
    (await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')) ?? '',
    /\/reports\/vendor-spend\/pdf\?asOf=2026-11-20&fiscalYear=FY2025$/,
  );
  await assertAccessible(page);

  // A label the report does not take: an alert naming the field as the form does.
  await page.goto(`${s.url}${PACK}/reports/vendor-spend?fiscalYear=next`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not build the report' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Fiscal year: expected a fiscal year such as FY2027/);
});
