// The approvals inbox: every open record on which the signed-in person can take a workflow step now
// (a step naming a role they hold for the record's unit), across all packs — overdue first, then by due
// date, then the longest waiting. Each step can be taken right here: the button asks to confirm, then
// moves the record; a refusal (a missing quote, segregation of duties) shows the server's reasons.
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError, post, qs } from '../api.ts';
import { FindingsPanel, isFinding } from '../components/FindingsPanel.tsx';
import { inboxChanged } from '../components/inbox-count.ts';
import { RecordTitle, recordPath } from '../components/RecordTitle.tsx';
import { recordWhere } from '../components/record-meta.ts';
import { Badge, DateText, Empty, ErrorNote, Loading, Page } from '../components/ui.tsx';
import { dueLabel, formatDateTime } from '../format.ts';
import { type OrgState, useOrg } from '../org.tsx';
import type { Inbox, InboxAction, InboxItem } from '../types.ts';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 25;

/** Steps that end or turn back a record read as such on their button. */
function isNegative(name: string) {
  return /reject|cancel|withdraw|void|deny|decline|return/i.test(name);
}

export default function InboxPage() {
  const org = useOrg();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const pack = params.get('pack') || undefined;
  const pageNumber = Math.max(1, Number(params.get('page')) || 1);
  const url = org.api('/inbox') + qs({ pack, unitId: org.unitId, page: pageNumber, pageSize: PAGE_SIZE });
  const { data, error, loading, reload } = useApi<Inbox>(url);
  const [outcome, setOutcome] = useState('');
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const packSelect = useId();
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const setQuery = (next: { pack?: string | undefined; page?: number | undefined }) => {
    const q = { pack, page: pageNumber > 1 ? pageNumber : undefined, ...next };
    navigate(org.path('/inbox') + qs({ pack: q.pack, page: q.page && q.page > 1 ? q.page : undefined }));
  };

  const done = (message: string) => {
    setOutcome(message);
    reload();
    inboxChanged();
  };

  const unitName = org.unitId ? org.units.find((u) => u.id === org.unitId)?.name : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  // Packs to filter by: those with records waiting, and whichever is chosen.
  const packChoices = data?.packs ?? [];

  return (
    <Page
      title="Approvals"
      subtitle={
        <>
          Records waiting for a step you can take: overdue first, then by due date, then the longest waiting.
          {unitName ? <> Showing {unitName} only (change the unit at the top of the page).</> : null}
        </>
      }
    >
      <p className="ok-text" aria-live="polite" tabIndex={-1} ref={outcomeRef}>
        {outcome}
      </p>
      {error && (
        <ErrorNote error={`Could not load your approvals: ${error.message}`}>
          {' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </ErrorNote>
      )}
      {(packChoices.length > 1 || pack) && (
        <div className="toolbar">
          <label htmlFor={packSelect}>Policy pack</label>
          <select
            id={packSelect}
            value={pack ?? ''}
            onChange={(e) => setQuery({ pack: e.target.value || undefined, page: undefined })}
          >
            <option value="">All packs</option>
            {packChoices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.count})
              </option>
            ))}
          </select>
        </div>
      )}
      {!data && loading && <Loading what="your approvals" />}
      {data && (
        <section aria-labelledby="inbox-heading" aria-busy={loading}>
          <h2 id="inbox-heading" className="result-count">
            {data.total === 0
              ? 'Nothing is waiting for you'
              : `${data.total} ${data.total === 1 ? 'record waits' : 'records wait'} for you`}
          </h2>
          {data.items.length === 0 ? (
            <Empty title="Nothing needs your approval.">
              <p>
                Records appear here when they reach a step one of your roles may take: approving a
                requisition, signing a statement, paying an invoice.{' '}
                <Link href={org.path('/records')}>See all records</Link>.
              </p>
            </Empty>
          ) : (
            <ul className="inbox-items">
              {data.items.map((item) => (
                <InboxEntry key={item.record.id} item={item} today={data.today} org={org} onDone={done} />
              ))}
            </ul>
          )}
          {data.total > data.pageSize && (
            <nav aria-label="Pages of your approvals" className="pager">
              <div className="pager-pages">
                <button
                  type="button"
                  disabled={pageNumber <= 1}
                  onClick={() => setQuery({ page: pageNumber - 1 })}
                >
                  Previous page
                </button>
                <span>
                  Page {Math.min(pageNumber, pages)} of {pages}
                </span>
                <button
                  type="button"
                  disabled={pageNumber >= pages}
                  onClick={() => setQuery({ page: pageNumber + 1 })}
                >
                  Next page
                </button>
              </div>
            </nav>
          )}
        </section>
      )}
    </Page>
  );
}

function InboxEntry({
  item,
  today,
  org,
  onDone,
}: {
  item: InboxItem;
  today: string;
  org: OrgState;
  onDone(message: string): void;
}) {
  const { record: r, actions } = item;
  const [confirming, setConfirming] = useState<InboxAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  async function take(a: InboxAction) {
    setBusy(true);
    setRefusal(null);
    try {
      await post(org.api(`/records/${encodeURIComponent(r.id)}/transitions`), { transition: a.name });
      setConfirming(null);
      onDone(`${a.title}: done. “${r.title}” is now ${a.toTitle}.`);
    } catch (e) {
      setConfirming(null);
      setRefusal(e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e)));
    } finally {
      setBusy(false);
    }
  }

  const refused = (refusal?.findings ?? []).filter(isFinding);
  const href = recordPath(org, r.id);
  return (
    <li className={r.overdue ? 'card inbox-item overdue' : 'card inbox-item'}>
      <RecordTitle org={org} record={r} state={r.stateTitle} today={today} />
      <div className="item-meta">
        {recordWhere(org.packs, r)}
        {r.dueOn && !r.overdue && (
          <>
            {' · due '}
            <DateText date={r.dueOn} weekday /> ({dueLabel(r.dueOn, today)})
          </>
        )}
        {' · waiting since '}
        <time dateTime={r.updatedAt}>{formatDateTime(r.updatedAt)}</time>
      </div>
      {!confirming ? (
        <div className="actions inbox-actions">
          {actions.map((a) => (
            <button
              key={a.name}
              type="button"
              className={isNegative(a.name) ? 'danger' : 'primary'}
              disabled={busy}
              aria-label={`${a.title}: ${r.title}`}
              onClick={() => {
                setRefusal(null);
                setConfirming(a);
              }}
            >
              {a.title}
            </button>
          ))}
        </div>
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape cancels, as it would close a dialog
        <div
          className="confirm-note notice-note"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) setConfirming(null);
          }}
        >
          <p>
            {confirming.title} “{r.title}”? It moves to <strong>{confirming.toTitle}</strong>.
          </p>
          <div className="actions">
            <button
              type="button"
              ref={yesRef}
              className={isNegative(confirming.name) ? 'danger' : 'primary'}
              disabled={busy}
              onClick={() => void take(confirming)}
            >
              {busy ? `${confirming.title}…` : `Yes, ${confirming.title.toLowerCase()}`}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {refusal && (
        <div ref={refusalRef} tabIndex={-1} className="refusal">
          {refusal.code === 'PRB_SEGREGATION_OF_DUTIES' && (
            <p className="refusal-kind">
              <Badge tone="danger">Segregation of duties</Badge> The policy keeps these duties apart: one
              person may not hold both. Someone else must take this step.
            </p>
          )}
          <ErrorNote error={refusal} />
          {refused.length > 0 && <FindingsPanel findings={refused} title="Why it was refused" level={3} />}
          <p>
            <Link href={href}>Open the record</Link>
          </p>
        </div>
      )}
    </li>
  );
}
