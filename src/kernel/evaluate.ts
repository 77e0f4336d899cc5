// evaluate(): validate the facts, run every rule of the case kind in force on the as-of date, and
// complete each rule's drafts into findings with citations and a trace of what the rule read.
import { type CalendarDate, isCalendarDate, maxDate, minDate, parseDate } from './date.ts';
import {
  FactsInvalidError,
  NoRuleInForceError,
  ParameterNotInForceError,
  ProbityError,
  RuleFailedError,
  UnknownCaseKindError,
  UnknownParameterError,
  UnknownRuleError,
} from './errors.ts';
import { recordReads } from './fact-recorder.ts';
import {
  defaultSeverity,
  type Finding,
  type FindingDraft,
  isFindingKind,
  isSeverity,
  type Trace,
} from './finding.ts';
import type { Pack } from './pack.ts';
import {
  type Parameter,
  type ParameterOverride,
  type ResolvedParameter,
  resolveParameter,
} from './parameter.ts';
import { type Rule, type RuleContext, ruleInForce } from './rule.ts';

export interface EvaluateOptions {
  asOf: CalendarDate;
  org?: string;
  overrides?: readonly ParameterOverride[];
  /** restrict to these rule ids */
  only?: readonly string[];
}

export interface Evaluation {
  pack: { id: string; version: string };
  caseKind: string;
  asOf: CalendarDate;
  org?: string;
  findings: Finding[];
  /** per rule id: the merged values of its 'value' findings */
  values: Record<string, Record<string, unknown>>;
  rules: { id: string; title: string; inForce: boolean }[];
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');
}

function noRuleInForce(
  pack: Pack,
  caseKind: string,
  asOf: CalendarDate,
  applying: readonly Rule[],
): NoRuleInForceError {
  const where = `pack "${pack.manifest.id}" has no rule for case kind "${caseKind}" in force on ${asOf}`;
  if (applying.length === 0) {
    return new NoRuleInForceError(`${where}: no rule applies to that case kind at all`, {
      pack: pack.manifest.id,
      caseKind,
      asOf,
    });
  }
  const [first, ...others] = applying.map((r) => r.effective.from);
  const earliest = minDate(first ?? asOf, ...others);
  const ends = applying.map((r) => r.effective.to);
  const closed = ends.filter((e) => e !== undefined);
  const [lastFirst, ...lastOthers] = closed;
  const latest =
    closed.length < ends.length || lastFirst === undefined ? undefined : maxDate(lastFirst, ...lastOthers);
  return new NoRuleInForceError(
    `${where}; its rules are in force from ${earliest} ${latest === undefined ? 'with no end date' : `to ${latest}`}, so choose an as-of date in that range`,
    { pack: pack.manifest.id, caseKind, asOf, earliest, ...(latest === undefined ? {} : { latest }) },
  );
}

function checkDraft(rule: Rule, caseKind: string, d: FindingDraft, i: number): void {
  const bad = (why: string): never => {
    throw new RuleFailedError(rule.id, caseKind, new Error(`finding ${i} ${why}`));
  };
  if (d === null || typeof d !== 'object') bad('is not an object');
  if (!isFindingKind(d.kind))
    bad(`has kind ${JSON.stringify(d.kind)}; expected violation, requirement, deadline, value or notice`);
  if (d.severity !== undefined && !isSeverity(d.severity))
    bad(`has severity ${JSON.stringify(d.severity)}; expected info, low, medium, high or critical`);
  if (typeof d.message !== 'string' || d.message === '') bad('has no message');
  if (d.due !== undefined && !isCalendarDate(d.due))
    bad(`has due ${JSON.stringify(d.due)}; expected a calendar date YYYY-MM-DD`);
}

const parameterIndex = new WeakMap<Pack, Map<string, Parameter>>();

/**
 * The pack's parameter `id` as in force on `asOf` with the organisation's overrides: what rules read
 * through ctx.param, and what reports and derived facts read outside an evaluation. Throws
 * UnknownParameterError for an id the pack does not declare, ParameterNotInForceError when no value is
 * in force.
 */
export function parameterInForce<T = unknown>(
  pack: Pack,
  id: string,
  asOf: CalendarDate,
  overrides?: readonly ParameterOverride[],
): ResolvedParameter<T> {
  let index = parameterIndex.get(pack);
  if (index === undefined) {
    index = new Map(pack.parameters.map((p) => [p.id, p]));
    parameterIndex.set(pack, index);
  }
  const p = index.get(id) as Parameter<T> | undefined;
  if (p === undefined) throw new UnknownParameterError(id, pack.manifest.id, [...index.keys()]);
  const resolved = resolveParameter(p, asOf, overrides);
  if (resolved === undefined) throw new ParameterNotInForceError(id, asOf, p.values[0]?.from);
  return resolved;
}

export function evaluate(pack: Pack, caseKind: string, facts: unknown, opts: EvaluateOptions): Evaluation {
  const packId = pack.manifest.id;
  const kind = Object.hasOwn(pack.caseKinds, caseKind) ? pack.caseKinds[caseKind] : undefined;
  if (kind === undefined) throw new UnknownCaseKindError(packId, caseKind, Object.keys(pack.caseKinds));
  const asOf = parseDate(opts.asOf, 'asOf');

  const parsed = kind.schema.safeParse(facts);
  if (!parsed.success) {
    throw new FactsInvalidError(
      caseKind,
      parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
    );
  }

  let applying = pack.rules.filter((r) => r.appliesTo.includes(caseKind));
  if (opts.only !== undefined) {
    const only = opts.only;
    const missing = only.filter((id) => !applying.some((r) => r.id === id));
    if (missing.length > 0) {
      throw new UnknownRuleError(
        `pack "${packId}" has no rule ${missing.map((m) => `"${m}"`).join(', ')} for case kind "${caseKind}"; its rules for that case kind are: ${applying.map((r) => r.id).join(', ') || 'none'}`,
        { pack: packId, caseKind, missing },
      );
    }
    applying = applying.filter((r) => only.includes(r.id));
  }
  const inForce = applying.filter((r) => ruleInForce(r, asOf));
  if (inForce.length === 0) throw noRuleInForce(pack, caseKind, asOf, applying);

  const fiscalYear = pack.fiscalYear ?? { startMonth: 1 };
  const findings: Finding[] = [];
  const values: Record<string, Record<string, unknown>> = {};

  for (const rule of inForce) {
    const recorder = recordReads(parsed.data);
    const used = new Map<string, ResolvedParameter>();
    const ctx: RuleContext = {
      asOf,
      ...(opts.org === undefined ? {} : { org: opts.org }),
      fiscalYear: { ...fiscalYear },
      param<T = unknown>(id: string): T {
        const resolved = parameterInForce<T>(pack, id, asOf, opts.overrides);
        if (!used.has(id)) used.set(id, resolved);
        // the pack declares the parameter's unit; the caller names the matching TypeScript type
        return resolved.value as T;
      },
    };

    let drafts: FindingDraft[];
    try {
      drafts = rule.evaluate(recorder.root, ctx);
    } catch (e) {
      if (e instanceof ProbityError) throw e;
      throw new RuleFailedError(rule.id, caseKind, e);
    }
    if (!Array.isArray(drafts))
      throw new RuleFailedError(
        rule.id,
        caseKind,
        new Error('it returned something other than an array of findings'),
      );

    const readFacts = recorder.reads();
    const trace = (): Trace => ({
      facts: { ...readFacts },
      parameters: [...used.values()].map((p) => ({ ...p })),
    });

    drafts.forEach((d, i) => {
      checkDraft(rule, caseKind, d, i);
      const own =
        d.values === undefined ? undefined : (recorder.toPlain(d.values) as Record<string, unknown>);
      findings.push({
        rule: rule.id,
        kind: d.kind,
        severity: d.severity ?? defaultSeverity(d.kind),
        message: d.message,
        citations: (d.citations ?? rule.citations).map((c) => ({ ...c })),
        ...(d.subject === undefined ? {} : { subject: String(d.subject) }),
        ...(d.due === undefined ? {} : { due: d.due }),
        ...(own === undefined ? {} : { values: own }),
        trace: trace(),
      });
      if (d.kind === 'value' && own !== undefined) values[rule.id] = { ...values[rule.id], ...own };
    });
  }

  return {
    pack: { id: packId, version: pack.manifest.version },
    caseKind,
    asOf,
    ...(opts.org === undefined ? {} : { org: opts.org }),
    findings,
    values,
    rules: applying.map((r) => ({ id: r.id, title: r.title, inForce: ruleInForce(r, asOf) })),
  };
}
