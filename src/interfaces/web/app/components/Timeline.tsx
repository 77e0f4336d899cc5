// A record's history from the event log: who did what and when, with the state it moved between and
// how many findings decided it (the findings are kept in each event, as they were at the time).
import { useId, useState } from 'react';
import { formatDateTime, humanize } from '../format.ts';
import type { EventItem, Finding, JsonSchema } from '../types.ts';
import { countFindings } from './FindingsPanel.tsx';
import { actorName } from './record-meta.ts';
import { fieldLabel, resolve } from './SchemaForm.tsx';

/** State and transition titles of the record's workflow, where known. */
export interface TimelineWorkflow {
  states?: Record<string, { title: string }>;
  transitions?: { name: string; title: string }[];
}

function findingsOf(e: EventItem): Finding[] | undefined {
  const p = e.payload ?? {};
  if (Array.isArray(p.findings)) return p.findings as Finding[];
  const ev = p.evaluation as { findings?: unknown } | undefined;
  return Array.isArray(ev?.findings) ? (ev.findings as Finding[]) : undefined;
}

/** The data fields an update changed, by label. */
function changedFields(before: unknown, after: unknown, schema: JsonSchema | undefined): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const props = resolve(schema).properties ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => fieldLabel(props[k], k));
}

function What({ e, workflow, schema }: { e: EventItem; workflow?: TimelineWorkflow; schema?: JsonSchema }) {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const state = (id: unknown) =>
    typeof id === 'string' ? (workflow?.states?.[id]?.title ?? humanize(id)) : '';
  const transition = (name: unknown) =>
    typeof name === 'string'
      ? (workflow?.transitions?.find((t) => t.name === name)?.title ?? humanize(name))
      : 'Transition';
  switch (e.kind) {
    case 'record.created':
      return (
        <>
          <strong>Record created</strong>
          {typeof p.state === 'string' && <> as {state(p.state)}</>}
        </>
      );
    case 'record.transitioned':
      return (
        <>
          <strong>{transition(p.transition)}</strong>: {state(p.from)} → {state(p.to)}
        </>
      );
    case 'record.transition-refused': {
      const violations = (findingsOf(e) ?? []).filter((f) => f.kind === 'violation');
      return (
        <>
          <strong>{transition(p.transition)} refused</strong>
          {typeof p.from === 'string' && <> (stayed {state(p.from)})</>}
          {violations.length > 0 && (
            <ul className="tl-reasons">
              {violations.map((v) => (
                <li key={v.rule + v.message}>{v.message}</li>
              ))}
            </ul>
          )}
        </>
      );
    }
    case 'record.updated': {
      const changed = changedFields(p.before, p.after, schema);
      return (
        <>
          <strong>Record edited</strong>
          {changed.length > 0 && <>: changed {changed.join(', ')}</>}
        </>
      );
    }
    case 'document.attached':
    case 'document.uploaded':
      return (
        <>
          <strong>Document attached</strong>
          {typeof p.name === 'string' && <>: {p.name}</>}
        </>
      );
    default:
      return <strong>{humanize(e.kind)}</strong>;
  }
}

export function Timeline({
  events,
  workflow,
  schema,
}: {
  /** Oldest first, as the server gives them. */
  events: readonly EventItem[];
  workflow?: TimelineWorkflow;
  schema?: JsonSchema;
}) {
  const [newestFirst, setNewestFirst] = useState(false);
  const headingId = useId();
  const list = newestFirst ? [...events].reverse() : events;
  return (
    <section aria-labelledby={headingId} className="timeline-section">
      <div className="section-header">
        <h2 id={headingId}>History</h2>
        {events.length > 1 && (
          <button type="button" className="link-button" onClick={() => setNewestFirst((v) => !v)}>
            {newestFirst ? 'Show oldest first' : 'Show newest first'}
          </button>
        )}
      </div>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened to this record yet.</p>
      ) : (
        <>
          <p className="muted timeline-order">
            {events.length} {events.length === 1 ? 'event' : 'events'}, {newestFirst ? 'newest' : 'oldest'}{' '}
            first.
          </p>
          <ol className="timeline" reversed={newestFirst}>
            {list.map((e) => {
              const findings = findingsOf(e);
              return (
                <li key={e.seq} className={`tl-item tl-${e.kind.replace(/\W+/g, '-')}`}>
                  <div className="tl-what">
                    <What e={e} {...(workflow ? { workflow } : {})} {...(schema ? { schema } : {})} />
                  </div>
                  <div className="tl-meta">
                    by <span className="tl-who">{actorName(e)}</span> ·{' '}
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    {findings && (
                      <>
                        {' · '}
                        {findings.length === 0
                          ? 'no findings'
                          : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} (${countFindings(findings)})`}
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
