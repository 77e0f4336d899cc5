// Screening runs in the background: a pack's screens over whole ledgers, either files a person uploads
// (CSV or Parquet, read by DuckDB) or the records the organisation keeps in Probity (read by the store's
// own PostgreSQL). A request only queues a run and answers at once; the process's runner takes the runs
// one at a time, writes their progress to the row (at most every half second) and, at the end, the report
// every download is written from. Uploaded files live in the data directory's screenings/<run id>/ folder
// only until their run ends.
//
// A run that was running when its process stopped (a restart, a crash) is marked failed, saying so,
// when the next runner starts: with the embedded store only one process can hold the store, so every
// run still marked running is such a run; with a PostgreSQL server (several processes) a run is lost
// once its heartbeat, written every 30 s while it runs, is two minutes old.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatMoney, ProbityError, zCalendarDate } from '../../kernel/index.ts';
import type { PackModule } from '../../packs/framework.ts';
import type { Ledger } from '../../packs/screens.ts';
import type { Db } from '../../store/connect.ts';
import { organisations, records, screeningRuns, users } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { newId } from '../auth/secrets.ts';
import { AppError, type FieldIssue, forbidden, InputInvalidError } from '../errors.ts';
import { CSV_CONTENT_TYPE, reportCsvChunks } from '../screening/report-csv.ts';
import { HTML_CONTENT_TYPE, reportHtmlChunks } from '../screening/report-html.ts';
import { JSON_CONTENT_TYPE, reportJsonChunks } from '../screening/report-json.ts';
import type { ColumnMapping, FileScreeningOptions } from '../screening/run-files.ts';
import type { screenStore } from '../screening/run-store.ts';
import type { ScreeningProgress, ScreeningReport } from '../screening/types.ts';
import { defineUseCase, type OrgScope, type Principal } from '../use-case.ts';
import { overridesFor, packOf } from './evaluate.ts';
import { recordEvent } from './events.ts';

/** Largest file one ledger may be uploaded as. */
export const MAX_LEDGER_FILE_BYTES = 2 * 1024 ** 3;
/** Largest mapping (JSON or YAML) an upload may carry. */
export const MAX_MAPPING_BYTES = 1024 ** 2;
/** Progress is written to the run's row at most this often. */
export const PROGRESS_WRITE_MS = 500;
/** A running run writes its heartbeat this often, even while one long query gives no progress. */
export const HEARTBEAT_MS = 30_000;
/** With a PostgreSQL server, a running run whose heartbeat is older than this was lost with its process. */
export const STALE_AFTER_MS = 2 * 60_000;
/** A queued run no process took within this long is given up (its process, and with it the queue, is gone). */
export const QUEUED_GIVE_UP_MS = 24 * 60 * 60_000;
/** Scheduled screening: a new run when the last scheduled one of the organisation and pack is this old.
 * A little under a day, so that a job checking hourly does not drift an hour later every day. */
export const SCHEDULE_AFTER_MS = 23 * 60 * 60_000;
/** Most runs one list returns. */
export const MAX_LIST = 100;

export const SCREENING_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a runner needs of the screening engine (src/app/screening); tests give a stand-in. */
export interface ScreeningEngine {
  screenFiles(opts: FileScreeningOptions): Promise<ScreeningReport>;
  screenStore: typeof screenStore;
  readMappingFile(path: string, pack?: PackModule): Promise<ColumnMapping>;
}

/** The engine, loaded on first use: DuckDB's native library stays out of processes that never screen. */
async function loadEngine(): Promise<ScreeningEngine> {
  const [files, store] = await Promise.all([
    import('../screening/run-files.ts'),
    import('../screening/run-store.ts'),
  ]);
  return {
    screenFiles: files.screenFiles,
    readMappingFile: files.readMappingFile,
    screenStore: store.screenStore,
  };
}

// ---------------------------------------------------------------------------------------------------
// Where uploads are kept

/** The folder holding every run's uploaded files: beside the documents, in the data directory. */
export function screeningsDir(app: App): string {
  return join(dirname(app.store.documentsDir), 'screenings');
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;

function runDir(app: App, id: string): string {
  if (!RUN_ID.test(id)) throw new AppError('PRB_INTERNAL', `Not a screening run id: ${JSON.stringify(id)}`);
  return join(screeningsDir(app), id);
}

/**
 * The name an uploaded ledger file is kept under in its run's folder: the ledger's id and the format the
 * engine reads it as. Parquet is recognised by its first bytes ("PAR1"), whatever the file is called;
 * anything else is delimited text (the engine detects the delimiter), kept as .tsv when so named.
 */
export function storedLedgerName(ledger: string, uploadedName: string, firstBytes: Uint8Array): string {
  const parquet =
    firstBytes.length >= 4 &&
    firstBytes[0] === 0x50 &&
    firstBytes[1] === 0x41 &&
    firstBytes[2] === 0x52 &&
    firstBytes[3] === 0x31;
  if (parquet) return `${ledger}.parquet`;
  return /\.tsv$/i.test(uploadedName) ? `${ledger}.tsv` : `${ledger}.csv`;
}

/** A file name as people wrote it, safe to keep and show: no folders, no control characters, not too long. */
export function uploadedName(name: string | undefined, fallback: string): string {
  const clean = (name ?? '')
    .split(/[\\/]/)
    .at(-1)!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || fallback;
}

// ---------------------------------------------------------------------------------------------------
// Packs and permissions

function screenablePacks(app: App): PackModule[] {
  return app.packs.filter((p) => (p.screens?.length ?? 0) > 0 && (p.ledgers?.length ?? 0) > 0);
}

/** The pack, when it has screens; otherwise a 404 naming the packs that have. */
function screeningPack(app: App, id: string): PackModule & { ledgers: readonly Ledger[] } {
  const mod = packOf(app, id);
  if (!screenablePacks(app).includes(mod)) {
    const have = screenablePacks(app).map((p) => p.pack.manifest.id);
    throw new AppError(
      'PRB_NOT_FOUND',
      `Policy pack "${id}" has no screens; packs with screens: ${have.join(', ') || 'none'}.`,
    );
  }
  return mod as PackModule & { ledgers: readonly Ledger[] };
}

/** The ledgers of a pack that the store can give from its records. */
function storeLedgers(mod: PackModule): Ledger[] {
  return (mod.ledgers ?? []).filter((l) => (l.fromRecords?.length ?? 0) > 0);
}

/**
 * Screening reads an organisation's ledgers whole, across its units, so it needs the permission to read
 * records organisation-wide (every run and report of the organisation is as sensitive as its ledgers).
 */
function requireWholeOrganisation(org: OrgScope, what: string): void {
  if (org.scope('records.read') === 'org') return;
  throw forbidden(
    `To ${what} you need the permission "records.read" across all of ${org.org.name}: screening reads the ` +
      `whole organisation's ledgers, and your roles there grant it in some units only.`,
  );
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new InputInvalidError([
      { path: '/to', message: `must be on or after "from" (${from}), not ${to}` },
    ]);
  }
}

// ---------------------------------------------------------------------------------------------------
// The run as clients see it

const runColumns = {
  orgId: screeningRuns.orgId,
  id: screeningRuns.id,
  pack: screeningRuns.pack,
  source: screeningRuns.source,
  status: screeningRuns.status,
  progress: screeningRuns.progress,
  message: screeningRuns.message,
  requestedBy: screeningRuns.requestedBy,
  scheduled: screeningRuns.scheduled,
  fromDate: screeningRuns.fromDate,
  toDate: screeningRuns.toDate,
  inputs: screeningRuns.inputs,
  createdAt: screeningRuns.createdAt,
  startedAt: screeningRuns.startedAt,
  finishedAt: screeningRuns.finishedAt,
  rows: screeningRuns.rows,
  badRows: screeningRuns.badRows,
  hits: screeningRuns.hits,
  violations: screeningRuns.violations,
  flaggedCents: screeningRuns.flaggedCents,
  error: screeningRuns.error,
};
type RunRow = { [K in keyof typeof runColumns]: (typeof screeningRuns.$inferSelect)[K] };

export interface ScreeningRunView {
  id: string;
  pack: string;
  source: 'upload' | 'store';
  status: ScreeningStatus;
  /** Basis points of the whole run: 0..10000. */
  progress: number;
  message: string;
  scheduled: boolean;
  /** Who asked; null for the schedule and the operator. */
  requestedBy: { id: string; name: string } | null;
  from: string | null;
  to: string | null;
  /** The uploaded files, by ledger (an upload run), with their names as uploaded. */
  files: { ledger: string; name: string; bytes: number }[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Once done: the report's totals. */
  summary: {
    rows: number;
    badRows: number;
    hits: number;
    violations: number;
    flaggedCents: number;
  } | null;
  /** Once failed: why, in words. */
  error: string | null;
}

async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i) => i !== 'system'))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function viewOf(row: RunRow, names: ReadonlyMap<string, string>): ScreeningRunView {
  const done = row.status === 'done';
  return {
    id: row.id,
    pack: row.pack,
    source: row.source as 'upload' | 'store',
    status: row.status as ScreeningStatus,
    progress: row.progress,
    message: row.message,
    scheduled: row.scheduled,
    requestedBy:
      row.requestedBy === 'system'
        ? null
        : { id: row.requestedBy, name: names.get(row.requestedBy) ?? row.requestedBy },
    from: row.fromDate,
    to: row.toDate,
    files: row.inputs.map(({ ledger, name, bytes }) => ({ ledger, name, bytes })),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    summary: done
      ? {
          rows: row.rows ?? 0,
          badRows: row.badRows ?? 0,
          hits: row.hits ?? 0,
          violations: row.violations ?? 0,
          flaggedCents: row.flaggedCents ?? 0,
        }
      : null,
    error: row.error,
  };
}

async function loadRun(db: Db, orgId: string, id: string): Promise<RunRow> {
  const [row] = await db
    .select(runColumns)
    .from(screeningRuns)
    .where(and(eq(screeningRuns.orgId, orgId), eq(screeningRuns.id, id)))
    .limit(1);
  // Another organisation's run is not there, for this organisation.
  if (!row) throw new AppError('PRB_NOT_FOUND', `Screening run "${id}" was not found.`);
  return row;
}

async function viewRun(db: Db, orgId: string, id: string): Promise<ScreeningRunView> {
  const row = await loadRun(db, orgId, id);
  return viewOf(row, await userNames(db, [row.requestedBy]));
}

// ---------------------------------------------------------------------------------------------------
// Creating runs

function requesterOf(principal: Principal): string {
  return principal.via === 'system' ? 'system' : principal.userId;
}

interface NewRun {
  orgId: string;
  id: string;
  pack: string;
  source: 'upload' | 'store';
  requestedBy: string;
  scheduled: boolean;
  from: string | undefined;
  to: string | undefined;
  inputs: { ledger: string; name: string; file: string; bytes: number }[];
  mapping: ColumnMapping | undefined;
}

/** Writes the queued run and its event in one transaction, then hands it to the runner. */
/** Writes the queued run and its event; the caller starts it (`start()`) once it has read what to answer,
 * so a reply says 'queued' even when the runner would claim the run at once (a server's pool can). */
async function queueRun(
  app: App,
  run: NewRun,
  actor: Principal | 'system',
  now: Date,
): Promise<{ start(): void }> {
  await app.store.db.transaction(async (tx) => {
    await tx.insert(screeningRuns).values({
      orgId: run.orgId,
      id: run.id,
      pack: run.pack,
      source: run.source,
      status: 'queued',
      progress: 0,
      message: 'Waiting to start',
      requestedBy: run.requestedBy,
      scheduled: run.scheduled,
      fromDate: run.from ?? null,
      toDate: run.to ?? null,
      inputs: run.inputs,
      mapping: run.mapping ?? null,
      createdAt: now,
    });
    await recordEvent(tx, {
      orgId: run.orgId,
      actor,
      kind: 'screening.requested',
      subject: `screening:${run.id}`,
      payload: {
        pack: run.pack,
        source: run.source,
        scheduled: run.scheduled,
        ...(run.from ? { from: run.from } : {}),
        ...(run.to ? { to: run.to } : {}),
        files: run.inputs.map(({ ledger, name, bytes }) => ({ ledger, name, bytes })),
      },
      at: now,
    });
  });
  return { start: () => screeningRunner(app).enqueue(run.orgId, run.id) };
}

const orgInput = z.object({ org: z.string(), pack: z.string().min(1).max(100) });

/**
 * Before an upload is read: checks the person may screen the pack's ledgers and gives the folder the files
 * go to, so that nobody without the permission can fill the disk. The upload then becomes a run
 * (createUploadScreening) or, if refused, its folder is removed by the caller.
 */
export const beginScreeningUpload = defineUseCase({
  name: 'upload ledgers for screening',
  access: { kind: 'org', permission: 'records.read' },
  input: orgInput,
  async run({ app, org, input }) {
    requireWholeOrganisation(org, 'screen ledgers');
    const mod = screeningPack(app, input.pack);
    const id = newId();
    const dir = runDir(app, id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return {
      id,
      dir,
      ledgers: mod.ledgers.map((l) => ({ id: l.id, title: l.title })),
      maxFileBytes: MAX_LEDGER_FILE_BYTES,
    };
  },
});

const storedFile = z.object({
  name: z.string().min(1).max(255),
  file: z.string().regex(/^[a-z0-9][a-z0-9_-]*\.(csv|tsv|txt|parquet|json|yaml|yml)$/),
  bytes: z.number().int().min(0),
});

export const createUploadScreening = defineUseCase({
  name: 'screen ledger files',
  access: { kind: 'org', permission: 'records.read' },
  input: orgInput.extend({
    /** The id beginScreeningUpload gave: the run's id and its folder. */
    id: z.string().regex(RUN_ID),
    /** Ledger id → the file uploaded for it. */
    files: z.record(z.string().min(1).max(100), storedFile),
    /** A column mapping file (JSON or YAML), in the same folder. */
    mapping: storedFile.optional(),
    from: zCalendarDate.optional(),
    to: zCalendarDate.optional(),
  }),
  async run({ app, org, principal, input, now }) {
    requireWholeOrganisation(org, 'screen ledgers');
    const mod = screeningPack(app, input.pack);
    checkRange(input.from, input.to);
    const dir = runDir(app, input.id);
    const known = mod.ledgers.map((l) => l.id);
    const issues: FieldIssue[] = [];
    const entries = Object.entries(input.files);
    if (entries.length === 0) {
      issues.push({
        path: '/files',
        message: `give at least one ledger file; the ledgers of ${mod.pack.manifest.id} are ${known.join(', ')}`,
      });
    }
    for (const [ledger, f] of entries) {
      if (!known.includes(ledger)) {
        issues.push({
          path: `/files/${ledger}`,
          message: `is not a ledger of ${mod.pack.manifest.id}; its ledgers are ${known.join(', ')}`,
        });
        continue;
      }
      const size = await stat(join(dir, f.file)).then(
        (s) => s.size,
        () => undefined,
      );
      if (size !== f.bytes)
        issues.push({ path: `/files/${ledger}`, message: 'the uploaded file is missing' });
      else if (size === 0) issues.push({ path: `/files/${ledger}`, message: `${f.name} is empty` });
    }
    if (issues.length > 0) throw new InputInvalidError(issues);
    let mapping: ColumnMapping | undefined;
    if (input.mapping) {
      // Read now, so a mistake in it is the request's 400 and not a failed run later.
      try {
        mapping = await (await engineOf(app)).readMappingFile(join(dir, input.mapping.file), mod);
      } catch (error) {
        if (error instanceof InputInvalidError) throw error;
        throw new InputInvalidError([{ path: '/mapping', message: (error as Error).message }]);
      }
    }
    const queued = await queueRun(
      app,
      {
        orgId: org.org.id,
        id: input.id,
        pack: mod.pack.manifest.id,
        source: 'upload',
        requestedBy: requesterOf(principal),
        scheduled: false,
        from: input.from,
        to: input.to,
        inputs: entries.map(([ledger, f]) => ({ ledger, name: f.name, file: f.file, bytes: f.bytes })),
        mapping,
      },
      principal,
      now,
    );
    const view = await viewRun(app.store.db, org.org.id, input.id);
    queued.start();
    return view;
  },
});

export const createStoreScreening = defineUseCase({
  name: 'screen the records in the store',
  access: { kind: 'org', permission: 'records.read' },
  input: orgInput.extend({ from: zCalendarDate.optional(), to: zCalendarDate.optional() }),
  async run({ app, org, principal, input, now }) {
    requireWholeOrganisation(org, 'screen the records');
    const mod = screeningPack(app, input.pack);
    checkRange(input.from, input.to);
    if (storeLedgers(mod).length === 0) {
      throw new InputInvalidError([
        {
          path: '/source',
          message: `${mod.pack.manifest.id} keeps none of its ledgers as records in Probity, so the store has nothing to screen; upload the ledgers as files`,
        },
      ]);
    }
    const id = newId();
    const queued = await queueRun(
      app,
      {
        orgId: org.org.id,
        id,
        pack: mod.pack.manifest.id,
        source: 'store',
        requestedBy: requesterOf(principal),
        scheduled: false,
        from: input.from,
        to: input.to,
        inputs: [],
        mapping: undefined,
      },
      principal,
      now,
    );
    const view = await viewRun(app.store.db, org.org.id, id);
    queued.start();
    return view;
  },
});

// ---------------------------------------------------------------------------------------------------
// Reading runs and reports

export interface ScreeningPackView {
  id: string;
  title: string;
  /** Whether the records in the store can be screened (some ledger is kept as records). */
  store: boolean;
  ledgers: {
    id: string;
    title: string;
    description: string;
    /** Kept as records in Probity. */
    fromRecords: boolean;
    columns: { name: string; title: string; type: string; required: boolean }[];
  }[];
  screens: { id: string; title: string; ledger: string }[];
}

export const listScreenings = defineUseCase({
  name: 'list screening runs',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({
    org: z.string(),
    pack: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIST).default(20),
  }),
  async run({ app, org, input }) {
    requireWholeOrganisation(org, 'see screening runs');
    const db = app.store.db;
    const rows = await db
      .select(runColumns)
      .from(screeningRuns)
      .where(
        and(
          eq(screeningRuns.orgId, org.org.id),
          input.pack === undefined ? undefined : eq(screeningRuns.pack, input.pack),
        ),
      )
      .orderBy(desc(screeningRuns.createdAt), desc(screeningRuns.id))
      .limit(input.limit);
    const names = await userNames(
      db,
      rows.map((r) => r.requestedBy),
    );
    const packs: ScreeningPackView[] = screenablePacks(app).map((mod) => ({
      id: mod.pack.manifest.id,
      title: mod.pack.manifest.title,
      store: storeLedgers(mod).length > 0,
      ledgers: (mod.ledgers ?? []).map((l) => ({
        id: l.id,
        title: l.title,
        description: l.description,
        fromRecords: (l.fromRecords?.length ?? 0) > 0,
        columns: l.columns.map((c) => ({
          name: c.name,
          title: c.title,
          type: c.type,
          required: c.required === true,
        })),
      })),
      screens: (mod.screens ?? []).map((s) => ({ id: s.id, title: s.title, ledger: s.ledger })),
    }));
    return { packs, runs: rows.map((r) => viewOf(r, names)) };
  },
});

const runInput = z.object({ org: z.string(), id: z.string().min(1).max(64) });

export const getScreening = defineUseCase({
  name: 'see a screening run',
  access: { kind: 'org', permission: 'records.read' },
  input: runInput,
  async run({ app, org, input }) {
    requireWholeOrganisation(org, 'see screening runs');
    return viewRun(app.store.db, org.org.id, input.id);
  },
});

export const getScreeningReport = defineUseCase({
  name: 'download a screening report',
  access: { kind: 'org', permission: 'records.read' },
  input: runInput.extend({ format: z.enum(REPORT_FORMATS).default('json') }),
  async run({ app, org, input }) {
    requireWholeOrganisation(org, 'read screening reports');
    const db = app.store.db;
    const run = await loadRun(db, org.org.id, input.id);
    if (run.status !== 'done') {
      const why =
        run.status === 'failed'
          ? `it failed (${run.error ?? 'no reason recorded'}), so it has no report; start a new screening`
          : `it is ${run.status} (${Math.floor(run.progress / 100)}%); its report is ready when it is done`;
      throw new AppError('PRB_SCREENING_NOT_DONE', `Screening run "${run.id}" has no report yet: ${why}.`, {
        status: run.status,
      });
    }
    const [stored] = await db
      .select({ report: screeningRuns.report })
      .from(screeningRuns)
      .where(and(eq(screeningRuns.orgId, org.org.id), eq(screeningRuns.id, input.id)));
    const report = stored?.report as ScreeningReport | null | undefined;
    if (!report) throw new AppError('PRB_INTERNAL', `Screening run "${run.id}" is done but holds no report.`);
    const day = (run.finishedAt ?? run.createdAt).toISOString().slice(0, 10);
    const filename = `screening-${run.pack}-${day}-${run.id}.${input.format}`;
    return { format: input.format, filename, ...reportWriter(input.format, report) };
  },
});

/** The report in a format: its media type and its text, in pieces (a large report is never one string). */
function reportWriter(
  format: ReportFormat,
  report: ScreeningReport,
): { mediaType: string; chunks: Iterable<string> } {
  switch (format) {
    case 'json':
      return { mediaType: JSON_CONTENT_TYPE, chunks: reportJsonChunks(report) };
    case 'csv':
      return { mediaType: CSV_CONTENT_TYPE, chunks: reportCsvChunks(report) };
    case 'html':
      return { mediaType: HTML_CONTENT_TYPE, chunks: reportHtmlChunks(report) };
  }
}

// ---------------------------------------------------------------------------------------------------
// The runner: one run at a time per process, in the order asked

export interface RunnerLog {
  info(line: string): void;
  error(line: string): void;
}

export interface RunnerOptions {
  /** The engine; default src/app/screening, loaded on first use. Tests give a stand-in. */
  engine?: ScreeningEngine;
  /** Where finished runs and unexpected errors are reported (the server's output under `probity serve`). */
  log?: RunnerLog;
  progressEveryMs?: number;
  heartbeatMs?: number;
}

export interface ScreeningRunner {
  /** The run is taken when its turn comes; one already queued here, or taken by another process, is left. */
  enqueue(orgId: string, id: string): void;
  /** Resolves once this process has nothing queued or running (the start-up recovery included). */
  idle(): Promise<void>;
  /** Takes no more runs; a run under way is marked failed, saying the server stopped, and its files removed. */
  stop(): Promise<void>;
  engine(): Promise<ScreeningEngine>;
}

const stderrLog: RunnerLog = {
  info: () => {},
  error: (line) => process.stderr.write(`${line}\n`),
};

const runners = new WeakMap<App, { runner: ScreeningRunner; setLog(log: RunnerLog): void }>();

/**
 * The application's runner, made (and the runs a stopped process left behind recovered) on first use.
 * Options apply when it is made; a later `log` replaces the one before.
 */
export function screeningRunner(app: App, opts: RunnerOptions = {}): ScreeningRunner {
  let entry = runners.get(app);
  if (!entry) {
    entry = createRunner(app, opts);
    runners.set(app, entry);
  } else if (opts.log) {
    entry.setLog(opts.log);
  }
  return entry.runner;
}

function engineOf(app: App): Promise<ScreeningEngine> {
  return screeningRunner(app).engine();
}

function createRunner(app: App, opts: RunnerOptions) {
  let log = opts.log ?? stderrLog;
  const timing = {
    progressEveryMs: opts.progressEveryMs ?? PROGRESS_WRITE_MS,
    heartbeatMs: opts.heartbeatMs ?? HEARTBEAT_MS,
  };
  let enginePromise: Promise<ScreeningEngine> | undefined;
  const engine = () => {
    enginePromise ??= opts.engine ? Promise.resolve(opts.engine) : loadEngine();
    // A failed load (a missing native library) is tried again by the next run.
    enginePromise.catch(() => {
      enginePromise = undefined;
    });
    return enginePromise;
  };
  const queue: { orgId: string; id: string }[] = [];
  let current: { orgId: string; id: string } | undefined;
  let loop: Promise<void> | undefined;
  let stopped = false;
  const same = (a: { orgId: string; id: string } | undefined, orgId: string, id: string) =>
    a !== undefined && a.orgId === orgId && a.id === id;

  const enqueue = (orgId: string, id: string) => {
    if (stopped || same(current, orgId, id) || queue.some((q) => same(q, orgId, id))) return;
    queue.push({ orgId, id });
    kick();
  };
  const recovery: Promise<void> = recoverScreenings(app, { startup: true, resume: enqueue, log }).then(
    () => {},
    (error: unknown) => log.error(`Screening recovery failed: ${(error as Error).message}`),
  );
  const drain = async () => {
    await recovery;
    for (let next = queue.shift(); next !== undefined && !stopped; next = queue.shift()) {
      current = next;
      try {
        await runOne(app, next, { engine, timing, log, stopped: () => stopped });
      } catch (error) {
        log.error(`Screening run ${next.id} could not be run: ${(error as Error).message}`);
      } finally {
        current = undefined;
      }
    }
  };
  function kick() {
    if (stopped || loop) return;
    loop = drain().finally(() => {
      loop = undefined;
      if (queue.length > 0) kick();
    });
  }
  const runner: ScreeningRunner = {
    enqueue,
    engine,
    async idle() {
      await recovery;
      while (loop) await loop;
    },
    async stop() {
      stopped = true;
      queue.length = 0;
      const running = current;
      if (running) {
        await failRun(app, running, 'The server was stopped while this screening ran; start it again.').catch(
          (error: unknown) => log.error(`Screening run ${running.id}: ${(error as Error).message}`),
        );
        await rm(runDir(app, running.id), { recursive: true, force: true }).catch(() => {});
      }
    },
  };
  return {
    runner,
    setLog(next: RunnerLog) {
      log = next;
    },
  };
}

/** A fraction of the run (0..1) as basis points; 100% only once the run is done. */
function progressPoints(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(9_999, Math.max(0, Math.floor(fraction * 10_000)));
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** The one line a finished run shows in lists: what was found, in how much. */
export function doneMessage(report: ScreeningReport): string {
  const t = report.totals;
  const bad =
    report.badRowCount > 0 ? `; ${plural(report.badRowCount, 'row', 'rows')} could not be read` : '';
  const flagged = t.hits > 0 ? `, ${formatMoney(t.flaggedCents)} flagged` : '';
  return `${plural(t.hits, 'hit', 'hits')} (${plural(t.violations, 'violation', 'violations')}${flagged}) in ${plural(t.rows, 'row', 'rows')}${bad}`;
}

/** PostgreSQL refuses the NUL character in jsonb: a ledger holding one keeps it as U+FFFD instead. */
function reportJsonText(report: ScreeningReport): string {
  return JSON.stringify(report, (_key, value: unknown) =>
    typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value,
  );
}

/** Marks a queued or running run failed, with its event, unless it has finished meanwhile. */
async function failRun(app: App, run: { orgId: string; id: string }, error: string): Promise<boolean> {
  const now = app.clock();
  return app.store.db.transaction(async (tx) => {
    const [failed] = await tx
      .update(screeningRuns)
      .set({ status: 'failed', error, message: 'Failed', finishedAt: now, heartbeatAt: now })
      .where(
        and(
          eq(screeningRuns.orgId, run.orgId),
          eq(screeningRuns.id, run.id),
          inArray(screeningRuns.status, ['queued', 'running']),
        ),
      )
      .returning({ pack: screeningRuns.pack, source: screeningRuns.source });
    if (!failed) return false;
    await recordEvent(tx, {
      orgId: run.orgId,
      actor: 'system',
      kind: 'screening.finished',
      subject: `screening:${run.id}`,
      payload: { pack: failed.pack, source: failed.source, status: 'failed', error },
      at: now,
    });
    return true;
  });
}

interface RunContext {
  engine(): Promise<ScreeningEngine>;
  timing: { progressEveryMs: number; heartbeatMs: number };
  log: RunnerLog;
  stopped(): boolean;
}

async function runOne(app: App, target: { orgId: string; id: string }, ctx: RunContext): Promise<void> {
  const db = app.store.db;
  const startedAt = app.clock();
  // Taking the run is one conditional update: of two processes asked to run it, one gets it.
  const [run] = await db
    .update(screeningRuns)
    .set({ status: 'running', startedAt, heartbeatAt: startedAt, progress: 0, message: 'Starting' })
    .where(
      and(
        eq(screeningRuns.orgId, target.orgId),
        eq(screeningRuns.id, target.id),
        eq(screeningRuns.status, 'queued'),
      ),
    )
    .returning();
  if (!run) return;
  const running = and(
    eq(screeningRuns.orgId, run.orgId),
    eq(screeningRuns.id, run.id),
    eq(screeningRuns.status, 'running'),
  );
  const dir = run.source === 'upload' ? runDir(app, run.id) : undefined;

  // Progress: the latest report is written at most every progressEveryMs, one write after another.
  let finished = false;
  let writes: Promise<unknown> = Promise.resolve();
  const write = (values: Partial<typeof screeningRuns.$inferInsert>) => {
    writes = writes
      .then(() => db.update(screeningRuns).set(values).where(running))
      .catch((error: unknown) =>
        ctx.log.error(`Screening run ${run.id}: progress not written: ${(error as Error).message}`),
      );
  };
  let lastWrite = Number.NEGATIVE_INFINITY;
  let pending: ScreeningProgress | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const p = pending;
    pending = undefined;
    if (!p || finished) return;
    lastWrite = performance.now();
    write({
      progress: progressPoints(p.fraction),
      message: p.message.slice(0, 500),
      heartbeatAt: app.clock(),
    });
  };
  const onProgress = (p: ScreeningProgress) => {
    pending = p;
    if (timer || finished) return;
    timer = setTimeout(flush, Math.max(0, lastWrite + ctx.timing.progressEveryMs - performance.now()));
    timer.unref();
  };
  const heartbeat = setInterval(() => {
    if (!finished) write({ heartbeatAt: app.clock() });
  }, ctx.timing.heartbeatMs);
  heartbeat.unref();
  // Once the engine is through, done or not: no more progress, and the uploaded files go before the
  // run says it has ended, so a run shown ended never still holds them.
  const settle = async () => {
    finished = true;
    if (timer) clearTimeout(timer);
    clearInterval(heartbeat);
    await writes;
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => {});
  };

  try {
    const engine = await ctx.engine();
    const [org] = await db.select().from(organisations).where(eq(organisations.id, run.orgId)).limit(1);
    if (!org) throw new AppError('PRB_NOT_FOUND', 'The organisation of this screening no longer exists.');
    const mod = packOf(app, run.pack);
    const common = {
      pack: mod,
      overrides: await overridesFor(db, run.orgId, run.pack),
      fiscalYearStartMonth: (mod.pack.fiscalYear ?? { startMonth: org.fiscalYearStartMonth }).startMonth,
      organisation: { id: org.slug, name: org.name },
      onProgress,
      ...(run.fromDate ? { from: run.fromDate } : {}),
      ...(run.toDate ? { to: run.toDate } : {}),
    };
    let report: ScreeningReport;
    if (dir) {
      const files = Object.fromEntries(run.inputs.map((i) => [i.ledger, join(dir, i.file)]));
      report = await engine.screenFiles({
        ...common,
        files,
        ...(run.mapping ? { mapping: run.mapping as ColumnMapping } : {}),
      });
      // The report names each file as it was uploaded, not as it was kept.
      const names = new Map(run.inputs.map((i) => [i.ledger, i.name]));
      report = {
        ...report,
        inputs: report.inputs.map((i) => ({ ...i, source: names.get(i.ledger) ?? i.source })),
      };
    } else {
      report = await engine.screenStore(db, { orgId: run.orgId, ...common });
    }
    await settle();
    const finishedAt = app.clock();
    const t = report.totals;
    const message = doneMessage(report);
    const done = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(screeningRuns)
        .set({
          status: 'done',
          progress: 10_000,
          message,
          finishedAt,
          heartbeatAt: finishedAt,
          rows: t.rows,
          badRows: report.badRowCount,
          hits: t.hits,
          violations: t.violations,
          flaggedCents: t.flaggedCents,
          report: sql`${reportJsonText(report)}::jsonb`,
        })
        .where(running)
        .returning({ id: screeningRuns.id });
      if (!updated) return false;
      await recordEvent(tx, {
        orgId: run.orgId,
        actor: 'system',
        kind: 'screening.finished',
        subject: `screening:${run.id}`,
        payload: {
          pack: run.pack,
          source: run.source,
          status: 'done',
          rows: t.rows,
          badRows: report.badRowCount,
          hits: t.hits,
          violations: t.violations,
          flaggedCents: t.flaggedCents,
        },
        at: finishedAt,
      });
      return true;
    });
    if (done) ctx.log.info(`Screening ${run.id} (${org.slug}, ${run.pack}, ${run.source}): ${message}.`);
  } catch (error) {
    await settle();
    if (ctx.stopped()) return;
    let reason: string;
    // The engine's messages may name the file by its place on the server: the file's name is enough.
    if (error instanceof ProbityError) reason = error.message.replaceAll(`${runDir(app, run.id)}/`, '');
    else {
      ctx.log.error(`Screening run ${run.id} failed: ${(error as Error).stack ?? String(error)}`);
      reason =
        'The screening stopped on an unexpected error (the server log has the details); start it again, and if it fails again, report it.';
    }
    if (await failRun(app, run, reason)) ctx.log.info(`Screening ${run.id} failed: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Recovery of runs a stopped process left behind

const LOST_RUNNING = 'The server stopped while this screening ran (a restart or a crash); start it again.';
const LOST_FILES =
  'The uploaded files were lost before the screening began (the server stopped); upload them again.';
const NEVER_TAKEN = 'No server took this screening within a day of its request; start it again.';

/**
 * Fails the runs a stopped process left: at start-up of the embedded store every run still marked
 * running (one process holds that store), otherwise those whose heartbeat stopped; queued runs nobody
 * took within a day. At start-up, queued runs whose files are here are resumed. Folders of uploads that
 * never became a run, or whose run has ended, are removed once a day old.
 */
export async function recoverScreenings(
  app: App,
  opts: { startup: boolean; resume?(orgId: string, id: string): void; log?: RunnerLog },
): Promise<{ failed: number; resumed: number }> {
  const db = app.store.db;
  const now = app.clock();
  let failed = 0;
  let resumed = 0;
  const lostRunning =
    opts.startup && app.store.kind === 'pglite'
      ? eq(screeningRuns.status, 'running')
      : and(
          eq(screeningRuns.status, 'running'),
          or(
            lt(screeningRuns.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS)),
            sql`${screeningRuns.heartbeatAt} is null`,
          ),
        );
  const stale = await db
    .select({ orgId: screeningRuns.orgId, id: screeningRuns.id })
    .from(screeningRuns)
    .where(lostRunning);
  for (const run of stale) {
    if (await failRun(app, run, LOST_RUNNING)) failed++;
    await rm(runDir(app, run.id), { recursive: true, force: true }).catch(() => {});
  }
  const queued = await db
    .select({
      orgId: screeningRuns.orgId,
      id: screeningRuns.id,
      source: screeningRuns.source,
      inputs: screeningRuns.inputs,
      createdAt: screeningRuns.createdAt,
    })
    .from(screeningRuns)
    .where(eq(screeningRuns.status, 'queued'))
    .orderBy(asc(screeningRuns.createdAt));
  for (const run of queued) {
    if (run.createdAt.getTime() < now.getTime() - QUEUED_GIVE_UP_MS) {
      if (await failRun(app, run, NEVER_TAKEN)) failed++;
      continue;
    }
    if (!opts.startup) continue;
    const present = await Promise.all(
      run.inputs.map((i) =>
        stat(join(runDir(app, run.id), i.file)).then(
          (s) => s.size === i.bytes,
          () => false,
        ),
      ),
    );
    if (present.every(Boolean)) {
      opts.resume?.(run.orgId, run.id);
      resumed++;
    } else if (app.store.kind === 'pglite') {
      // Another process could hold them only on a shared server store.
      if (await failRun(app, run, LOST_FILES)) failed++;
    }
  }
  await removeOrphanFolders(app, now);
  if (failed > 0)
    opts.log?.info(`Screening: ${plural(failed, 'run', 'runs')} left by a stopped server marked failed.`);
  return { failed, resumed };
}

async function removeOrphanFolders(app: App, now: Date): Promise<void> {
  const root = screeningsDir(app);
  const names = await readdir(root).catch(() => [] as string[]);
  if (names.length === 0) return;
  const live = new Set(
    (
      await app.store.db
        .select({ id: screeningRuns.id })
        .from(screeningRuns)
        .where(inArray(screeningRuns.status, ['queued', 'running']))
    ).map((r) => r.id),
  );
  for (const name of names) {
    if (live.has(name) || !RUN_ID.test(name)) continue;
    const info = await stat(join(root, name)).catch(() => undefined);
    if (info && info.mtime.getTime() < now.getTime() - QUEUED_GIVE_UP_MS) {
      await rm(join(root, name), { recursive: true, force: true }).catch(() => {});
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Scheduled screening of the store

export interface ScheduledRun {
  org: string;
  pack: string;
  id: string;
}

/**
 * Once a day per organisation and pack: a screening of the records in the store, for every organisation
 * that keeps records of the kinds the pack's ledgers are made from (an organisation that does not use the
 * pack has nothing to screen). Also fails the runs stopped processes left behind.
 */
export const scheduleScreenings = defineUseCase({
  name: 'start scheduled screenings',
  access: { kind: 'operator' },
  input: z.object({ org: z.string().min(1).max(100).optional() }),
  async run({ app, input, now }) {
    screeningRunner(app);
    await recoverScreenings(app, { startup: false });
    const db = app.store.db;
    const orgs = await db
      .select({ id: organisations.id, slug: organisations.slug })
      .from(organisations)
      .where(input.org === undefined ? undefined : eq(organisations.slug, input.org))
      .orderBy(asc(organisations.slug));
    if (input.org !== undefined && orgs.length === 0) {
      throw new AppError('PRB_NOT_FOUND', `There is no organisation "${input.org}" in this store.`);
    }
    const cutoff = new Date(now.getTime() - SCHEDULE_AFTER_MS);
    const started: ScheduledRun[] = [];
    for (const mod of screenablePacks(app)) {
      const pack = mod.pack.manifest.id;
      const kinds = [...new Set(storeLedgers(mod).flatMap((l) => (l.fromRecords ?? []).map((f) => f.kind)))];
      if (kinds.length === 0) continue;
      for (const org of orgs) {
        const [uses] = await db
          .select({ id: records.id })
          .from(records)
          .where(and(eq(records.orgId, org.id), eq(records.pack, pack), inArray(records.kind, kinds)))
          .limit(1);
        if (!uses) continue;
        const [recent] = await db
          .select({ id: screeningRuns.id })
          .from(screeningRuns)
          .where(
            and(
              eq(screeningRuns.orgId, org.id),
              eq(screeningRuns.pack, pack),
              eq(screeningRuns.scheduled, true),
              or(gt(screeningRuns.createdAt, cutoff), inArray(screeningRuns.status, ['queued', 'running'])),
            ),
          )
          .limit(1);
        if (recent) continue;
        const id = newId();
        const queued = await queueRun(
          app,
          {
            orgId: org.id,
            id,
            pack,
            source: 'store',
            requestedBy: 'system',
            scheduled: true,
            from: undefined,
            to: undefined,
            inputs: [],
            mapping: undefined,
          },
          'system',
          now,
        );
        queued.start();
        started.push({ org: org.slug, pack, id });
      }
    }
    return { started };
  },
});
