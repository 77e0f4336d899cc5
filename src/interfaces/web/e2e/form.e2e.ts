// The record forms in a real browser: a new petty-cash disbursement, generated from the record kind's
// schema, decided live as the amount is typed (both sides of the $25.00 receipt threshold and of the
// $150.00 limit), refused with its field errors next to the fields and in a summary, created, edited;
// plus nested groups and repeatable items from a schema the sample pack does not have.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, registerBrowserSession, screenshot } from './harness.ts';

const session = registerBrowserSession();

const NEW_DISBURSEMENT = '/o/demo/records/new?pack=sample&kind=disbursement';

/** The error shown under a field, found through the field's aria-describedby. */
async function fieldError(page: Page, label: string): Promise<string | null> {
  return page.getByLabel(label, { exact: true }).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const error = ids
      .map((id) => document.getElementById(id))
      .find((n) => n?.classList.contains('field-error'));
    return error?.textContent ?? null;
  });
}

function details(page: Page) {
  return page.locator('section:has(h2:text-is("Details"))');
}

function livePanel(page: Page) {
  return page.locator('.live-findings [aria-live="polite"]');
}

test('the form for a new disbursement is reached from the kinds of record and built from the schema', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}/o/demo/records/new`);
  await page.getByRole('heading', { level: 1, name: 'New record' }).waitFor();
  await page.getByRole('link', { name: 'New petty-cash disbursement' }).click();
  await page.getByRole('heading', { level: 1, name: 'New petty-cash disbursement' }).waitFor();
  assert.equal(new URL(page.url()).search, '?pack=sample&kind=disbursement');
  // Labels come from the schema's titles, help from its descriptions; money is typed in dollars.
  for (const label of ['Fund', 'Purpose', 'Amount', 'Paid on', 'Requested by', 'Custodian'])
    await page.getByLabel(label, { exact: true }).waitFor();
  // Who approved is written by the workflow's Approve step, not typed: the form does not offer it.
  assert.equal(await page.getByLabel('Approved by', { exact: true }).count(), 0);
  assert.equal(await page.getByLabel('Paid on').getAttribute('type'), 'date');
  assert.equal(await page.getByLabel('Receipt attached').getAttribute('type'), 'checkbox');
  assert.equal(await page.getByLabel('Purpose').evaluate((el) => el.tagName), 'TEXTAREA');
  assert.equal(await page.getByLabel('Amount', { exact: true }).getAttribute('inputmode'), 'decimal');
  assert.equal(await page.getByLabel('Fund', { exact: true }).getAttribute('required'), '');
  await page.getByText('The petty-cash fund paid from.').waitFor();
  await page.getByText('In dollars and cents, for example 25.00.').first().waitFor();
  // The schema's default (nothing disbursed yet this year) is filled in.
  assert.equal(await page.getByLabel('Fund total this fiscal year').inputValue(), '0.00');
  // A blank form is not covered in errors; the live panel says what it still needs.
  await livePanel(page)
    .getByText(/Still needed or not valid yet: Fund, Purpose, Amount, Paid on/)
    .waitFor();
  assert.equal(await page.locator('.field-error').count(), 0);
  // A field left empty after a visit says so; the others stay quiet.
  await page.getByLabel('Fund', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 1);
  assert.equal(await fieldError(page, 'Fund'), 'Fill this in.');
  assert.equal(await fieldError(page, 'Purpose'), null);
});

test('an invalid form is refused: errors next to the fields and a summary that links to them', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}${NEW_DISBURSEMENT}`);
  await page.getByRole('heading', { level: 1, name: 'New petty-cash disbursement' }).waitFor();
  await page.getByLabel('Fund', { exact: true }).fill('Front office');
  await page.getByLabel('Amount', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Create petty-cash disbursement' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await summary.getByRole('heading').innerText(), /^There are \d+ problems to fix$/);
  // The server's own message for the amount, next to the amount.
  assert.equal(await fieldError(page, 'Amount'), 'must be more than zero');
  assert.equal(await fieldError(page, 'Purpose'), 'Fill this in.');
  assert.equal(await fieldError(page, 'Paid on'), 'Choose a date.');
  assert.equal(await fieldError(page, 'Fund'), null);
  assert.equal(await page.getByLabel('Amount', { exact: true }).getAttribute('aria-invalid'), 'true');
  await summary.getByRole('link', { name: 'Amount: must be more than zero' }).waitFor();
  await summary.getByRole('link', { name: 'Paid on: Choose a date.' }).click();
  assert.equal(await page.getByLabel('Paid on').evaluate((el) => el === document.activeElement), true);
  await assertAccessible(page);
  await screenshot(page, 'form');
  // Fixing a field clears its error.
  await page.getByLabel('Amount', { exact: true }).fill('12');
  await page.getByLabel('Amount', { exact: true }).blur();
  await page.waitForFunction(
    () => !document.querySelector('.error-summary')?.textContent?.includes('Amount'),
  );
  // Text that is not an amount is caught before anything is sent.
  await page.getByLabel('Amount', { exact: true }).fill('12.345');
  await page.getByLabel('Amount', { exact: true }).blur();
  await page.waitForFunction(() => document.querySelector('.error-summary')?.textContent?.includes('Amount'));
  assert.equal(await fieldError(page, 'Amount'), 'Enter an amount in dollars and cents, for example 25.00.');
});

test('findings appear as the amount is typed and change across the receipt threshold and the limit', async () => {
  const s = session();
  const { page } = s;
  await page.goto(`${s.url}${NEW_DISBURSEMENT}`);
  await page.getByRole('heading', { level: 1, name: 'New petty-cash disbursement' }).waitFor();
  await page.getByLabel('Fund', { exact: true }).fill('Front office');
  await page.getByLabel('Purpose').fill('Art supplies');
  await page.getByLabel('Paid on').fill('2026-11-20');
  await page.getByText('Fri 20 Nov 2026').waitFor();
  await page.getByLabel('Requested by').fill('Sam Ortiz');
  await page.getByLabel('Custodian').fill('Lee Park');
  const live = livePanel(page);
  const amount = page.getByLabel('Amount', { exact: true });
  const receiptViolation = live.getByText('An itemised receipt is required for disbursements above $25.00');

  await amount.fill('25.00');
  await live.getByText('Approval is required before the cash is paid out.').waitFor();
  await live.getByText('FY2027 total for fund Front office would be $25.00.').waitFor();
  assert.equal(await receiptViolation.count(), 0, '$25.00 is at the threshold: no receipt needed');

  await amount.fill('25.01');
  await receiptViolation.waitFor();
  await live.getByText('FY2027 total for fund Front office would be $25.01.').waitFor();
  assert.match(
    await live.getByRole('heading', { level: 3 }).innerText(),
    /1 violation, 1 requirement, 1 value/,
  );
  // Violations come first.
  assert.match(await live.locator('li.finding').first().innerText(), /Violation/);

  await page.getByLabel('Receipt attached').check();
  await live.getByText('Itemised receipt required and attached.').waitFor();
  assert.equal(await receiptViolation.count(), 0);

  await amount.fill('150.01');
  await live.getByText('$150.01 exceeds the petty-cash limit of $150.00 for one disbursement').waitFor();
  await amount.fill('150.00');
  await live.getByText('FY2027 total for fund Front office would be $150.00.').waitFor();
  assert.equal(await live.getByText('exceeds the petty-cash limit').count(), 0);

  // The reasoning is there as on the record page.
  await live.locator('li.finding', { hasText: 'FY2027 total' }).getByText('How this was decided').click();
  await live.getByText('$2,000.00, in force from 1 Jul 2020').waitFor();
  await assertAccessible(page);

  await amount.fill('42.50');
  await live.getByText('FY2027 total for fund Front office would be $42.50.').waitFor();
  await page.getByRole('button', { name: 'Create petty-cash disbursement' }).click();
  await page.waitForURL(
    (u) => /^\/o\/demo\/records\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'),
  );
  await page.getByRole('heading', { level: 1, name: 'Art supplies (Front office)' }).waitFor();
  await details(page).locator('dt:text-is("Amount") + dd', { hasText: '$42.50' }).waitFor();
  await details(page).locator('dt:text-is("Receipt attached") + dd', { hasText: 'Yes' }).waitFor();
  await details(page).locator('dt:text-is("Paid on") + dd', { hasText: '20 Nov 2026' }).waitFor();
});

test('a record is edited in the same form, amounts converted to cents exactly', async () => {
  const s = session();
  const { page } = s;
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit Art supplies (Front office)' }).waitFor();
  const amount = page.getByLabel('Amount', { exact: true });
  assert.equal(await amount.inputValue(), '42.50');
  assert.equal(await page.getByLabel('Receipt attached').isChecked(), true);
  assert.equal(await page.getByLabel('Paid on').inputValue(), '2026-11-20');
  // 0.29 × 100 is 28.999999999999996 in binary floating point; the form parses digits, not floats.
  await amount.fill('0.29');
  await page.getByLabel('Purpose').fill('Art supplies and glue');
  await livePanel(page).getByText('FY2027 total for fund Front office would be $0.29.').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Art supplies and glue (Front office)' }).waitFor();
  await details(page).locator('dt:text-is("Amount") + dd', { hasText: '$0.29' }).waitFor();
  await page
    .getByRole('region', { name: 'History' })
    .getByText('Record edited: changed Purpose, Amount')
    .waitFor();
});

test('nested groups and repeatable items: added, removed, sent as exact data, errors placed on the item', async () => {
  const s = session();
  const page = await s.newPage();
  // A record kind with a nested object and a list of objects (the sample pack has neither).
  await page.route('**/api/v1/orgs/demo/packs', async (route) => {
    const res = await route.fetch();
    const packs = (await res.json()) as { id: string; recordKinds?: unknown[] }[];
    const sample = packs.find((p) => p.id === 'sample');
    sample?.recordKinds?.push({
      id: 'trip',
      title: 'Field trip',
      caseKind: 'trip',
      workflow: 'sample.disbursement',
      schema: {
        type: 'object',
        properties: {
          destination: { type: 'string', title: 'Destination', minLength: 1 },
          kind: { type: 'string', title: 'Kind of trip', enum: ['day', 'overnight'] },
          leader: {
            type: 'object',
            title: 'Trip leader',
            properties: {
              name: { type: 'string', title: 'Name' },
              phone: { type: 'string', title: 'Phone', description: 'a number reachable during the trip' },
            },
            required: ['name'],
          },
          legs: {
            type: 'array',
            title: 'Legs',
            items: {
              type: 'object',
              title: 'Leg',
              properties: {
                on: { type: 'string', format: 'date', title: 'Date' },
                amountCents: { type: 'integer', format: 'cents', title: 'Fare' },
              },
              required: ['on', 'amountCents'],
            },
          },
        },
        required: ['destination', 'kind', 'leader', 'legs'],
      },
    });
    await route.fulfill({ response: res, json: packs });
  });
  let sent: unknown;
  await page.route('**/api/v1/orgs/demo/records', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    sent = route.request().postDataJSON();
    await route.fulfill({
      status: 400,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        code: 'PRB_INPUT_INVALID',
        detail: 'The request has 1 invalid field.',
        errors: [{ path: '/data/legs/1/amountCents', message: 'must be at most $100.00' }],
      }),
    });
  });
  await page.goto(`${s.url}/o/demo/records/new?pack=sample&kind=trip`);
  await page.getByRole('heading', { level: 1, name: 'New field trip' }).waitFor();
  await page.getByRole('group', { name: 'Trip leader' }).getByLabel('Name').fill('Lee Park');
  await page.getByLabel('Phone').fill('555-0100');
  await page.getByLabel('Destination').fill('Science museum');
  await page.getByLabel('Kind of trip').selectOption('overnight');
  const legs = page.getByRole('group', { name: /^Legs/ });
  await legs.getByText('None yet.').waitFor();
  await legs.getByRole('button', { name: 'Add a leg' }).click();
  // The new item's first field takes focus.
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'date');
  await page.locator(':focus').fill('2026-12-01');
  await legs.getByRole('group', { name: 'Leg 1' }).getByLabel('Fare').fill('12.10');
  await legs.getByRole('button', { name: 'Add another leg' }).click();
  await legs.getByRole('group', { name: 'Leg 2' }).getByLabel('Date').fill('2026-12-02');
  await legs.getByRole('group', { name: 'Leg 2' }).getByLabel('Fare').fill('1,000.07');
  await legs.getByRole('button', { name: 'Add another leg' }).click();
  await legs.getByRole('button', { name: 'Remove leg 3' }).click();
  assert.equal(await legs.getByRole('group').count(), 2);
  await page.getByRole('button', { name: 'Create field trip' }).click();
  await page
    .locator('.error-summary')
    .getByRole('link', { name: 'Leg 2 › Fare: must be at most $100.00' })
    .waitFor();
  await legs.getByRole('group', { name: 'Leg 2' }).getByText('must be at most $100.00').waitFor();
  assert.deepEqual(sent, {
    pack: 'sample',
    kind: 'trip',
    data: {
      destination: 'Science museum',
      kind: 'overnight',
      leader: { name: 'Lee Park', phone: '555-0100' },
      legs: [
        { on: '2026-12-01', amountCents: 1210 },
        { on: '2026-12-02', amountCents: 100007 },
      ],
    },
  });
  await assertAccessible(page);
  await page.close();
});

test('on a 390 px phone the form fits the screen and the findings follow it', async () => {
  const s = session();
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${s.url}${NEW_DISBURSEMENT}`);
  await page.getByRole('heading', { level: 1, name: 'New petty-cash disbursement' }).waitFor();
  await page.getByLabel('Amount', { exact: true }).fill('30');
  // The live panel answers the typing (what it still needs), below the form rather than beside it.
  await livePanel(page)
    .getByText(/Still needed or not valid yet: Fund, Purpose, Paid on/)
    .waitFor();
  const form = await page.locator('form.record-form').boundingBox();
  const findings = await page.locator('aside.live-findings').boundingBox();
  assert.ok(form && findings);
  assert.ok(findings.y >= form.y + form.height, 'the findings come after the form');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 390px screen`);
  await page.close();
});
