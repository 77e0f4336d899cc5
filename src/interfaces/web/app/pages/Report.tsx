// A report a pack generates from the parameters in force (with the organisation's overrides) and the
// organisation's records — the Decision Chart for Purchasing Thresholds, a vendor's fiscal-year spend, the
// reconciliations' status — read as of a date, with the inputs it takes, and downloadable as a PDF built
// from the same document. The page only draws what the server built: it holds no rule or figure itself.
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { isCalendarDate } from '../../../../kernel/date.ts';
import { TableWrap } from '../components/admin/TableWrap.tsx';
import { CitationLink } from '../components/FindingsPanel.tsx';
import { findPack } from '../components/record-meta.ts';
import { reportApi, reportPath } from '../components/report-path.ts';
import { Badge, DateText, Empty, ErrorNote, Field, Loading, Page } from '../components/ui.tsx';
import { formatMoney, humanize } from '../format.ts';
import { type OrgState, useOrg } from '../org.tsx';
import type { JsonSchema, ReportAnswer, ReportCell, ReportInfo, ReportSection } from '../types.ts';
import { useApi } from '../use-api.ts';
import { NotFound } from './NotFound.tsx';

const TONES: Record<string, string> = { ok: 'ok', warn: 'warn', bad: 'danger' };

/** Words that go with a tone, for the rare cell whose text does not say it by itself. */
const TONE_WORDS: Record<string, string> = { ok: 'OK', warn: 'Attention', bad: 'Problem' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Whether a column holds amounts or numbers only (then it is right-aligned, figures under figures). */
function numericColumn(rows: readonly (readonly ReportCell[])[], i: number): boolean {
  let any = false;
  for (const row of rows) {
    const c = row[i];
    if (c === null || c === undefined || c === '') continue;
    if (typeof c === 'number' || (isObject(c) && 'cents' in c)) any = true;
    else return false;
  }
  return any;
}

export function Cell({ cell, org }: { cell: ReportCell | undefined; org: OrgState }): ReactNode {
  if (cell === null || cell === undefined || cell === '') return <span className="muted">—</span>;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return cell.toLocaleString('en-US');
  if ('cents' in cell) return formatMoney(cell.cents);
  if ('date' in cell) {
    return (
      <span className="nowrap">
        <DateText date={cell.date} />
      </span>
    );
  }
  if ('record' in cell) {
    return <Link href={org.path(`/records/${encodeURIComponent(cell.record)}`)}>{cell.text}</Link>;
  }
  if ('tone' in cell) {
    // The words say it; the colour only repeats it.
    const text = cell.text.trim() || TONE_WORDS[cell.tone] || humanize(cell.tone);
    return <Badge tone={TONES[cell.tone] ?? 'neutral'}>{text}</Badge>;
  }
  return String((cell as { text?: unknown }).text ?? '');
}

function SectionView({ section, org, index }: { section: ReportSection; org: OrgState; index: number }) {
  const headingId = `report-section-${index}`;
  const table = section.table;
  const numeric = table ? table.columns.map((_, i) => numericColumn(table.rows, i)) : [];
  return (
    <section aria-labelledby={headingId} className="card report-section">
      <h2 id={headingId}>{section.heading}</h2>
      {section.paragraphs?.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
        <p key={i}>{p}</p>
      ))}
      {table && (
        <TableWrap label={section.heading}>
          <table className="data report-table">
            <caption className="visually-hidden">{section.heading}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c} scope="col" className={numeric[i] ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length} className="muted">
                    Nothing to show.
                  </td>
                </tr>
              ) : (
                table.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                  <tr key={r}>
                    {table.columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c} scope="row">
                          <Cell cell={row[i]} org={org} />
                        </th>
                      ) : (
                        <td key={c} className={numeric[i] ? 'num' : undefined}>
                          <Cell cell={row[i]} org={org} />
                        </td>
                      ),
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableWrap>
      )}
      {section.citations && section.citations.length > 0 && (
        <div className="finding-citations">
          <span className="muted">{section.citations.length === 1 ? 'Source: ' : 'Sources: '}</span>
          <ul className="inline-list">
            {section.citations.map((c) => (
              <li key={`${c.pack}/${c.document}/${c.section}`}>
                <CitationLink citation={c} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * The fiscal-year labels a reader may pick around the as-of date: one ahead of its calendar year, five
 * back, and whichever is chosen now. Which dates a label covers is the server's to say (the pack's or
 * the organisation's start month and naming), so the page neither computes nor names them: the year of
 * the as-of date is FY<year> or FY<year + 1> under any start month, and both are offered.
 */
function fiscalYearChoices(today: string, chosen: string): string[] {
  const year = Number(today.slice(0, 4));
  const labels = Array.from({ length: 7 }, (_, i) => String(year + 1 - i));
  const given = chosen.replace(/^FY/i, '');
  return /^\d{4}$/.test(given) && !labels.includes(given) ? [given, ...labels] : labels;
}

/** The report's named inputs, from its JSON Schema (as the listing or the answer gives it). */
function inputFields(schema: JsonSchema | undefined): [string, JsonSchema][] {
  return Object.entries(schema?.properties ?? {}).filter(([name]) => name !== 'asOf');
}

function InputField({
  name,
  schema,
  value,
  today,
  onChange,
}: {
  name: string;
  schema: JsonSchema;
  value: string;
  today: string;
  onChange(value: string): void;
}) {
  const label = schema.title ?? humanize(name);
  const hint = schema.description;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (/fiscal/i.test(name) && (type === 'integer' || type === 'number' || type === 'string')) {
    return (
      <Field label={label} hint={hint ?? 'Empty: the fiscal year of the as-of date.'}>
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">The fiscal year of the as-of date</option>
            {fiscalYearChoices(today, value).map((y) => (
              // As the server reads them: 'FY2027' for a text input, 2027 for a number.
              <option key={y} value={type === 'string' ? `FY${y}` : y}>
                FY{y}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (Array.isArray(schema.enum)) {
    return (
      <Field label={label} hint={hint}>
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">Any</option>
            {schema.enum?.map((v) => (
              <option key={String(v)} value={String(v)}>
                {humanize(String(v))}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (type === 'boolean') {
    return (
      <div className="field check">
        <label>
          <input
            type="checkbox"
            checked={value === 'true'}
            onChange={(e) => onChange(e.target.checked ? 'true' : '')}
          />{' '}
          {label}
        </label>
      </div>
    );
  }
  const isDate = schema.format === 'date' || /^\^\\d\{4\}/.test(schema.pattern ?? '');
  return (
    <Field label={label} hint={hint}>
      {(p) => (
        <input
          {...p}
          type={isDate ? 'date' : type === 'integer' || type === 'number' ? 'number' : 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export default function ReportPage() {
  const params = useParams<{ pack: string; report: string }>();
  const org = useOrg();
  const search = useSearch();
  const [, navigate] = useLocation();
  const pack = findPack(org.packs, params.pack);
  const listed: ReportInfo | undefined = pack?.reports?.find((r) => r.id === params.report);
  const query = Object.fromEntries(new URLSearchParams(search));
  const url = pack ? reportApi(org.api, pack.id, params.report, query) : null;
  const { data, error, loading, reload } = useApi<ReportAnswer>(url);
  const answer = data;
  const info = answer?.report ?? listed;
  const schema = answer?.report.input ?? listed?.input;
  const fields = inputFields(schema);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const asOfId = useId();
  if (!pack) return <NotFound what={`the policy pack "${params.pack}"`} />;
  if (error?.status === 404 && !listed) return <NotFound what={`the report "${params.report}"`} />;

  const today = answer?.document.asOf ?? new Date().toISOString().slice(0, 10);
  const go = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...query, ...next })) if (v) merged[k] = v;
    const s = new URLSearchParams(merged).toString();
    navigate(reportPath(org.path, pack.id, params.report) + (s ? `?${s}` : ''));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(Object.fromEntries(fields.map(([name]) => [name, draft[name] ?? query[name] ?? ''])));
  };
  const doc = answer?.document;
  const about = doc?.subtitle ?? info?.description ?? '';
  // One sentence runs into the as-of date: end it first.
  const lead = about && !/[.!?:]$/.test(about.trim()) ? `${about.trim()}.` : about;
  const pdf = reportApi(org.api, pack.id, params.report, query, true);

  return (
    <Page
      title={doc?.title ?? info?.title ?? humanize(params.report)}
      subtitle={
        <>
          {lead}
          {doc && (
            <>
              {' '}
              As of <DateText date={doc.asOf} weekday />.
            </>
          )}
        </>
      }
      actions={
        <a className="button" href={pdf} download>
          Download PDF
        </a>
      }
    >
      <p className="muted">
        Generated by Probity from the parameters in force on the as-of date, with your organisation’s
        overrides, and from your organisation’s records: it changes when they change. Part of{' '}
        <Link href={org.path(`/packs/${encodeURIComponent(pack.id)}`)}>{pack.title}</Link>.
      </p>
      <form className="toolbar report-inputs" onSubmit={submit} aria-label="Report options">
        <div className="field">
          <label htmlFor={asOfId}>As of</label>
          <input
            id={asOfId}
            type="date"
            value={query.asOf ?? doc?.asOf ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              if (v === '' || isCalendarDate(v)) go({ asOf: v || undefined });
            }}
          />
        </div>
        {fields.map(([name, s]) => (
          <InputField
            key={name}
            name={name}
            schema={s}
            today={today}
            value={draft[name] ?? query[name] ?? ''}
            onChange={(v) => setDraft((d) => ({ ...d, [name]: v }))}
          />
        ))}
        {fields.length > 0 && (
          <button type="submit" className="primary">
            Show
          </button>
        )}
      </form>
      {error && (
        <ErrorNote error={`Could not build the report: ${error.message}`}>
          {error.errors.length > 0 && (
            <ul>
              {error.errors.map((e) => {
                // Named as the form names it (the schema's title), so the reader finds the field.
                const name = e.path.split('/').at(-1) ?? e.path;
                return (
                  <li key={e.path}>
                    {schema?.properties?.[name]?.title ?? humanize(name)}: {e.message}
                  </li>
                );
              })}
            </ul>
          )}{' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </ErrorNote>
      )}
      {!doc && loading && <Loading what="the report" />}
      {doc && (
        <div className="report" aria-busy={loading}>
          {doc.sections.length === 0 ? (
            <Empty title="This report has nothing to show as of this date." />
          ) : (
            doc.sections.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two sections may share a heading
              <SectionView key={`${i}-${s.heading}`} section={s} org={org} index={i} />
            ))
          )}
          {doc.notes && doc.notes.length > 0 && (
            <section aria-labelledby="report-notes" className="card report-notes">
              <h2 id="report-notes">Notes</h2>
              <ol>
                {doc.notes.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: notes have no identity but their place
                  <li key={i}>{n}</li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
    </Page>
  );
}
