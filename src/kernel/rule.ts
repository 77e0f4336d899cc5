// A rule is a pure function from validated facts, parameters and an as-of date to findings, with a
// stable id, citations and an effective range.
import type { Citation } from './citation.ts';
import { type CalendarDate, isCalendarDate } from './date.ts';
import { PackDefinitionError } from './errors.ts';
import type { FindingDraft } from './finding.ts';
import type { FiscalYearConfig } from './period.ts';

export interface RuleContext {
  asOf: CalendarDate;
  org?: string;
  /** The parameter's value in force on asOf. Throws UnknownParameterError for an id the pack does
   * not declare and ParameterNotInForceError when no value is in force; each read joins the trace. */
  param<T = unknown>(id: string): T;
  fiscalYear: FiscalYearConfig;
}

export interface Rule<F = unknown> {
  id: string;
  title: string;
  citations: Citation[];
  /** both ends inclusive; no `to` means still in force */
  effective: { from: CalendarDate; to?: CalendarDate };
  /** the case kinds this rule judges */
  appliesTo: readonly string[];
  // Method syntax on purpose: its parameter is checked bivariantly, so a pack can hold rules over
  // differently-typed facts as Rule<unknown> without `any`; evaluate() passes each rule facts that its
  // case kind's schema has already validated.
  evaluate(facts: F, ctx: RuleContext): FindingDraft[];
}

export interface RuleDefinition<F> extends Omit<Rule<F>, 'effective'> {
  effective: { from: string; to?: string };
}

export function defineRule<F>(r: RuleDefinition<F>): Rule<F> {
  const problems: string[] = [];
  if (r.id.trim() === '') problems.push('the id is empty');
  if (r.citations.length === 0)
    problems.push('it cites nothing; expected at least one citation of the clause it applies');
  if (r.appliesTo.length === 0)
    problems.push('it applies to no case kind; expected at least one in appliesTo');
  if (!isCalendarDate(r.effective.from)) {
    problems.push(
      `effective.from ${JSON.stringify(r.effective.from)} is not a calendar date YYYY-MM-DD that exists`,
    );
  }
  if (r.effective.to !== undefined) {
    if (!isCalendarDate(r.effective.to)) {
      problems.push(
        `effective.to ${JSON.stringify(r.effective.to)} is not a calendar date YYYY-MM-DD that exists`,
      );
    } else if (r.effective.to < r.effective.from) {
      problems.push(
        `effective.to ${r.effective.to} is before effective.from ${r.effective.from}; expected to ≥ from`,
      );
    }
  }
  if (problems.length > 0) throw new PackDefinitionError(`rule "${r.id}"`, problems);
  const effective: Rule<F>['effective'] =
    r.effective.to === undefined
      ? { from: r.effective.from as CalendarDate }
      : { from: r.effective.from as CalendarDate, to: r.effective.to as CalendarDate };
  return { ...r, effective };
}

export function ruleInForce(rule: Pick<Rule<never>, 'effective'>, asOf: CalendarDate): boolean {
  return rule.effective.from <= asOf && (rule.effective.to === undefined || asOf <= rule.effective.to);
}
