// One record: what it says, where it stands in its workflow and what can happen next, what the policy
// finds about it today (with the clauses and the reasoning), its documents and its history.
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ApiError, post } from '../api.ts';
import { type DocumentItem, Documents } from '../components/Documents.tsx';
import { FindingsPanel, isFinding } from '../components/FindingsPanel.tsx';
import {
  findKind,
  findPack,
  recordWhere,
  type WorkflowInfo,
  workflowsOf,
} from '../components/record-meta.ts';
import { fieldLabel, fieldType, formatFieldValue, resolve } from '../components/SchemaForm.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { Badge, DateText, ErrorNote, Loading, Page } from '../components/ui.tsx';
import { dueLabel, formatDateTime, humanize } from '../format.ts';
import { useOrg } from '../org.tsx';
import type { Evaluation, EventItem, JsonSchema, RecordItem, Role } from '../types.ts';
import { useApi } from '../use-api.ts';

export interface RecordDetail {
  record: RecordItem;
  evaluation: Evaluation;
  workflow: {
    id: string;
    title: string;
    state: { title: string; terminal?: boolean } | undefined;
    transitions: { name: string; title: string; to: string; roles: string[] }[];
  };
  timeline: EventItem[];
  documents: DocumentItem[];
}

/** A record's data as a definition list, labelled and formatted by its kind's schema where known. */
export function DataList({
  data,
  schema,
}: {
  data: Record<string, unknown>;
  schema: JsonSchema | undefined;
}) {
  const props = resolve(schema).properties ?? {};
  const keys = [...Object.keys(props), ...Object.keys(data).filter((k) => !(k in props))];
  const shown = keys.filter((k) => data[k] !== undefined);
  if (shown.length === 0) return <p className="muted">No details recorded.</p>;
  return (
    <dl className="fields">
      {shown.map((key) => (
        <Fragment key={key}>
          <dt>{fieldLabel(props[key], key)}</dt>
          <dd>
            <Value value={data[key]} schema={props[key]} name={key} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Value({ value, schema, name }: { value: unknown; schema: JsonSchema | undefined; name: string }) {
  const type = fieldType(schema, name);
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">None</span>;
    const items = resolve(schema).items;
    return (
      <ol className="data-items">
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
          <li key={i}>
            {item && typeof item === 'object' ? (
              <DataList data={item as Record<string, unknown>} schema={items} />
            ) : (
              <Value value={item} schema={items} name="" />
            )}
          </li>
        ))}
      </ol>
    );
  }
  if (value && typeof value === 'object') {
    return <DataList data={value as Record<string, unknown>} schema={schema} />;
  }
  if (type === 'date' && typeof value === 'string') return <DateText date={value} />;
  return <>{formatFieldValue(value, schema, name)}</>;
}

export default function RecordPage() {
  const { id } = useParams<{ id: string }>();
  const org = useOrg();
  const loaded = useApi<RecordDetail>(org.api(`/records/${encodeURIComponent(id)}`));
  const { data, error, reload } = loaded;
  if (!data) {
    if (error) {
      const missing = error.status === 404;
      return (
        <Page title={missing ? 'Record not found' : 'Record'}>
          <ErrorNote
            error={
              missing
                ? 'There is no record with this address, or your roles do not let you see it.'
                : `Could not load the record: ${error.message}`
            }
          />
          <p>
            <Link href={org.path('/records')}>Back to the records</Link>
          </p>
        </Page>
      );
    }
    return <Loading what="the record" />;
  }
  return <RecordView detail={data} reload={reload} />;
}

function RecordView({ detail, reload }: { detail: RecordDetail; reload(): void }) {
  const org = useOrg();
  const { record, evaluation, workflow } = detail;
  const schema = findKind(org.packs, record.pack, record.kind)?.schema;
  const flow = workflowsOf(findPack(org.packs, record.pack)).find((w) => w.id === workflow.id);
  const terminal = workflow.state?.terminal === true;
  const today = evaluation.asOf;
  const overdue = !terminal && !!record.dueOn && record.dueOn < today;
  const unit = record.unitId
    ? (org.units.find((u) => u.id === record.unitId)?.name ?? record.unitName)
    : null;
  const detailsId = useId();
  return (
    <Page
      title={record.title}
      subtitle={recordWhere(org.packs, { pack: record.pack, kind: record.kind })}
      actions={
        org.can('records.write') && !terminal ? (
          <Link href={org.path(`/records/${encodeURIComponent(record.id)}/edit`)} className="button">
            Edit
          </Link>
        ) : undefined
      }
    >
      <div className="grid-2 record-layout record-top">
        <section className="card" aria-label="Status">
          <dl className="record-status">
            <div>
              <dt>State</dt>
              <dd>
                <Badge tone={terminal ? 'neutral' : 'info'}>
                  {workflow.state?.title ?? humanize(record.state)}
                </Badge>
                {terminal && <span className="muted"> (closed)</span>}
              </dd>
            </div>
            <div>
              <dt>Due</dt>
              <dd>
                {record.dueOn ? (
                  <>
                    <DateText date={record.dueOn} weekday />
                    {!terminal && (
                      <>
                        {' '}
                        <Badge tone={overdue ? 'danger' : 'neutral'}>{dueLabel(record.dueOn, today)}</Badge>
                      </>
                    )}
                  </>
                ) : (
                  <span className="muted">Nothing due</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Unit</dt>
              <dd>{unit ?? <span className="muted">Whole organisation</span>}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDateTime(record.createdAt)}</dd>
            </div>
            <div>
              <dt>Last changed</dt>
              <dd>{formatDateTime(record.updatedAt)}</dd>
            </div>
            <div>
              <dt>Reference</dt>
              <dd>
                <code>{record.id}</code>
              </dd>
            </div>
          </dl>
        </section>
        <Actions detail={detail} reload={reload} workflowTitles={flow} schema={schema} />
      </div>
      <div className="grid-2 record-layout">
        <div className="stack">
          <section className="card" aria-labelledby={detailsId}>
            <h2 id={detailsId}>Details</h2>
            <DataList data={record.data} schema={schema} />
          </section>
          <div className="card">
            <FindingsPanel findings={evaluation.findings} asOf={evaluation.asOf} schema={schema} />
          </div>
          <div className="card">
            <Documents recordId={record.id} documents={detail.documents} onUploaded={reload} />
          </div>
        </div>
        <div className="card">
          <Timeline
            events={detail.timeline}
            {...(flow ? { workflow: flow } : {})}
            {...(schema ? { schema } : {})}
          />
        </div>
      </div>
    </Page>
  );
}

/** Whether the user holds one of the roles a transition names (organisation-wide or in the record's unit). */
function holdsRole(
  memberships: { role: string; unitId: string | null }[],
  roles: string[],
  unitId: string | null,
) {
  if (roles.length === 0) return true;
  return memberships.some((m) => roles.includes(m.role) && (m.unitId === null || m.unitId === unitId));
}

function Actions({
  detail,
  reload,
  workflowTitles,
  schema,
}: {
  detail: RecordDetail;
  reload(): void;
  workflowTitles: WorkflowInfo | undefined;
  schema: JsonSchema | undefined;
}) {
  const org = useOrg();
  const headingId = useId();
  const { record, workflow } = detail;
  const roles = useApi<Role[]>(org.api('/roles'));
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  // The buttons change after a transition, so focus goes to the sentence that says what happened.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const canWrite = org.can('records.write');
  const stateTitle = (s: string) => workflowTitles?.states[s]?.title ?? humanize(s);
  const roleTitle = (r: string) => roles.data?.find((x) => x.id === r)?.title ?? humanize(r);
  const mine = workflow.transitions.filter((t) => holdsRole(org.roles, t.roles, record.unitId));
  const others = workflow.transitions.filter((t) => !mine.includes(t));

  async function take(t: RecordDetail['workflow']['transitions'][number]) {
    setBusy(t.name);
    setOutcome('');
    setRefusal(null);
    setConfirming(null);
    try {
      await post(org.api(`/records/${encodeURIComponent(record.id)}/transitions`), { transition: t.name });
      setOutcome(`${t.title}: done. The record is now ${stateTitle(t.to)}.`);
      reload();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e)));
      // A refusal is recorded too: the history shows it.
      reload();
    } finally {
      setBusy(null);
    }
  }

  const refusedFindings = (refusal?.findings ?? []).filter(isFinding);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Next steps</h2>
      {workflow.transitions.length === 0 ? (
        <p className="muted">
          {workflow.state?.terminal
            ? 'This record is closed: nothing more happens to it.'
            : 'No step can be taken from this state.'}
        </p>
      ) : !canWrite ? (
        <p className="muted">You can read this record; moving it on needs a role that may change records.</p>
      ) : (
        <>
          {mine.length > 0 && (
            <div className="actions">
              {mine.map((t) => {
                const final = workflowTitles?.states[t.to]?.terminal === true;
                return (
                  <button
                    key={t.name}
                    type="button"
                    className={
                      /reject|cancel|withdraw|void|deny|decline/i.test(t.name) ? 'danger' : 'primary'
                    }
                    disabled={busy !== null}
                    aria-expanded={final ? confirming === t.name : undefined}
                    onClick={() =>
                      final ? setConfirming((c) => (c === t.name ? null : t.name)) : void take(t)
                    }
                  >
                    {busy === t.name ? `${t.title}…` : t.title}
                  </button>
                );
              })}
            </div>
          )}
          {confirming &&
            (() => {
              const t = mine.find((x) => x.name === confirming);
              if (!t) return null;
              return (
                <div className="confirm-note notice-note">
                  <p>
                    “{t.title}” moves the record to <strong>{stateTitle(t.to)}</strong>, which closes it: it
                    cannot be edited or moved on afterwards.
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy !== null}
                      onClick={() => void take(t)}
                    >
                      Yes, {t.title.toLowerCase()}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              );
            })()}
          {others.length > 0 && (
            <ul className="muted plain-list">
              {others.map((t) => (
                <li key={t.name}>
                  “{t.title}” needs the role {t.roles.map(roleTitle).join(' or ')}.
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="ok-text" aria-live="polite" tabIndex={-1} ref={outcomeRef}>
        {outcome}
      </p>
      {refusal && (
        <div ref={refusalRef} tabIndex={-1} className="refusal">
          <ErrorNote error={refusal} />
          {refusedFindings.length > 0 && (
            <FindingsPanel findings={refusedFindings} title="Why it was refused" level={3} schema={schema} />
          )}
        </div>
      )}
    </section>
  );
}
