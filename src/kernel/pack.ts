// A pack is one source document made executable: its parameters, rules, case kinds and workflows.
// definePack checks the whole pack at load time so a broken pack fails before it judges anything.
import type { ZodType } from 'zod';
import type { Citation } from './citation.ts';
import { type CalendarDate, isCalendarDate } from './date.ts';
import { PackDefinitionError } from './errors.ts';
import type { Parameter } from './parameter.ts';
import type { FiscalYearConfig } from './period.ts';
import type { Rule } from './rule.ts';
import type { Machine } from './state-machine.ts';

export interface PackManifest {
  id: string;
  title: string;
  version: string;
  source: { document: string; title: string };
  /** the first date the pack's rules judge */
  effective: CalendarDate;
  description?: string;
}

export interface CaseKind<F = unknown> {
  id: string;
  title: string;
  schema: ZodType<F>;
}

export interface Pack {
  manifest: PackManifest;
  parameters: readonly Parameter[];
  // Rule<unknown> holds rules over any facts type: see the note on Rule.evaluate.
  rules: readonly Rule[];
  caseKinds: Readonly<Record<string, CaseKind>>;
  workflows?: Readonly<Record<string, Machine>>;
  /** absolute path of the folder of YAML worked cases */
  casesDir?: string;
  fiscalYear?: FiscalYearConfig;
}

export interface PackDefinition extends Omit<Pack, 'manifest'> {
  manifest: Omit<PackManifest, 'effective'> & { effective: string };
}

export function definePack(p: PackDefinition): Pack {
  const id = p.manifest.id;
  const problems: string[] = [];
  const prefix = `${id}.`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    problems.push(`pack id ${JSON.stringify(id)} should be lower-case letters, digits and hyphens`);
  if (!isCalendarDate(p.manifest.effective)) {
    problems.push(
      `manifest.effective ${JSON.stringify(p.manifest.effective)} is not a calendar date YYYY-MM-DD that exists`,
    );
  }

  const checkCitation = (owner: string, c: Citation): void => {
    if (c.pack !== id)
      problems.push(
        `${owner} cites pack "${c.pack}" (§ ${c.section}); a pack may cite only its own sources, expected pack "${id}"`,
      );
  };

  const paramIds = new Set<string>();
  for (const param of p.parameters) {
    if (paramIds.has(param.id)) problems.push(`parameter id "${param.id}" is declared more than once`);
    paramIds.add(param.id);
    if (!param.id.startsWith(prefix))
      problems.push(`parameter id "${param.id}" should start with "${prefix}"`);
    for (const v of param.values) checkCitation(`parameter "${param.id}" value from ${v.from}`, v.citation);
  }

  const kinds = Object.keys(p.caseKinds);
  for (const [key, kind] of Object.entries(p.caseKinds)) {
    if (kind.id !== key)
      problems.push(`case kind under key "${key}" has id "${kind.id}"; expected the key and the id to match`);
  }

  const ruleIds = new Set<string>();
  for (const rule of p.rules) {
    if (ruleIds.has(rule.id)) problems.push(`rule id "${rule.id}" is declared more than once`);
    if (paramIds.has(rule.id))
      problems.push(`rule id "${rule.id}" is also a parameter id; ids must be unique in the pack`);
    ruleIds.add(rule.id);
    if (!rule.id.startsWith(prefix)) problems.push(`rule id "${rule.id}" should start with "${prefix}"`);
    if (rule.citations.length === 0)
      problems.push(`rule "${rule.id}" cites nothing; expected at least one citation`);
    for (const c of rule.citations) checkCitation(`rule "${rule.id}"`, c);
    for (const k of rule.appliesTo) {
      if (!Object.hasOwn(p.caseKinds, k)) {
        problems.push(
          `rule "${rule.id}" applies to case kind "${k}", which the pack does not declare (declared: ${kinds.join(', ') || 'none'})`,
        );
      }
    }
  }

  for (const [key, machine] of Object.entries(p.workflows ?? {})) {
    if (machine.id !== key)
      problems.push(
        `workflow under key "${key}" has id "${machine.id}"; expected the key and the id to match`,
      );
    for (const t of machine.transitions) {
      if (t.guard === undefined) continue;
      const where = `workflow "${machine.id}" transition "${t.name}"`;
      if (!Object.hasOwn(p.caseKinds, t.guard.caseKind))
        problems.push(
          `${where} is guarded by case kind "${t.guard.caseKind}", which the pack does not declare`,
        );
      for (const r of t.guard.rules) {
        const rule = p.rules.find((x) => x.id === r);
        if (rule === undefined)
          problems.push(`${where} is guarded by rule "${r}", which the pack does not declare`);
        else if (!rule.appliesTo.includes(t.guard.caseKind)) {
          problems.push(
            `${where} is guarded by rule "${r}", which does not apply to case kind "${t.guard.caseKind}"`,
          );
        }
      }
    }
  }

  if (problems.length > 0) throw new PackDefinitionError(`pack "${id}"`, problems);
  return { ...p, manifest: { ...p.manifest, effective: p.manifest.effective as CalendarDate } };
}
