// Screening: a policy pack's screens over whole ledgers — split purchases, duplicate payments, card
// limits, late claims — from files the person uploads (one per ledger, CSV or Parquet, with an optional
// column mapping) or from the records kept in Probity. A run works in the background on the server: the
// list shows each run's status and progress (asked again every second while one runs), and a finished
// run's totals with its report to view (HTML) or download (HTML, CSV, JSON). The page holds no rule: the
// server screens, the report says why.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError, post, qs, SIGNED_OUT_EVENT } from '../api.ts';
import { Badge, DateText, Empty, ErrorNote, Field, Loading, Page } from '../components/ui.tsx';
import { formatBytes, formatDateTime, formatMoney } from '../format.ts';
import { useOrg } from '../org.tsx';
import { useApi } from '../use-api.ts';

type Status = 'queued' | 'running' | 'done' | 'failed';

interface Run {
  id: string;
  pack: string;
  source: 'upload' | 'store';
  status: Status;
  /** Basis points of the whole run. */
  progress: number;
  message: string;
  scheduled: boolean;
  requestedBy: { id: string; name: string } | null;
  from: string | null;
  to: string | null;
  files: { ledger: string; name: string; bytes: number }[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: { rows: number; badRows: number; hits: number; violations: number; flaggedCents: number } | null;
  error: string | null;
}

interface ScreeningPack {
  id: string;
  title: string;
  store: boolean;
  ledgers: {
    id: string;
    title: string;
    description: string;
    fromRecords: boolean;
    columns: { name: string; title: string; type: string; required: boolean }[];
  }[];
  screens: { id: string; title: string; ledger: string }[];
}

interface ListAnswer {
  packs: ScreeningPack[];
  runs: Run[];
}

const STATUS_WORDS: Record<Status, string> = {
  queued: 'Waiting to start',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};
const STATUS_TONES: Record<Status, string> = {
  queued: 'neutral',
  running: 'info',
  done: 'ok',
  failed: 'danger',
};

const active = (r: Run) => r.status === 'queued' || r.status === 'running';
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** A problem+json answer as the ApiError every page shows (the same reading as api.ts). */
function problemOf(status: number, text: string): ApiError {
  let p: { code?: string; detail?: string; title?: string; errors?: { path: string; message: string }[] } =
    {};
  try {
    p = text ? JSON.parse(text) : {};
  } catch {
    // not JSON: the status says it
  }
  return new ApiError(
    status,
    p.code ?? `HTTP_${status}`,
    p.detail ?? p.title ?? `The server answered ${status}.`,
    Array.isArray(p.errors) ? p.errors : [],
  );
}

/**
 * Sends the form as multipart/form-data. XMLHttpRequest rather than fetch: it reports how much of a
 * large file has gone up, so the person sees the upload move.
 */
function uploadForm(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 202) {
        try {
          resolve(JSON.parse(xhr.responseText) as Run);
        } catch {
          reject(
            new ApiError(xhr.status, 'PRB_CLIENT', 'The server answered in a way this page cannot read.'),
          );
        }
        return;
      }
      if (xhr.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'PRB_NETWORK', 'The server cannot be reached. Check your connection and try again.'),
      );
    xhr.send(form);
  });
}

/** The server's message for a form field, however the check that refused it named it. */
function fieldProblem(error: ApiError | null, ...names: string[]): string | undefined {
  if (!error) return undefined;
  for (const name of names) {
    const found = error.errors.find(
      (e) => e.path === name || e.path === `/body${name}` || e.path.startsWith(`${name}/`),
    );
    if (found) return found.message;
  }
  return undefined;
}

export default function Screening() {
  const org = useOrg();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const wanted = search.get('pack') ?? undefined;
  const list = useApi<ListAnswer>(org.api('/screenings') + qs({ pack: wanted, limit: 20 }));
  const packs = list.data?.packs ?? [];
  const pack = packs.find((p) => p.id === wanted) ?? packs[0];
  const runs = (list.data?.runs ?? []).filter((r) => !pack || r.pack === pack.id);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [mapping, setMapping] = useState<File | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState<'upload' | 'store' | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [formNote, setFormNote] = useState<string | undefined>();
  const [announce, setAnnounce] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();

  // Asked again every second while a run is queued or running: each answer sets the next.
  const { reload } = list;
  const anyActive = runs.some(active);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new answer arms the next request
  useEffect(() => {
    if (!anyActive) return;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [anyActive, reload, list.data]);

  // Say when a run changes status, once, rather than every progress step.
  const seen = useRef(new Map<string, Status>());
  useEffect(() => {
    for (const r of runs) {
      const before = seen.current.get(r.id);
      if (before !== undefined && before !== r.status) {
        setAnnounce(
          r.status === 'done'
            ? `Screening done: ${r.message}.`
            : r.status === 'failed'
              ? `Screening failed: ${r.error ?? ''}`
              : `Screening ${STATUS_WORDS[r.status].toLowerCase()}.`,
        );
      }
      seen.current.set(r.id, r.status);
    }
  }, [runs]);

  useEffect(() => {
    if (error || formNote) summaryRef.current?.focus();
  }, [error, formNote]);

  if (list.error && !list.data) {
    return (
      <Page title="Screening">
        <ErrorNote error={`Could not load the screenings: ${list.error.message}`}>
          {' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </ErrorNote>
      </Page>
    );
  }
  if (!list.data) {
    return (
      <Page title="Screening">
        <Loading what="the screenings" />
      </Page>
    );
  }
  if (!pack) {
    return (
      <Page title="Screening">
        <Empty title="No policy pack installed here has screens.">
          <p>
            Screens come with a pack (lea-finance screens disbursements, purchase cards, travel and gifts).
          </p>
        </Empty>
      </Page>
    );
  }

  const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const chosen = pack.ledgers.filter((l) => files[l.id]);

  /** A run was queued: the list shows it (and follows it), the form is ready for the next. */
  const started = (what: string) => {
    setAnnounce(`${what}: the screening is queued.`);
    setFiles({});
    setMapping(null);
    formRef.current?.reset();
    reload();
  };

  async function screenFiles(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setFormNote(undefined);
    if (chosen.length === 0) {
      setFormNote(
        `Choose the file of at least one ledger (${pack?.ledgers.map((l) => l.title).join(', ')}).`,
      );
      return;
    }
    const form = new FormData();
    for (const l of chosen) form.append(l.id, files[l.id] as File);
    if (mapping) form.append('mapping', mapping);
    if (from) form.append('from', from);
    if (to) form.append('to', to);
    setBusy('upload');
    setUploaded(0);
    try {
      await uploadForm(org.api(`/packs/${encodeURIComponent(pack?.id ?? '')}/screenings`), form, setUploaded);
      started('Files uploaded');
    } catch (e2) {
      setError(e2 instanceof ApiError ? e2 : new ApiError(0, 'PRB_CLIENT', String(e2)));
    } finally {
      setBusy(null);
    }
  }

  async function screenStore() {
    setError(null);
    setFormNote(undefined);
    setBusy('store');
    try {
      await post<Run>(org.api(`/packs/${encodeURIComponent(pack?.id ?? '')}/screenings`), {
        source: 'store',
        ...period,
      });
      started('Records in Probity');
    } catch (e2) {
      setError(e2 instanceof ApiError ? e2 : new ApiError(0, 'PRB_CLIENT', String(e2)));
    } finally {
      setBusy(null);
    }
  }

  const fieldError = (...names: string[]) => fieldProblem(error, ...names);
  const listed = new Set([
    ...pack.ledgers.flatMap((l) => [`/${l.id}`, `/body/${l.id}`, `/files/${l.id}`]),
    '/from',
    '/body/from',
    '/to',
    '/body/to',
  ]);
  // Problems no field shows (a mapping's, the whole request's): the summary says them.
  const unplaced = error?.errors.filter((e) => !listed.has(e.path)) ?? [];

  return (
    <Page
      title="Screening"
      subtitle={`Check whole ledgers against the screens of ${pack.title}: ${pack.screens.length} checks such as split purchases, duplicate payments, purchase-card limits and late claims. Each hit cites its clause.`}
    >
      {packs.length > 1 && (
        <div className="toolbar">
          <Field label="Policy pack">
            {(p) => (
              <select
                {...p}
                value={pack.id}
                onChange={(e) => navigate(org.path('/screening') + qs({ pack: e.target.value }))}
              >
                {packs.map((p2) => (
                  <option key={p2.id} value={p2.id}>
                    {p2.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {(error || formNote) && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby={`${ids}-summary`}
        >
          <h2 id={`${ids}-summary`}>{formNote ? 'Choose a file' : 'The screening was not started'}</h2>
          <p>{formNote ?? error?.message}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((e) => (
                <li key={e.path}>
                  <code>{e.path.replace(/^\/body/, '')}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form ref={formRef} className="card" onSubmit={screenFiles} noValidate aria-labelledby={`${ids}-form`}>
        <h2 id={`${ids}-form`}>Start a screening</h2>
        <p className="hint">
          Give the ledgers as files exported from your accounting system (CSV with any delimiter, or Parquet;
          headers as exported — common names are recognised), or screen the records kept in Probity. Rows that
          cannot be read are listed in the report with their line, never dropped silently.
        </p>
        {pack.ledgers.map((l) => (
          <Field
            key={l.id}
            label={l.title}
            hint={
              <>
                {l.description} Columns:{' '}
                {l.columns.map((c, i) => (
                  <span key={c.name}>
                    {i > 0 && ', '}
                    <code>{c.name}</code>
                    {c.required ? ' (required)' : ''}
                  </span>
                ))}
                .
              </>
            }
            error={fieldError(`/${l.id}`, `/files/${l.id}`)}
          >
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".csv,.tsv,.txt,.parquet,text/csv,text/tab-separated-values"
                onChange={(e) => {
                  const file = e.target.files?.[0] ?? null;
                  setFiles((f) => ({ ...f, [l.id]: file }));
                  setFormNote(undefined);
                }}
              />
            )}
          </Field>
        ))}
        {chosen.length > 0 && (
          <p className="hint">
            {chosen
              .map((l) => `${l.title}: ${files[l.id]?.name}, ${formatBytes(files[l.id]?.size ?? 0)}`)
              .join('; ')}
          </p>
        )}
        <Field
          label="Column mapping (optional)"
          hint="A JSON or YAML file naming, per ledger, the header in your file for each column the screens read, and the delimiter or date format when they are unusual — for an export whose headers are its own."
          error={fieldError('/mapping')}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".json,.yaml,.yml,application/json"
              onChange={(e) => setMapping(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <fieldset>
          <legend>Period (optional)</legend>
          <p className="hint">Rows dated outside it are left out. Empty: every row.</p>
          <div className="toolbar">
            <Field label="From" error={fieldError('/from')}>
              {(p) => <input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
            </Field>
            <Field label="To" error={fieldError('/to')}>
              {(p) => <input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'upload' ? 'Uploading…' : 'Upload and screen'}
          </button>
          {pack.store && (
            <button type="button" disabled={busy !== null} onClick={() => void screenStore()}>
              {busy === 'store' ? 'Starting…' : 'Screen the records in Probity'}
            </button>
          )}
        </div>
        {busy === 'upload' && (
          <div className="field">
            <label htmlFor={`${ids}-upload`}>Uploading the files</label>
            <progress id={`${ids}-upload`} max={1} value={uploaded}>
              {Math.floor(uploaded * 100)}%
            </progress>
          </div>
        )}
      </form>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <section aria-labelledby={`${ids}-runs`}>
        <h2 id={`${ids}-runs`}>Screenings</h2>
        {runs.length === 0 ? (
          <Empty title="No screening yet.">
            <p>Start one above; it appears here with its progress, and its report once done.</p>
          </Empty>
        ) : (
          <ol className="stack-cards" style={{ listStyle: 'none', padding: 0 }}>
            {runs.map((r) => (
              <RunItem key={r.id} run={r} pack={pack} />
            ))}
          </ol>
        )}
        {runs.length > 0 && (
          <p className="hint">
            Screenings of the records in Probity also run by themselves once a day; those say “scheduled”.
          </p>
        )}
      </section>
    </Page>
  );
}

function RunItem({ run, pack }: { run: Run; pack: ScreeningPack }) {
  const org = useOrg();
  const headingId = useId();
  const ledgerTitle = (id: string) => pack.ledgers.find((l) => l.id === id)?.title ?? id;
  const what =
    run.source === 'store'
      ? 'Records in Probity'
      : run.files.map((f) => `${ledgerTitle(f.ledger)}: ${f.name}`).join('; ') || 'Files';
  const percent = Math.floor(run.progress / 100);
  const report = (format: string) => org.api(`/screenings/${encodeURIComponent(run.id)}/report.${format}`);
  return (
    <li className="card screening-run" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {what} <Badge tone={STATUS_TONES[run.status]}>{STATUS_WORDS[run.status]}</Badge>
        {run.scheduled && (
          <>
            {' '}
            <Badge>Scheduled</Badge>
          </>
        )}
      </h3>
      <p className="muted">
        {run.scheduled || !run.requestedBy
          ? 'Started by the daily schedule'
          : `Asked for by ${run.requestedBy.name}`}{' '}
        on {formatDateTime(run.createdAt)}
        {(run.from || run.to) && (
          <>
            {' '}
            · rows from {run.from ? <DateText date={run.from} /> : 'the first'} to{' '}
            {run.to ? <DateText date={run.to} /> : 'the last'}
          </>
        )}
      </p>
      {active(run) && (
        <div className="field">
          <label htmlFor={`${headingId}-progress`}>
            {run.status === 'queued' ? 'Waiting for its turn' : run.message || 'Screening'}
          </label>
          <progress id={`${headingId}-progress`} max={10_000} value={run.progress}>
            {percent}%
          </progress>
          <span className="hint"> {percent}%</span>
        </div>
      )}
      {run.status === 'failed' && <ErrorNote error={run.error ?? 'The screening failed.'} />}
      {run.status === 'done' && run.summary && (
        <>
          <dl className="fields screening-summary">
            <dt>Hits</dt>
            <dd>{plural(run.summary.hits, 'hit', 'hits')}</dd>
            <dt>Violations</dt>
            <dd>{count(run.summary.violations)}</dd>
            <dt>Amount flagged</dt>
            <dd>{formatMoney(run.summary.flaggedCents)}</dd>
            <dt>Rows read</dt>
            <dd>
              {count(run.summary.rows)}
              {run.summary.badRows > 0 &&
                ` (${plural(run.summary.badRows, 'row', 'rows')} could not be read)`}
            </dd>
          </dl>
          <p className="export-links">
            <a href={report('html')} target="_blank" rel="noopener">
              View the report<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            <a href={report('html')} download aria-label="Download HTML of the report (a web page)">
              Download HTML
            </a>
            <a href={report('csv')} download aria-label="Download CSV of the report's hits">
              Download CSV
            </a>
            <a href={report('json')} download aria-label="Download JSON of the report">
              Download JSON
            </a>
          </p>
        </>
      )}
    </li>
  );
}
