// The record page in a real browser: a demo record's fields, its findings with the clause they cite (a
// click opens the source document at that passage) and the reasoning behind them, its history, a
// sensitive document attached and downloaded byte for byte, and a workflow step taken or refused.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, type BrowserSession, registerBrowserSession, screenshot } from './harness.ts';

let s: BrowserSession;
const ids = new Map<string, string>();

registerBrowserSession({
  async setUp(session) {
    s = session;
    const res = await s.test.server.inject({
      url: '/api/v1/orgs/demo/records?pageSize=100',
      headers: { cookie: s.test.adminCookie },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { records: { id: string; title: string }[] };
    for (const r of body.records) ids.set(r.title, r.id);
  },
});

function recordId(title: string): string {
  const id = ids.get(title);
  assert.ok(id, `the demo record "${title}" exists (have: ${[...ids.keys()].join(', ')})`);
  return id;
}

async function openRecord(page: Page, title: string) {
  await page.goto(`${s.url}/o/demo/records/${recordId(title)}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The text of the <dd> that follows the <dt> with this label, in the given container. */
async function definition(page: Page, container: string, label: string): Promise<string> {
  return page.locator(container).locator(`dt:text-is("${label}") + dd`).first().innerText();
}

const CLASSROOM = 'Classroom supplies (Front office)';
const POSTAGE = 'Postage for report cards (Front office)';

test('a record shows its fields with their labels, money in dollars and dates with the month named', async () => {
  const { page } = s;
  await openRecord(page, CLASSROOM);
  const details = 'section:has(h2:text-is("Details"))';
  assert.equal(await definition(page, details, 'Amount'), '$129.50');
  assert.equal(await definition(page, details, 'Receipt attached'), 'No');
  assert.equal(await definition(page, details, 'Fund total this fiscal year'), '$657.80');
  assert.match(await definition(page, details, 'Paid on'), /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  assert.equal(await definition(page, details, 'Requested by'), 'Dana Reyes');
  // The state and what can happen next.
  await page.getByRole('button', { name: 'Approve' }).waitFor();
  await page.getByRole('link', { name: 'Edit' }).waitFor();
  await assertAccessible(page);
  await screenshot(page, 'record');
});

test('findings come violations first, with counts, citations and an expandable trace of facts and parameters', async () => {
  const { page } = s;
  await openRecord(page, CLASSROOM);
  const panel = page.getByRole('region', { name: /^Findings/ });
  const heading = await panel.getByRole('heading', { level: 2 }).innerText();
  assert.match(heading, /^Findings: 1 violation, 1 requirement, 1 value$/);
  const items = panel.locator('li.finding');
  assert.equal(await items.count(), 3);
  assert.match(
    await items.nth(0).innerText(),
    /An itemised receipt is required for disbursements above \$25\.00/,
  );
  assert.match(await items.nth(0).locator('.finding-badges').innerText(), /Violation\s+Medium severity/);
  assert.match(await items.nth(1).innerText(), /Approval is required before the cash is paid out/);
  // The requirement is due on the payment date, written with the month's name.
  assert.match(await items.nth(1).innerText(), /Due [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}/);

  const receipt = items.nth(0);
  const summary = receipt.getByText('How this was decided');
  await summary.click();
  const trace = receipt.locator('details.trace');
  assert.equal(await trace.getAttribute('open'), '');
  const traceText = await trace.innerText();
  assert.match(traceText, /Facts the rule read/);
  assert.match(traceText, /Amount\s+amountCents\s+\$129\.50/);
  assert.match(traceText, /Receipt attached\s+hasReceipt\s+No/);
  assert.match(traceText, /Parameter values used/);
  assert.match(traceText, /sample\.limits\.receipt_threshold/);
  assert.match(traceText, /\$25\.00, in force from 1 Jul 2020/);
  assert.match(traceText, /the pack’s value/);
  // The summary works from the keyboard too: it closes with Enter.
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await trace.getAttribute('open'), null);

  // The citation opens the source document at the cited passage, highlighted and focused.
  const citation = receipt.locator('.finding-citations').getByRole('link', { name: '§ 2.2' });
  await citation.click();
  await page.waitForURL((u) => u.pathname === '/o/demo/packs/sample/sources/sample-petty-cash-policy');
  assert.equal(new URL(page.url()).searchParams.get('section'), '2.2');
  await page.getByRole('heading', { level: 1, name: 'Sample Petty Cash Policy' }).waitFor();
  const cited = page.locator('[id="s-2.2"]');
  await cited.waitFor();
  assert.match(
    await cited.innerText(),
    /Every disbursement above \$25\.00 must be supported by an itemised receipt/,
  );
  assert.match((await cited.getAttribute('class')) ?? '', /\bcited\b/);
  await page.waitForFunction(() => document.activeElement?.id === 's-2.2');
  assert.equal(await page.locator('.source-block.cited').count(), 1, 'only the cited passage is highlighted');
  assert.ok(await cited.isVisible());
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: '2. Limits' }).waitFor();
  await assertAccessible(page);
  await screenshot(page, 'source');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: CLASSROOM }).waitFor();
});

test('the history lists who did what and when, oldest first, and can be reversed', async () => {
  const { page } = s;
  await openRecord(page, POSTAGE);
  const history = page.getByRole('region', { name: 'History' });
  await history.getByText('3 events, oldest first.').waitFor();
  const items = history.locator('ol.timeline > li');
  assert.equal(await items.count(), 3);
  assert.match(
    await items.nth(0).innerText(),
    /Record created as Requested\s+by Probity \(automatic\) · \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d · \d+ findings \(/,
  );
  assert.match(await items.nth(1).innerText(), /Approve: Requested → Approved\s+by Probity \(automatic\)/);
  assert.match(await items.nth(2).innerText(), /Pay out: Approved → Paid/);
  // A closed record offers no steps and no editing.
  await page.getByText('This record is closed: nothing more happens to it.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0);
  await history.getByRole('button', { name: 'Show newest first' }).click();
  await history.getByText('3 events, newest first.').waitFor();
  assert.match(await items.nth(0).innerText(), /Pay out: Approved → Paid/);
});

test('a document marked sensitive is attached, listed with its marking, and downloads byte for byte', async () => {
  const { page } = s;
  await openRecord(page, CLASSROOM);
  const docs = page.getByRole('region', { name: 'Documents' });
  await docs.getByText('No documents attached').waitFor();
  // Too big: refused before anything is sent.
  await docs.getByLabel('File').setInputFiles({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(20 * 1024 * 1024 + 1),
  });
  await docs.getByText('documents may be at most 20 MB').waitFor();
  await docs.getByRole('button', { name: 'Attach document' }).click();
  assert.equal(await docs.getByLabel('File').evaluate((el) => el === document.activeElement), true);

  const bytes = Buffer.from('Receipt #4411\nClassroom supplies\t$129.50\n\u00e9\u00e8 \u2713\n', 'utf8');
  await docs
    .getByLabel('File')
    .setInputFiles({ name: 'receipt-4411.txt', mimeType: 'text/plain', buffer: bytes });
  await docs.getByLabel('Marking').selectOption('sensitive');
  await docs.getByText('Only you, administrators and the roles you choose below.').waitFor();
  await docs.getByLabel('Petty-cash approver').check();
  await docs.getByRole('button', { name: 'Attach document' }).click();
  await docs.getByText('receipt-4411.txt was attached and marked Sensitive.').waitFor();
  const row = docs.locator('tbody tr', { hasText: 'receipt-4411.txt' });
  await row.waitFor();
  assert.match(await row.innerText(), /receipt-4411\.txt.*\s+Text\s+\d+ B\s+Sensitive/s);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: /receipt-4411\.txt/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'receipt-4411.txt');
  const path = await download.path();
  assert.ok(path);
  assert.deepEqual(await readFile(path), bytes);

  // The history says a document was attached.
  await page
    .getByRole('region', { name: 'History' })
    .getByText('Document attached: receipt-4411.txt')
    .waitFor();
  await assertAccessible(page);
});

test('a refused download says so on the page, until a new attempt succeeds', async () => {
  const { page } = s;
  await openRecord(page, CLASSROOM);
  const docs = page.getByRole('region', { name: 'Documents' });
  const link = docs.getByRole('link', { name: /receipt-4411\.txt/ });
  await link.waitFor();
  // The server refuses (simulated: the route answers 403 as it does for a reader without the role).
  await page.route('**/documents/*/content', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        code: 'PRB_FORBIDDEN',
        detail: 'Document receipt-4411.txt is marked sensitive; your roles may not read it.',
      }),
    }),
  );
  await link.click();
  await docs
    .getByRole('alert')
    .getByText('Could not download receipt-4411.txt: Document receipt-4411.txt is marked sensitive')
    .waitFor();
  await page.unroute('**/documents/*/content');
  // Tried again and allowed: the file arrives and the refusal no longer stands on the page.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'receipt-4411.txt');
  assert.equal(await docs.getByRole('alert').count(), 0);
});

test('a workflow step is taken and the history grows; a refused step shows why, with its findings', async () => {
  const { page } = s;
  await openRecord(page, CLASSROOM);
  const history = page.getByRole('region', { name: 'History' });
  const before = await history.locator('ol.timeline > li').count();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Approve: done. The record is now Approved.').waitFor();
  await page.locator('section[aria-label="Status"]').getByText('Approved', { exact: true }).waitFor();
  await history.getByText('Approve: Requested → Approved').waitFor();
  assert.equal(await history.locator('ol.timeline > li').count(), before + 1);
  assert.match(await history.locator('ol.timeline > li').last().innerText(), /by Demo Administrator/);
  // Approved: approval is no longer required, so the findings lose that requirement.
  assert.equal(await page.getByText('Approval is required before the cash is paid out.').count(), 0);

  // Segregation of duties: the custodian who requested a disbursement may not approve it.
  const created = await s.test.server.inject({
    method: 'POST',
    url: '/api/v1/orgs/demo/records',
    headers: { cookie: s.test.adminCookie },
    payload: {
      pack: 'sample',
      kind: 'disbursement',
      data: {
        fund: 'Library',
        purpose: 'Book repair tape',
        amountCents: 1_800,
        paidOn: '2026-11-20',
        hasReceipt: true,
        requestedBy: 'Demo Administrator',
        custodian: 'Demo Administrator',
      },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().record.id as string;
  await page.goto(`${s.url}/o/demo/records/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Book repair tape (Library)' }).waitFor();
  await page.getByRole('button', { name: 'Approve' }).click();
  const refusal = page.locator('.refusal');
  await refusal
    .getByRole('alert')
    .getByText(/"approve" was refused: Demo Administrator is the fund's custodian/)
    .waitFor();
  const why = refusal.getByRole('region', { name: /^Why it was refused/ });
  assert.match(await why.innerText(), /Violation\s+Critical severity/);
  await why.getByRole('link', { name: '§ 4.2' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('refusal'));
  await history.getByText('Approve refused (stayed Requested)').waitFor();
  await assertAccessible(page);
});

test('the record page works on a 390 px phone without sideways scrolling', async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await openRecord(page, CLASSROOM);
  await page.getByRole('region', { name: 'Documents' }).getByText('receipt-4411.txt').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 390px screen`);
  await page.close();
});

test('an unknown record says so and leads back to the list', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records/no-such-record`);
  await page.getByRole('heading', { level: 1, name: 'Record not found' }).waitFor();
  await page.getByRole('link', { name: 'Back to the records' }).waitFor();
});
