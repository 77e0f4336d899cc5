import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleReport } from './report.test-support.ts';
import { JSON_CONTENT_TYPE, orderedReport, reportJson, reportJsonChunks } from './report-json.ts';
import type { ScreeningReport } from './types.ts';

describe('screening report as JSON', () => {
  test('parses back to the report it was written from', () => {
    const report = sampleReport();
    assert.deepEqual(JSON.parse(reportJson(report)), report);
    assert.match(JSON_CONTENT_TYPE, /^application\/json/);
  });

  test('the pieces join to exactly the pretty-printed ordered report, one piece per hit', () => {
    const report = sampleReport();
    const chunks = [...reportJsonChunks(report)];
    assert.equal(chunks.join(''), `${JSON.stringify(orderedReport(report), null, 2)}\n`);
    const hitPieces = chunks.filter((c) => c.includes('"screen": "lea-finance.screen.'));
    assert.equal(hitPieces.length, 2);
  });

  test('keys come in the declared order whatever order the report was built in', () => {
    const report = sampleReport();
    // The same report with every object's keys reversed.
    const reversed = JSON.parse(
      JSON.stringify(report, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as ScreeningReport;
    assert.notEqual(JSON.stringify(reversed), JSON.stringify(report));
    // Data keyed by ledger column (the grouping key, a row's fields, the mapping) keep the engine's
    // order, which is the ledger's; put those back as they were.
    const original = sampleReport();
    for (const [i, h] of reversed.hits.entries()) {
      h.key = original.hits[i]!.key;
      for (const [j, t] of h.transactions.entries()) t.fields = original.hits[i]!.transactions[j]!.fields;
    }
    for (const [i, input] of reversed.inputs.entries()) input.mapping = original.inputs[i]!.mapping;
    const written = reportJson(reversed);
    assert.equal(written, reportJson(original));
    const top = Object.keys(JSON.parse(written) as object);
    assert.deepEqual(top, [
      'pack',
      'organisation',
      'engine',
      'generatedAt',
      'from',
      'to',
      'inputs',
      'badRows',
      'badRowCount',
      'screens',
      'hits',
      'totals',
      'milliseconds',
    ]);
    const hit = (JSON.parse(written) as ScreeningReport).hits[0]!;
    assert.deepEqual(Object.keys(hit).slice(0, 5), ['screen', 'title', 'kind', 'severity', 'message']);
  });

  test('a report without hits or an organisation is still valid JSON', () => {
    const report: ScreeningReport = { ...sampleReport(), hits: [], badRows: [], badRowCount: 0 };
    delete report.organisation;
    const back = JSON.parse(reportJson(report)) as ScreeningReport;
    assert.deepEqual(back.hits, []);
    assert.equal('organisation' in back, false);
  });
});
