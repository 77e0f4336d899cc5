// A screening report as one self-contained web page for the people who act on it (a business manager,
// an auditor, a board member), not for programmers: what was read, a summary of the checks in plain words,
// then each hit with its clause, the values it was judged by and its transactions, then the rows that could
// not be read. Inline CSS, no scripts, no external resources, so the file can be e-mailed, archived and
// printed as it is. Every text from the ledger or the pack is escaped: a vendor named "<script>" is text.
import {
  type Citation,
  formatCitation,
  formatDate,
  formatMoney,
  formatPercent,
  isCalendarDate,
  sumMoney,
} from '../../kernel/index.ts';
import type { Ledger } from '../../packs/screens.ts';
import { ledgersOfReport, type ReportTableOptions } from './report-csv.ts';
import type { HitTransaction, ScreenHit, ScreeningReport, UsedParameter } from './types.ts';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** A calendar date as "Tue 1 Jul 2025"; anything else as written. */
function dateText(value: string): string {
  return isCalendarDate(value) ? formatDate(value) : value;
}

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A total screen's period in words: "fiscal year FY2026", "calendar year 2025", "November 2025", a day. */
function periodText(period: string): string {
  if (/^FY\d{4}$/.test(period)) return `fiscal year ${period}`;
  if (/^\d{4}$/.test(period)) return `calendar year ${period}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return MONTH.format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return dateText(period);
}

/** A parameter's value in its unit: "$1,000.00", "30 days", "10%", "Yes". */
function parameterValueText(p: UsedParameter): string {
  const v = p.value;
  if (typeof v === 'number') {
    switch (p.unit) {
      case 'cents':
        return formatMoney(v);
      case 'basis-points':
        return formatPercent(v);
      case 'days':
        return plural(v, 'day', 'days');
      case 'months':
        return plural(v, 'month', 'months');
      default:
        return count(v);
    }
  }
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string') return dateText(v);
  return JSON.stringify(v) ?? '';
}

/** "Threshold: $1,000.00, in force since Fri 1 Jul 2016 (the policy's value)". */
export function parameterText(p: UsedParameter): string {
  const whose = p.source === 'override' ? 'this organisation’s own value' : 'the policy’s value';
  return `${p.title}: ${parameterValueText(p)}, in force since ${dateText(p.from)} (${whose})`;
}

/** One citation a line: an authority may itself hold a semicolon ("Utah Code 63G-6a-408; R33-4"). */
const citationsHtml = (list: readonly Citation[]) =>
  list.map((c) => escapeHtml(formatCitation(c))).join('<br>');

const kindText = (kind: ScreenHit['kind']) => (kind === 'violation' ? 'Violation' : 'Notice');

function generatedText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return iso;
  return `${dateText(m[1]!)} at ${m[2]}${iso.endsWith('Z') ? ' UTC' : ''}`;
}

const STYLE = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;margin:0 auto;max-width:72rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #444;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:0 0 .35rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
p.lead{font-size:1.05rem;background:#f3f3f3;border-left:4px solid #444;padding:.6rem .8rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem;font-size:.9rem}
th,td{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #444;background:#f3f3f3}
thead{display:table-header-group}
tfoot td{border-top:2px solid #444;border-bottom:0;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.date{white-space:nowrap}
section.hit{border:1px solid #bbb;border-radius:4px;padding:.8rem 1rem;margin:1rem 0}
section.hit.violation{border-left:6px solid #a61b1b}
section.hit.notice{border-left:6px solid #8a6d00}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border:1px solid currentColor;border-radius:3px;padding:0 .3rem;margin-left:.4rem;vertical-align:middle}
.violation .badge,.badge.violation{color:#a61b1b}
.notice .badge,.badge.notice{color:#6b5500}
p.message{margin:.2rem 0 .4rem;font-size:1rem}
p.cite{margin:.2rem 0;color:#333}
ul.params{margin:.3rem 0 .5rem;padding-left:1.2rem}
p.more{font-style:italic;margin:.2rem 0}
p.none{font-style:italic}
.muted{color:#555}
code{font-size:.85rem;word-break:break-all}
footer{margin-top:2rem;font-size:.8rem;color:#555}
@page{size:letter;margin:.6in}
@media print{body{max-width:none;padding:0;font-size:11pt}table{font-size:9pt}h2,h3{break-after:avoid}tr,p.lead,dl.facts{break-inside:avoid}section.hit{break-inside:auto}}
`;

interface Column {
  name: string;
  title: string;
  type: string;
}

/** The ledger's columns shown for a hit: those holding a value in one of its transactions, in the
 * ledger's order, without the id, date and amount (shown in their own columns). */
function shownColumns(h: ScreenHit, ledger: Ledger | undefined): Column[] {
  const filled = (name: string) =>
    h.transactions.some((t) => {
      const v = t.fields[name];
      return v !== null && v !== undefined && v !== '';
    });
  if (!ledger) {
    const names = [...new Set(h.transactions.flatMap((t) => Object.keys(t.fields)))];
    return names.filter(filled).map((name) => ({ name, title: name, type: 'text' }));
  }
  const own = new Set([ledger.idColumn, ledger.dateColumn, ledger.amountColumn]);
  return ledger.columns
    .filter((c) => !own.has(c.name) && filled(c.name))
    .map((c) => ({ name: c.name, title: c.title, type: c.type }));
}

function fieldHtml(value: string | number | null | undefined, type: string): string {
  if (value === null || value === undefined) return '';
  if (type === 'money' && typeof value === 'number') return escapeHtml(formatMoney(value));
  if (type === 'date' && typeof value === 'string') return escapeHtml(dateText(value));
  return escapeHtml(typeof value === 'number' ? String(value) : value);
}

function transactionsTable(out: string[], h: ScreenHit, ledger: Ledger | undefined): void {
  const columns = shownColumns(h, ledger);
  const hasLine = h.transactions.some((t) => t.line !== undefined);
  const hasRecord = h.transactions.some((t) => t.record !== undefined);
  const idTitle = ledger?.columns.find((c) => c.name === ledger.idColumn)?.title ?? 'ID';
  const dateTitle = ledger?.columns.find((c) => c.name === ledger.dateColumn)?.title ?? 'Date';
  const amountTitle = ledger?.columns.find((c) => c.name === ledger.amountColumn)?.title ?? 'Amount';
  out.push('<table><thead><tr>');
  if (hasLine) out.push('<th class="num">Line</th>');
  if (hasRecord) out.push('<th>Record</th>');
  out.push(`<th>${escapeHtml(idTitle)}</th><th>${escapeHtml(dateTitle)}</th>`);
  for (const c of columns)
    out.push(`<th${c.type === 'money' ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`);
  out.push(`<th class="num">${escapeHtml(amountTitle)}</th></tr></thead><tbody>`);
  const cell = (t: HitTransaction) => {
    const cells: string[] = [];
    if (hasLine) cells.push(`<td class="num">${t.line === undefined ? '' : count(t.line)}</td>`);
    if (hasRecord) cells.push(`<td><code>${escapeHtml(t.record)}</code></td>`);
    cells.push(`<td>${escapeHtml(t.id)}</td><td class="date">${escapeHtml(dateText(t.date))}</td>`);
    for (const c of columns)
      cells.push(
        `<td${c.type === 'money' ? ' class="num"' : ''}>${fieldHtml(t.fields[c.name], c.type)}</td>`,
      );
    cells.push(`<td class="num">${escapeHtml(formatMoney(t.amountCents))}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  };
  for (const t of h.transactions) out.push(cell(t));
  const span = (hasLine ? 1 : 0) + (hasRecord ? 1 : 0) + 2 + columns.length;
  const label =
    h.omitted > 0
      ? `Total of all ${plural(h.count, 'transaction', 'transactions')}`
      : `Total (${plural(h.count, 'transaction', 'transactions')})`;
  out.push(
    `</tbody><tfoot><tr><td colspan="${span}">${label}</td><td class="num">${escapeHtml(formatMoney(h.totalCents))}</td></tr></tfoot></table>`,
  );
  if (h.omitted > 0)
    out.push(
      `<p class="more">and ${plural(h.omitted, 'more transaction', 'more transactions')} not listed here (the full list is in the ledger file).</p>`,
    );
}

function hitSection(out: string[], h: ScreenHit, n: number, ledger: Ledger | undefined): void {
  out.push(`<section class="hit ${h.kind}"><h3>${n}. ${escapeHtml(h.title)}`);
  out.push(`<span class="badge">${kindText(h.kind)}</span></h3>`);
  out.push(`<p class="message">${escapeHtml(h.message)}</p>`);
  if (h.citations.length > 0) out.push(`<p class="cite">Policy: ${citationsHtml(h.citations)}</p>`);
  out.push('<dl class="facts">');
  const keys = Object.entries(h.key);
  if (keys.length > 0) {
    const title = (name: string) => ledger?.columns.find((c) => c.name === name)?.title ?? name;
    const text = keys.map(([k, v]) => `${title(k)}: ${v}`).join('; ');
    out.push(`<dt>Grouped by</dt><dd>${escapeHtml(text)}</dd>`);
  }
  if (h.period !== undefined) out.push(`<dt>Period</dt><dd>${escapeHtml(periodText(h.period))}</dd>`);
  const dates = h.first === h.last ? dateText(h.first) : `${dateText(h.first)} to ${dateText(h.last)}`;
  out.push(`<dt>Date${h.first === h.last ? '' : 's'}</dt><dd>${escapeHtml(dates)}</dd>`);
  out.push(
    `<dt>Amount</dt><dd>${escapeHtml(formatMoney(h.totalCents))} in ${plural(h.count, 'transaction', 'transactions')}</dd>`,
  );
  if (h.thresholdCents !== undefined)
    out.push(`<dt>Threshold crossed</dt><dd>${escapeHtml(formatMoney(h.thresholdCents))}</dd>`);
  out.push('</dl>');
  if (h.parameters.length > 0) {
    out.push('<p class="muted">Judged by:</p><ul class="params">');
    for (const p of h.parameters) out.push(`<li>${escapeHtml(parameterText(p))}</li>`);
    out.push('</ul>');
  }
  transactionsTable(out, h, ledger);
  out.push('</section>');
}

/** Whether a check found more hits than the report lists (a run caps each check's list). */
const capped = (report: ScreeningReport) =>
  report.screens.some((s) => s.listed !== undefined && s.listed < s.hits);

/**
 * "Screened 12,345 rows from 2 files: 7 hits (5 violations, 2 notices), $123,456.78 flagged; 3 bad rows."
 * `badRowsAt` says where the bad rows are listed: "; 3 bad rows (see report.html)".
 */
export function summarySentence(report: ScreeningReport, badRowsAt?: string): string {
  const t = report.totals;
  const files = report.inputs.length;
  const from = `from ${plural(files, report.engine === 'postgres' ? 'ledger' : 'file', report.engine === 'postgres' ? 'ledgers' : 'files')}`;
  const hits =
    t.hits === 0
      ? 'no hits'
      : `${plural(t.hits, 'hit', 'hits')} (${plural(t.violations, 'violation', 'violations')}, ${plural(t.notices, 'notice', 'notices')}), ${formatMoney(t.flaggedCents)} flagged${capped(report) ? ' in the hits listed' : ''}`;
  const bad =
    report.badRowCount === 0
      ? ''
      : `; ${plural(report.badRowCount, 'bad row', 'bad rows')}${badRowsAt ? ` (see ${badRowsAt})` : ''}`;
  return `Screened ${plural(t.rows, 'row', 'rows')} ${from}: ${hits}${bad}.`;
}

/** The page in pieces (header and summary, then one piece per hit, then the bad rows). */
export function* reportHtmlChunks(report: ScreeningReport, opts: ReportTableOptions = {}): Generator<string> {
  const ledgers = opts.ledgers ?? ledgersOfReport(report);
  const ledgerOf = (id: string) => ledgers.find((l) => l.id === id);
  const ledgerTitle = (id: string) => ledgerOf(id)?.title ?? id;
  const org = report.organisation?.name;
  const heading = `Screening report: ${report.pack.title}`;
  const out: string[] = [];
  out.push(
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(org ? `${heading} — ${org}` : heading)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(heading)}</h1><dl class="facts">`,
  );
  if (org) out.push(`<dt>Organisation</dt><dd>${escapeHtml(org)}</dd>`);
  out.push(
    `<dt>Policy pack</dt><dd>${escapeHtml(`${report.pack.title} (${report.pack.id}, version ${report.pack.version})`)}</dd>`,
  );
  const period =
    report.from && report.to
      ? `${dateText(report.from)} to ${dateText(report.to)}`
      : report.from
        ? `from ${dateText(report.from)}`
        : report.to
          ? `up to ${dateText(report.to)}`
          : 'every date in the ledgers';
  out.push(`<dt>Dates screened</dt><dd>${escapeHtml(period)}</dd>`);
  out.push(`<dt>Produced</dt><dd>${escapeHtml(generatedText(report.generatedAt))}</dd></dl></header>`);
  out.push(`<p class="lead">${escapeHtml(summarySentence(report))}</p>`);

  out.push('<h2>What was read</h2>');
  if (report.inputs.length === 0) out.push('<p class="none">No ledger was read.</p>');
  else {
    out.push(
      '<table><thead><tr><th>Ledger</th><th>File</th><th class="num">Rows read</th><th class="num">Accepted</th><th class="num">Rejected</th></tr></thead><tbody>',
    );
    for (const i of report.inputs)
      out.push(
        `<tr><td>${escapeHtml(ledgerTitle(i.ledger))}</td><td>${escapeHtml(i.source)}</td><td class="num">${count(i.rows)}</td><td class="num">${count(i.accepted)}</td><td class="num">${count(i.rejected)}</td></tr>`,
      );
    out.push('</tbody></table>');
  }

  out.push('<h2>Summary of the checks</h2>');
  const flagged = new Map<string, number[]>();
  for (const h of report.hits) {
    const list = flagged.get(h.screen);
    if (list) list.push(h.totalCents);
    else flagged.set(h.screen, [h.totalCents]);
  }
  out.push(
    '<table><thead><tr><th>Check</th><th>Policy</th><th>Kind</th><th class="num">Rows checked</th><th class="num">Hits</th><th class="num">Amount flagged</th></tr></thead><tbody>',
  );
  for (const s of report.screens) {
    const amounts = flagged.get(s.id) ?? [];
    const tail = s.skipped
      ? `<td colspan="3" class="muted">Not run: ${escapeHtml(s.skipped)}</td>`
      : `<td class="num">${count(s.rows)}</td><td class="num">${count(s.hits)}${
          s.listed !== undefined && s.listed < s.hits
            ? `<br><span class="muted">${count(s.listed)} listed</span>`
            : ''
        }</td><td class="num">${s.hits === 0 ? '—' : escapeHtml(formatMoney(sumMoney(amounts)))}</td>`;
    out.push(
      `<tr><td><strong>${escapeHtml(s.title)}</strong><br><span class="muted">${escapeHtml(s.description)}</span></td><td>${citationsHtml(s.citations)}</td><td><span class="badge ${s.kind}">${kindText(s.kind)}</span></td>${tail}</tr>`,
    );
  }
  out.push('</tbody></table>');
  out.push(
    '<p class="muted">A violation is a transaction, or a group of them, that breaks the clause cited; a notice is one worth a second look. A hit is a finding to check against the records, not a conclusion.</p>',
  );
  yield out.join('');

  yield `<h2 id="hits">Hits (${count(report.hits.length)})</h2>`;
  if (capped(report))
    yield `<p>A check that found very many hits lists only its first ones here, in date order; the summary above counts them all, and the amounts flagged add up the hits listed.</p>`;
  if (report.hits.length === 0) yield '<p class="none">No check found anything.</p>';
  for (const [i, h] of report.hits.entries()) {
    const piece: string[] = [];
    hitSection(piece, h, i + 1, ledgerOf(h.ledger));
    yield piece.join('');
  }

  const bad: string[] = [`<h2 id="bad-rows">Rows that could not be read (${count(report.badRowCount)})</h2>`];
  if (report.badRowCount === 0) bad.push('<p class="none">Every row was read.</p>');
  else {
    bad.push(
      `<p>These rows were left out of every check. ${
        report.badRowCount > report.badRows.length
          ? `The first ${count(report.badRows.length)} of ${count(report.badRowCount)} are listed.`
          : ''
      }</p>`,
    );
    const source = new Map(report.inputs.map((i) => [i.ledger, i.source]));
    bad.push(
      '<table><thead><tr><th>File</th><th class="num">Line</th><th>Column</th><th>Why</th><th>The row as written</th></tr></thead><tbody>',
    );
    for (const b of report.badRows)
      bad.push(
        `<tr><td>${escapeHtml(source.get(b.ledger) ?? ledgerTitle(b.ledger))}</td><td class="num">${b.record === undefined ? count(b.line) : `record <code>${escapeHtml(b.record)}</code>`}</td><td>${escapeHtml(b.column)}</td><td>${escapeHtml(b.reason)}</td><td><code>${escapeHtml(b.text)}</code></td></tr>`,
      );
    bad.push('</tbody></table>');
  }
  bad.push(
    `<footer>Produced by Probity (${report.engine === 'duckdb' ? 'from files' : 'from the records in the store'}, ${count(report.milliseconds)} ms).</footer></body></html>\n`,
  );
  yield bad.join('');
}

/** The whole page. */
export function reportHtml(report: ScreeningReport, opts: ReportTableOptions = {}): string {
  return [...reportHtmlChunks(report, opts)].join('');
}
