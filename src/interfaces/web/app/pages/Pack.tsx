// One policy pack as the people working under it need it: what it is and where it comes from, its
// records, the rules it applies (each citing the clause it rests on, linked to that clause), and the
// workflows its records follow, with who may take each step.
import { Link, useParams } from 'wouter';
import { qs } from '../api.ts';
import { CitationLink, sourcePath } from '../components/FindingsPanel.tsx';
import { canCreateRecords, NewRecordLinks } from '../components/NewRecordLinks.tsx';
import { RecordList } from '../components/RecordList.tsx';
import { findPack, type WorkflowInfo, workflowsOf } from '../components/record-meta.ts';
import { reportPath } from '../components/report-path.ts';
import { Badge, DateText, Empty, Page } from '../components/ui.tsx';
import { formatDate, humanize } from '../format.ts';
import { useOrg } from '../org.tsx';
import type { PackInfo, Role } from '../types.ts';
import { useApi } from '../use-api.ts';
import { NotFound } from './NotFound.tsx';

/** The manifest and rule fields the packs endpoint sends beyond PackInfo. */
type PackDetail = Omit<PackInfo, 'rules'> & {
  effective?: string;
  rules: (PackInfo['rules'][number] & {
    effective?: { from: string; to?: string };
    appliesTo?: string[];
  })[];
};

export default function PackPage() {
  const params = useParams<{ pack: string }>();
  const org = useOrg();
  const pack = findPack(org.packs, params.pack) as PackDetail | undefined;
  const roles = useApi<Role[]>(org.api('/roles'));
  if (!pack) return <NotFound what={`the policy pack "${params.pack}"`} />;
  const sources =
    pack.sources ?? (pack.source ? [{ id: pack.source.document, title: pack.source.title }] : []);
  const roleTitle = (id: string) =>
    roles.data?.find((r) => r.id === id)?.title ??
    pack.roles?.find((r) => r.id === id)?.title ??
    humanize(id);
  const caseKindTitle = (id: string) => pack.caseKinds.find((k) => k.id === id)?.title ?? humanize(id);
  const ruleTitle = (id: string) => pack.rules.find((r) => r.id === id)?.title ?? id;
  const workflows = workflowsOf(pack);
  const reports = pack.reports ?? [];

  return (
    <Page
      title={pack.title}
      subtitle={
        <>
          Version {pack.version}
          {pack.effective && (
            <>
              {' '}
              · in effect from <DateText date={pack.effective} />
            </>
          )}
        </>
      }
      actions={
        <>
          <NewRecordLinks pack={pack.id} variant="buttons" />
          {canCreateRecords(org) && (pack.recordKinds?.length ?? 0) > 0 && (
            <Link href={org.path('/records/import') + qs({ pack: pack.id })} className="button">
              Import CSV
            </Link>
          )}
        </>
      }
    >
      {pack.description && <p className="lead">{pack.description}</p>}
      <nav aria-label="On this page" className="on-this-page">
        <span className="muted">On this page:</span>
        {reports.length > 0 && <a href="#reports">Reports ({reports.length})</a>}
        <a href="#records">Records</a>
        <a href="#rules">Rules ({pack.rules.length})</a>
        <a href="#workflows">Workflows ({workflows.length})</a>
        <a href="#sources">Source documents</a>
      </nav>

      {reports.length > 0 && (
        <section aria-labelledby="reports" className="pack-section">
          <h2 id="reports" tabIndex={-1}>
            Reports
          </h2>
          <p className="hint">
            Generated from the parameters in force (with your organisation’s overrides) and your records, as a
            web page and a PDF: they can never drift from the rules.
          </p>
          <ul className="link-list report-list">
            {reports.map((r) => (
              <li key={r.id}>
                <Link href={reportPath(org.path, pack.id, r.id)}>{r.title}</Link>
                {r.description && <div className="hint">{r.description}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div id="records">
        <RecordList fixedPack={pack.id} label={`Records of ${pack.title}`} />
      </div>

      <section aria-labelledby="rules" className="pack-section">
        <h2 id="rules" tabIndex={-1}>
          Rules
        </h2>
        <p className="hint">
          What the pack checks. Each rule cites the clause it applies; follow a citation to read the clause.
        </p>
        {pack.rules.length === 0 ? (
          <Empty title="This pack has no rules." />
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Rules of {pack.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Cites</th>
                  <th scope="col">Applies to</th>
                  <th scope="col">In effect</th>
                </tr>
              </thead>
              <tbody>
                {pack.rules.map((r) => (
                  <tr key={r.id} id={`rule-${r.id}`}>
                    <th scope="row">
                      {r.title}
                      <div>
                        <code className="muted">{r.id}</code>
                      </div>
                    </th>
                    <td>
                      {r.citations.length === 0 ? (
                        '—'
                      ) : (
                        <ul className="plain-list">
                          {r.citations.map((c) => (
                            <li key={`${c.document}#${c.section}`}>
                              <CitationLink citation={c} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{r.appliesTo?.map(caseKindTitle).join(', ') || '—'}</td>
                    <td>
                      {r.effective ? (
                        r.effective.to ? (
                          <>
                            {formatDate(r.effective.from)} to {formatDate(r.effective.to)}
                          </>
                        ) : (
                          <>from {formatDate(r.effective.from)}</>
                        )
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="workflows" className="pack-section">
        <h2 id="workflows" tabIndex={-1}>
          Workflows
        </h2>
        {workflows.length === 0 ? (
          <Empty title="This pack defines no workflows." />
        ) : (
          workflows.map((w) => (
            <Workflow key={w.id} workflow={w} roleTitle={roleTitle} ruleTitle={ruleTitle} />
          ))
        )}
      </section>

      <section aria-labelledby="sources" className="pack-section">
        <h2 id="sources" tabIndex={-1}>
          Source documents
        </h2>
        {sources.length === 0 ? (
          <Empty title="This pack names no source documents." />
        ) : (
          <>
            <p className="hint">The policy text the rules were written from, as published.</p>
            <ul className="link-list">
              {sources.map((s) => (
                <li key={s.id}>
                  <Link href={sourcePath(org.path, pack.id, s.id)}>{s.title}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </Page>
  );
}

function Workflow({
  workflow: w,
  roleTitle,
  ruleTitle,
}: {
  workflow: WorkflowInfo;
  roleTitle(id: string): string;
  ruleTitle(id: string): string;
}) {
  const stateTitle = (id: string) => w.states[id]?.title ?? humanize(id);
  const states = Object.entries(w.states);
  return (
    <div className="card workflow">
      <h3>{w.title}</h3>
      <p>
        A record starts as <strong>{stateTitle(w.initial)}</strong>
        {states.some(([, s]) => s.terminal) && (
          <>
            {' '}
            and is finished once it is{' '}
            {states
              .filter(([, s]) => s.terminal)
              .map(([id]) => stateTitle(id))
              .join(' or ')}
          </>
        )}
        .
      </p>
      <h4>States</h4>
      <ul className="state-list">
        {states.map(([id, s]) => (
          <li key={id}>
            <Badge tone={s.terminal ? 'neutral' : 'info'}>{s.title}</Badge>
            {id === w.initial && <span className="muted"> start</span>}
            {s.terminal && <span className="muted"> finished</span>}
          </li>
        ))}
      </ul>
      <h4>Steps</h4>
      {w.transitions.length === 0 ? (
        <p>No steps: records stay in their first state.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Steps of the {w.title} workflow</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Who may take it</th>
                <th scope="col">Refused when these rules find a violation</th>
              </tr>
            </thead>
            <tbody>
              {w.transitions.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.title}</th>
                  <td>{t.from.map(stateTitle).join(' or ')}</td>
                  <td>{stateTitle(t.to)}</td>
                  <td>
                    {t.roles && t.roles.length > 0
                      ? t.roles.map(roleTitle).join(', ')
                      : 'Anyone who may edit records'}
                  </td>
                  <td>
                    {t.guard && t.guard.rules.length > 0 ? (
                      <ul className="plain-list">
                        {t.guard.rules.map((id) => (
                          <li key={id}>
                            <a href={`#rule-${id}`}>{ruleTitle(id)}</a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      'No rule check'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
