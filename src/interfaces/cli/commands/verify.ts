// probity verify: recompute each organisation's hash chain of events and name the first broken link.
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../app/errors.ts';
import { type VerifyResult, verifyChain } from '../../../store/events.ts';
import { organisations } from '../../../store/schema.ts';
import { EXIT, type Io } from '../io.ts';
import { withRuntime } from '../runtime.ts';

export interface VerifyArgs {
  org?: string;
  json?: boolean;
}

export type OrgVerification = { org: string } & VerifyResult;

export function verifyLine(v: OrgVerification): string {
  if (v.ok) {
    return `✔ ${v.org}: ${v.count} event${v.count === 1 ? '' : 's'}, chain intact (head ${v.head.slice(0, 12)}…)`;
  }
  return `✖ ${v.org}: event ${v.seq} (${v.reason}) ${v.message}; the ${v.count} event${v.count === 1 ? '' : 's'} before it verified`;
}

export async function verifyCommand(args: VerifyArgs, io: Io): Promise<number> {
  return withRuntime(io, 'probity verify', async (runtime) => {
    const db = runtime.store.db;
    const orgs = await db
      .select({ id: organisations.id, slug: organisations.slug })
      .from(organisations)
      .where(args.org === undefined ? undefined : eq(organisations.slug, args.org))
      .orderBy(asc(organisations.slug));
    if (args.org !== undefined && orgs.length === 0) {
      const all = await db.select({ slug: organisations.slug }).from(organisations);
      throw new AppError(
        'PRB_NOT_FOUND',
        `There is no organisation "${args.org}" in this store; organisations: ${all.map((o) => o.slug).join(', ') || '(none)'}.`,
      );
    }
    const results: OrgVerification[] = [];
    for (const org of orgs) results.push({ org: org.slug, ...(await verifyChain(db, org.id)) });
    const ok = results.every((r) => r.ok);
    if (args.json) {
      io.out(JSON.stringify({ ok, organisations: results }, null, 2));
    } else if (results.length === 0) {
      io.out('No organisations in the store yet: nothing to verify.');
    } else {
      for (const r of results) io.out(verifyLine(r));
    }
    return ok ? EXIT.ok : EXIT.failed;
  });
}
