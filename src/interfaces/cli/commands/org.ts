// probity org create: a new organisation (a tenant), optionally with its administrator.
import { execute, OPERATOR } from '../../../app/use-case.ts';
import {
  type CreateOrganisationResult,
  createOrganisationUseCase,
} from '../../../app/use-cases/organisations.ts';
import { EXIT, type Io } from '../io.ts';
import { withRuntime } from '../runtime.ts';

export interface OrgCreateArgs {
  slug: string;
  name: string;
  adminEmail?: string;
  adminName?: string;
  timeZone?: string;
  fiscalYearStart?: number;
  json?: boolean;
}

export function orgCreatedText(r: CreateOrganisationResult): string {
  const lines = [`Organisation "${r.org.slug}" (${r.org.name}) created; time zone ${r.org.timeZone}.`];
  if (!r.admin) {
    lines.push(
      'It has no administrator: nobody can sign in to it. Run the command with --admin-email to create one.',
    );
  } else if (r.admin.oneTimePassword === undefined) {
    lines.push(`Administrator: ${r.admin.email} (an existing account; its password is unchanged).`);
  } else {
    const rule = '─'.repeat(72);
    lines.push(
      rule,
      `  Administrator       ${r.admin.email} (a new account, "${r.admin.displayName}")`,
      `  One-time password:  ${r.admin.oneTimePassword}`,
      '  This password is shown once and is not stored; it must be changed at the first',
      '  sign-in.',
      rule,
    );
  }
  return lines.join('\n');
}

export async function orgCreateCommand(args: OrgCreateArgs, io: Io): Promise<number> {
  return withRuntime(io, 'probity org create', async (runtime) => {
    // An option not given is undefined: the use case's defaults apply (America/Denver, July).
    const result = await execute(runtime.app, createOrganisationUseCase, OPERATOR, {
      slug: args.slug,
      name: args.name,
      adminEmail: args.adminEmail,
      adminName: args.adminName,
      timeZone: args.timeZone,
      fiscalYearStartMonth: args.fiscalYearStart,
    });
    io.out(args.json ? JSON.stringify(result, null, 2) : orgCreatedText(result));
    return EXIT.ok;
  });
}
