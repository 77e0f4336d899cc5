// Which line of a CSV file each accepted row starts on. DuckDB reads the file in parallel and names the
// line of every row it rejects, but not of the rows it keeps; the report names lines (for the rows a hit
// lists and the rows with an empty required value), so this walks the file once, as DuckDB splits it into
// records — a quoted field may hold the delimiter or a line break; empty lines are not records; the
// rejected records are skipped — and maps the n-th kept row to its line. It stops at the last row asked.
import { open } from 'node:fs/promises';

const NL = 0x0a;
const CR = 0x0d;

/**
 * DuckDB numbers a record by the unquoted line breaks before it (a blank line counts, a line break inside a
 * quoted field does not); people count the file's lines. Given DuckDB's numbers of the rejected records,
 * this returns the file line of each kept row asked (`rows`: 0-based positions among the kept rows) and of
 * each DuckDB record number asked (`records`).
 */
export async function linesOfRows(
  path: string,
  opts: { quote: string; header: boolean; rejected: ReadonlySet<number> },
  rows: readonly number[],
  records: readonly number[] = [],
): Promise<{ rows: Map<number, number>; records: Map<number, number> }> {
  const wantedRows = [...new Set(rows)].sort((a, b) => a - b);
  const wantedRecords = new Set(records);
  const out = { rows: new Map<number, number>(), records: new Map<number, number>() };
  if (wantedRows.length === 0 && wantedRecords.size === 0) return out;
  const quote = opts.quote.charCodeAt(0);
  const file = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(8 << 20);
    let line = 1; // the file line the scanner is on
    let record = 1; // DuckDB's number of the record being read
    let recordLine = 1; // the file line it started on
    let recordEmpty = true;
    let inQuote = false;
    let headerPending = opts.header;
    let kept = -1; // position of the last kept data row
    let next = 0; // index into wantedRows
    const endRecord = (): boolean => {
      if (wantedRecords.has(record)) out.records.set(record, recordLine);
      if (!recordEmpty) {
        if (headerPending) headerPending = false;
        else if (!opts.rejected.has(record)) {
          kept++;
          while (next < wantedRows.length && (wantedRows[next] as number) < kept) next++;
          if (wantedRows[next] === kept) {
            out.rows.set(kept, recordLine);
            next++;
          }
        }
      }
      record++;
      recordEmpty = true;
      recordLine = line;
      return next >= wantedRows.length && out.records.size >= wantedRecords.size;
    };
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      // Searches stop at what was read, and the next quote and line break are searched again only once
      // passed: searching the whole buffer for every line (a file with few quotes) took seconds.
      const view = buf.subarray(0, bytesRead);
      const from = (found: number, byte: number, at: number): number =>
        found === -1 || found >= at ? found : view.indexOf(byte, at);
      let qi = view.indexOf(quote);
      let ni = view.indexOf(NL);
      let i = 0;
      while (i < bytesRead) {
        qi = from(qi, quote, i);
        ni = from(ni, NL, i);
        if (inQuote) {
          // inside quotes only the closing quote matters; a line break is part of the field
          const end = qi === -1 ? bytesRead : qi;
          while (ni !== -1 && ni < end) {
            line++;
            ni = view.indexOf(NL, ni + 1);
          }
          if (end === bytesRead) break;
          inQuote = false; // a doubled quote reopens at once on the next byte
          i = end + 1;
          continue;
        }
        const q = qi === -1 ? bytesRead : qi;
        const n = ni === -1 ? bytesRead : ni;
        if (q < n) {
          recordEmpty = false;
          inQuote = true;
          i = q + 1;
          continue;
        }
        if (n > i) recordEmpty = recordEmpty && onlyCr(view, i, n);
        if (n === bytesRead) break;
        line++;
        if (endRecord()) return out;
        i = n + 1;
      }
    }
    endRecord();
    return out;
  } finally {
    await file.close();
  }
}

function onlyCr(buf: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (buf[k] !== CR) return false;
  return true;
}
