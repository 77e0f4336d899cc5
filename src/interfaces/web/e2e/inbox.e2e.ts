// The approvals inbox in a real browser: an approver of one unit sees exactly the records they may act
// on (not another unit's, not closed ones), with the count in the navigation; a step taken from the inbox
// moves the record (and it leaves once nothing is left for them); a segregation-of-duties refusal shows
// the server's reasons right there; the empty state; axe on desktop and a 390 px phone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, todayIn } from '../../../kernel/index.ts';
import {
  assertAccessible,
  type BrowserSession,
  registerBrowserSession,
  screenshot,
  signIn,
} from './harness.ts';
import { apiAs } from './record-fixtures.ts';
import { createMember, type Member, unitId } from './work-fixtures.ts';

let s: BrowserSession;
let approver: Member;
const ids: Record<string, string> = {};

const OVERDUE = 'Overdue crayons (Front office)';
const LATER = 'Later stamps (Front office)';
const OWN = 'Own request (Front office)';
const ELSEWHERE = 'Elsewhere paper (Front office)';
const CLOSED = 'Closed glue (Front office)';

registerBrowserSession({
  signedIn: false,
  async setUp(session) {
    s = session;
    const birch = await unitId(s, 'Birch School');
    const cedar = await unitId(s, 'Cedar School');
    approver = await createMember(s, 'avery@example.org', 'Avery Approver', [
      { role: 'sample.approver', unitId: birch },
    ]);
    const api = apiAs(s);
    // The demo organisation's today (its time zone), as the server counts overdue days.
    const today = todayIn('America/Denver', new Date());
    const shift = (days: number) => addDays(today, days);
    const make = async (
      key: string,
      purpose: string,
      paidOn: string,
      unit: string,
      custodian = 'Dana Reyes',
    ) => {
      const { record } = await api<{ record: { id: string } }>('POST', '/api/v1/orgs/demo/records', {
        pack: 'sample',
        kind: 'disbursement',
        unitId: unit,
        data: {
          fund: 'Front office',
          purpose,
          amountCents: 1_800,
          paidOn,
          hasReceipt: true,
          requestedBy: custodian,
          custodian,
        },
      });
      ids[key] = record.id;
    };
    await make('later', 'Later stamps', shift(12), birch);
    await make('overdue', 'Overdue crayons', shift(-4), birch);
    // Requested by the custodian Avery: Avery may not approve it (segregation of duties).
    await make('own', 'Own request', shift(20), birch, 'Avery Approver');
    await make('elsewhere', 'Elsewhere paper', shift(-9), cedar);
    await make('closed', 'Closed glue', shift(3), birch);
    await api('POST', `/api/v1/orgs/demo/records/${ids.closed}/transitions`, { transition: 'reject' });
    await signIn(s, approver.email, approver.password);
  },
});

async function itemTitles() {
  const list = s.page.locator('ul.inbox-items > li .item-title a');
  return list.allInnerTexts();
}

async function openInbox() {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/inbox`);
  await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
  await page.getByRole('heading', { level: 2, name: /wait.? for you|Nothing is waiting/ }).waitFor();
}

test('the inbox lists exactly the records the approver may act on, overdue first, with a count in the navigation', async () => {
  const { page } = s;
  const nav = page.getByRole('navigation', { name: 'Primary' });
  await nav.getByRole('link', { name: 'Approvals 3 waiting for you' }).waitFor();
  await nav.getByRole('link', { name: /^Approvals/ }).click();
  await page.getByRole('heading', { level: 2, name: '3 records wait for you' }).waitFor();
  assert.deepEqual(await itemTitles(), [OVERDUE, LATER, OWN]);
  const overdue = page.locator('ul.inbox-items > li').first();
  assert.match(await overdue.innerText(), /4 days overdue/);
  assert.match(await overdue.innerText(), /Birch School · waiting since/);
  await overdue.getByRole('button', { name: `Approve: ${OVERDUE}` }).waitFor();
  await overdue.getByRole('button', { name: `Reject: ${OVERDUE}` }).waitFor();
  assert.ok(!(await itemTitles()).includes(ELSEWHERE), 'another unit’s record is not theirs');
  assert.ok(!(await itemTitles()).includes(CLOSED), 'a closed record waits for no one');
  // The title links to the record.
  await page.getByRole('link', { name: LATER }).click();
  await page.getByRole('heading', { level: 1, name: LATER }).waitFor();
  assert.match(page.url(), new RegExp(`/o/demo/records/${ids.later}$`));
  await openInbox();
  await assertAccessible(page);
  await screenshot(page, 'inbox');
});

test('a step taken from the inbox asks first, then moves the record; once closed it leaves the inbox', async () => {
  const { page } = s;
  await openInbox();
  const item = page.locator('ul.inbox-items > li', { hasText: OVERDUE });
  await item.getByRole('button', { name: `Approve: ${OVERDUE}` }).click();
  // Asked first: nothing has happened yet.
  await item.getByText(/It moves to Approved/).waitFor();
  await item.getByRole('button', { name: 'Cancel' }).click();
  await item.getByRole('button', { name: `Approve: ${OVERDUE}` }).click();
  await item.getByRole('button', { name: 'Yes, approve' }).click();
  await page.getByText(`Approve: done. “${OVERDUE}” is now Approved.`).waitFor();
  // Approved, it is still theirs to reject, and no longer overdue for approval.
  const after = page.locator('ul.inbox-items > li', { hasText: OVERDUE });
  await after.getByRole('button', { name: `Reject: ${OVERDUE}` }).waitFor();
  assert.equal(await after.getByRole('button', { name: `Approve: ${OVERDUE}` }).count(), 0);
  const record = await apiAs(s)<{ record: { state: string } }>(
    'GET',
    `/api/v1/orgs/demo/records/${ids.overdue}`,
  );
  assert.equal(record.record.state, 'approved');
  await after.getByRole('button', { name: `Reject: ${OVERDUE}` }).click();
  await after.getByRole('button', { name: 'Yes, reject' }).click();
  await page.getByText(`Reject: done. “${OVERDUE}” is now Rejected.`).waitFor();
  await page.getByRole('heading', { level: 2, name: '2 records wait for you' }).waitFor();
  assert.deepEqual(await itemTitles(), [LATER, OWN]);
  await page
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'Approvals 2 waiting for you' })
    .waitFor();
});

test('a refusal shows the server’s message and the findings behind it: the custodian cannot approve their own request', async () => {
  const { page } = s;
  await openInbox();
  const item = page.locator('ul.inbox-items > li', { hasText: OWN });
  await item.getByRole('button', { name: `Approve: ${OWN}` }).click();
  await item.getByRole('button', { name: 'Yes, approve' }).click();
  const refusal = item.locator('.refusal');
  await refusal
    .getByRole('alert')
    .getByText(/was refused: Avery Approver is the fund's custodian/)
    .waitFor();
  await refusal.getByRole('heading', { name: /Why it was refused/ }).waitFor();
  assert.equal(
    await refusal.evaluate((el) => el === document.activeElement),
    true,
    'focus moves to the refusal',
  );
  const record = await apiAs(s)<{ record: { state: string } }>('GET', `/api/v1/orgs/demo/records/${ids.own}`);
  assert.equal(record.record.state, 'requested', 'nothing moved');
  await assertAccessible(page);
});

test('on a 390 px phone the inbox reads in one column and passes axe; with nothing left, it says so', async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${s.url}/o/demo/inbox`);
  await page.getByRole('heading', { level: 2, name: '2 records wait for you' }).waitFor();
  await assertAccessible(page);
  await screenshot(page, 'inbox-phone');
  // Somebody else takes the remaining steps: the inbox empties.
  const api = apiAs(s);
  for (const key of ['later', 'own']) {
    await api('POST', `/api/v1/orgs/demo/records/${ids[key]}/transitions`, { transition: 'reject' });
  }
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Nothing is waiting for you' }).waitFor();
  await page.getByText('Nothing needs your approval.').waitFor();
  await assertAccessible(page);
  await page.close();
});
