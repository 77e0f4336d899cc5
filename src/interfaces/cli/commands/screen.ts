// probity screen: run a pack's screens over ledger files (a year of disbursements, the purchase-card
// statement, travel claims) and write the report as JSON, CSV or a web page. Needs no database unless
// --org is given for the organisation's parameter overrides; the store is closed again before the files
// are read, so a long screening never holds its lock.
import { constants, createWriteStream } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../../../app/errors.ts';
import { badRowsCsv, reportCsvChunks } from '../../../app/screening/report-csv.ts';
import { reportHtmlChunks, summarySentence } from '../../../app/screening/report-html.ts';
import { reportJsonChunks } from '../../../app/screening/report-json.ts';
import { type ColumnMapping, readMappingFile, screenFiles } from '../../../app/screening/run-files.ts';
import { screenStore } from '../../../app/screening/run-store.ts';
import type { ScreeningProgress, ScreeningReport } from '../../../app/screening/types.ts';
import { overridesFor } from '../../../app/use-cases/evaluate.ts';
import { type CalendarDate, type ParameterOverride, parseDate } from '../../../kernel/index.ts';
import type { PackModule } from '../../../packs/framework.ts';
import { PACKS } from '../../../packs/registry.ts';
import type { Ledger } from '../../../packs/screens.ts';
import { EXIT, type Io } from '../io.ts';
import { organisationBySlug, withRuntime } from '../runtime.ts';

export const SCREEN_FORMATS = ['json', 'csv', 'html'] as const;
export type ScreenFormat = (typeof SCREEN_FORMATS)[number];

export interface ScreenArgs {
  pack: string;
  /** A ledger's option name without dashes ('ledger', 'pcard') → its file. Which ledger an option names
   * depends on the pack (each pack's ledgers declare their options). */
  ledgerFiles: Record<string, string>;
  /** Ledger id=FILE, for any ledger of the pack. */
  input?: readonly string[];
  mapping?: string | undefined;
  from?: CalendarDate | undefined;
  to?: CalendarDate | undefined;
  out: string;
  format?: ScreenFormat | undefined;
  org?: string | undefined;
  maxTransactions?: number | undefined;
  failOn?: 'violation' | 'hit' | undefined;
  /** Screen the organisation's records in the store (the in-database path) instead of files; needs org. */
  store?: boolean | undefined;
}

/** A mistake in the command line found after commander parsed it: printed like commander's, exit 2. */
export class ScreenUsageError extends Error {}

/** The option a ledger's file is named by, without its dashes ('ledger', 'pcard'). */
export function ledgerOptionName(ledger: Ledger): string {
  return ledger.option.replace(/^-+/, '');
}

/** Every ledger of the installed packs, once per option name (two packs may share a ledger's option). */
export function installedLedgerOptions(
  packs: readonly PackModule[] = PACKS,
): { option: string; title: string; packs: string[] }[] {
  const out = new Map<string, { option: string; title: string; packs: string[] }>();
  for (const p of packs)
    for (const l of p.ledgers ?? []) {
      const option = ledgerOptionName(l);
      const seen = out.get(option);
      if (seen) seen.packs.push(p.pack.manifest.id);
      else out.set(option, { option, title: l.title, packs: [p.pack.manifest.id] });
    }
  return [...out.values()];
}

const packsWithScreens = (packs: readonly PackModule[]) =>
  packs.filter((p) => (p.screens?.length ?? 0) > 0).map((p) => p.pack.manifest.id);

function choosePack(id: string, packs: readonly PackModule[]): PackModule {
  const withScreens = packsWithScreens(packs).join(', ') || '(none installed)';
  const found = packs.find((p) => p.pack.manifest.id === id);
  if (!found)
    throw new ScreenUsageError(
      `--pack ${id}: there is no such policy pack; packs with screens: ${withScreens}`,
    );
  if ((found.screens?.length ?? 0) === 0 || (found.ledgers?.length ?? 0) === 0)
    throw new ScreenUsageError(`--pack ${id}: this pack has no screens; packs with screens: ${withScreens}`);
  return found;
}

/** The report format: --format, else the extension of --out (a report on standard output is JSON). */
export function chooseFormat(out: string, format: ScreenFormat | undefined): ScreenFormat {
  if (format !== undefined) return format;
  if (out === '-') return 'json';
  const ext = extname(out).toLowerCase().replace(/^\./, '');
  if (ext === 'htm') return 'html';
  if ((SCREEN_FORMATS as readonly string[]).includes(ext)) return ext as ScreenFormat;
  throw new ScreenUsageError(
    `--out ${out}: cannot tell the report format from ${ext ? `".${ext}"` : 'a name without an extension'}; ` +
      'name the file .json, .csv or .html, or give --format json|csv|html',
  );
}

async function readable(option: string, path: string): Promise<void> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('it is not a file');
    await access(path, constants.R_OK);
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is no such file'
        : (error as NodeJS.ErrnoException).code === 'EACCES'
          ? 'permission denied'
          : (error as Error).message;
    throw new ScreenUsageError(`${option} ${path}: cannot read the file (${why})`);
  }
}

async function writableDirectory(out: string): Promise<void> {
  const dir = dirname(resolve(out));
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    await access(dir, constants.W_OK);
  } catch {
    throw new ScreenUsageError(
      `--out ${out}: cannot write there (the folder ${dir} does not exist or is not writable)`,
    );
  }
}

/** The ledger files by ledger id, each checked readable, from the named options and --input. */
async function ledgerFiles(pack: PackModule, args: ScreenArgs): Promise<Record<string, string>> {
  const ledgers = pack.ledgers ?? [];
  const files: Record<string, string> = {};
  const given: Record<string, string> = {};
  const add = (ledger: string, path: string, option: string) => {
    if (files[ledger] !== undefined)
      throw new ScreenUsageError(
        `${option}: the ${ledger} ledger is already given by ${given[ledger]}; give each ledger once`,
      );
    files[ledger] = path;
    given[ledger] = option;
  };
  const list = ledgers.map((l) => `--${ledgerOptionName(l)} (${l.title})`).join(', ');
  for (const [name, path] of Object.entries(args.ledgerFiles)) {
    const ledger = ledgers.find((l) => ledgerOptionName(l) === name);
    if (!ledger)
      throw new ScreenUsageError(
        `--${name}: pack ${pack.pack.manifest.id} reads no ledger by that option; its ledgers: ${list}`,
      );
    add(ledger.id, path, `--${name}`);
  }
  for (const pair of args.input ?? []) {
    const at = pair.indexOf('=');
    const id = pair.slice(0, Math.max(at, 0));
    if (at < 1 || at === pair.length - 1)
      throw new ScreenUsageError(`--input ${pair}: expected ledger=FILE, e.g. --input disbursements=ap.csv`);
    if (!ledgers.some((l) => l.id === id))
      throw new ScreenUsageError(
        `--input ${pair}: pack ${pack.pack.manifest.id} has no ${id} ledger; its ledgers: ${ledgers.map((l) => l.id).join(', ')}`,
      );
    add(id, pair.slice(at + 1), `--input ${id}=…`);
  }
  if (Object.keys(files).length === 0)
    throw new ScreenUsageError(
      `no ledger file given; pack ${pack.pack.manifest.id} reads ${list} (or --input <ledger>=FILE)`,
    );
  for (const [id, path] of Object.entries(files)) await readable(given[id]!, path);
  return files;
}

interface OrgSettings {
  overrides: ParameterOverride[];
  organisation: { id: string; name: string };
  fiscalYearStartMonth: number;
}

/** The organisation's overrides of the pack's parameters and its fiscal year, read and the store closed. */
function orgSettings(io: Io, slug: string, pack: string): Promise<OrgSettings> {
  return withRuntime(io, 'probity screen', async (runtime) => {
    const db = runtime.store.db;
    const org = await organisationBySlug(db, slug);
    return {
      overrides: await overridesFor(db, org.id, pack),
      organisation: { id: org.id, name: org.name },
      fiscalYearStartMonth: org.fiscalYearStartMonth,
    };
  });
}

/** The organisation's records screened by the database itself (the same screens, PostgreSQL's SQL). */
function storeReport(
  io: Io,
  args: ScreenArgs,
  pack: PackModule,
  onProgress: (p: ScreeningProgress) => void,
): Promise<ScreeningReport> {
  return withRuntime(io, 'probity screen', async (runtime) => {
    const db = runtime.store.db;
    const org = await organisationBySlug(db, args.org as string);
    return screenStore(db, {
      orgId: org.id,
      pack,
      overrides: await overridesFor(db, org.id, args.pack),
      organisation: { id: org.id, name: org.name },
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      ...(args.from ? { from: args.from } : {}),
      ...(args.to ? { to: args.to } : {}),
      ...(args.maxTransactions === undefined ? {} : { maxTransactionsPerHit: args.maxTransactions }),
      onProgress,
    });
  });
}

/** A progress bar on standard error while it is a terminal; nothing otherwise (piped, in CI, in tests). */
function progressBar(): { update(p: ScreeningProgress): void; stop(): void } {
  if (process.stderr.isTTY !== true) return { update() {}, stop() {} };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {message}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const value = Math.round(Math.min(Math.max(p.fraction, 0), 1) * 1000);
      if (!started) {
        bar.start(1000, value, { message: p.message });
        started = true;
      } else bar.update(value, { message: p.message });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function chunksOf(report: ScreeningReport, format: ScreenFormat): Iterable<string> {
  if (format === 'csv') return reportCsvChunks(report);
  if (format === 'html') return reportHtmlChunks(report);
  return reportJsonChunks(report);
}

/** Writes beside the target and renames, so an interrupted run never leaves half a report under its name. */
async function writeReport(path: string, chunks: Iterable<string>): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new AppError(
      'PRB_INPUT_INVALID',
      `Cannot write the report to ${path}: ${(error as Error).message}`,
    );
  }
}

/** The bad rows' own CSV beside a CSV report: report.csv → report.bad-rows.csv. */
export function badRowsPath(out: string): string {
  const ext = extname(out);
  return `${ext ? out.slice(0, -ext.length) : out}.bad-rows.csv`;
}

export async function screenCommand(args: ScreenArgs, io: Io): Promise<number> {
  try {
    return await screen(args, io);
  } catch (error) {
    if (!(error instanceof ScreenUsageError)) throw error;
    io.err(`error: ${error.message}\n(run \`probity screen --help\` for the options)`);
    return EXIT.usage;
  }
}

async function screen(args: ScreenArgs, io: Io): Promise<number> {
  // Every check of the command line first, so a typo fails at once, not after an hour of reading.
  const pack = choosePack(args.pack, PACKS);
  const format = chooseFormat(args.out, args.format);
  if (args.from && args.to && args.from > args.to)
    throw new ScreenUsageError(
      `--from ${args.from} is after --to ${args.to}; give the first date screened first`,
    );
  if (args.store) {
    if (args.org === undefined)
      throw new ScreenUsageError('--store screens an organisation’s records: name it with --org <slug>');
    if (Object.keys(args.ledgerFiles).length > 0 || (args.input ?? []).length > 0 || args.mapping)
      throw new ScreenUsageError(
        '--store reads the records in the store: give no ledger files or mapping with it',
      );
  }
  const files = args.store ? {} : await ledgerFiles(pack, args);
  if (args.mapping !== undefined) await readable('--mapping', args.mapping);
  if (args.out !== '-') await writableDirectory(args.out);
  const mapping: ColumnMapping | undefined =
    args.mapping === undefined ? undefined : await readMappingFile(args.mapping, pack);
  const org = args.org === undefined || args.store ? undefined : await orgSettings(io, args.org, args.pack);

  const progress = progressBar();
  let report: ScreeningReport;
  try {
    report = args.store
      ? await storeReport(io, args, pack, (p) => progress.update(p))
      : await screenFiles({
          pack,
          files,
          ...(mapping ? { mapping } : {}),
          ...(args.from ? { from: args.from } : {}),
          ...(args.to ? { to: args.to } : {}),
          ...(org
            ? {
                overrides: org.overrides,
                organisation: org.organisation,
                fiscalYearStartMonth: org.fiscalYearStartMonth,
              }
            : {}),
          ...(args.maxTransactions === undefined ? {} : { maxTransactionsPerHit: args.maxTransactions }),
          onProgress: (p) => progress.update(p),
        });
  } finally {
    progress.stop();
  }

  // Where a reader finds the bad rows listed: in the report, or for a CSV report in its own file beside it.
  let badRowsAt: string | undefined = format === 'csv' ? undefined : 'the report';
  if (args.out === '-') io.out([...chunksOf(report, format)].join(''));
  else {
    await writeReport(args.out, chunksOf(report, format));
    if (format === 'csv' && report.badRowCount > 0) {
      badRowsAt = badRowsPath(args.out);
      await writeReport(badRowsAt, [badRowsCsv(report)]);
    } else if (format === 'csv') {
      // An earlier run's bad rows beside this report would be read as this run's.
      await rm(badRowsPath(args.out), { force: true });
    }
  }
  const summary = `${summarySentence(report, badRowsAt)}${args.out === '-' ? '' : ` Report: ${args.out}`}`;
  // The summary goes where it does not mix with the report: standard error when the report is on standard output.
  if (args.out === '-') io.err(summary);
  else io.out(summary);

  const failing =
    args.failOn === 'hit'
      ? report.hits
      : args.failOn === 'violation'
        ? report.hits.filter((h) => h.kind === 'violation')
        : [];
  return failing.length > 0 ? EXIT.findings : EXIT.ok;
}

/** A --from/--to date for commander: YYYY-MM-DD that exists, else a usage error naming the option. */
export function screenDate(option: string): (value: string) => CalendarDate {
  return (value) => {
    try {
      return parseDate(value, option);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : 'expected a date YYYY-MM-DD');
    }
  };
}

/** --max-transactions: a whole number from 1. */
export function positiveCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return n;
}

/** How program.ts runs an action: its exit code kept, its error printed. */
export type Act = <A extends unknown[]>(
  fn: (...args: A) => Promise<number | undefined>,
) => (...args: A) => Promise<void>;

/** The options of the command itself; a pack's ledger whose option would clash with one is read with --input. */
const OWN_OPTIONS = new Set([
  'pack',
  'input',
  'mapping',
  'from',
  'to',
  'out',
  'format',
  'org',
  'max-transactions',
  'fail-on',
  'help',
]);

/** Adds `probity screen` to the program, with one option per ledger of the installed packs. */
export function addScreenCommand(
  program: Command,
  act: Act,
  io: Io,
  packs: readonly PackModule[] = PACKS,
): void {
  const withScreens = packsWithScreens(packs).join(', ') || 'none installed';
  const cmd = program
    .command('screen')
    .description(
      'Screen ledger files (disbursements, purchase-card transactions, travel claims, gifts — CSV, TSV or ' +
        'Parquet) with a policy pack’s screens, e.g. split purchases, duplicate payments, card limits, checks ' +
        'to CASH, and write the hits with their citations and transactions as JSON, CSV or a web page. Needs ' +
        'no database unless --org is given.',
    )
    .requiredOption('-p, --pack <pack>', `the policy pack (with screens: ${withScreens})`);
  const ledgerOptions: { option: string; attribute: string }[] = [];
  for (const l of installedLedgerOptions(packs)) {
    if (OWN_OPTIONS.has(l.option)) continue;
    const option = new Option(`--${l.option} <file>`, `the ${l.title} file (${l.packs.join(', ')})`);
    cmd.addOption(option);
    ledgerOptions.push({ option: l.option, attribute: option.attributeName() });
  }
  cmd
    .option('--input <ledger=file...>', 'a ledger’s file by the ledger’s id, e.g. --input travel=claims.csv')
    .option(
      '--mapping <file>',
      'a JSON or YAML file naming, per ledger, the file’s columns, delimiter and date format (docs/cli.md)',
    )
    .option('--from <date>', 'leave out rows dated before this date, YYYY-MM-DD', screenDate('--from'))
    .option('--to <date>', 'leave out rows dated after this date, YYYY-MM-DD', screenDate('--to'))
    .requiredOption(
      '-o, --out <file>',
      'write the report here: .json, .csv or .html (- for JSON on standard output)',
    )
    .addOption(
      new Option('--format <format>', 'the report format, whatever --out is named').choices(SCREEN_FORMATS),
    )
    .option('--org <slug>', 'apply this organisation’s parameter overrides and fiscal year (opens the store)')
    .option('--store', 'screen the organisation’s records kept in Probity (with --org), inside the database')
    .option(
      '--max-transactions <n>',
      'list at most this many transactions of each hit (the rest are counted; default 100)',
      positiveCount,
    )
    .addOption(
      new Option('--fail-on <kind>', 'exit with code 3 when there is a hit of this kind (for CI)').choices([
        'violation',
        'hit',
      ]),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ probity screen --pack lea-finance --ledger ap-fy2026.csv --out report.html
  $ probity screen --pack lea-finance --ledger ap.csv --pcard pcard.csv --travel claims.csv --gifts gifts.csv \\
      --from 2025-07-01 --to 2026-06-30 --org demo --out report.csv
  $ probity screen -p lea-finance --ledger export.txt --mapping columns.yaml --out - | jq '.totals'
  $ probity screen --pack lea-finance --org demo --store --out store-report.html

Exit codes: 0 screened (whatever it found), 1 could not screen (a file the engine cannot read, an unknown
organisation, a store locked), 2 usage error (unknown pack, unreadable file, bad date, unknown report format),
3 --fail-on matched.`,
    )
    .action(
      act(
        (
          opts: Record<string, unknown> & {
            pack: string;
            input?: string[];
            mapping?: string;
            from?: CalendarDate;
            to?: CalendarDate;
            out: string;
            format?: ScreenFormat;
            org?: string;
            maxTransactions?: number;
            failOn?: 'violation' | 'hit';
            store?: boolean;
          },
        ) => {
          const ledgerFiles: Record<string, string> = {};
          for (const { option, attribute } of ledgerOptions) {
            const file = opts[attribute];
            if (typeof file === 'string') ledgerFiles[option] = file;
          }
          return screenCommand(
            {
              pack: opts.pack,
              ledgerFiles,
              input: opts.input ?? [],
              mapping: opts.mapping,
              from: opts.from,
              to: opts.to,
              out: opts.out,
              format: opts.format,
              org: opts.org,
              maxTransactions: opts.maxTransactions,
              failOn: opts.failOn,
              store: opts.store,
            },
            io,
          );
        },
      ),
    );
}
