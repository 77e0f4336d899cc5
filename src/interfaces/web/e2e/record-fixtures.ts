// Records for the list and dashboard browser tests: made through the API as a user would, except due
// dates and final states, which the sample pack's rules never set, so the tests write them to the store.
import { eq } from 'drizzle-orm';
import { records } from '../../../store/schema.ts';
import type { BrowserSession } from './harness.ts';

export type Api = <T = unknown>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) => Promise<T>;

/** The API as the signed-in demo administrator. */
export function apiAs(s: BrowserSession, cookie = s.test.adminCookie): Api {
  return async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
    const res = await s.test.server.inject({
      method,
      url,
      headers: { cookie },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`);
    return (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) as T;
  };
}

export interface ListedRecord {
  id: string;
  title: string;
  state: string;
  dueOn: string | null;
  unitId: string | null;
  overdue: boolean;
}

export interface ListAnswer {
  total: number;
  records: ListedRecord[];
}

/** Creates a sample petty-cash disbursement; its title is "<purpose> (<fund>)". */
export async function createDisbursement(
  api: Api,
  purpose: string,
  opts: { fund?: string; amountCents?: number; paidOn?: string; unitId?: string } = {},
): Promise<ListedRecord> {
  const { record } = await api<{ record: ListedRecord }>('POST', '/api/v1/orgs/demo/records', {
    pack: 'sample',
    kind: 'disbursement',
    ...(opts.unitId ? { unitId: opts.unitId } : {}),
    data: {
      fund: opts.fund ?? 'Front office',
      purpose,
      amountCents: opts.amountCents ?? 1_500,
      paidOn: opts.paidOn ?? '2026-01-15',
      hasReceipt: true,
      requestedBy: 'Dana Reyes',
      custodian: 'Lee Park',
    },
  });
  return record;
}

/** Writes a record's due date, state or unit straight to the store. */
export async function setRecord(
  s: BrowserSession,
  id: string,
  values: { dueOn?: string | null; state?: string; unitId?: string | null },
): Promise<void> {
  await s.app.store.db.update(records).set(values).where(eq(records.id, id));
}

/** The titles in the record list's table, top to bottom. */
export async function listedTitles(page: import('playwright-core').Page): Promise<string[]> {
  const rows = page.locator('.record-list table.data tbody th[scope="row"] a');
  return (await rows.allTextContents()).map((t) => t.trim());
}
