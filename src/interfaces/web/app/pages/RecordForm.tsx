// Creating and editing a record. The form comes from the record kind's schema; as the person types, the
// case is decided against the rules in force today and the findings appear beside the form (so "an
// itemised receipt is required" shows up while the amount is typed, not after saving). The server's
// field errors land next to their fields, and a summary at the top links to each of them.
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { ApiError, api, patch, post, qs } from '../api.ts';
import { FindingsPanel } from '../components/FindingsPanel.tsx';
import { canCreateRecords, NewRecordLinks, sentenceCase } from '../components/NewRecordLinks.tsx';
import { findKind, findPack } from '../components/record-meta.ts';
import {
  type Draft,
  dataPointer,
  draftAt,
  type FieldErrors,
  fieldId,
  fieldType,
  friendlyMessage,
  initialDraft,
  pathLabel,
  resolve,
  SchemaForm,
  schemaAt,
  toData,
} from '../components/SchemaForm.tsx';
import { ErrorNote, Loading, Page } from '../components/ui.tsx';
import { useOrg } from '../org.tsx';
import type { Evaluation, JsonSchema, PackInfo, RecordItem, RecordKindInfo } from '../types.ts';
import { useApi } from '../use-api.ts';
import type { RecordDetail } from './RecordPage.tsx';

const ID_PREFIX = 'rf';
const UNIT_POINTER = '/unitId';

export default function RecordForm() {
  const { id } = useParams<{ id?: string }>();
  return id ? <EditRecord id={id} /> : <NewRecord />;
}

function NewRecord() {
  const org = useOrg();
  const params = new URLSearchParams(useSearch());
  const packId = params.get('pack') ?? '';
  const kindId = params.get('kind') ?? '';
  const pack = findPack(org.packs, packId);
  const kind = findKind(org.packs, packId, kindId);
  if (!org.can('records.write')) {
    return (
      <Page title="New record">
        <ErrorNote error="Your roles do not let you create records in this organisation. Ask an administrator if you need to." />
      </Page>
    );
  }
  if (!pack || !kind) return <KindChooser asked={packId || kindId ? `${packId}/${kindId}` : ''} />;
  return <RecordEditor key={`${pack.id}/${kind.id}`} pack={pack} kind={kind} />;
}

/** Reached without (or with an unknown) pack and kind: offer every kind of record that can be created. */
function KindChooser({ asked }: { asked: string }) {
  const org = useOrg();
  return (
    <Page title="New record" narrow>
      {asked && (
        <ErrorNote
          error={`There is no kind of record "${asked}" in the installed policy packs. Choose one below.`}
        />
      )}
      {canCreateRecords(org) ? (
        <>
          <p>What kind of record do you want to create?</p>
          <NewRecordLinks />
        </>
      ) : (
        <p>None of the installed policy packs keeps records that can be created here.</p>
      )}
    </Page>
  );
}

function EditRecord({ id }: { id: string }) {
  const org = useOrg();
  const { data, error } = useApi<RecordDetail>(org.api(`/records/${encodeURIComponent(id)}`));
  if (!data) {
    if (error) {
      return (
        <Page title="Edit record">
          <ErrorNote
            error={
              error.status === 404
                ? 'There is no record with this address, or your roles do not let you see it.'
                : `Could not load the record: ${error.message}`
            }
          />
        </Page>
      );
    }
    return <Loading what="the record" />;
  }
  const pack = findPack(org.packs, data.record.pack);
  const kind = findKind(org.packs, data.record.pack, data.record.kind);
  const back = org.path(`/records/${encodeURIComponent(id)}`);
  if (!pack || !kind || data.workflow.state?.terminal || !org.can('records.write')) {
    return (
      <Page title={`Edit ${data.record.title}`}>
        <ErrorNote
          error={
            !org.can('records.write')
              ? 'Your roles do not let you change records.'
              : data.workflow.state?.terminal
                ? `This record is ${data.workflow.state.title.toLowerCase()}: a closed record cannot be edited.`
                : 'The form for this kind of record is not available: its policy pack does not describe it.'
          }
        />
        <p>
          <Link href={back}>Back to the record</Link>
        </p>
      </Page>
    );
  }
  return (
    <RecordEditor
      key={`${data.record.id}/${data.record.version}`}
      pack={pack}
      kind={kind}
      record={data.record}
    />
  );
}

interface LiveState {
  evaluation?: Evaluation;
  /** Validation problems the evaluation found, by data pointer. */
  problems: FieldErrors;
  error?: ApiError;
  pending: boolean;
}

/** Every pointer of the form in the order the fields appear (for the error summary). */
function fieldOrder(schema: JsonSchema | undefined, draft: unknown, pointer = ''): string[] {
  const s = resolve(schema);
  const out = pointer ? [pointer] : [];
  if (s.properties) {
    for (const [key, prop] of Object.entries(s.properties)) {
      out.push(...fieldOrder(prop, (draft as Draft | undefined)?.[key], `${pointer}/${key}`));
    }
  } else if (Array.isArray(draft)) {
    draft.forEach((item, i) => {
      out.push(...fieldOrder(s.items, item, `${pointer}/${i}`));
    });
  }
  return out;
}

function RecordEditor({ pack, kind, record }: { pack: PackInfo; kind: RecordKindInfo; record?: RecordItem }) {
  const org = useOrg();
  const [, navigate] = useLocation();
  const schema = kind.schema;
  const [draft, setDraft] = useState<Draft>(() => initialDraft(schema, record?.data));
  const [unitId, setUnitId] = useState<string>(record ? (record.unitId ?? '') : (org.unitId ?? ''));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [submitErrors, setSubmitErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [summaryTick, setSummaryTick] = useState(0);
  const [live, setLive] = useState<LiveState>({ problems: {}, pending: false });
  const summaryRef = useRef<HTMLDivElement>(null);
  const liveHeading = useId();
  const unitSelect = useId();
  const canEvaluate = org.can('evaluate');

  const { data, problems } = useMemo(() => toData(schema, draft), [schema, draft]);
  const dataKey = JSON.stringify(data);

  // Decide the case ~400 ms after the last keystroke; a newer draft cancels the request in flight.
  useEffect(() => {
    if (!canEvaluate) return;
    const controller = new AbortController();
    setLive((l) => ({ ...l, pending: true }));
    const timer = setTimeout(() => {
      const url = `/api/v1/evaluate/${encodeURIComponent(pack.id)}/${encodeURIComponent(kind.caseKind)}${qs({ org: org.slug })}`;
      api<Evaluation>('POST', url, { facts: JSON.parse(dataKey) }, controller.signal)
        .then((evaluation) => setLive({ evaluation, problems: {}, pending: false }))
        .catch((e: unknown) => {
          if ((e as Error).name === 'AbortError') return;
          const err = e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e));
          if (err.code === 'PRB_FACTS_INVALID') {
            const found: FieldErrors = {};
            for (const x of err.errors) {
              const p = dataPointer(x.path, ['/body/facts']);
              if (p !== undefined && !(p in found)) found[p] = x.message;
            }
            setLive({ problems: found, pending: false });
          } else {
            setLive({ problems: {}, error: err, pending: false });
          }
        });
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [dataKey, canEvaluate, pack.id, kind.caseKind, org.slug]);

  useEffect(() => {
    if (summaryTick > 0) summaryRef.current?.focus();
  }, [summaryTick]);

  function change(next: Draft, pointer: string) {
    setDraft(next);
    // The person is dealing with what the server said about this field: let the live check speak now.
    setSubmitErrors((errs) => {
      const keys = Object.keys(errs).filter((k) => k === pointer || k.startsWith(`${pointer}/`));
      if (keys.length === 0) return errs;
      const copy = { ...errs };
      for (const k of keys) delete copy[k];
      return copy;
    });
  }

  function touch(pointer: string) {
    setTouched((t) => (t.has(pointer) ? t : new Set([...t, pointer])));
  }

  // What to show next to each field: entries that cannot be read, then what the server said on
  // submit, then what the live check says — the last two only for fields already visited, so a blank
  // form does not open covered in red.
  const order = fieldOrder(schema, draft);
  const shown: FieldErrors = {};
  for (const p of new Set([
    ...order,
    ...Object.keys(problems),
    ...Object.keys(submitErrors),
    ...Object.keys(live.problems),
  ])) {
    const visited = submitted || touched.has(p);
    const type = fieldType(schemaAt(schema, p.split('/').slice(1)), p.split('/').at(-1) ?? '');
    const empty = ['', undefined].includes(draftAt(draft, p) as string);
    const message =
      (visited ? problems[p] : undefined) ?? submitErrors[p] ?? (visited ? live.problems[p] : undefined);
    if (message !== undefined) shown[p] = friendlyMessage(message, type, empty);
  }
  const unitError = submitErrors[UNIT_POINTER];
  const summary = Object.entries(shown)
    .filter(([p]) => p !== UNIT_POINTER)
    .map(([p, message]) => ({ pointer: p, label: pathLabel(schema, p.split('/').slice(1)), message }));
  if (unitError) summary.unshift({ pointer: UNIT_POINTER, label: 'Unit', message: unitError });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setSubmitError(undefined);
    if (Object.keys(problems).length > 0) {
      setSummaryTick((t) => t + 1);
      return;
    }
    setBusy(true);
    try {
      let id: string;
      if (record) {
        await patch(org.api(`/records/${encodeURIComponent(record.id)}`), { data, version: record.version });
        id = record.id;
      } else {
        const created = await post<{ record: RecordItem }>(org.api('/records'), {
          pack: pack.id,
          kind: kind.id,
          ...(unitId ? { unitId } : {}),
          data,
        });
        id = created.record.id;
      }
      navigate(org.path(`/records/${encodeURIComponent(id)}`));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e));
      const found: FieldErrors = {};
      const rest: string[] = [];
      for (const x of err.errors) {
        const p = x.path === UNIT_POINTER ? UNIT_POINTER : dataPointer(x.path, ['/data']);
        if (p === undefined || p === '') rest.push(x.message);
        else if (!(p in found)) found[p] = x.message;
      }
      setSubmitErrors(found);
      setSubmitError(Object.keys(found).length === 0 || rest.length > 0 ? err : undefined);
      setSummaryTick((t) => t + 1);
    } finally {
      setBusy(false);
    }
  }

  function goTo(pointer: string) {
    const target =
      pointer === UNIT_POINTER
        ? document.getElementById(unitSelect)
        : document.getElementById(fieldId(ID_PREFIX, pointer));
    const control = target?.matches('input,select,textarea')
      ? target
      : target?.querySelector<HTMLElement>('input,select,textarea,button');
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }

  const title = record ? `Edit ${record.title}` : `New ${sentenceCase(kind.title)}`;
  const cancel = record ? org.path(`/records/${encodeURIComponent(record.id)}`) : org.path('/records');
  const unitName = record?.unitId
    ? (org.units.find((u) => u.id === record.unitId)?.name ?? record.unitName)
    : null;
  const stillNeeded = Object.keys(live.problems).map((p) => pathLabel(schema, p.split('/').slice(1)));

  return (
    <Page title={title} subtitle={`${kind.title} · ${pack.title}`}>
      <div className="grid-2 form-layout">
        <form className="card record-form" onSubmit={submit} noValidate aria-label={title}>
          {submitted && (summary.length > 0 || submitError) && (
            <div
              className="error-summary"
              role="alert"
              tabIndex={-1}
              ref={summaryRef}
              aria-labelledby="rf-summary-title"
            >
              <h2 id="rf-summary-title">
                {summary.length === 0
                  ? record
                    ? 'The changes were not saved'
                    : 'The record was not created'
                  : `There ${summary.length === 1 ? 'is 1 problem' : `are ${summary.length} problems`} to fix`}
              </h2>
              {submitError && (
                <p>
                  {submitError.message}
                  {submitError.code === 'PRB_CONFLICT' && record && (
                    <>
                      {' '}
                      <Link href={org.path(`/records/${encodeURIComponent(record.id)}`)}>
                        Open the current version
                      </Link>
                    </>
                  )}
                </p>
              )}
              {summary.length > 0 && (
                <ul>
                  {summary.map((e) => (
                    <li key={e.pointer}>
                      <a
                        href={`#${pointerTargetId(e.pointer, unitSelect)}`}
                        onClick={(ev) => {
                          ev.preventDefault();
                          goTo(e.pointer);
                        }}
                      >
                        {e.label}: {e.message}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <p className="hint">
            Fields marked <span className="required">*</span> are required.
          </p>
          {record ? (
            <p>
              <span className="muted">Unit: </span>
              {unitName ?? 'Whole organisation'}
            </p>
          ) : (
            org.units.length > 0 && (
              <div className={unitError ? 'field invalid' : 'field'}>
                <div className="label-row">
                  <label htmlFor={unitSelect}>Unit</label>
                </div>
                <div className="hint" id={`${unitSelect}-hint`}>
                  The part of the organisation this record belongs to. People whose roles cover that unit can
                  see it.
                </div>
                <select
                  id={unitSelect}
                  value={unitId}
                  aria-describedby={`${unitSelect}-hint${unitError ? ` ${unitSelect}-error` : ''}`}
                  aria-invalid={unitError ? true : undefined}
                  onChange={(e) => {
                    setUnitId(e.target.value);
                    setSubmitErrors(({ [UNIT_POINTER]: _, ...rest }) => rest);
                  }}
                >
                  <option value="">No unit: the whole organisation</option>
                  {org.units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
                {unitError && (
                  <div className="field-error" id={`${unitSelect}-error`}>
                    {unitError}
                  </div>
                )}
              </div>
            )
          )}
          <SchemaForm
            schema={schema}
            draft={draft}
            onChange={change}
            onTouch={touch}
            errors={shown}
            idPrefix={ID_PREFIX}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : record ? 'Save changes' : `Create ${sentenceCase(kind.title)}`}
            </button>
            <Link href={cancel} className="button">
              Cancel
            </Link>
          </div>
        </form>
        <aside className="card live-findings" aria-labelledby={liveHeading}>
          <h2 id={liveHeading}>What the policy says</h2>
          {!canEvaluate ? (
            <p className="muted">
              Your roles do not include checking cases against the policy; the findings appear on the record
              once it is saved.
            </p>
          ) : (
            <>
              <p className="hint">
                Checked as you type against the rules in force today.{' '}
                <span className="checking" aria-hidden="true">
                  {live.pending ? 'Checking…' : ''}
                </span>
              </p>
              <div aria-live="polite" className="live-region">
                {live.evaluation ? (
                  <FindingsPanel
                    findings={live.evaluation.findings}
                    asOf={live.evaluation.asOf}
                    schema={schema}
                    level={3}
                    title="Findings so far"
                    empty="Nothing in the policy applies to this case as entered so far."
                  />
                ) : live.error ? (
                  <ErrorNote error={`The case cannot be checked yet: ${live.error.message}`} />
                ) : stillNeeded.length > 0 ? (
                  <p>
                    The findings appear once the form has what the rules need. Still needed or not valid yet:{' '}
                    {stillNeeded.join(', ')}.
                  </p>
                ) : (
                  <p className="muted">Checking the case…</p>
                )}
              </div>
            </>
          )}
        </aside>
      </div>
    </Page>
  );
}

function pointerTargetId(pointer: string, unitSelect: string): string {
  return pointer === UNIT_POINTER ? unitSelect : fieldId(ID_PREFIX, pointer);
}
