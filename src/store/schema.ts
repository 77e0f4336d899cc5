// The relational schema. Every tenant-owned table carries org_id and leads its primary key and indexes
// with it, so the tables can be distributed by org_id on Citus (docs/scaling.md). The identity tables
// (organisations, users, sessions, api_tokens) are global: on Citus they are reference tables.
// Money is bigint cents and percentages integer basis points: no real/float column anywhere.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  // The month the organisation's fiscal year starts (the LEA's runs July 1 – June 30).
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(7),
  timeZone: text('time_zone').notNull().default('America/Denver'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const orgUnits = pgTable(
  'org_units',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('org_units_name').on(t.orgId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email').on(sql`lower(${t.email})`)],
);

export const roleMemberships = pgTable(
  'role_memberships',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').notNull(),
    // NULL: the role holds across the whole organisation; otherwise only within this unit.
    unitId: text('unit_id'),
    grantedBy: text('granted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('role_memberships_user').on(t.orgId, t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a stolen database does not yield live sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    // First characters of the token, shown in lists so a person can tell tokens apart.
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

// The append-only, hash-chained event log. One chain per organisation: seq counts from 1 and
// hash = sha256(prev_hash || canonical JSON of the event). A trigger (migration 0001) refuses UPDATE
// and DELETE.
export const events = pgTable(
  'events',
  {
    orgId: text('org_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    index('events_subject').on(t.orgId, t.subject, t.seq),
    index('events_kind').on(t.orgId, t.kind, t.seq),
  ],
);

export const documents = pgTable(
  'documents',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    // unmarked | sensitive | cui (controlled unclassified information)
    sensitivity: text('sensitivity').notNull().default('unmarked'),
    // Roles that may read a marked document besides its uploader and the organisation's admins.
    readerRoles: jsonb('reader_roles').$type<string[]>().notNull().default([]),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('documents_sha').on(t.orgId, t.sha256)],
);

export const documentLinks = pgTable(
  'document_links',
  {
    orgId: text('org_id').notNull(),
    documentId: text('document_id').notNull(),
    recordId: text('record_id').notNull(),
    linkedBy: text('linked_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.documentId, t.recordId] }),
    index('document_links_record').on(t.orgId, t.recordId),
  ],
);

// Organisation overrides of pack parameters: a new value from a date (kernel resolveParameter).
export const parameterOverrides = pgTable(
  'parameter_overrides',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    pack: text('pack').notNull(),
    parameterId: text('parameter_id').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    value: jsonb('value').notNull(),
    reason: text('reason').notNull(),
    setBy: text('set_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('parameter_overrides_param').on(t.orgId, t.pack, t.parameterId),
  ],
);

// The records packs keep (requisitions, audits, effort reports, inspections): one generic table, the
// pack's Zod schema validates `data`, its state machine governs `state`.
export const records = pgTable(
  'records',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    pack: text('pack').notNull(),
    kind: text('kind').notNull(),
    unitId: text('unit_id'),
    title: text('title').notNull(),
    state: text('state').notNull(),
    data: jsonb('data').notNull(),
    // Next deadline the rules set, for dashboards and reminders.
    dueOn: date('due_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('records_kind').on(t.orgId, t.pack, t.kind, t.updatedAt),
    index('records_due').on(t.orgId, t.dueOn),
  ],
);

// A person's private iCalendar feed of an organisation's deadlines. Calendar apps send no cookie or
// header, so the feed URL carries a secret; only its SHA-256 is stored (as for API tokens). One active
// feed per person and organisation: creating another revokes the one before.
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    userId: text('user_id').notNull(),
    // First characters of the secret, so a person can tell which URL a calendar app holds.
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('calendar_feeds_token').on(t.orgId, t.tokenHash),
    index('calendar_feeds_user').on(t.orgId, t.userId),
  ],
);

// Screening runs: a pack's screens over whole ledgers, from uploaded files or the organisation's records,
// run in the background by the server (src/app/use-cases/screenings.ts). The row carries the run's
// progress while it runs and its report once done. Uploaded files are kept under the data directory only
// until the run ends; `inputs` names them (never a path).
export const screeningRuns = pgTable(
  'screening_runs',
  {
    orgId: text('org_id').notNull(),
    id: text('id').notNull(),
    pack: text('pack').notNull(),
    // upload | store
    source: text('source').notNull(),
    // queued | running | done | failed
    status: text('status').notNull().default('queued'),
    // Basis points of the whole run (0..10000): an integer, like every other fraction here.
    progress: integer('progress').notNull().default(0),
    message: text('message').notNull().default(''),
    // The person who asked (a user id), or 'system' for the schedule and the operator.
    requestedBy: text('requested_by').notNull(),
    scheduled: boolean('scheduled').notNull().default(false),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    // Per ledger: the file's name as uploaded, the name it is kept under in the run's folder, its size.
    inputs: jsonb('inputs')
      .$type<{ ledger: string; name: string; file: string; bytes: number }[]>()
      .notNull()
      .default([]),
    // The column mapping given with an upload (run-files.ts ColumnMapping), as read.
    mapping: jsonb('mapping'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    // Written at least every 30 s while the run runs: a run that stops beating was lost with its process.
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    rows: bigint('rows', { mode: 'number' }),
    badRows: bigint('bad_rows', { mode: 'number' }),
    hits: integer('hits'),
    violations: integer('violations'),
    flaggedCents: bigint('flagged_cents', { mode: 'number' }),
    error: text('error'),
    // The ScreeningReport (src/app/screening/types.ts); every download is written from it.
    report: jsonb('report'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('screening_runs_created').on(t.orgId, t.createdAt),
    index('screening_runs_pack').on(t.orgId, t.pack, t.createdAt),
    check('screening_runs_status', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    check('screening_runs_source', sql`${t.source} in ('upload', 'store')`),
    check('screening_runs_progress', sql`${t.progress} between 0 and 10000`),
  ],
);
