import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvRow, neutraliseFormula } from './csv.ts';

test('fields with a comma, quote, CR or LF are quoted, quotes doubled; rows end with CRLF', () => {
  assert.equal(
    csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r']),
    'plain,"a,b","say ""hi""","two\nlines","cr\r"\r\n',
  );
  assert.equal(csvRow([null, undefined, 0, -12.5, true, false, '']), ',,0,-12.5,true,false,\r\n');
});

test('a text that a spreadsheet would run as a formula starts with a single quote', () => {
  for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
    assert.ok(neutraliseFormula(bad).startsWith("'"), JSON.stringify(bad));
  }
  assert.equal(csvField('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
  assert.equal(csvField("'already"), "'already");
  assert.equal(csvField('a=b'), 'a=b', 'only a leading character matters');
  assert.equal(csvField(-5), '-5', 'numbers are not text');
});

test('a generated id is written as it is, even with a leading hyphen; anything else in its column is not', () => {
  const ids = new Set([0]);
  assert.equal(csvRow(['-6eEVqtUucBvY4b5', '-6e'], ids), "-6eEVqtUucBvY4b5,'-6e\r\n");
  assert.equal(csvRow(["=cmd|' /C calc'!A0"], ids), "'=cmd|' /C calc'!A0\r\n");
});
