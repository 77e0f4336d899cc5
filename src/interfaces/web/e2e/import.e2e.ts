// CSV import in a real browser: from the record list filtered to a kind, "Import CSV" opens the import
// with that pack and kind chosen; the template downloads with the kind's columns; a file with a bad row
// is refused with the line and column named in a focused error summary, and creates nothing; a good file
// is checked, then imported, and the link lands on the imported records. axe on desktop and 390 px.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, type BrowserSession, registerBrowserSession, screenshot } from './harness.ts';
import { apiAs, type ListAnswer } from './record-fixtures.ts';

let s: BrowserSession;
registerBrowserSession({
  async setUp(session) {
    s = session;
  },
});

const HEADER = 'fund,purpose,amountCents,paidOn,hasReceipt,requestedBy,custodian';

function csvFile(lines: string[]) {
  return { name: 'disbursements.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') };
}

async function countTitled(q: string): Promise<number> {
  const list = await apiAs(s)<ListAnswer>('GET', `/api/v1/orgs/demo/records?q=${encodeURIComponent(q)}`);
  return list.total;
}

async function openImport(page: Page) {
  await page.goto(`${s.url}/o/demo/records?pack=sample&kind=disbursement`);
  await page.getByRole('heading', { level: 1, name: 'Records' }).waitFor();
  await page.getByRole('link', { name: 'Import CSV' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import records from CSV' }).waitFor();
}

test('Import CSV starts from the list’s pack and kind, and the template downloads with the kind’s columns', async () => {
  const { page } = s;
  await openImport(page);
  assert.equal(await page.getByLabel('Policy pack').inputValue(), 'sample');
  assert.equal(await page.getByLabel('Record kind').inputValue(), 'disbursement');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download the template for Petty-cash disbursement/ }).click(),
  ]);
  const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  assert.ok(text.startsWith(HEADER), text.split('\r\n')[0]);
  assert.equal(text.split('\r\n').filter(Boolean).length, 2, 'the header and one example row');
  await assertAccessible(page);
});

test('a file with a bad row is refused naming its line and column, and creates nothing', async () => {
  const { page } = s;
  await openImport(page);
  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile([
        HEADER,
        'Front office,Badfile good row,10.00,2026-07-01,yes,Dana Reyes,Dana Reyes',
        'Front office,Badfile bad row,twelve dollars,2026-07-01,yes,Dana Reyes,Dana Reyes',
      ]),
    );
  await page.getByRole('button', { name: 'Check' }).click();
  const summary = page.locator('.error-summary');
  await summary.getByRole('heading', { name: /The file was not imported: 1 problem to fix/ }).waitFor();
  assert.equal(
    await summary.evaluate((el) => el === document.activeElement),
    true,
    'the summary takes focus',
  );
  const row = summary.locator('tbody tr').first();
  assert.equal(await row.locator('th').innerText(), 'Line 3');
  assert.equal(await row.locator('td').first().innerText(), 'amountCents');
  assert.match(await row.locator('td').nth(1).innerText(), /twelve dollars/);
  assert.equal(await page.getByRole('button', { name: 'Import' }).isDisabled(), true, 'nothing to import');
  assert.equal(await countTitled('Badfile'), 0, 'no row was written');
  await assertAccessible(page);
  await screenshot(page, 'import-refused');
});

test('a valid file is checked, then imported, and the link shows the new records', async () => {
  const { page } = s;
  await openImport(page);
  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile([
        HEADER,
        'Front office,Imported chalk,"$1,234.56",7/1/2026,yes,Dana Reyes,Dana Reyes',
        'Athletics,Imported whistles,12.00,2026-06-30,no,Sam Ortiz,Lee Park',
      ]),
    );
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('heading', { name: 'All 2 rows are valid' }).waitFor();
  await page.getByText('Imported chalk (Front office)').waitFor();
  assert.equal(await countTitled('Imported'), 0, 'a check writes nothing');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Imported 2 records' }).waitFor();
  assert.equal(await countTitled('Imported'), 2);
  await page.getByRole('link', { name: 'See the imported Petty-cash disbursement records' }).click();
  await page.waitForURL(
    (u) => u.pathname === '/o/demo/records' && u.searchParams.get('kind') === 'disbursement',
  );
  await page.getByRole('link', { name: 'Imported chalk (Front office)' }).waitFor();
  await page.getByRole('link', { name: 'Imported whistles (Athletics)' }).waitFor();
});

test('without a file, Check says to choose one; the import page passes axe on a 390 px phone', async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${s.url}/o/demo/records/import?pack=sample&kind=disbursement`);
  await page.getByRole('heading', { level: 1, name: 'Import records from CSV' }).waitFor();
  await page.getByRole('button', { name: 'Check' }).click();
  await page.locator('.error-summary').getByRole('heading', { name: 'Choose a file' }).waitFor();
  await assertAccessible(page);
  await screenshot(page, 'import-phone');
  await page.close();
});
