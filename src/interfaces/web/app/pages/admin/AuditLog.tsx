// The audit log: every change in the organisation, newest first, as recorded in the hash-chained event
// log. Filters by kind and subject live in the URL so a filtered view can be linked to; "Verify the
// chain" recomputes every event's seal and says plainly whether the log is intact.

import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { type ApiError, get, orgApi, qs } from '../../api.ts';
import { asApiError, useSubmit } from '../../components/admin/form-errors.ts';
import { TableWrap } from '../../components/admin/TableWrap.tsx';
import { actorName } from '../../components/record-meta.ts';
import { Badge, Empty, ErrorNote, Field, Loading, Page } from '../../components/ui.tsx';
import { formatDate, formatDateTime, humanize } from '../../format.ts';
import { useOrg } from '../../org.tsx';
import type { EventItem } from '../../types.ts';

const DEFAULT_PAGE = 50;

/** The kinds the application records (more may come from packs; the filter also lists any seen). */
const KNOWN_KINDS = [
  'record.created',
  'record.updated',
  'record.transitioned',
  'record.transition-refused',
  'records.exported',
  'document.uploaded',
  'document.attached',
  'document.read',
  'parameter.overridden',
  'role.granted',
  'role.revoked',
  'unit.created',
  'user.created',
  'user.password-changed',
  'user.password-reset',
  'api-token.created',
  'api-token.revoked',
  'organisation.created',
  'demo.loaded',
];

type Verify =
  | { ok: true; count: number; head: string }
  | {
      ok: false;
      count: number;
      seq: number;
      reason: string;
      message: string;
      expected: string;
      actual: string;
    };

export default function AuditLog() {
  const org = useOrg();
  const slug = org.slug;
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const subject = params.get('subject') ?? '';
  const limit = Math.min(Math.max(Math.trunc(Number(params.get('limit'))) || DEFAULT_PAGE, 1), 500);
  const [events, setEvents] = useState<EventItem[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const request = useRef(0);

  const load = useCallback(
    async (beforeSeq?: number) => {
      const n = ++request.current;
      setLoading(true);
      setError(undefined);
      try {
        const answer = await get<{ events: EventItem[] }>(
          orgApi(slug, `/events${qs({ kind, subject, limit, beforeSeq })}`),
        );
        if (n !== request.current) return;
        setEvents((old) => (beforeSeq === undefined ? answer.events : [...old, ...answer.events]));
        setMore(answer.events.length === limit && (answer.events.at(-1)?.seq ?? 1) > 1);
      } catch (e) {
        if (n !== request.current) return;
        setError(asApiError(e));
      } finally {
        if (n === request.current) setLoading(false);
      }
    },
    [slug, kind, subject, limit],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const setFilters = (next: { kind?: string; subject?: string }) => {
    const p = new URLSearchParams();
    const k = next.kind ?? kind;
    const s = next.subject ?? subject;
    if (k) p.set('kind', k);
    if (s) p.set('subject', s);
    if (params.get('limit')) p.set('limit', String(limit));
    setParams(p);
  };

  // Names of people seen as actors and titles of records seen, so subjects read as names, not ids.
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const e of events) {
      if (e.actorName && e.actor.startsWith('user:')) m.set(e.actor, e.actorName);
      // Record titles, from the events that carry them (creation), for the record's other events.
      if (e.subject.startsWith('record:') && typeof e.payload?.title === 'string')
        m.set(e.subject, e.payload.title);
      if (e.subject.startsWith('user:') && typeof e.payload?.displayName === 'string') {
        m.set(e.subject, e.payload.displayName);
      }
    }
    return m;
  }, [events]);

  const oldest = events.at(-1)?.seq;
  const filtered = Boolean(kind || subject);
  return (
    <Page
      title="Audit log"
      subtitle="Every change in the organisation, newest first. Each event is sealed with a fingerprint of the one before it, so a change to any past event can be detected."
    >
      {org.can('events.verify') && <VerifyChain />}
      <Filters
        kind={kind}
        subject={subject}
        kinds={[...new Set([...KNOWN_KINDS, ...events.map((e) => e.kind)])]}
        onApply={setFilters}
      />
      <p className="visually-hidden" aria-live="polite">
        {loading ? 'Loading events…' : `${events.length} ${events.length === 1 ? 'event' : 'events'} shown.`}
      </p>
      <ErrorNote error={error} />
      {loading && events.length === 0 ? (
        <Loading what="the events" />
      ) : events.length === 0 && !error ? (
        <Empty title={filtered ? 'No events match these filters' : 'No events yet'}>
          {filtered ? (
            <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>
              Show all events
            </button>
          ) : (
            'Changes to records, users, units and parameters will appear here as they happen.'
          )}
        </Empty>
      ) : (
        <>
          <TableWrap label="Events">
            <table className="data events">
              <caption className="visually-hidden">Events, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">About</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </td>
                    <td>{actorName(e)}</td>
                    <td>{humanize(e.kind)}</td>
                    <td>
                      <Subject subject={e.subject} payload={e.payload} names={names} />
                    </td>
                    <td>
                      <EventDetails
                        event={e}
                        onlySubject={
                          subject === e.subject ? undefined : () => setFilters({ subject: e.subject })
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <div className="pager">
            <span>
              {events.length} {events.length === 1 ? 'event' : 'events'} shown
              {!more && !filtered && oldest === 1 && ', back to the very first'}
            </span>
            {more && oldest !== undefined ? (
              <button type="button" disabled={loading} onClick={() => void load(oldest)}>
                {loading ? 'Loading…' : 'Older events'}
              </button>
            ) : (
              <span className="hint">No older events{filtered ? ' match' : ''}.</span>
            )}
          </div>
        </>
      )}
    </Page>
  );
}

function Filters({
  kind,
  subject,
  kinds,
  onApply,
}: {
  kind: string;
  subject: string;
  kinds: string[];
  onApply(next: { kind: string; subject: string }): void;
}) {
  const [k, setK] = useState(kind);
  const [s, setS] = useState(subject);
  // The URL is the source of truth: following a link or going back updates the form (in place, so the
  // button just pressed keeps the focus).
  useEffect(() => setK(kind), [kind]);
  useEffect(() => setS(subject), [subject]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ kind: k, subject: s.trim() });
  }
  const sorted = [...kinds].sort((a, b) => humanize(a).localeCompare(humanize(b)));
  return (
    <form className="toolbar filters" onSubmit={submit} aria-label="Filter events">
      <Field label="What happened">
        {(p) => (
          <select {...p} value={k} onChange={(e) => setK(e.target.value)}>
            <option value="">Any kind of event</option>
            {sorted.map((x) => (
              <option key={x} value={x}>
                {humanize(x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="About"
        hint="e.g. record:… or user:… — or use “Only events about this” in an event’s details."
      >
        {(p) => <input {...p} value={s} spellCheck={false} onChange={(e) => setS(e.target.value)} />}
      </Field>
      <div className="toolbar-buttons">
        <button type="submit" className="primary">
          Show events
        </button>
        {(kind || subject) && (
          <button type="button" onClick={() => onApply({ kind: '', subject: '' })}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}

function Subject({
  subject,
  payload,
  names,
}: {
  subject: string;
  payload: Record<string, unknown> | undefined;
  names: Map<string, string>;
}) {
  const org = useOrg();
  const colon = subject.indexOf(':');
  const type = colon > 0 ? subject.slice(0, colon) : '';
  const id = colon > 0 ? subject.slice(colon + 1) : subject;
  switch (type) {
    case 'record': {
      const title = typeof payload?.title === 'string' ? payload.title : names.get(subject);
      return (
        <Link href={org.path(`/records/${encodeURIComponent(id)}`)}>
          {title ? `Record: ${title}` : `Record ${shortId(id)}`}
        </Link>
      );
    }
    case 'user':
      return <span>Person: {names.get(subject) ?? shortId(id)}</span>;
    case 'unit': {
      const unit = org.units.find((u) => u.id === id);
      const name = unit?.name ?? (typeof payload?.name === 'string' ? payload.name : shortId(id));
      return <span>Unit: {name}</span>;
    }
    case 'parameter': {
      const pack = typeof payload?.pack === 'string' ? payload.pack : undefined;
      return (
        <Link href={org.path(`/admin/parameters${qs({ pack })}`)}>
          Parameter <code>{id}</code>
        </Link>
      );
    }
    case 'pack': {
      const pack = org.packs.find((p) => p.id === id);
      return <Link href={org.path(`/packs/${encodeURIComponent(id)}`)}>Pack: {pack?.title ?? id}</Link>;
    }
    case 'org':
      return <span>The organisation</span>;
    case 'document':
      return <span>Document {shortId(id)}</span>;
    default:
      return <code>{subject}</code>;
  }
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 10)}…` : id;
}

function EventDetails({ event, onlySubject }: { event: EventItem; onlySubject: (() => void) | undefined }) {
  const entries = Object.entries(event.payload ?? {});
  return (
    <details className="event-details">
      <summary>
        Show<span className="visually-hidden"> details of event {event.seq}</span>
      </summary>
      <dl className="fields payload">
        <dt>Kind</dt>
        <dd>
          <code>{event.kind}</code>
        </dd>
        <dt>Subject</dt>
        <dd>
          <code>{event.subject}</code>
        </dd>
        <dt>By</dt>
        <dd>
          <code>{event.actor}</code>
        </dd>
        {entries.map(([key, value]) => (
          <PayloadEntry key={key} name={key} value={value} />
        ))}
        {typeof event.hash === 'string' && (
          <>
            <dt>Seal</dt>
            <dd>
              <code className="hash">{event.hash}</code>
            </dd>
          </>
        )}
      </dl>
      {onlySubject && (
        <button type="button" className="link-button" onClick={onlySubject}>
          Only events about this
        </button>
      )}
    </details>
  );
}

function PayloadEntry({ name, value }: { name: string; value: unknown }) {
  const simple = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  return (
    <>
      <dt>{humanize(name)}</dt>
      <dd>{simple ? readable(value) : <pre className="json">{JSON.stringify(value, null, 2)}</pre>}</dd>
    </>
  );
}

/** Dates and instants in a payload read like every other date on screen; the rest as stored. */
function readable(value: unknown): string {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  }
  return String(value);
}

function VerifyChain() {
  const org = useOrg();
  const [result, setResult] = useState<Verify | undefined>();
  const { error, busy, submit } = useSubmit();
  const headingId = useId();
  const verify = () =>
    submit([], async () => {
      setResult(undefined);
      setResult(await get<Verify>(org.api('/events/verify')));
    });
  return (
    <section className="card verify" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        Is the log intact?
      </h2>
      <p>
        Probity recomputes every event’s seal from the first one and checks that each links to the one before
        it. This takes a moment for a long log.
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => void verify()}>
        {busy ? 'Verifying…' : 'Verify the chain'}
      </button>
      <div aria-live="polite" className="verify-result">
        {result?.ok === true && (
          <p className="ok-note">
            <Badge tone="ok">Intact</Badge> The chain is intact: all {result.count}{' '}
            {result.count === 1 ? 'event was' : 'events were'} checked and none has been changed, removed or
            reordered.
          </p>
        )}
        {result?.ok === false && (
          <div className="error-note">
            <p>
              <Badge tone="danger">Broken</Badge> <strong>The chain is broken at event {result.seq}:</strong>{' '}
              {result.message}.
            </p>
            <p>
              The {result.count} {result.count === 1 ? 'event' : 'events'} before it{' '}
              {result.count === 1 ? 'is' : 'are'} intact. Tell whoever runs your Probity installation: the
              store may have been changed outside Probity.
            </p>
          </div>
        )}
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
