// Importing records from a CSV file (vendors, past purchases): choose the pack and record kind, download
// the template with its columns, choose a file, optionally the state and unit the records start in,
// check it (nothing is written, every row is validated) and then import. The server writes nothing
// unless every row is valid, and names each problem by the file's line number and column.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { ApiError, post, qs } from '../api.ts';
import { unitOptions } from '../components/admin/people.ts';
import { TableWrap } from '../components/admin/TableWrap.tsx';
import { canCreateRecords } from '../components/NewRecordLinks.tsx';
import { allKinds, findKind, stateOptions, workflowOfKind } from '../components/record-meta.ts';
import { Empty, Field, Page } from '../components/ui.tsx';
import { formatBytes, humanize } from '../format.ts';
import { useOrg } from '../org.tsx';

interface ImportAnswer {
  dryRun: boolean;
  /** How many data rows the file holds (or the rows themselves, as the server describes them). */
  rows: number | unknown[];
  created: number;
  /** The records made (a check names the first ones it would make, without ids). */
  records: { id?: string | null; title: string }[];
}

interface RowProblem {
  row: number | null;
  field: string;
  message: string;
}

/** '/csv/3/amountCents' → row 3, field amountCents; other paths (/kind, /body/state) have no row. */
export function rowProblems(error: ApiError): RowProblem[] {
  const problems = error.errors.map((e) => {
    const m = /^(?:\/body)?\/csv\/(\d+)(?:\/(.*))?$/.exec(e.path);
    if (m) return { row: Number(m[1]), field: m[2] ?? '', message: e.message };
    return { row: null, field: e.path.replace(/^\/body/, '').replace(/^\//, ''), message: e.message };
  });
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function rowCount(answer: ImportAnswer): number {
  return Array.isArray(answer.rows) ? answer.rows.length : answer.rows;
}

export default function ImportRecords() {
  const org = useOrg();
  const params = new URLSearchParams(useSearch());
  const kinds = allKinds(org.packs).filter(({ pack }) => canCreateRecords(org, pack.id));
  const first = kinds.find((k) => k.pack.id === params.get('pack')) ?? kinds[0];
  const [pack, setPack] = useState(first?.pack.id ?? '');
  const [kind, setKind] = useState(() => {
    const wanted = params.get('kind');
    return kinds.some((k) => k.pack.id === pack && k.kind.id === wanted)
      ? (wanted as string)
      : (kinds.find((k) => k.pack.id === pack)?.kind.id ?? '');
  });
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState('');
  const [state, setState] = useState('');
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [checked, setChecked] = useState<ImportAnswer | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error || fileError) summaryRef.current?.focus();
  }, [error, fileError]);
  useEffect(() => {
    if (checked || imported) resultRef.current?.focus();
  }, [checked, imported]);

  if (kinds.length === 0) {
    return (
      <Page title="Import records from CSV">
        <Empty title="You cannot import records here.">
          <p>Importing creates records, which needs a role that may create them in one of the packs.</p>
        </Empty>
      </Page>
    );
  }

  const packs = [...new Map(kinds.map((k) => [k.pack.id, k.pack])).values()];
  const packKinds = kinds.filter((k) => k.pack.id === pack);
  const kindInfo = findKind(org.packs, pack, kind);
  const states = kind ? stateOptions(org.packs, pack, kind) : [];
  const initial = workflowOfKind(org.packs, pack, kind)?.initial;
  const template = org.api('/records/import-template') + qs({ pack, kind });
  const listHref = org.path('/records') + qs({ pack, kind, unitId: unitId || undefined });

  /** Anything changed after a check: the check no longer speaks for what would be imported. */
  const changed = () => {
    setChecked(null);
    setImported(null);
    setError(null);
  };

  async function send(dryRun: boolean) {
    setError(null);
    setFileError(undefined);
    if (!file) {
      setFileError('Choose the CSV file to import.');
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    try {
      const csv = await file.text();
      const answer = await post<ImportAnswer>(org.api('/records/import'), {
        pack,
        kind,
        csv,
        ...(unitId ? { unitId } : {}),
        ...(state ? { state } : {}),
        dryRun,
      });
      if (dryRun) setChecked(answer);
      else {
        setChecked(null);
        setImported(answer);
        if (fileInput.current) fileInput.current.value = '';
        setFile(null);
      }
    } catch (e) {
      setChecked(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e)));
    } finally {
      setBusy(null);
    }
  }

  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };
  const problems = error ? rowProblems(error) : [];

  return (
    <Page
      title="Import records from CSV"
      subtitle="Vendors, past purchases or any other record kind, one record per row. Check the file first: nothing is created unless every row is valid."
    >
      {(error || fileError) && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby={`${ids}-summary`}
        >
          <h2 id={`${ids}-summary`}>
            {fileError
              ? 'Choose a file'
              : problems.length > 0
                ? `The file was not imported: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`} to fix`
                : 'The file was not imported'}
          </h2>
          {fileError ? (
            <p>
              <button type="button" className="link-button" onClick={() => fileInput.current?.focus()}>
                {fileError}
              </button>
            </p>
          ) : (
            <>
              {/* The table says it all when every problem has its line; the message says what else failed. */}
              {!problems.some((p) => p.row !== null) && <p>{error?.message}</p>}
              {problems.length > 0 && (
                <TableWrap label="Problems in the file">
                  <table className="data import-problems">
                    <caption className="visually-hidden">Problems in the file, by line</caption>
                    <thead>
                      <tr>
                        <th scope="col">Line</th>
                        <th scope="col">Column</th>
                        <th scope="col">Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {problems.map((p, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: two problems can share line and column
                        <tr key={i}>
                          <th scope="row">{p.row === null ? '—' : `Line ${p.row}`}</th>
                          <td>{p.field ? <code>{p.field}</code> : '—'}</td>
                          <td>{p.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
              <p className="hint">
                Line 1 is the header row, so line 2 is the first record. Fix the file and check it again.
              </p>
            </>
          )}
        </div>
      )}
      <div className="grid-2 form-layout">
        <form className="card import-form" onSubmit={onCheck} noValidate aria-label="CSV import">
          <Field label="Policy pack">
            {(p) => (
              <select
                {...p}
                value={pack}
                onChange={(e) => {
                  const next = e.target.value;
                  setPack(next);
                  setKind(kinds.find((k) => k.pack.id === next)?.kind.id ?? '');
                  setState('');
                  changed();
                }}
              >
                {packs.map((p2) => (
                  <option key={p2.id} value={p2.id}>
                    {p2.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Record kind" hint="Each row of the file becomes one record of this kind.">
            {(p) => (
              <select
                {...p}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value);
                  setState('');
                  changed();
                }}
              >
                {packKinds.map(({ kind: k }) => (
                  <option key={k.id} value={k.id}>
                    {k.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <a href={template} download>
              Download the template for {kindInfo?.title ?? humanize(kind)} (CSV)
            </a>
            <span className="hint">
              {' '}
              — its header row names the columns, and one example row shows how values are written. Amounts
              may be written “$1,234.56”; dates as 2026-07-01; lists as JSON text.
            </span>
          </p>
          <Field
            label="CSV file"
            hint="UTF-8 text with a header row, as the template."
            error={fileError}
            required
          >
            {(p) => (
              <input
                {...p}
                ref={fileInput}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(undefined);
                  changed();
                }}
              />
            )}
          </Field>
          {file && (
            <p className="hint">
              {file.name}, {formatBytes(file.size)}
            </p>
          )}
          {org.units.length > 0 && (
            <Field label="Unit (optional)" hint="The unit every imported record belongs to.">
              {(p) => (
                <select
                  {...p}
                  value={unitId}
                  onChange={(e) => {
                    setUnitId(e.target.value);
                    changed();
                  }}
                >
                  <option value="">Whole organisation</option>
                  {unitOptions(org.units).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {states.length > 0 && (
            <Field
              label="State (optional)"
              hint="History (e.g. purchases already paid) can be imported in the state it reached; the same rules judge its dates. Importing history needs the organisation administrator role."
            >
              {(p) => (
                <select
                  {...p}
                  value={state}
                  onChange={(e) => {
                    setState(e.target.value);
                    changed();
                  }}
                >
                  <option value="">
                    {initial
                      ? `${states.find((s) => s.id === initial)?.title ?? humanize(initial)} (the start)`
                      : 'The start'}
                  </option>
                  {states
                    .filter((s) => s.id !== initial)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                      </option>
                    ))}
                </select>
              )}
            </Field>
          )}
          <div className="actions">
            <button type="submit" disabled={busy !== null}>
              {busy === 'check' ? 'Checking…' : 'Check'}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy !== null || checked === null}
              onClick={() => void send(false)}
              aria-describedby={`${ids}-import-hint`}
            >
              {busy === 'import' ? 'Importing…' : 'Import'}
            </button>
          </div>
          <p className="hint" id={`${ids}-import-hint`}>
            {checked
              ? 'The file checked out: import creates the records.'
              : 'Check the file before importing it.'}
          </p>
        </form>
        <div aria-live="polite" className="import-result">
          {(checked || imported) && (
            <div className="card" tabIndex={-1} ref={resultRef}>
              {imported ? (
                <>
                  <h2>
                    Imported {imported.created} {imported.created === 1 ? 'record' : 'records'}
                  </h2>
                  <p>
                    <Link href={listHref}>See the imported {kindInfo?.title ?? kind} records</Link>
                  </p>
                  <RecordTitles records={imported.records} org={org} />
                </>
              ) : checked ? (
                <>
                  <h2>
                    {rowCount(checked) === 1
                      ? 'The one row is valid'
                      : `All ${rowCount(checked)} rows are valid`}
                  </h2>
                  <p>
                    Nothing has been created yet. Import creates{' '}
                    {checked.records.length < rowCount(checked)
                      ? `these records (the first ${checked.records.length} are listed):`
                      : 'these records:'}
                  </p>
                  <RecordTitles records={checked.records} org={org} />
                </>
              ) : null}
            </div>
          )}
        </div>
      </div>
    </Page>
  );
}

function RecordTitles({
  records,
  org,
}: {
  records: ImportAnswer['records'];
  org: ReturnType<typeof useOrg>;
}) {
  if (!records || records.length === 0) return null;
  return (
    <ol className="import-records">
      {records.map((r, i) => (
        <li key={r.id ?? `${i}-${r.title}`}>
          {r.id ? <Link href={org.path(`/records/${encodeURIComponent(r.id)}`)}>{r.title}</Link> : r.title}
        </li>
      ))}
    </ol>
  );
}
