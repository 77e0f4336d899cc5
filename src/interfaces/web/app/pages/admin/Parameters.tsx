// Parameters: the figures the rules use (limits, thresholds, deadlines), each with its dated history
// (the pack's values with the clause they come from, and the organisation's own values with who set
// them and why) and a form to set a new value from a date. Every change is an event in the audit log.
import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'wouter';
import { post } from '../../api.ts';
import { generalError, useSubmit } from '../../components/admin/form-errors.ts';
import {
  formatParameterValue,
  type HistoryRow,
  history,
  inputHint,
  type ParameterInfo,
  parseParameterInput,
  UNIT_LABELS,
} from '../../components/admin/parameter-values.ts';
import { TableWrap } from '../../components/admin/TableWrap.tsx';
import { CitationLink } from '../../components/FindingsPanel.tsx';
import { Badge, DateText, Empty, ErrorNote, Field, Loading, Page } from '../../components/ui.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useOrg } from '../../org.tsx';
import { useApi } from '../../use-api.ts';

interface ParametersAnswer {
  asOf: string;
  parameters: ParameterInfo[];
}

export default function Parameters() {
  const org = useOrg();
  const [params, setParams] = useSearchParams();
  const requested = params.get('pack');
  const pack = org.packs.find((p) => p.id === requested) ?? org.packs[0];
  const answer = useApi<ParametersAnswer>(
    pack ? org.api(`/packs/${encodeURIComponent(pack.id)}/parameters`) : null,
  );
  // While another pack loads, the previous pack's parameters are neither shown nor changed under its name.
  const shown = answer.stale ? undefined : answer.data;
  const packSelect = useId();
  const canOverride = org.can('parameters.override');
  return (
    <Page
      title="Parameters"
      subtitle="The figures the rules use — limits, thresholds, deadlines — with the clause each comes from and any value your organisation has set for itself."
    >
      {org.packs.length === 0 ? (
        <Empty title="No policy packs are installed">
          Parameters come with policy packs. Once a pack is installed, its figures appear here.
        </Empty>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={packSelect}>Policy pack</label>
              <select
                id={packSelect}
                value={pack?.id ?? ''}
                onChange={(e) => setParams({ pack: e.target.value }, { replace: true })}
              >
                {org.packs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
            {shown && (
              <p className="toolbar-note">
                Values in force today, <DateText date={shown.asOf} weekday />.
              </p>
            )}
          </div>
          <ErrorNote error={answer.error} />
          {!shown ? (
            answer.loading && <Loading what="the parameters" />
          ) : shown.parameters.length === 0 ? (
            <Empty title="This pack has no parameters">
              Its rules use no figures an organisation can change.
            </Empty>
          ) : (
            pack &&
            shown.parameters.map((p) => (
              <ParameterCard
                key={`${pack.id}/${p.id}`}
                pack={pack.id}
                parameter={p}
                asOf={shown.asOf}
                canOverride={canOverride}
                onChanged={answer.reload}
              />
            ))
          )}
        </>
      )}
    </Page>
  );
}

function StatusBadge({ row }: { row: HistoryRow }) {
  switch (row.status.kind) {
    case 'in-force':
      return <Badge tone="ok">In force</Badge>;
    case 'scheduled':
      return <Badge tone="info">Takes effect {formatDate(row.from)}</Badge>;
    case 'set-aside':
      return (
        <>
          <Badge>Set aside</Badge>
          <div className="hint">Your organisation’s own value applies instead.</div>
        </>
      );
    case 'never':
      return (
        <>
          <Badge>Never applied</Badge>
          <div className="hint">A value recorded later for the same date replaced it.</div>
        </>
      );
    default:
      return <Badge>Replaced</Badge>;
  }
}

function ParameterCard({
  pack,
  parameter: p,
  asOf,
  canOverride,
  onChanged,
}: {
  pack: string;
  parameter: ParameterInfo;
  asOf: string;
  canOverride: boolean;
  onChanged(): void;
}) {
  const headingId = useId();
  const [saved, setSaved] = useState<string | undefined>();
  const rows = history(p, asOf);
  const current = rows.find((r) => r.status.kind === 'in-force');
  return (
    <section className="card parameter" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {p.title}
      </h2>
      <p className="hint">
        <code>{p.id}</code> · {UNIT_LABELS[p.unit] ?? p.unit} · checked against the source on{' '}
        <DateText date={p.lastChecked} />
      </p>
      {p.description && <p>{p.description}</p>}
      <p className="in-force">
        {current ? (
          <>
            In force today: <strong className="value">{formatParameterValue(p.unit, current.value)}</strong>{' '}
            <span className="hint">
              since <DateText date={current.from} />,{' '}
              {current.source === 'override' ? 'your organisation’s own value' : 'the pack’s value'}
            </span>
          </>
        ) : (
          <>No value is in force today: the first value takes effect later.</>
        )}
      </p>
      <h3>Dated history</h3>
      <TableWrap label={`Values of ${p.title}`}>
        <table className="data history">
          <caption className="visually-hidden">Values of {p.title}, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Value</th>
              <th scope="col">Set by</th>
              <th scope="col">Why</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.status.kind === 'in-force' ? 'current' : undefined}>
                <td>
                  <DateText date={row.from} />
                </td>
                <td className="value">{formatParameterValue(p.unit, row.value)}</td>
                <td>
                  {row.source === 'pack' ? (
                    'The pack'
                  ) : (
                    <>
                      {row.override?.setByName ?? 'Your organisation'}
                      {row.override?.setAt && (
                        <div className="hint">{formatDateTime(row.override.setAt)}</div>
                      )}
                    </>
                  )}
                </td>
                <td>
                  {row.pack && (
                    <>
                      <CitationLink citation={row.pack.citation} />
                      {row.pack.note && <div className="hint">{row.pack.note}</div>}
                    </>
                  )}
                  {row.override && <span className="reason">{row.override.reason}</span>}
                </td>
                <td>
                  <StatusBadge row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <div aria-live="polite">{saved && <p className="ok-note">{saved}</p>}</div>
      {canOverride ? (
        <OverrideForm
          pack={pack}
          parameter={p}
          asOf={asOf}
          onSaved={(message) => {
            setSaved(message);
            onChanged();
          }}
        />
      ) : (
        <p className="hint">Only administrators can set the organisation’s own value.</p>
      )}
    </section>
  );
}

function OverrideForm({
  pack,
  parameter: p,
  asOf,
  onSaved,
}: {
  pack: string;
  parameter: ParameterInfo;
  asOf: string;
  onSaved(message: string): void;
}) {
  const org = useOrg();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(asOf);
  const [raw, setRaw] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, submit } = useSubmit();
  const parsed = parseParameterInput(p.unit, raw);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(parsed.ok ? [] : [{ path: '/value', message: parsed.message }]),
      ...(from ? [] : [{ path: '/from', message: 'enter the date the new value applies from' }]),
      ...(reason.trim() ? [] : [{ path: '/reason', message: 'say why (e.g. the board resolution)' }]),
    ];
    void submit(problems, async () => {
      if (!parsed.ok) return; // named in `problems`
      await post(
        org.api(`/packs/${encodeURIComponent(pack)}/parameters/${encodeURIComponent(p.id)}/overrides`),
        { from, value: parsed.value, reason: reason.trim() },
      );
      setRaw('');
      setReason('');
      setOpen(false);
      onSaved(
        `${p.title}: ${formatParameterValue(p.unit, parsed.value)} from ${formatDate(from)} is saved and recorded in the audit log; the history above shows it.`,
      );
    });
  }
  const general = generalError(error, ['/value', '/from', '/reason']);
  return (
    <details className="override" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Set a new value from a date<span className="visually-hidden"> for {p.title}</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="override-form" aria-label={`New value for ${p.title}`}>
        <p className="hint">
          Your organisation’s value replaces the pack’s from the date you choose, until you set another. A
          past date changes how cases from that date on are decided.
        </p>
        <ErrorNote error={general} />
        <div className="grid-3">
          <Field
            label="From"
            hint="The first day the new value applies."
            error={error?.fieldError('/from')}
            required
          >
            {(props) => (
              <input {...props} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <ValueInput
            unit={p.unit}
            raw={raw}
            setRaw={setRaw}
            error={error?.fieldError('/value')}
            preview={parsed.ok ? formatParameterValue(p.unit, parsed.value) : undefined}
          />
        </div>
        <Field
          label="Reason"
          hint="Why your organisation uses its own value, e.g. “Board resolution 2026-14 of 12 March 2026”. Kept in the history and the audit log."
          error={error?.fieldError('/reason')}
          required
        >
          {(props) => (
            <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save the new value'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </details>
  );
}

function ValueInput({
  unit,
  raw,
  setRaw,
  error,
  preview,
}: {
  unit: string;
  raw: string;
  setRaw(v: string): void;
  error?: string | undefined;
  preview?: string | undefined;
}) {
  const label =
    unit === 'cents'
      ? 'New value (dollars)'
      : unit === 'basis-points'
        ? 'New value (%)'
        : unit === 'days'
          ? 'New value (days)'
          : unit === 'months'
            ? 'New value (months)'
            : 'New value';
  const hint = (
    <>
      {inputHint(unit)}
      {preview && raw.trim() && (
        <>
          {' '}
          Will be saved as <strong>{preview}</strong>.
        </>
      )}
    </>
  );
  if (unit === 'boolean') {
    return (
      <Field label={label} error={error} required>
        {(props) => (
          <select {...props} value={raw} onChange={(e) => setRaw(e.target.value)}>
            <option value="">Choose…</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        )}
      </Field>
    );
  }
  return (
    <Field label={label} hint={hint} error={error} required>
      {(props) => (
        <div
          className={unit === 'cents' ? 'affix prefix' : unit === 'basis-points' ? 'affix suffix' : undefined}
        >
          {unit === 'cents' && <span aria-hidden="true">$</span>}
          <input
            {...props}
            type={unit === 'date' ? 'date' : 'text'}
            inputMode={
              unit === 'cents' || unit === 'basis-points'
                ? 'decimal'
                : ['days', 'months', 'count'].includes(unit)
                  ? 'numeric'
                  : undefined
            }
            autoComplete="off"
            value={raw}
            onChange={(e) => setRaw(e.target.value)}
          />
          {unit === 'basis-points' && <span aria-hidden="true">%</span>}
        </div>
      )}
    </Field>
  );
}
