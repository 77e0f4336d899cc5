// The `probity` command line: one commander program whose actions return an exit code (docs/cli.md).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { zOrgSlug } from '../../app/use-cases/organisations.ts';
import { type CalendarDate, parseDate } from '../../kernel/index.ts';
import { PACKS } from '../../packs/registry.ts';
import { demoCommand } from './commands/demo.ts';
import { type EvaluateArgs, evaluateCommand } from './commands/evaluate.ts';
import { type ImportArgs, importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { type OrgCreateArgs, orgCreateCommand } from './commands/org.ts';
import { type RemindArgs, remindCommand } from './commands/remind.ts';
import { type ReportArgs, reportCommand } from './commands/report.ts';
import { addScreenCommand } from './commands/screen.ts';
import { serveCommand } from './commands/serve.ts';
import { verifyCommand } from './commands/verify.ts';
import { formatError, isDebug } from './errors.ts';
import { EXIT, type Io } from './io.ts';

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  return pkg && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
}

function asDate(value: string): CalendarDate {
  try {
    return parseDate(value, '--as-of');
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : 'expected a date YYYY-MM-DD');
  }
}

function asSlug(value: string): string {
  const r = zOrgSlug.safeParse(value);
  if (!r.success) throw new InvalidArgumentError(r.error.issues[0]?.message ?? 'not a slug');
  return value;
}

function asMonth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 12)
    throw new InvalidArgumentError('expected a month number 1 to 12');
  return n;
}

const ENVIRONMENT = `
Environment:
  PROBITY_DATA_DIR  where the embedded store and documents live (default ./data)
  DATABASE_URL      use a PostgreSQL server instead of the embedded store
  PORT, HOST        where \`probity serve\` listens (default 127.0.0.1:3000)
  LOG_LEVEL         fatal|error|warn|info|debug|trace|silent (debug shows stack traces of defects)`;

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;

/**
 * Builds the program. `result.code` receives the exit code of the action that ran; it stays undefined
 * for `serve`, which keeps the process running.
 */
export function buildProgram(io: Io, result: { code?: number }): Command {
  const act =
    <A extends unknown[]>(fn: (...args: A) => Promise<number | undefined>) =>
    async (...args: A): Promise<void> => {
      try {
        const code = await fn(...args);
        if (code !== undefined) result.code = code;
      } catch (error) {
        io.err(formatError(error, { debug: isDebug(io.env) }));
        result.code = EXIT.failed;
      }
    };

  const program = new Command('probity')
    .description(
      'Probity: compliance operations — policies as executable, citable rules with a tamper-evident log.',
    )
    .version(version(), '-V, --version', 'print the version of Probity')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .showHelpAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .addHelpText(
      'after',
      `${ENVIRONMENT}\n\nExit codes: 0 ok, 1 the command failed, 2 usage error, 3 violations found (evaluate --fail-on).`,
    );

  program
    .command('serve')
    .description(
      'Start the HTTP API and web UI. On the first start of an empty store it creates the demo organisation ' +
        'and prints its administrator’s one-time password, once.',
    )
    .addHelpText(
      'after',
      `${examples('probity serve', 'PORT=8080 PROBITY_DATA_DIR=/var/lib/probity probity serve')}${ENVIRONMENT}`,
    )
    .action(
      act(async () => {
        await serveCommand(io);
        return undefined;
      }),
    );

  program
    .command('migrate')
    .description(
      'Bring the store’s schema up to date (every command also does this when it opens the store).',
    )
    .addHelpText(
      'after',
      examples('probity migrate', 'DATABASE_URL=postgres://probity@db/probity probity migrate'),
    )
    .action(act(() => migrateCommand(io)));

  const packIds = PACKS.map((p) => p.pack.manifest.id).join(', ');
  program
    .command('evaluate')
    .description(
      'Evaluate one case against a policy pack’s rules in force on a date and print the findings, with ' +
        'citations and traces, as JSON (docs/evaluation-output.md). Needs no database unless --org is given.',
    )
    .requiredOption('-p, --pack <pack>', `the policy pack (installed: ${packIds})`)
    .requiredOption('-c, --case <kind>', 'the case kind, e.g. disbursement')
    .requiredOption(
      '-f, --facts <file>',
      'the facts: a .json or .yaml/.yml file, or - for JSON on standard input',
    )
    .option(
      '--as-of <date>',
      'decide as of this date, YYYY-MM-DD (default: today in this machine’s time zone)',
      asDate,
    )
    .option(
      '--org <slug>',
      'apply this organisation’s parameter overrides (opens the store; the default date is then today in its time zone)',
    )
    .addOption(
      new Option('--fail-on <kind>', 'exit with code 3 when a finding of this kind exists').choices([
        'violation',
      ]),
    )
    .addHelpText(
      'after',
      `${examples(
        'probity evaluate --pack sample --case disbursement --facts case.json',
        'probity evaluate --pack sample --case disbursement --facts case.yaml --as-of 2026-07-01',
        `echo '{"fund":"Front office","purpose":"Postage","amountCents":12000,"paidOn":"2026-06-30","hasReceipt":true,"requestedBy":"Dana","custodian":"Dana","approvedBy":"Lee"}' \\\n      | probity evaluate -p sample -c disbursement -f - --fail-on violation`,
        'probity evaluate -p sample -c disbursement -f case.json --org demo',
      )}\n\nExit codes: 0 evaluated (whatever the findings), 1 could not evaluate, 2 usage error, 3 --fail-on matched.`,
    )
    .action(
      act((opts: Omit<EvaluateArgs, 'caseKind'> & { case: string }) =>
        evaluateCommand({ ...opts, caseKind: opts.case }, io),
      ),
    );

  addScreenCommand(program, act, io);

  program
    .command('verify')
    .description(
      'Recompute the hash chain of every organisation’s event log (or one) and report the first altered, ' +
        'missing or out-of-order event.',
    )
    .option('--org <slug>', 'verify only this organisation')
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      `${examples('probity verify', 'probity verify --org demo --json')}\n\nExit codes: 0 every chain intact, 1 a chain is broken (or the store could not be opened), 2 usage error.`,
    )
    .action(
      act((opts: { org?: string; json?: boolean }) =>
        verifyCommand({ org: opts.org, json: opts.json === true }, io),
      ),
    );

  program
    .command('import')
    .description(
      'Create records from a CSV file (one row per record, one column per field of the kind; money as ' +
        '1234.56 or $1,234.56, dates YYYY-MM-DD or M/D/YYYY, yes/no). Every row is checked first; the file ' +
        'is imported whole or not at all. A "state" column (or --state) imports history, e.g. past purchases ' +
        'already paid. Get the columns with GET /api/v1/orgs/<org>/records/import-template?pack=&kind=.',
    )
    .requiredOption('--org <slug>', 'the organisation')
    .requiredOption('-p, --pack <pack>', `the policy pack (installed: ${packIds})`)
    .requiredOption('-k, --kind <kind>', 'the record kind, e.g. vendor or requisition')
    .argument('<file>', 'the CSV file, or - for standard input')
    .option('--unit <name>', 'put the records in this unit (name or id)')
    .option('--state <state>', 'the workflow state of rows without a state column (default: the first)')
    .option('--dry-run', 'check every row and report; write nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples(
        'probity import --org demo --pack lea-finance --kind vendor vendors.csv',
        'probity import --org demo --pack lea-finance --kind requisition --state paid purchases-fy2026.csv --dry-run',
      )}\n\nExit codes: 0 imported (or valid, with --dry-run), 1 nothing imported (each problem named by line and column), 2 usage error.`,
    )
    .action(
      act((file: string, opts: Omit<ImportArgs, 'file'> & { dryRun?: boolean }) =>
        importCommand({ ...opts, file, dryRun: opts.dryRun === true, json: opts.json === true }, io),
      ),
    );

  program
    .command('report')
    .description(
      "Print a pack's generated document for an organisation — e.g. lea-finance's decision-chart (the " +
        'Decision Chart for Purchasing Thresholds), vendor-spend, reconciliation-status — from the parameters ' +
        'in force with its overrides, as text, JSON or a PDF file.',
    )
    .requiredOption('--org <slug>', 'the organisation')
    .requiredOption('-p, --pack <pack>', `the policy pack (installed: ${packIds})`)
    .argument('<report>', 'the report id')
    .option('--as-of <date>', 'the date whose parameters apply, YYYY-MM-DD (default: today)', asDate)
    .option('--input <name=value...>', 'the report’s own inputs, e.g. fiscalYear=FY2027')
    .option('--pdf <file>', 'write the PDF to this file')
    .option('--json', 'print the document as JSON')
    .addHelpText(
      'after',
      examples(
        'probity report --org demo --pack lea-finance decision-chart',
        'probity report --org demo --pack lea-finance decision-chart --as-of 2026-07-01 --pdf chart.pdf',
        'probity report --org demo --pack lea-finance vendor-spend --input fiscalYear=FY2027 --json',
      ),
    )
    .action(
      act((name: string, opts: Omit<ReportArgs, 'report'>) =>
        reportCommand({ ...opts, report: name, json: opts.json === true }, io),
      ),
    );

  program
    .command('demo')
    .description(
      'Create the demo organisation if the store has none (printing its administrator’s one-time password, ' +
        'once) and load the demo records of every installed pack not loaded before.',
    )
    .addHelpText('after', examples('probity demo', 'PROBITY_DATA_DIR=/tmp/probity-demo probity demo'))
    .action(act(() => demoCommand(io)));

  program
    .command('remind')
    .description(
      'Send the deadline reminders due today (7 days and 1 day before a record’s due date, on the day, and ' +
        'every 7 days overdue as an escalation to the administrators) in every organisation or one, and ' +
        'print them. The server does this by itself every hour; sending twice writes nothing new.',
    )
    .option('--org <slug>', 'only this organisation')
    .option(
      '--as-of <date>',
      'remind as of this date, YYYY-MM-DD (default: each organisation’s today)',
      asDate,
    )
    .option('--dry-run', 'print what would be sent; write nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples('probity remind', 'probity remind --org demo --dry-run', 'probity remind --org demo --as-of 2026-09-01 --json')}\n\nExit codes: 0 done (whether or not anything was due), 1 could not run (unknown organisation, store locked), 2 usage error.`,
    )
    .action(
      act((opts: { org?: string; asOf?: RemindArgs['asOf']; dryRun?: boolean; json?: boolean }) =>
        remindCommand(
          { org: opts.org, asOf: opts.asOf, dryRun: opts.dryRun === true, json: opts.json === true },
          io,
        ),
      ),
    );

  const org = program
    .command('org')
    .description('Manage organisations (tenants) of this installation.')
    .helpOption('-h, --help', 'show help for a command');
  org
    .command('create')
    .description(
      'Create an organisation. With --admin-email its administrator is that account, or a new account whose ' +
        'one-time password is printed once and must be changed at the first sign-in.',
    )
    .requiredOption(
      '--slug <slug>',
      'its short name in URLs: 2-40 lowercase letters, digits and hyphens',
      asSlug,
    )
    .requiredOption('--name <name>', 'its full name, e.g. "Lincoln Unified School District"')
    .option('--admin-email <email>', 'make this person its administrator (an existing account, or a new one)')
    .option(
      '--admin-name <name>',
      'the display name of a new administrator account (default: from the e-mail)',
    )
    .option('--time-zone <zone>', 'its IANA time zone, which decides its "today" (default America/Denver)')
    .option(
      '--fiscal-year-start <month>',
      'the month its fiscal year starts, 1-12 (default 7, July)',
      asMonth,
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `${examples(
        'probity org create --slug lincoln-usd --name "Lincoln Unified School District" --admin-email dana@lincoln.example.org',
        'probity org create --slug state-audit --name "State Audit Office" --time-zone America/New_York --fiscal-year-start 10 --json',
      )}\n\nExit codes: 0 created, 1 could not create (slug taken, invalid e-mail or time zone, store locked), 2 usage error.`,
    )
    .action(act((opts: OrgCreateArgs) => orgCreateCommand(opts, io)));

  return program;
}

/** Runs the command line (arguments after the program name). Undefined: keep running (serve). */
export async function runCli(args: readonly string[], io: Io): Promise<number | undefined> {
  const result: { code?: number } = {};
  const program = buildProgram(io, result);
  if (args.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; everything else commander reports is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.err(formatError(error, { debug: isDebug(io.env) }));
    return EXIT.failed;
  }
  return result.code;
}
