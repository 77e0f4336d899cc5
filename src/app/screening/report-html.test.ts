import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EVIL_VENDOR, sampleReport, TEST_LEDGERS } from './report.test-support.ts';
import {
  escapeHtml,
  HTML_CONTENT_TYPE,
  parameterText,
  reportHtml,
  reportHtmlChunks,
  summarySentence,
} from './report-html.ts';

/** The text of the page between two headings, tags removed, entities as written. */
function between(html: string, from: string, to?: string): string {
  const start = html.indexOf(from);
  assert.ok(start >= 0, `the page has ${from}`);
  const end = to === undefined ? html.length : html.indexOf(to, start);
  assert.ok(end > start, `the page has ${to ?? 'an end'} after ${from}`);
  return html.slice(start, end);
}

describe('screening report as a web page', () => {
  const report = sampleReport();
  const html = reportHtml(report, { ledgers: TEST_LEDGERS });

  test('ledger text is escaped: no tag from a vendor name reaches the page', () => {
    assert.equal(html.includes('<script'), false, 'no script element anywhere');
    assert.equal(html.includes('<b>Acme</b>'), false, 'the bad row text stays text');
    assert.ok(html.includes(escapeHtml(EVIL_VENDOR)));
    assert.ok(
      html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;quotes, commas&quot; &amp; Co'),
    );
    assert.ok(html.includes('&lt;b&gt;Acme&lt;/b&gt;'));
    assert.match(HTML_CONTENT_TYPE, /^text\/html/);
  });

  test('a self-contained page: inline style, no script, no external resource', () => {
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(html.trimEnd().endsWith('</html>'));
    assert.match(html, /<style>[^<]*@media print/);
    assert.doesNotMatch(html, /<(script|link|img|iframe)\b/i);
    assert.doesNotMatch(html, /\b(src|href)=/i);
    assert.equal(html, [...reportHtmlChunks(report, { ledgers: TEST_LEDGERS })].join(''));
  });

  test('the header names the organisation, the pack, the dates screened and the files read', () => {
    const head = between(html, '<header>', '<h2>Summary');
    assert.ok(head.includes('Lincoln Unified School District'));
    assert.ok(head.includes('LEA Finance (lea-finance, version 1.2.0)'));
    assert.ok(head.includes('Tue 1 Jul 2025 to Tue 30 Jun 2026'));
    assert.ok(head.includes('Wed 15 Jul 2026 at 14:03 UTC'));
    assert.ok(
      head.includes(
        'Screened 12,384 rows from 2 files: 2 hits (1 violation, 1 notice), $1,450.00 flagged; 1 bad row.',
      ),
    );
    assert.match(
      head,
      /<td>Disbursements<\/td><td>ap-fy2026\.csv<\/td><td class="num">12,345<\/td><td class="num">12,344<\/td><td class="num">1<\/td>/,
    );
  });

  test('the summary lists every check with its clause, hits and amount, and says which did not run', () => {
    const summary = between(html, '<h2>Summary', '<h2 id="hits">');
    const rows = summary.split('<tr>').slice(2);
    assert.equal(rows.length, 3);
    assert.ok(rows[0]!.includes('Split purchases'));
    assert.ok(rows[0]!.includes('§ B.3 — Utah Code 63G-6a-408'));
    assert.match(
      rows[0]!,
      /<td class="num">12,344<\/td><td class="num">1<\/td><td class="num">\$1,200\.00<\/td>/,
    );
    assert.match(rows[1]!, /§ F\.9<\/td>.*Notice.*<td class="num">1<\/td><td class="num">\$250\.00<\/td>/);
    assert.ok(rows[2]!.includes('Not run: no travel claims file was given (--travel)'));
  });

  test('each hit: its title, message, citation, the values it was judged by and its transactions', () => {
    const hits = between(html, '<h2 id="hits">Hits (2)</h2>', '<h2 id="bad-rows">');
    const [split, cash] = hits.split('<section').slice(1) as [string, string];
    assert.ok(split.includes('1. Split purchases'));
    assert.ok(split.includes('Violation'));
    assert.ok(split.includes('Policy: § B.3 — Utah Code 63G-6a-408'));
    assert.ok(split.includes(`Vendor: ${escapeHtml(EVIL_VENDOR)}; Commodity code: 5300`));
    assert.ok(split.includes('Threshold: $1,000.00, in force since Fri 1 Jul 2016 (the policy’s value)'));
    assert.ok(
      split.includes(
        'Split-purchase window: 45 days, in force since Tue 1 Jul 2025 (this organisation’s own value)',
      ),
    );
    assert.ok(split.includes('Threshold crossed</dt><dd>$1,000.00'));
    // The table: line, id, date, the ledger's columns holding a value, the amount right-aligned.
    assert.match(
      split,
      /<th class="num">Line<\/th><th>Transaction<\/th><th>Paid on<\/th><th>Vendor<\/th><th>Commodity code<\/th><th>Description<\/th><th>PO approved on<\/th><th class="num">Amount<\/th>/,
    );
    assert.doesNotMatch(split, /<th>Entity<\/th>/, 'a column empty in every transaction is left out');
    assert.match(split, /<td class="num">2<\/td><td>T1<\/td><td class="date">Fri 1 Aug 2025<\/td>/);
    assert.ok(split.includes('<td class="num">$450.50</td>'));
    assert.ok(split.includes('Total of all 3 transactions</td><td class="num">$1,200.00</td>'));
    assert.ok(split.includes('and 1 more transaction not listed here'));
    assert.ok(cash.includes('2. Cash from a purchase card'));
    assert.ok(cash.includes('Policy: § F.9'));
    assert.ok(cash.includes('<td>ATM #1</td>'));
    assert.doesNotMatch(cash, /Grouped by|more transaction/);
    assert.ok(cash.includes('Total (1 transaction)</td><td class="num">$250.00</td>'));
  });

  test('the rows that could not be read, with their count, file, line, column and reason', () => {
    const bad = between(html, '<h2 id="bad-rows">Rows that could not be read (1)</h2>', '<footer>');
    assert.match(
      bad,
      /<td>ap-fy2026\.csv<\/td><td class="num">7<\/td><td>amount<\/td><td>cannot read &quot;12,34&quot; as money<\/td>/,
    );
    const many = reportHtml({ ...report, badRowCount: 1500 }, { ledgers: TEST_LEDGERS });
    assert.ok(many.includes('The first 1 of 1,500 are listed.'));
    const store = sampleReport();
    store.badRows = [{ ledger: 'pcard', line: 0, record: 'rec_<42>', reason: 'no amount' }];
    assert.ok(reportHtml(store, { ledgers: TEST_LEDGERS }).includes('record <code>rec_&lt;42&gt;</code>'));
  });

  test('nothing found: the page says so rather than showing empty tables', () => {
    const quiet = reportHtml(
      {
        ...report,
        hits: [],
        badRows: [],
        badRowCount: 0,
        totals: { ...report.totals, hits: 0, violations: 0, notices: 0, flaggedCents: 0 },
      },
      { ledgers: TEST_LEDGERS },
    );
    assert.ok(quiet.includes('No check found anything.'));
    assert.ok(quiet.includes('Every row was read.'));
    assert.ok(quiet.includes('Screened 12,384 rows from 2 files: no hits.'));
  });

  test('a check that found more hits than are listed says so, and the amount is that of the hits listed', () => {
    const many = sampleReport();
    many.screens[0] = { ...many.screens[0]!, hits: 25_000, listed: 1 };
    many.totals = { ...many.totals, hits: 25_001, violations: 25_000 };
    const page = reportHtml(many, { ledgers: TEST_LEDGERS });
    assert.ok(page.includes('<td class="num">25,000<br><span class="muted">1 listed</span></td>'));
    assert.ok(page.includes('lists only its first ones here'));
    assert.match(
      summarySentence(many),
      /25,001 hits \(25,000 violations, 1 notice\), \$1,450\.00 flagged in the hits listed; 1 bad row\.$/,
    );
    assert.equal(
      reportHtml(sampleReport(), { ledgers: TEST_LEDGERS }).includes('lists only its first'),
      false,
    );
  });

  test('the summary sentence can say where the bad rows are listed', () => {
    assert.equal(
      summarySentence(report, 'report.html'),
      'Screened 12,384 rows from 2 files: 2 hits (1 violation, 1 notice), $1,450.00 flagged; 1 bad row (see report.html).',
    );
  });

  test('several citations: one a line, since an authority may hold a semicolon itself', () => {
    const two = sampleReport();
    two.hits[0]!.citations.push({
      pack: 'lea-finance',
      document: 'fiscal-policies',
      section: 'B.1.a',
      authority: 'Utah Code 63G-6a-408; R33-4',
    });
    const page = reportHtml(two, { ledgers: TEST_LEDGERS });
    assert.ok(
      page.includes('Policy: § B.3 — Utah Code 63G-6a-408<br>§ B.1.a — Utah Code 63G-6a-408; R33-4</p>'),
    );
  });

  test('parameter values in their units', () => {
    const p = { id: 'x', title: 'Rate', from: '2024-02-29', source: 'pack' as const };
    assert.equal(
      parameterText({ ...p, unit: 'basis-points', value: 1050 }),
      'Rate: 10.5%, in force since Thu 29 Feb 2024 (the policy’s value)',
    );
    assert.equal(
      parameterText({ ...p, unit: 'days', value: 1, title: 'Window' }).split(',')[0],
      'Window: 1 day',
    );
    assert.equal(parameterText({ ...p, unit: 'boolean', value: true }).split(',')[0], 'Rate: Yes');
  });
});
