// The documents attached to a record (receipts, quotes, correspondence), with their sensitivity marking,
// and a form to attach another. A marked document is readable by its uploader, administrators and the
// roles named when it was uploaded; the server decides each download and says so when it refuses.
import { type FormEvent, type MouseEvent, useId, useRef, useState } from 'react';
import { ApiError, post } from '../api.ts';
import { formatBytes, formatDateTime } from '../format.ts';
import { useOrg } from '../org.tsx';
import type { Role } from '../types.ts';
import { useApi } from '../use-api.ts';
import { Badge, Empty, ErrorNote } from './ui.tsx';

export interface DocumentItem {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sensitivity: string;
  sha256?: string;
  createdAt: string;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const MARKINGS: Record<string, { label: string; tone: string; hint: string }> = {
  unmarked: { label: 'Unmarked', tone: 'neutral', hint: 'Anyone in the organisation who can read records.' },
  sensitive: {
    label: 'Sensitive',
    tone: 'warn',
    hint: 'Only you, administrators and the roles you choose below.',
  },
  cui: {
    label: 'CUI — controlled unclassified information',
    tone: 'danger',
    hint: 'Only you, administrators and the roles you choose below; handle under your CUI rules.',
  },
};

export function Marking({ sensitivity }: { sensitivity: string }) {
  const m = MARKINGS[sensitivity];
  return <Badge tone={m?.tone ?? 'neutral'}>{m?.label ?? sensitivity}</Badge>;
}

/** 'application/pdf' → 'PDF', 'image/png' → 'PNG image'; the media type itself otherwise. */
function typeLabel(mediaType: string): string {
  const [major, minor = ''] = mediaType.split('/');
  if (minor === 'pdf') return 'PDF';
  if (major === 'image') return `${minor.toUpperCase()} image`;
  if (mediaType === 'text/plain') return 'Text';
  if (mediaType === 'text/csv') return 'CSV';
  if (/spreadsheet|excel/.test(minor)) return 'Spreadsheet';
  if (/word|document/.test(minor)) return 'Word document';
  return mediaType;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** `onRefused` gets the sentence to show when the server refuses, and '' when a new attempt starts. */
function DownloadLink({ doc, onRefused }: { doc: DocumentItem; onRefused(message: string): void }) {
  const org = useOrg();
  const href = org.api(`/documents/${encodeURIComponent(doc.id)}/content`);
  const [busy, setBusy] = useState(false);
  // Fetched rather than followed, so a refusal (a marked document the viewer's roles may not read)
  // becomes a sentence on this page instead of a bare error response in the browser.
  async function download(event: MouseEvent) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    onRefused('');
    setBusy(true);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        let message = `The server refused the download (${res.status}).`;
        try {
          const body = (await res.json()) as { detail?: string };
          if (body.detail) message = body.detail;
        } catch {
          // not JSON: keep the generic sentence
        }
        onRefused(`Could not download ${doc.name}: ${message}`);
        return;
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = doc.name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      onRefused(`Could not download ${doc.name}: the server cannot be reached.`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <a href={href} download={doc.name} onClick={download} aria-busy={busy || undefined}>
      {doc.name}
      <span className="visually-hidden"> (download, {formatBytes(doc.sizeBytes)})</span>
    </a>
  );
}

export function Documents({
  recordId,
  documents,
  onUploaded,
}: {
  recordId: string;
  documents: readonly DocumentItem[];
  onUploaded(): void;
}) {
  const org = useOrg();
  const headingId = useId();
  const [refusal, setRefusal] = useState('');
  return (
    <section aria-labelledby={headingId} className="documents">
      <h2 id={headingId}>Documents</h2>
      {refusal && <ErrorNote error={refusal} />}
      {documents.length === 0 ? (
        <Empty title="No documents attached">
          {org.can('documents.write')
            ? 'Attach receipts, quotes or correspondence with the form below.'
            : 'Someone who may upload documents can attach receipts, quotes or correspondence here.'}
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Documents attached to this record</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
                <th scope="col">Marking</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <DownloadLink doc={d} onRefused={setRefusal} />
                  </td>
                  <td>{typeLabel(d.mediaType)}</td>
                  <td className="num">{formatBytes(d.sizeBytes)}</td>
                  <td>
                    <Marking sensitivity={d.sensitivity} />
                  </td>
                  <td>{formatDateTime(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {org.can('documents.write') && <UploadForm recordId={recordId} onUploaded={onUploaded} />}
    </section>
  );
}

function UploadForm({ recordId, onUploaded }: { recordId: string; onUploaded(): void }) {
  const org = useOrg();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sensitivity, setSensitivity] = useState('unmarked');
  const [readerRoles, setReaderRoles] = useState<string[]>([]);
  /** Attach was pressed with no file chosen. */
  const [noFile, setNoFile] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const marked = sensitivity !== 'unmarked';
  const roles = useApi<Role[]>(marked ? org.api('/roles') : null);

  const tooLarge = file !== null && file.size > MAX_UPLOAD_BYTES;
  const fileError = tooLarge
    ? `${file.name} is ${formatBytes(file.size)}; documents may be at most 20 MB. Attach a smaller file or split it.`
    : noFile
      ? 'Choose a file to attach.'
      : '';

  function choose(f: File | null) {
    setDone('');
    setError(undefined);
    setFile(f);
    setNoFile(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    setError(undefined);
    if (!file || tooLarge) {
      setNoFile(!file);
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      await post(org.api('/documents'), {
        name: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64,
        sensitivity,
        readerRoles: marked ? readerRoles : [],
        recordId,
      });
      setDone(
        `${file.name} was attached${marked ? ` and marked ${MARKINGS[sensitivity]?.label ?? sensitivity}` : ''}.`,
      );
      setFile(null);
      setSensitivity('unmarked');
      setReaderRoles([]);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e));
      setError(err);
      if (err.errors.some((x) => ['/name', '/mediaType', '/contentBase64'].includes(x.path)))
        fileInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const serverFileError =
    error?.fieldError('/contentBase64') ?? error?.fieldError('/name') ?? error?.fieldError('/mediaType');
  const shownFileError = fileError || serverFileError;
  const rolesError = error?.fieldError('/readerRoles');
  const sensitivityError = error?.fieldError('/sensitivity');
  const general = error && !serverFileError && !rolesError && !sensitivityError ? error : undefined;
  const hint = MARKINGS[sensitivity]?.hint;

  return (
    <form className="upload-form card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Attach a document</h3>
      {general && <ErrorNote error={general} />}
      <div className={shownFileError ? 'field invalid' : 'field'}>
        <div className="label-row">
          <label htmlFor={`${id}-file`}>File</label>
          <span className="required" aria-hidden="true">
            *
          </span>
        </div>
        <div className="hint" id={`${id}-file-hint`}>
          Up to 20 MB. PDF, images, spreadsheets and text all work.
        </div>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          required
          aria-describedby={`${id}-file-hint${shownFileError ? ` ${id}-file-error` : ''}`}
          aria-invalid={shownFileError ? true : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        {file && !shownFileError && <div className="hint">{`${file.name}, ${formatBytes(file.size)}`}</div>}
        {shownFileError && (
          <div className="field-error" id={`${id}-file-error`}>
            {shownFileError}
          </div>
        )}
      </div>
      <div className={sensitivityError ? 'field invalid' : 'field'}>
        <div className="label-row">
          <label htmlFor={`${id}-marking`}>Marking</label>
        </div>
        <select
          id={`${id}-marking`}
          value={sensitivity}
          aria-describedby={`${id}-marking-hint${sensitivityError ? ` ${id}-marking-error` : ''}`}
          onChange={(e) => setSensitivity(e.target.value)}
        >
          {Object.entries(MARKINGS).map(([value, m]) => (
            <option key={value} value={value}>
              {m.label}
            </option>
          ))}
        </select>
        <div className="hint" id={`${id}-marking-hint`}>
          Who may read it: {hint}
        </div>
        {sensitivityError && (
          <div className="field-error" id={`${id}-marking-error`}>
            {sensitivityError}
          </div>
        )}
      </div>
      {marked && (
        <fieldset className={rolesError ? 'subform invalid' : 'subform'}>
          <legend>Roles that may also read it (optional)</legend>
          {roles.loading && <p className="muted">Loading the roles…</p>}
          {roles.error && <ErrorNote error={roles.error} />}
          <ul className="checkbox-list">
            {(roles.data ?? [])
              .filter((r) => r.id !== 'org-admin')
              .map((r) => (
                <li key={r.id}>
                  <input
                    type="checkbox"
                    id={`${id}-role-${r.id}`}
                    checked={readerRoles.includes(r.id)}
                    onChange={(e) =>
                      setReaderRoles((list) =>
                        e.target.checked ? [...list, r.id] : list.filter((x) => x !== r.id),
                      )
                    }
                  />{' '}
                  <label htmlFor={`${id}-role-${r.id}`}>{r.title}</label>
                </li>
              ))}
          </ul>
          {rolesError && <div className="field-error">{rolesError}</div>}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Attaching…' : 'Attach document'}
        </button>
      </div>
      <p className="ok-text" aria-live="polite">
        {done}
      </p>
    </form>
  );
}
