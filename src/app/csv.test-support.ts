// Reading back what src/app/csv.ts writes, for tests of the CSV export (over HTTP and in the browser).
// Strict on purpose: the export promises RFC 4180, so a quote left open or a last row without its CRLF
// is an error here rather than a row the test quietly reads another way.

/** RFC 4180 rows: quoted fields may hold commas, CR, LF and doubled quotes; every row ends with CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (quoted) throw new Error('CSV: a quoted field is never closed');
  if (field !== '' || row.length > 0) throw new Error('CSV: the last row does not end with CRLF');
  return rows;
}
