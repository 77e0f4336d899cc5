// What the policy says about a case: each finding with its kind and severity, the clause it rests on
// (a link that opens the source document at that passage) and, on request, how it was decided — the
// facts the rule read and the parameter values it used — so a person can check the reasoning by hand.
import { Fragment, useId } from 'react';
import { Link } from 'wouter';
import { humanize } from '../format.ts';
import { useOptionalOrg } from '../org.tsx';
import type { Citation, Finding, FindingKind, JsonSchema, ResolvedParameter, Severity } from '../types.ts';
import { formatParameterValue } from './admin/parameter-values.ts';
import { formatFieldValue, pathLabel, schemaAt } from './SchemaForm.tsx';
import { Badge, DateText, Empty } from './ui.tsx';

const KIND_ORDER: FindingKind[] = ['violation', 'requirement', 'deadline', 'value', 'notice'];
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const KIND_NAMES: Record<FindingKind, [string, string]> = {
  violation: ['violation', 'violations'],
  requirement: ['requirement', 'requirements'],
  deadline: ['deadline', 'deadlines'],
  value: ['value', 'values'],
  notice: ['notice', 'notices'],
};

/**
 * Whether a value has the shape of a finding (rule, kind, severity, message as text), for findings that
 * arrive untyped, such as those a refusal carries: anything else is left out rather than drawn.
 */
export function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Record<keyof Finding, unknown>> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.rule === 'string' &&
    typeof f.kind === 'string' &&
    typeof f.severity === 'string' &&
    typeof f.message === 'string'
  );
}

/** Violations first, then requirements, deadlines, values, notices; the most severe first within each. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) =>
    (KIND_ORDER.indexOf(f.kind) + 1 || 9) * 10 + (SEVERITY_ORDER.indexOf(f.severity) + 1 || 9);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

/** '2 violations, 1 requirement' ('no findings' when empty). */
export function countFindings(findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const kind of KIND_ORDER) {
    const n = findings.filter((f) => f.kind === kind).length;
    if (n > 0) parts.push(`${n} ${KIND_NAMES[kind][n === 1 ? 0 : 1]}`);
  }
  const other = findings.filter((f) => !KIND_ORDER.includes(f.kind)).length;
  if (other > 0) parts.push(`${other} other`);
  return parts.join(', ') || 'no findings';
}

/** The app path of a pack's source document. */
export function sourcePath(orgPath: (sub: string) => string, pack: string, document: string): string {
  return orgPath(`/packs/${encodeURIComponent(pack)}/sources/${encodeURIComponent(document)}`);
}

/** The app path of a cited passage: the source document scrolled to the section. */
export function citationPath(orgPath: (sub: string) => string, c: Citation): string {
  const section = encodeURIComponent(c.section);
  return `${sourcePath(orgPath, c.pack, c.document)}?section=${section}#s-${section}`;
}

export function CitationLink({ citation }: { citation: Citation }) {
  const org = useOptionalOrg();
  const pack = org?.packs.find((p) => p.id === citation.pack);
  const documentTitle =
    pack?.sources?.find((s) => s.id === citation.document)?.title ??
    (pack?.source?.document === citation.document ? pack.source.title : undefined);
  const text = `§ ${citation.section}${citation.title ? ` ${citation.title}` : ''}${citation.authority ? ` — ${citation.authority}` : ''}`;
  return (
    <>
      {org ? <Link href={citationPath(org.path, citation)}>{text}</Link> : <span>{text}</span>}
      {documentTitle && <span className="muted"> of the {documentTitle}</span>}
    </>
  );
}

function Citations({ citations }: { citations: readonly Citation[] }) {
  if (citations.length === 0) return null;
  return (
    <div className="finding-citations">
      <span className="muted">{citations.length === 1 ? 'Source: ' : 'Sources: '}</span>
      <ul className="inline-list">
        {citations.map((c) => (
          <li key={`${c.pack}/${c.document}/${c.section}`}>
            <CitationLink citation={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ParameterRow({ p }: { p: ResolvedParameter & { setByName?: string; setAt?: string } }) {
  const name = humanize(p.id.split('.').at(-1) ?? p.id);
  return (
    <li>
      <div>
        <strong>{name}</strong> <code className="muted">{p.id}</code>
      </div>
      <div>
        <strong>{formatParameterValue(p.unit, p.value)}</strong>, in force from <DateText date={p.from} />
        {' · '}
        {p.source === 'override' ? (
          <>
            <Badge tone="warn">Organisation’s override</Badge>
            {p.reason && <> because “{p.reason}”</>}
            {p.setByName && <>, set by {p.setByName}</>}
          </>
        ) : (
          <span>the pack’s value</span>
        )}
      </div>
      {p.citation && (
        <div>
          <span className="muted">Source: </span>
          <CitationLink citation={p.citation} />
        </div>
      )}
    </li>
  );
}

function Trace({ finding, schema }: { finding: Finding; schema?: JsonSchema | undefined }) {
  const org = useOptionalOrg();
  const rule = org?.packs.flatMap((p) => p.rules).find((r) => r.id === finding.rule);
  const facts = Object.entries(finding.trace?.facts ?? {});
  const params = finding.trace?.parameters ?? [];
  const values = Object.entries(finding.values ?? {});
  return (
    <details className="trace">
      <summary>How this was decided</summary>
      <div className="trace-body">
        <p>
          Rule: {rule ? <>{rule.title} </> : null}
          <code className="muted">{finding.rule}</code>
        </p>
        <p className="trace-label">Facts the rule read</p>
        {facts.length === 0 ? (
          <p className="muted">None: the rule did not need any of the case’s facts.</p>
        ) : (
          <dl className="fields compact">
            {facts.map(([path, value]) => {
              const segments = path.split('.');
              return (
                <Fragment key={path}>
                  <dt>
                    {pathLabel(schema, segments)} <code className="muted">{path}</code>
                  </dt>
                  <dd>{formatFieldValue(value, schemaAt(schema, segments), segments.at(-1) ?? path)}</dd>
                </Fragment>
              );
            })}
          </dl>
        )}
        <p className="trace-label">Parameter values used</p>
        {params.length === 0 ? (
          <p className="muted">None: the rule used no adjustable values.</p>
        ) : (
          <ul className="plain-list">
            {params.map((p) => (
              <ParameterRow key={p.id} p={p} />
            ))}
          </ul>
        )}
        {values.length > 0 && (
          <>
            <p className="trace-label">Figures worked out</p>
            <dl className="fields compact">
              {values.map(([key, value]) => (
                <Fragment key={key}>
                  <dt>{humanize(key.replace(/Cents$/, ''))}</dt>
                  <dd>{formatFieldValue(value, undefined, key)}</dd>
                </Fragment>
              ))}
            </dl>
          </>
        )}
      </div>
    </details>
  );
}

const KIND_LABEL: Record<string, string> = {
  violation: 'Violation',
  requirement: 'Requirement',
  deadline: 'Deadline',
  value: 'Value',
  notice: 'Notice',
};

export function FindingItem({ finding, schema }: { finding: Finding; schema?: JsonSchema | undefined }) {
  return (
    <li className={`finding finding-${finding.kind}`}>
      <div className="finding-badges">
        <Badge tone={finding.kind}>{KIND_LABEL[finding.kind] ?? humanize(finding.kind)}</Badge>
        <Badge tone={finding.severity}>{humanize(finding.severity)} severity</Badge>
      </div>
      <p className="finding-message">{finding.message}</p>
      {(finding.subject || finding.due) && (
        <p className="finding-meta">
          {finding.subject && (
            <span>
              About: <strong>{finding.subject}</strong>
            </span>
          )}
          {finding.subject && finding.due && ' · '}
          {finding.due && (
            <span>
              Due <DateText date={finding.due} weekday />
            </span>
          )}
        </p>
      )}
      <Citations citations={finding.citations ?? []} />
      <Trace finding={finding} schema={schema} />
    </li>
  );
}

/**
 * The findings of an evaluation. `schema` (the record kind's) gives the facts their labels and money
 * formatting; `level` is the heading level where the panel sits in the page.
 */
export function FindingsPanel({
  findings,
  title = 'Findings',
  level = 2,
  asOf,
  schema,
  empty,
}: {
  findings: readonly Finding[];
  title?: string;
  level?: 2 | 3;
  asOf?: string | undefined;
  schema?: JsonSchema | undefined;
  /** What an empty list means here (default: nothing in the policy applies yet). */
  empty?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = useId();
  const sorted = sortFindings(findings);
  return (
    <section className="findings" aria-labelledby={headingId}>
      <Heading className="findings-heading" id={headingId}>
        {title}
        {findings.length > 0 && <span className="findings-count">: {countFindings(findings)}</span>}
      </Heading>
      {asOf && (
        <p className="muted findings-asof">
          Decided by the rules in force on <DateText date={asOf} weekday />.
        </p>
      )}
      {sorted.length === 0 ? (
        <Empty title="No findings">
          {empty ??
            'Nothing in the policy applies to this case as it stands: no rule in force requires, flags or works out anything for it yet.'}
        </Empty>
      ) : (
        <ol className="finding-list">
          {sorted.map((f) => (
            <FindingItem key={`${f.rule}|${f.subject ?? ''}|${f.message}`} finding={f} schema={schema} />
          ))}
        </ol>
      )}
    </section>
  );
}
