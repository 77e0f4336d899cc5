// The line scanner that puts a file line on each row a report names: it must split the file into records
// as DuckDB does (a quoted field may hold line breaks and doubled quotes; blank lines are no records but
// count in DuckDB's numbering; rejected records are not rows) and count the lines people see.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tempDir } from './fixtures.test-support.ts';
import { linesOfRows } from './lines.ts';

type T = { after(fn: () => void): void };

const QUOTE = { quote: '"', header: true, rejected: new Set<number>() };

function file(t: T, text: string): string {
  const path = join(tempDir(t), 'ledger.csv');
  writeFileSync(path, text);
  return path;
}

/** Line of each kept row asked, as [row, line] in the order asked. */
async function lines(path: string, rows: number[], opts = QUOTE, records: number[] = []) {
  const found = await linesOfRows(path, opts, rows, records);
  return { rows: rows.map((r) => [r, found.rows.get(r)]), records: [...found.records] };
}

describe('linesOfRows', { concurrency: true }, () => {
  test('one line a row, after the header', async (t) => {
    const path = file(t, 'id,amount\nA,1\nB,2\nC,3\n');
    assert.deepEqual((await lines(path, [0, 1, 2])).rows, [
      [0, 2],
      [1, 3],
      [2, 4],
    ]);
  });

  test('Windows line ends (CRLF) count once', async (t) => {
    const path = file(t, 'id,amount\r\nA,1\r\nB,2\r\nC,3\r\n');
    assert.deepEqual((await lines(path, [2])).rows, [[2, 4]]);
  });

  test('a quoted field with line breaks is one record; the rows after it are on their own lines', async (t) => {
    const path = file(t, 'id,memo\nA,"one\ntwo\nthree"\nB,x\r\nC,"four\r\nfive"\r\nD,y\n');
    assert.deepEqual((await lines(path, [0, 1, 2, 3])).rows, [
      [0, 2],
      [1, 5],
      [2, 6],
      [3, 8],
    ]);
  });

  test('doubled quotes inside a quoted field do not end it, even beside a line break', async (t) => {
    const path = file(t, 'id,memo\nA,"say ""hi""\n"" again"""\nB,x\nC,"""",z\nD,y\n');
    assert.deepEqual((await lines(path, [0, 1, 2, 3])).rows, [
      [0, 2],
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  test('blank lines (also a lone CR) are not records, but DuckDB numbers them', async (t) => {
    const path = file(t, 'id,amount\n\nA,1\n\r\n\nB,2\n');
    const found = await lines(path, [0, 1], QUOTE, [3, 6]);
    assert.deepEqual(found.rows, [
      [0, 3],
      [1, 6],
    ]);
    // DuckDB's record 3 is line 3 (the header is 1, the blank line 2)
    assert.deepEqual(found.records, [
      [3, 3],
      [6, 6],
    ]);
  });

  test('rejected records are not rows: the next kept row is the one after them', async (t) => {
    // records: 1 header, 2 A, 3 "bad, quoted over two lines", 4 B (line 5), 5 blank, 6 bad, 7 C
    const path = file(t, 'id,memo\nA,x\nBAD,"two\nlines"\nB,y\n\nBAD2,z\nC,w\n');
    const found = await lines(path, [0, 1, 2], { ...QUOTE, rejected: new Set([3, 6]) }, [3, 6]);
    assert.deepEqual(found.rows, [
      [0, 2],
      [1, 5],
      [2, 8],
    ]);
    assert.deepEqual(found.records, [
      [3, 3],
      [6, 7],
    ]);
  });

  test('the last row without a line break after it, and rows asked that are not there', async (t) => {
    const path = file(t, 'id,amount\nA,1\nB,2');
    assert.deepEqual((await lines(path, [1, 0, 1, 7])).rows, [
      [1, 3],
      [0, 2],
      [1, 3],
      [7, undefined],
    ]);
  });

  test('without a header the first line is the first row; nothing asked reads nothing', async (t) => {
    const path = file(t, 'A,1\nB,2\n');
    assert.deepEqual((await lines(path, [0, 1], { ...QUOTE, header: false })).rows, [
      [0, 1],
      [1, 2],
    ]);
    const none = await linesOfRows(join(tempDir(t), 'absent.csv'), QUOTE, []);
    assert.deepEqual([none.rows.size, none.records.size], [0, 0]);
  });

  test("another quote character (the sniffer's) is the one honoured", async (t) => {
    const path = file(t, "id;memo\nA;'one\ntwo'\nB;\"x\nC;y\n");
    assert.deepEqual((await lines(path, [0, 1, 2], { ...QUOTE, quote: "'" })).rows, [
      [0, 2],
      [1, 4],
      [2, 5],
    ]);
  });

  test('a quoted line break just past the 8 MiB read buffer is still inside its field', async (t) => {
    // 100-byte rows after a 4-byte header: the buffer ends 4 bytes into row 83,886, whose quoted field
    // opens before the buffer's end and breaks its line after it.
    const header = 'a,b\n';
    const row = (i: number) => `${String(i).padStart(8, '0')},${'x'.repeat(90)}\n`;
    const split = 83_886;
    const special = `"abcde\nfgh",${'y'.repeat(100 - 13)}\n`;
    assert.equal(row(0).length, 100);
    assert.equal(special.length, 100);
    const parts = [header];
    for (let i = 0; i < split; i++) parts.push(row(i));
    parts.push(special);
    for (let i = split + 1; i < split + 5; i++) parts.push(row(i));
    const path = file(t, parts.join(''));
    assert.equal(header.length + split * 100, 8_388_604);
    assert.deepEqual((await lines(path, [split - 1, split, split + 1, split + 4])).rows, [
      [split - 1, split + 1],
      [split, split + 2],
      [split + 1, split + 4],
      [split + 4, split + 7],
    ]);
  });
});
