// What needs attention today, across the packs the user can see (and in the unit the header narrows the
// view to): what is overdue, what falls due this week, what changed lately and who did what. Every
// count links to the record list filtered to exactly the records it counts.
import { Link } from 'wouter';
import { addDays, isCalendarDate } from '../../../../kernel/date.ts';
import { type Query, qs } from '../api.ts';
import { useInboxCount } from '../components/inbox-count.ts';
import { NoRecordsYet } from '../components/NewRecordLinks.tsx';
import { RecordTitle, recordPath } from '../components/RecordTitle.tsx';
import { RemindersPanel } from '../components/RemindersPanel.tsx';
import { actorName, recordWhere, stateInfo, workflowsOf } from '../components/record-meta.ts';
import { DateText, Empty, ErrorNote, Loading, Page } from '../components/ui.tsx';
import { dueLabel, formatDateTime, humanize } from '../format.ts';
import { type OrgState, useOrg } from '../org.tsx';
import type { RecordItem } from '../types.ts';
import { useApi } from '../use-api.ts';

interface DashboardEvent {
  seq: number;
  at: string;
  kind: string;
  subject: string;
  actor: string;
  actorName?: string | null;
  recordId?: string | null;
  recordTitle?: string | null;
  transition?: { name: string; from: string | null; to: string | null };
}

interface DashboardData {
  today: string;
  weekEnd: string;
  counts: { overdue: number; dueThisWeek: number; open: number };
  overdue: RecordItem[];
  dueThisWeek: RecordItem[];
  recent: RecordItem[];
  recentEvents: DashboardEvent[];
  packs: { id: string; title: string; open: number; overdue: number; dueThisWeek?: number }[];
}

/** The day before a calendar date (by the kernel's calendar, not Date); nothing for a malformed one. */
function dayBefore(date: string): string | undefined {
  return isCalendarDate(date) ? addDays(date, -1) : undefined;
}

/** The record-list filters behind each count, so a count and its list always agree. */
function listFilters(kind: 'overdue' | 'week' | 'open', d: DashboardData, unitId: string | null): Query {
  // The list would follow the header's unit by itself; naming it keeps a shared link meaning the same.
  const open = { open: 'true', unitId };
  if (kind === 'overdue') return { ...open, dueTo: dayBefore(d.today), sort: 'dueOn', dir: 'asc' };
  if (kind === 'week') return { ...open, dueFrom: d.today, dueTo: d.weekEnd, sort: 'dueOn', dir: 'asc' };
  return open;
}

function recordsHref(org: OrgState, filters: Query, pack?: string) {
  return org.path(pack ? `/packs/${encodeURIComponent(pack)}` : '/records') + qs(filters);
}

export default function Dashboard() {
  const org = useOrg();
  const { data, error, loading, reload } = useApi<DashboardData>(
    org.api('/dashboard') + qs({ unitId: org.unitId }),
  );
  const unitName = org.unitId ? org.units.find((u) => u.id === org.unitId)?.name : undefined;
  const subtitle = data ? (
    <>
      Today is <DateText date={data.today} weekday />.{' '}
      {unitName ? (
        <>Showing {unitName} only (change the unit at the top of the page).</>
      ) : org.units.length > 0 ? (
        'Showing all units.'
      ) : null}
    </>
  ) : undefined;

  return (
    <Page title="Dashboard" subtitle={subtitle}>
      {error && (
        <ErrorNote error={error}>
          {' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </ErrorNote>
      )}
      {!data && loading && <Loading what="the dashboard" />}
      {data && <DashboardBody data={data} org={org} busy={loading} />}
    </Page>
  );
}

function DashboardBody({ data, org, busy }: { data: DashboardData; org: OrgState; busy: boolean }) {
  const nothingYet = data.counts.open === 0 && data.recent.length === 0;
  const overdueHref = recordsHref(org, listFilters('overdue', data, org.unitId));
  const weekHref = recordsHref(org, listFilters('week', data, org.unitId));
  const openHref = recordsHref(org, listFilters('open', data, org.unitId));
  const waiting = useInboxCount(org);
  return (
    <div aria-busy={busy}>
      <ul className="tiles" aria-label="Counts">
        <li className={waiting ? 'tile waiting' : 'tile'}>
          <Link href={org.path('/inbox')} className="tile-link">
            <span className="count">{waiting ?? '…'}</span> Waiting for you
          </Link>
          <span className="hint">Records on which you can take the next step: your approvals</span>
        </li>
        <li className={data.counts.overdue > 0 ? 'tile overdue' : 'tile'}>
          <Link href={overdueHref} className="tile-link">
            <span className="count">{data.counts.overdue}</span> Overdue
          </Link>
          <span className="hint">Open records past their due date</span>
        </li>
        <li className="tile">
          <Link href={weekHref} className="tile-link">
            <span className="count">{data.counts.dueThisWeek}</span> Due this week
          </Link>
          <span className="hint">
            <DateText date={data.today} /> to <DateText date={data.weekEnd} />
          </span>
        </li>
        <li className="tile">
          <Link href={openHref} className="tile-link">
            <span className="count">{data.counts.open}</span> Open
          </Link>
          <span className="hint">Records not yet finished</span>
        </li>
      </ul>

      {nothingYet && (
        <Empty title="No records yet.">
          <NoRecordsYet />
        </Empty>
      )}

      <div className="grid-2 dashboard-grid">
        <div>
          <section aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">Overdue</h2>
            {data.overdue.length === 0 ? (
              <Empty title="Nothing is overdue.">
                <p>Open records whose due date has passed will be listed here, oldest first.</p>
              </Empty>
            ) : (
              <>
                <RecordItems org={org} items={data.overdue} today={data.today} />
                <MoreLink
                  count={data.counts.overdue}
                  shown={data.overdue.length}
                  href={overdueHref}
                  what="overdue records"
                />
              </>
            )}
          </section>

          <section aria-labelledby="week-heading">
            <h2 id="week-heading">Due this week</h2>
            {data.dueThisWeek.length === 0 ? (
              <Empty title="Nothing falls due this week.">
                <p>
                  No open record is due between <DateText date={data.today} weekday /> and{' '}
                  <DateText date={data.weekEnd} weekday />.
                </p>
              </Empty>
            ) : (
              <>
                <RecordItems org={org} items={data.dueThisWeek} today={data.today} weekday />
                <MoreLink
                  count={data.counts.dueThisWeek}
                  shown={data.dueThisWeek.length}
                  href={weekHref}
                  what="records due this week"
                />
              </>
            )}
          </section>

          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recently changed</h2>
            {data.recent.length === 0 ? (
              <Empty title="No records have changed yet." />
            ) : (
              <>
                <RecordItems org={org} items={data.recent} today={data.today} changed />
                <p className="more">
                  <Link href={recordsHref(org, { sort: 'updatedAt', dir: 'desc', unitId: org.unitId })}>
                    All records, latest change first
                  </Link>
                </p>
              </>
            )}
          </section>
        </div>

        <div>
          <RemindersPanel org={org} />

          <section aria-labelledby="packs-heading">
            <h2 id="packs-heading">Policy packs</h2>
            {data.packs.length === 0 ? (
              <Empty title="No policy packs are installed." />
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Open and overdue records per policy pack</caption>
                  <thead>
                    <tr>
                      <th scope="col">Pack</th>
                      <th scope="col" className="num">
                        Open
                      </th>
                      <th scope="col" className="num">
                        Overdue
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.packs.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <Link href={org.path(`/packs/${encodeURIComponent(p.id)}`)}>{p.title}</Link>
                        </th>
                        <td className="num">
                          <Link
                            href={recordsHref(org, listFilters('open', data, org.unitId), p.id)}
                            aria-label={`${p.open} open in ${p.title}`}
                          >
                            {p.open}
                          </Link>
                        </td>
                        <td className="num">
                          {p.overdue > 0 ? (
                            <Link
                              href={recordsHref(org, listFilters('overdue', data, org.unitId), p.id)}
                              aria-label={`${p.overdue} overdue in ${p.title}`}
                              className="danger-text"
                            >
                              {p.overdue}
                            </Link>
                          ) : (
                            0
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="activity-heading">
            <h2 id="activity-heading">Recent activity</h2>
            {data.recentEvents.length === 0 ? (
              <Empty title="No activity yet.">
                <p>Every change to a record (created, edited, moved on) is listed here as it happens.</p>
              </Empty>
            ) : (
              <ol className="activity">
                {data.recentEvents.map((e) => (
                  <li key={e.seq}>
                    <span className="who">{actorName(e)}</span> {describeEvent(e, org.packs)}
                    {e.recordId && (
                      <>
                        {' '}
                        <Link href={recordPath(org, e.recordId)}>{e.recordTitle ?? 'a record'}</Link>
                      </>
                    )}
                    <div className="when">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

const EVENT_VERBS: Record<string, string> = {
  'record.created': 'created',
  'record.updated': 'edited',
  'record.transitioned': 'moved on',
  'record.transition-refused': 'was refused a step on',
  'document.uploaded': 'uploaded a document',
  'document.attached': 'attached a document to',
  'records.exported': 'exported records',
  'unit.created': 'created a unit',
  'user.password-changed': 'changed their password',
  'organisation.created': 'created the organisation',
  'api-token.created': 'created an API token',
  'api-token.revoked': 'revoked an API token',
  'parameter.overridden': 'overrode a parameter',
  'user.created': 'added a user',
  'role.granted': 'granted a role',
  'role.revoked': 'revoked a role',
  'demo.loaded': 'loaded the demo records',
};

function describeEvent(e: DashboardEvent, packs: OrgState['packs']): string {
  if (e.transition) {
    const { name, to } = e.transition;
    // The event names the step; the workflow that has it gives the words people see on the record.
    const flow = packs
      .flatMap(workflowsOf)
      .find((w) => w.transitions.some((t) => t.name === name && (to === null || t.to === to)));
    const step = flow?.transitions.find((t) => t.name === name)?.title ?? humanize(name);
    if (e.kind === 'record.transition-refused') return `was refused the step “${step}” on`;
    const now = to ? (flow?.states[to]?.title ?? humanize(to)) : undefined;
    return now ? `took the step “${step}” (now ${now}) on` : `took the step “${step}” on`;
  }
  return EVENT_VERBS[e.kind] ?? humanize(e.kind).toLowerCase();
}

function MoreLink({
  count,
  shown,
  href,
  what,
}: {
  count: number;
  shown: number;
  href: string;
  what: string;
}) {
  if (count <= shown) return null;
  return (
    <p className="more">
      <Link href={href}>
        See all {count} {what}
      </Link>
    </p>
  );
}

/** A short list of records: title, pack and kind, state, and when it is due in words. */
function RecordItems({
  org,
  items,
  today,
  weekday = false,
  changed = false,
}: {
  org: OrgState;
  items: RecordItem[];
  today: string;
  weekday?: boolean;
  changed?: boolean;
}) {
  return (
    <ul className="record-items">
      {items.map((r) => {
        const state = stateInfo(org.packs, r);
        return (
          <li key={r.id}>
            <RecordTitle
              org={org}
              record={r}
              state={state.title}
              stateTone={state.final ? 'neutral' : 'info'}
              today={today}
            />
            <div className="item-meta">
              {recordWhere(org.packs, r)}
              {r.dueOn && (
                <>
                  {' · '}
                  {r.overdue ? 'was due ' : state.final ? 'due date ' : ''}
                  <DateText date={r.dueOn} weekday={weekday} />
                  {/* A finished record is neither late nor due any more: its date is history. */}
                  {!r.overdue && !state.final && ` (${dueLabel(r.dueOn, today)})`}
                </>
              )}
              {changed && (
                <>
                  {' · '}changed <time dateTime={r.updatedAt}>{formatDateTime(r.updatedAt)}</time>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
