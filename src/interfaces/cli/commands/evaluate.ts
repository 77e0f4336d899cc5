import { orgToday, overridesFor } from '../../../app/use-cases/evaluate.ts';
import { type CalendarDate, type Evaluation, evaluate, todayIn } from '../../../kernel/index.ts';
import { findPack } from '../../../packs/registry.ts';
import { readFacts } from '../facts.ts';
import { EXIT, type Io } from '../io.ts';
import { organisationBySlug, withRuntime } from '../runtime.ts';

export interface EvaluateArgs {
  pack: string;
  caseKind: string;
  facts: string;
  asOf?: CalendarDate;
  org?: string;
  failOn?: 'violation';
}

export function localToday(): CalendarDate {
  return todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

export async function evaluateCommand(args: EvaluateArgs, io: Io): Promise<number> {
  // Cheap checks first, so a typo fails at once rather than after the store opens.
  const mod = findPack(args.pack);
  const facts = await readFacts(args.facts, io);
  let evaluation: Evaluation;
  if (args.org === undefined) {
    evaluation = evaluate(mod.pack, args.caseKind, facts, { asOf: args.asOf ?? localToday() });
  } else {
    const slug = args.org;
    evaluation = await withRuntime(io, 'probity evaluate', async (runtime) => {
      const db = runtime.store.db;
      const org = await organisationBySlug(db, slug);
      const overrides = await overridesFor(db, org.id, args.pack);
      return evaluate(findPack(args.pack, runtime.app.packs).pack, args.caseKind, facts, {
        asOf: args.asOf ?? orgToday(org, runtime.app.clock()),
        org: org.slug,
        overrides,
      });
    });
  }
  io.out(JSON.stringify(evaluation, null, 2));
  if (args.failOn === 'violation') {
    const violations = evaluation.findings.filter((f) => f.kind === 'violation');
    if (violations.length > 0) {
      io.err(
        `${violations.length} violation${violations.length === 1 ? '' : 's'}: ${[...new Set(violations.map((v) => v.rule))].join(', ')}`,
      );
      return EXIT.findings;
    }
  }
  return EXIT.ok;
}
