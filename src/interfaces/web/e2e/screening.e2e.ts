// Screening in a real browser: from the navigation, a disbursements file is uploaded; the run shows its
// progress while the server screens (the engine is held at its first step so the progress can be seen),
// then its totals and the report, which opens as a page and downloads as CSV. The records in Probity are
// screened from the same page, and a period that ends before it starts is refused at the field. axe on
// desktop and on a 390 px phone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { readMappingFile, screenFiles } from '../../../app/screening/run-files.ts';
import { screenStore } from '../../../app/screening/run-store.ts';
import { screeningRunner } from '../../../app/use-cases/screenings.ts';
import { assertAccessible, type BrowserSession, registerBrowserSession, screenshot } from './harness.ts';

// The engine as the server has it, but a file screening waits, after saying it is reading, until the
// test lets it go on: the page's progress is then there to be seen, however fast the screening itself.
let letGo: () => void = () => {};
const held = new Promise<void>((resolve) => {
  letGo = resolve;
});

let s: BrowserSession;
registerBrowserSession({
  async setUp(session) {
    s = session;
    screeningRunner(s.app, {
      engine: {
        async screenFiles(opts) {
          opts.onProgress?.({ phase: 'reading', fraction: 0.25, message: 'Reading the files' });
          await held;
          return screenFiles(opts);
        },
        screenStore,
        readMappingFile,
      },
    });
  },
});

// A split purchase (two paper orders 18 days apart, under $1,000.00 each, $1,150.00 together) and a row
// whose amount is not money.
const LEDGER = [
  'txn_id,paid_on,vendor,commodity,description,amount,invoice,contract',
  'T1,2025-09-02,Acme Supply,Paper,Copy paper,600.00,INV-1,',
  'T2,2025-09-20,Acme Supply,Paper,More copy paper,550.00,INV-2,',
  'T3,2025-09-21,Acme Supply,Paper,Toner,twelve,INV-3,',
].join('\n');

test('an uploaded ledger shows its progress, then its hits, and the report opens as a page and downloads as CSV', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo`);
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Screening' }).click();
  await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
  await page.getByLabel('Disbursements (accounts payable)').setInputFiles({
    name: 'AP export FY2026.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(LEDGER, 'utf8'),
  });
  await page.getByLabel('From').fill('2025-07-01');
  await page.getByRole('button', { name: 'Upload and screen' }).click();

  const run = page.getByRole('listitem').filter({ hasText: 'AP export FY2026.csv' });
  const progress = run.getByRole('progressbar', { name: 'Reading the files' });
  await progress.waitFor();
  assert.equal(await progress.getAttribute('value'), '2500');
  assert.match(await run.innerText(), /Running/);
  await page.getByText('Files uploaded: the screening is queued.').waitFor({ state: 'attached' });
  await assertAccessible(page);
  letGo();

  await run.getByText('Done', { exact: true }).waitFor();
  const summary = run.locator('dl');
  assert.match(await summary.innerText(), /Hits\s+1 hit/);
  assert.match(await summary.innerText(), /Amount flagged\s+\$1,150\.00/);
  assert.match(await summary.innerText(), /1 row could not be read/);
  await assertAccessible(page);
  await screenshot(page, 'screening-done');

  const [report] = await Promise.all([
    page.context().waitForEvent('page'),
    run.getByRole('link', { name: /View the report/ }).click(),
  ]);
  await report.waitForLoadState();
  const text = await report.locator('body').innerText();
  assert.match(text, /Acme Supply/);
  assert.match(text, /T1/);
  // The bad row, by its file and line.
  assert.match(text, /Rows that could not be read \(1\)/);
  assert.match(text, /AP export FY2026\.csv\s+4\s+amount/);
  await report.close();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    run.getByRole('link', { name: "Download CSV of the report's hits" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^screening-lea-finance-.*\.csv$/);
  const csv = (await readFile(await download.path())).toString('utf8');
  assert.match(csv, /split-purchase/);
  assert.match(csv, /T2/);
});

test('the records in Probity are screened from the same page; a period that ends before it starts is refused at its field', async () => {
  const { page } = s;
  await page.goto(`${s.url}/o/demo/screening`);
  await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
  await page.getByLabel('From').fill('2026-07-01');
  await page.getByLabel('To').fill('2026-06-30');
  await page.getByRole('button', { name: 'Screen the records in Probity' }).click();
  const summary = page.locator('.error-summary');
  await summary.getByRole('heading', { name: 'The screening was not started' }).waitFor();
  assert.equal(
    await summary.evaluate((el) => el === document.activeElement),
    true,
    'the summary takes focus',
  );
  assert.match(await page.locator('.field.invalid').innerText(), /To[\s\S]*must be on or after "from"/);

  await page.getByLabel('From').fill('');
  await page.getByLabel('To').fill('');
  await page.getByRole('button', { name: 'Screen the records in Probity' }).click();
  const run = page.getByRole('listitem').filter({ hasText: 'Records in Probity' }).first();
  await run.getByText('Done', { exact: true }).waitFor();
  await run.getByRole('link', { name: /View the report/ }).waitFor();
  assert.match(await run.innerText(), /Asked for by Demo Administrator/);
});

test('the screening page passes axe on a 390 px phone', async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${s.url}/o/demo/screening`);
  await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'AP export FY2026.csv' }).waitFor();
  await assertAccessible(page);
  await screenshot(page, 'screening-phone');
  await page.close();
});
