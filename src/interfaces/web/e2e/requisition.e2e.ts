// THE REQUISITION WALK (lea-finance, issue 4): a requestor enters a $2,400 requisition with one quote in
// the browser; submitting is refused for the missing second quote (D.2.b); they add a complete second
// quote and submit; signing as supervisor themselves is refused as segregation of duties; the supervisor
// and the business administrator sign (from their approvals inbox); purchasing approves (the purchase
// order is issued) and orders; the goods are received with a complete packing slip; accounting enters
// the invoice, records it and pays (three-way match). The record ends Paid, its timeline listing every
// step. Each person is a member made through the admin API, signed in through the sign-in page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { todayIn } from '../../../kernel/index.ts';
import {
  assertAccessible,
  type BrowserSession,
  registerBrowserSession,
  screenshot,
  signIn,
} from './harness.ts';
import { apiAs } from './record-fixtures.ts';
import { createMember, type Member } from './work-fixtures.ts';

let s: BrowserSession;
const people: Record<'requestor' | 'supervisor' | 'business' | 'purchasing' | 'accounting', Member> =
  {} as never;
let recordId = '';
let today = '';

const TITLE = /^Classroom chairs for room 12 — Acme School Supply \(\$2,400\.00\)$/;

registerBrowserSession({
  signedIn: false,
  async setUp(session) {
    s = session;
    today = todayIn('America/Denver', new Date());
    // The requestor also supervises another department: they hold the supervisor role, and the policy
    // still may not let them sign their own request.
    people.requestor = await createMember(s, 'riley@example.org', 'Riley Requestor', [
      { role: 'lea-finance.requestor' },
      { role: 'lea-finance.supervisor' },
    ]);
    people.supervisor = await createMember(s, 'sam@example.org', 'Sam Supervisor', [
      { role: 'lea-finance.supervisor' },
    ]);
    people.business = await createMember(s, 'bailey@example.org', 'Bailey Business', [
      { role: 'lea-finance.business-administrator' },
    ]);
    people.purchasing = await createMember(s, 'pat@example.org', 'Pat Purchasing', [
      { role: 'lea-finance.purchasing' },
    ]);
    people.accounting = await createMember(s, 'alex@example.org', 'Alex Accounting', [
      { role: 'lea-finance.accounting' },
    ]);
  },
});

/**
 * Makes the browser act as `m`. The first person signs in through the sign-in page; the others take
 * the session they signed in to through the API when they were made (the sign-in form is rate limited
 * per address, and this walk needs five people).
 */
async function as(m: Member, viaForm = false): Promise<Page> {
  await s.context.clearCookies();
  if (viaForm) {
    await signIn(s, m.email, m.password);
    return s.page;
  }
  const [name, value] = m.cookie.split('=') as [string, string];
  await s.context.addCookies([{ name, value, url: s.url }]);
  await s.page.goto(`${s.url}/o/demo`);
  await s.page.getByRole('link', { name: m.displayName }).waitFor();
  return s.page;
}

async function openRecord(page: Page) {
  await page.goto(`${s.url}/o/demo/records/${recordId}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

async function state(page: Page): Promise<string> {
  return page.locator('.record-status dt:text-is("State") + dd .badge').innerText();
}

/** Takes a step from the record page's "Next steps" (confirming when it closes the record). */
async function step(page: Page, title: string, confirm = false) {
  const panel = page.getByRole('region', { name: 'Next steps' });
  await panel.getByRole('button', { name: title, exact: true }).click();
  if (confirm) await panel.getByRole('button', { name: `Yes, ${title.toLowerCase()}` }).click();
}

async function stepDone(page: Page, title: string, now: string) {
  await page.getByText(`${title}: done. The record is now ${now}.`).waitFor();
  // The record reloads after the step: its state follows.
  await page.locator(`.record-status dt:text-is("State") + dd .badge:text-is("${now}")`).waitFor();
}

/** Fills quote `i` of the form with all six elements of A.7.a. */
async function fillQuote(page: Page, i: number, company: string, total: string) {
  const f = (name: string) => page.locator(`#rf-quotes-${i}-${name}`);
  await f('amountCents').fill(total);
  await f('receivedOn').fill(today);
  await f('validUntil').fill('2027-06-30');
  await f('delivery').fill('Two weeks after order');
  await f('companyName').fill(company);
  await f('companyAddress').fill(`${i + 1}00 Main Street, Salt Lake City, UT`);
  await page.locator(`#rf-quotes-${i}-items-add`).click();
  await f('items-0-description').fill('Stackable student chair, blue');
  await f('items-0-unit').fill('each');
  await f('items-0-quantity').fill('40');
  await f('items-0-totalCents').fill(total);
  await f('shippingCents').fill('0.00');
  await f('salesperson').fill(i === 0 ? 'Dana Seller' : 'Chris Vendor');
  await f('salespersonContact').fill('801-555-0100');
  await f('employeeName').fill('Riley Requestor');
  await f('employeePosition').fill('Teacher');
}

async function save(page: Page) {
  await page.getByRole('button', { name: /^(Save changes|Create requisition)/ }).click();
  const refused = page.locator('.error-summary');
  await Promise.race([refused.waitFor(), page.waitForURL((u) => !u.pathname.endsWith('/edit'))]).catch(
    async (e) => {
      await screenshot(page, 'requisition-save-failed');
      throw e;
    },
  );
  if (await refused.isVisible()) assert.fail(`not saved: ${await refused.innerText()}`);
  await page.waitForURL((u) => /^\/o\/demo\/records\/[^/]+$/.test(u.pathname));
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

test('the requestor enters a $2,400 requisition with one quote; submitting is refused for the missing second quote (D.2.b)', async () => {
  const page = await as(people.requestor, true);
  await page.goto(`${s.url}/o/demo/records/new?pack=lea-finance&kind=requisition`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#rf-description').fill('Classroom chairs for room 12');
  await page.locator('#rf-vendor').fill('Acme School Supply');
  await page.locator('#rf-category').selectOption('goods-services');
  await page.locator('#rf-commodity').fill('classroom chairs');
  await page.locator('#rf-amountCents').fill('2400.00');
  await page.locator('#rf-requisitionDate').fill(today);
  await page.locator('#rf-quotes-add').click();
  await fillQuote(page, 0, 'Acme School Supply', '2400.00');
  await assertAccessible(page);
  await save(page);
  recordId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  assert.equal(await state(page), 'Draft');

  await step(page, 'Submit for approval');
  const refusal = page.locator('.refusal');
  await refusal
    .getByRole('alert')
    .getByText(/needs at least 2 competitive quotes/)
    .waitFor();
  const why = refusal.getByRole('region', { name: /Why it was refused/ });
  assert.match(await why.innerText(), /D\.2\.b/);
  assert.match(await why.innerText(), /1 is attached/);
  assert.equal(await state(page), 'Draft', 'nothing moved');
  await assertAccessible(page);
  await screenshot(page, 'requisition-refused-quote');
});

test('with a complete second quote the requestor submits it', async () => {
  const page = s.page;
  await openRecord(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.locator('#rf-quotes-add').waitFor();
  await page.locator('#rf-quotes-add').click();
  await fillQuote(page, 1, 'Beta Furniture', '2550.00');
  await save(page);
  await step(page, 'Submit for approval');
  await stepDone(page, 'Submit for approval', 'Awaiting approval');
});

test('the requestor, who also holds the supervisor role, is refused signing their own request: segregation of duties', async () => {
  const page = s.page;
  await page.goto(`${s.url}/o/demo/inbox?pack=lea-finance`);
  const item = page.locator('ul.inbox-items > li', { hasText: 'Classroom chairs for room 12' });
  await item.getByRole('button', { name: /^Sign as supervisor: / }).click();
  await item.getByRole('button', { name: 'Yes, sign as supervisor' }).click();
  const refusal = item.locator('.refusal');
  await refusal.getByText('Segregation of duties').waitFor();
  await refusal
    .getByRole('alert')
    .getByText(/Riley Requestor requested this purchase and so cannot sign it as supervisor/)
    .waitFor();
  await assertAccessible(page);
  await screenshot(page, 'requisition-segregation');
  await openRecord(page);
  assert.equal(await state(page), 'Awaiting approval');
});

test('the supervisor and the business administrator sign from their inboxes; a signed step leaves the inbox', async () => {
  for (const [who, title] of [
    [people.supervisor, 'Sign as supervisor'],
    [people.business, 'Sign as business administrator'],
  ] as const) {
    const page = await as(who);
    await page.goto(`${s.url}/o/demo/inbox?pack=lea-finance`);
    const item = page.locator('ul.inbox-items > li', { hasText: 'Classroom chairs for room 12' });
    await item.getByRole('button', { name: new RegExp(`^${title}: `) }).click();
    await item.getByRole('button', { name: `Yes, ${title.toLowerCase()}` }).click();
    await page.getByText(new RegExp(`^${title}: done\\.`)).waitFor();
    // Signed: nothing of theirs is left on it.
    await page
      .locator('ul.inbox-items > li', { hasText: 'Classroom chairs for room 12' })
      .getByRole('button', { name: new RegExp(`^${title}: `) })
      .waitFor({ state: 'detached' });
  }
  const record = await apiAs(s)<{ record: { data: Record<string, unknown> } }>(
    'GET',
    `/api/v1/orgs/demo/records/${recordId}`,
  );
  assert.equal(record.record.data.supervisorSignedBy, 'Sam Supervisor');
  assert.equal(record.record.data.businessAdministratorSignedBy, 'Bailey Business');
});

test('purchasing approves (the purchase order is issued) and places the order', async () => {
  const page = await as(people.purchasing);
  await openRecord(page);
  await step(page, 'Approve and issue the purchase order');
  await stepDone(page, 'Approve and issue the purchase order', 'Purchase order issued');
  await step(page, 'Place the order');
  await stepDone(page, 'Place the order', 'Ordered');
});

test('the requestor receives the goods with a complete packing slip', async () => {
  const page = await as(people.requestor);
  await openRecord(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.locator('#rf-packingSlipComplete').check();
  await save(page);
  await step(page, 'Record receipt');
  await stepDone(page, 'Record receipt', 'Received');
});

test('accounting enters the invoice, records it and pays: the three-way match holds and the record is Paid', async () => {
  const page = await as(people.accounting);
  await openRecord(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.locator('#rf-invoice-number').fill('INV-4471');
  await page.locator('#rf-invoice-date').fill(today);
  await page.locator('#rf-invoice-amountCents').fill('2400.00');
  await save(page);
  await step(page, 'Record the invoice');
  await stepDone(page, 'Record the invoice', 'Invoiced');
  await step(page, 'Pay', true);
  // The message comes before the record reloads: wait for the state and the timeline to follow.
  await stepDone(page, 'Pay', 'Paid');
  await page.locator('ol.timeline > li .tl-what strong:text-is("Pay")').waitFor();

  // Each step in order, by its heading: a text search would pass "Submit for approval" and "Pay" on the
  // strength of "Submit for approval refused" and "Paid" alone.
  const steps = [
    'Submit for approval refused',
    'Submit for approval',
    'Sign as supervisor refused',
    'Sign as supervisor',
    'Sign as business administrator',
    'Approve and issue the purchase order',
    'Place the order',
    'Record receipt',
    'Record the invoice',
    'Pay',
  ];
  const headings = await page.locator('ol.timeline > li .tl-what strong').allInnerTexts();
  assert.deepEqual(
    headings.filter((h) => steps.includes(h)),
    steps,
    `the timeline lists every step, oldest first:\n${headings.join('\n')}`,
  );
  const data = (
    await apiAs(s)<{ record: { state: string; data: Record<string, unknown> } }>(
      'GET',
      `/api/v1/orgs/demo/records/${recordId}`,
    )
  ).record;
  assert.equal(data.state, 'paid');
  assert.equal(data.data.requestedBy, 'Riley Requestor');
  assert.equal(data.data.approvedBy, 'Pat Purchasing');
  assert.equal(data.data.paidBy, 'Alex Accounting');
  await assertAccessible(page);
  await screenshot(page, 'requisition-paid');
});
