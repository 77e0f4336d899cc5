// Download links for a table: the server builds the file from exactly the query the screen shows, so
// what is downloaded is what is on the screen (without its paging).
import { type Query, qs } from '../api.ts';

export function ExportLinks({
  url,
  query,
}: {
  /** The export endpoint, e.g. /api/v1/orgs/demo/records/export. */
  url: string;
  /** Filters, sort and columns; `format` is added per link. */
  query: Query;
}) {
  // The accessible names start with the visible text (speech input) and say what is downloaded.
  return (
    <span className="export-links">
      <a href={url + qs({ ...query, format: 'csv' })} download aria-label={'Download CSV of these records'}>
        Download CSV
      </a>
      <a
        href={url + qs({ ...query, format: 'xlsx' })}
        download
        aria-label={'Download Excel (XLSX) of these records'}
      >
        Download Excel (XLSX)
      </a>
    </span>
  );
}
