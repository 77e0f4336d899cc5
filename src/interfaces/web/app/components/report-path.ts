// Where a pack's generated report is read in the app, and fetched from the API.
import { type Query, qs } from '../api.ts';

/** The app path of a report: /o/<org>/packs/<pack>/reports/<report>. */
export function reportPath(orgPath: (sub: string) => string, pack: string, report: string): string {
  return orgPath(`/packs/${encodeURIComponent(pack)}/reports/${encodeURIComponent(report)}`);
}

/** The API path of a report (as JSON, or `pdf`), with its as-of date and inputs. */
export function reportApi(
  orgApi: (sub: string) => string,
  pack: string,
  report: string,
  query: Query,
  pdf = false,
): string {
  const base = `/packs/${encodeURIComponent(pack)}/reports/${encodeURIComponent(report)}`;
  return orgApi(`${base}${pdf ? '/pdf' : ''}`) + qs(query);
}
