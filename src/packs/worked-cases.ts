// Worked cases are data next to the rules (OpenFisca's YAML tests): each file lists cases with a sentence
// name, an as-of date, facts and the findings expected by rule id. One generic test runs them all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  type Evaluation,
  evaluate,
  type Finding,
  type Pack,
  ProbityError,
  parseDate,
} from '../kernel/index.ts';

const expectedFinding = z
  .object({
    kind: z.enum(['violation', 'requirement', 'deadline', 'value', 'notice']),
    severity: z.enum(['info', 'low', 'medium', 'high', 'critical']).optional(),
    due: z.string().optional(),
    subject: z.string().optional(),
    /** Each listed value must equal the finding's value (other values are not compared). */
    values: z.record(z.string(), z.unknown()).optional(),
    /** A regular expression the message must match. */
    message: z.string().optional(),
  })
  .strict();

const workedCase = z
  .object({
    name: z.string().min(10, 'name the case as a sentence'),
    asOf: z.string(),
    org: z.string().optional(),
    facts: z.unknown(),
    overrides: z
      .array(
        z
          .object({ parameterId: z.string(), from: z.string(), value: z.unknown(), reason: z.string() })
          .strict(),
      )
      .optional(),
    /** rule id → exactly the findings that rule must return ([] = none). */
    expect: z.record(z.string(), z.array(expectedFinding)).optional(),
    /** the evaluation must fail with this error code (e.g. PRB_FACTS_INVALID) */
    error: z.string().optional(),
    /** for an error: each field path that must be named */
    errorPaths: z.array(z.string()).optional(),
  })
  .strict()
  .refine((c) => (c.expect === undefined) !== (c.error === undefined), 'give either expect or error');

const casesFile = z.object({ caseKind: z.string(), cases: z.array(workedCase).min(1) }).strict();

export type WorkedCase = z.infer<typeof workedCase>;
export interface WorkedCaseFile {
  file: string;
  caseKind: string;
  cases: WorkedCase[];
}

export function loadWorkedCases(pack: Pack): WorkedCaseFile[] {
  if (!pack.casesDir) return [];
  const files = readdirSync(pack.casesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((file) => {
    const parsed = casesFile.safeParse(
      parse(readFileSync(join(pack.casesDir!, file), 'utf8'), { merge: true }),
    );
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new ProbityError(
        'PRB_PACK_DEFINITION',
        `worked cases ${file} of pack ${pack.manifest.id}: ${problems}`,
      );
    }
    return { file, ...parsed.data };
  });
}

function matches(exp: z.infer<typeof expectedFinding>, f: Finding): boolean {
  if (exp.kind !== f.kind) return false;
  if (exp.severity !== undefined && exp.severity !== f.severity) return false;
  if (exp.due !== undefined && exp.due !== f.due) return false;
  if (exp.subject !== undefined && exp.subject !== f.subject) return false;
  if (exp.message !== undefined && !new RegExp(exp.message).test(f.message)) return false;
  for (const [k, v] of Object.entries(exp.values ?? {})) {
    if (!isDeepStrictEqual(v, f.values?.[k])) return false;
  }
  return true;
}

/** Runs one case; returns the problems found (empty when the case passes). */
export function checkWorkedCase(pack: Pack, caseKind: string, c: WorkedCase): string[] {
  let result: Evaluation;
  try {
    result = evaluate(pack, caseKind, c.facts, {
      asOf: parseDate(c.asOf, 'asOf'),
      ...(c.org ? { org: c.org } : {}),
      ...(c.overrides
        ? { overrides: c.overrides.map((o) => ({ ...o, from: parseDate(o.from, 'overrides.from') })) }
        : {}),
    });
  } catch (error) {
    if (c.error && error instanceof ProbityError && error.code === c.error) {
      const text = JSON.stringify(error.details ?? {}) + error.message;
      return (c.errorPaths ?? [])
        .filter((p) => !text.includes(p))
        .map((p) => `the error does not name the field ${p}`);
    }
    return [`evaluation failed: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (c.error) return [`expected error ${c.error} but the evaluation succeeded`];
  const problems: string[] = [];
  for (const [ruleId, expected] of Object.entries(c.expect ?? {})) {
    if (!pack.rules.some((r) => r.id === ruleId)) {
      problems.push(`expects findings of rule ${ruleId}, which the pack does not have`);
      continue;
    }
    const actual = result.findings.filter((f) => f.rule === ruleId);
    const unmatched = [...actual];
    for (const exp of expected) {
      const i = unmatched.findIndex((f) => matches(exp, f));
      if (i < 0) problems.push(`${ruleId}: no finding matches ${JSON.stringify(exp)}`);
      else unmatched.splice(i, 1);
    }
    for (const f of unmatched) {
      problems.push(
        `${ruleId}: unexpected ${f.kind} finding "${f.message}" values=${JSON.stringify(f.values ?? {})}`,
      );
    }
  }
  return problems;
}
