// Records a pack keeps (its record kinds), moved through the pack's workflow. Every change writes its
// event in the same transaction, carrying the findings that decided it: a record shows why it was
// decided, as it was then.
import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  attemptTransition,
  availableTransitions,
  type CalendarDate,
  type Evaluation,
  evaluate,
  type Finding,
  type ParameterOverride,
  zCalendarDate,
} from '../../kernel/index.ts';
import type { PackModule, RecordKind } from '../../packs/framework.ts';
import type { Db } from '../../store/connect.ts';
import { listEvents } from '../../store/events.ts';
import { documentLinks, documents, records } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { newId } from '../auth/secrets.ts';
import { AppError, InputInvalidError, notFound } from '../errors.ts';
import { stampSteps } from '../record-kinds.ts';
import { reaches, reachOf } from '../roles.ts';
import { defineUseCase, type OrgScope, type Principal, zodIssues } from '../use-case.ts';
import { checkUnit } from './admin.ts';
import { derivedFields, withDerivedFacts } from './derived-facts.ts';
import { orgToday, overridesFor, packOf } from './evaluate.ts';
import { recordEvent, withActorNames } from './events.ts';
import { present, type RecordRow } from './record-queries.ts';

// The list lives with the export and the dashboard, which share its filters.
export { listRecords } from './record-queries.ts';

export function recordKindOf(mod: PackModule, kind: string): RecordKind {
  // Own keys only: a kind named "__proto__" or "toString" is unknown, not Object.prototype's.
  const rk = mod.records && Object.hasOwn(mod.records, kind) ? mod.records[kind] : undefined;
  if (!rk) {
    const known = Object.keys(mod.records ?? {});
    throw new InputInvalidError([
      {
        path: '/kind',
        message: `pack ${mod.pack.manifest.id} keeps no records of kind "${kind}"; kinds: ${known.join(', ') || 'none'}`,
      },
    ]);
  }
  return rk;
}

export function workflowOf(mod: PackModule, rk: RecordKind) {
  const machine = mod.pack.workflows?.[rk.workflow];
  if (!machine)
    throw new AppError('PRB_PACK_DEFINITION', `record kind ${rk.id} names a missing workflow ${rk.workflow}`);
  return machine;
}

/** The data as stored: validated, without the derived facts, which are computed afresh at each
 * evaluation so they never go stale. */
function validateData(rk: RecordKind, data: unknown): unknown {
  const parsed = rk.schema.safeParse(data);
  if (!parsed.success) throw new InputInvalidError(zodIssues(parsed.error.issues, '/data'));
  const out = parsed.data as Record<string, unknown>;
  for (const f of derivedFields(rk)) delete out[f];
  return out;
}

/** Who acted is the workflow's to write: a new record's data may not claim a step was taken, and an edit
 * keeps what the steps wrote (a field left out is kept; a different value is refused). */
function guardStamps(rk: RecordKind, input: unknown, stored: Record<string, unknown> | undefined): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const problems: { path: string; message: string }[] = [];
  for (const [f, step] of stampSteps(rk)) {
    const given = out[f];
    const kept = stored?.[f];
    if (given === undefined || given === null || isDeepStrictEqual(given, kept)) {
      if (kept === undefined) delete out[f];
      else out[f] = kept;
      continue;
    }
    problems.push({
      path: `/data/${f}`,
      message: `is written by the workflow step "${step}" when it is taken, not typed in; leave it out`,
    });
  }
  if (problems.length) throw new InputInvalidError(problems);
  return out;
}

/** The roles a person holds where a record is: those held organisation-wide and those of its unit. */
export function rolesWhere(org: OrgScope, unitId: string | null): string[] {
  return org.memberships.filter((m) => m.unitId === undefined || m.unitId === unitId).map((m) => m.role);
}

/** Refuses an edit that changes a field the record's state keeps closed (RecordKind.editable). */
function checkEditable(
  rk: RecordKind,
  machine: { states: Readonly<Record<string, { title: string }>> },
  state: string,
  before: unknown,
  after: unknown,
) {
  const open = rk.editable && Object.hasOwn(rk.editable, state) ? rk.editable[state] : undefined;
  if (open === undefined) return;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !isDeepStrictEqual(b[k], a[k]),
  );
  const closed = changed.filter((k) => !open.includes(k));
  if (closed.length === 0) return;
  const title = machine.states[state]?.title ?? state;
  throw new InputInvalidError(
    closed.map((k) => ({
      path: `/data/${k}`,
      message: `cannot be changed once the record is ${title}; ${open.length ? `what can: ${open.join(', ')}` : 'nothing can be edited now'}`,
    })),
  );
}

/** The data with the acting person stamped into the fields the kind names for this transition. */
function stamped(
  rk: RecordKind,
  transition: string,
  data: unknown,
  act: { name: string; on: CalendarDate; roles: readonly string[] | undefined },
): unknown {
  const stamp = rk.stamps && Object.hasOwn(rk.stamps, transition) ? rk.stamps[transition] : undefined;
  if (stamp === undefined) return data;
  const s = typeof stamp === 'string' ? { by: stamp } : stamp;
  const out: Record<string, unknown> = { ...(data as object), [s.by]: act.name };
  if (s.on !== undefined) out[s.on] = act.on;
  if (s.roles !== undefined && act.roles !== undefined) out[s.roles] = [...act.roles];
  return out;
}

/** The next date the findings ask for something: what dashboards and reminders track. */
function nextDue(findings: readonly Finding[]): CalendarDate | null {
  const dues = findings
    .filter((f) => f.due && f.kind !== 'value' && f.kind !== 'notice')
    .map((f) => f.due as CalendarDate);
  return dues.length ? dues.sort()[0]! : null;
}

function summary(e: Evaluation) {
  return { pack: e.pack, caseKind: e.caseKind, asOf: e.asOf, findings: e.findings };
}

// `db` is the transaction when there is one: PGlite has a single connection, so reading through the
// outer handle inside a transaction would wait for that transaction forever.
async function evaluateRecord(
  db: Db,
  org: OrgScope,
  mod: PackModule,
  rk: RecordKind,
  data: unknown,
  asOf: CalendarDate,
  recordId: string | undefined,
) {
  const overrides = await overridesFor(db, org.org.id, mod.pack.manifest.id);
  const facts = await factsOf(db, org, mod, rk, data, asOf, recordId, overrides);
  return evaluate(mod.pack, rk.caseKind, facts, { asOf, org: org.org.slug, overrides });
}

/** The facts the rules judge: the record's data with the facts derived from the organisation's records. */
function factsOf(
  db: Db,
  org: OrgScope,
  mod: PackModule,
  rk: RecordKind,
  data: unknown,
  asOf: CalendarDate,
  recordId: string | undefined,
  overrides: readonly ParameterOverride[],
) {
  return withDerivedFacts(db, {
    orgId: org.org.id,
    pack: mod.pack,
    rk,
    ...(recordId === undefined ? {} : { recordId }),
    data,
    asOf,
    overrides,
    fiscalYear: mod.pack.fiscalYear ?? { startMonth: org.org.fiscalYearStartMonth },
  });
}

export function unitAllowed(
  org: OrgScope,
  permission: 'records.read' | 'records.write',
  unitId: string | null,
): boolean {
  const scope = org.scope(permission);
  if (scope === 'org') return true;
  if (scope === 'none') return false;
  return unitId !== null && scope.has(unitId);
}

async function loadRecord(db: Db, org: OrgScope, id: string, permission: 'records.read' | 'records.write') {
  const [row] = await db
    .select()
    .from(records)
    .where(and(eq(records.orgId, org.org.id), eq(records.id, id)));
  if (!row || !unitAllowed(org, permission, row.unitId)) throw notFound(`Record ${id}`);
  return row;
}

/**
 * Writes a record's next version only if nobody else wrote it since `row` was read: of two concurrent
 * edits or transitions, the second is refused rather than silently overwriting the first.
 */
async function writeRecord(tx: Db, row: RecordRow, next: Partial<RecordRow> & { version: number }) {
  const written = await tx
    .update(records)
    .set(next)
    .where(and(eq(records.orgId, row.orgId), eq(records.id, row.id), eq(records.version, row.version)))
    .returning({ id: records.id });
  if (written.length === 0) {
    throw new AppError(
      'PRB_CONFLICT',
      `Record ${row.id} was changed by someone else just now; reload it and try again.`,
    );
  }
}

export interface CreateRecordArgs {
  org: OrgScope;
  actor: Principal | 'system';
  pack: string;
  kind: string;
  data: unknown;
  unitId?: string | undefined;
  now: Date;
  /** An import of past records: the data may carry the workflow's stamps (who approved, when). */
  history?: boolean;
  /** The workflow state to create the record in (imports of history); defaults to the initial one. */
  state?: string;
}

export async function createRecordInTx(app: App, tx: Db, a: CreateRecordArgs) {
  const mod = packOf(app, a.pack);
  const rk = recordKindOf(mod, a.kind);
  const data = validateData(rk, a.history ? a.data : guardStamps(rk, a.data, undefined));
  const machine = workflowOf(mod, rk);
  if (a.unitId !== undefined) await checkUnit(tx, a.org.org.id, a.unitId);
  if (a.state !== undefined && !Object.hasOwn(machine.states, a.state)) {
    throw new InputInvalidError([
      {
        path: '/state',
        message: `workflow ${machine.id} has no state "${a.state}"; states: ${Object.keys(machine.states).join(', ')}`,
      },
    ]);
  }
  const id = newId();
  const evaluation = await evaluateRecord(tx, a.org, mod, rk, data, orgToday(a.org.org, a.now), id);
  const row = {
    orgId: a.org.org.id,
    id,
    pack: a.pack,
    kind: a.kind,
    unitId: a.unitId ?? null,
    title: rk.titleOf(data).slice(0, 300),
    state: a.state ?? machine.initial,
    data: data as object,
    dueOn: nextDue(evaluation.findings),
    version: 1,
    createdBy: a.actor === 'system' ? 'system' : a.actor.userId,
    createdAt: a.now,
    updatedAt: a.now,
  };
  await tx.insert(records).values(row);
  await recordEvent(tx, {
    orgId: a.org.org.id,
    actor: a.actor,
    kind: 'record.created',
    subject: `record:${row.id}`,
    payload: {
      pack: a.pack,
      kind: a.kind,
      title: row.title,
      state: row.state,
      data: data as object,
      ...(a.history ? { imported: true } : {}),
      evaluation: summary(evaluation),
    },
    at: a.now,
  });
  return { record: present(row as RecordRow), evaluation };
}

export const createRecord = defineUseCase({
  name: 'create a record',
  access: { kind: 'org', permission: 'records.write' },
  input: z.object({
    org: z.string(),
    pack: z.string().min(1).max(100),
    kind: z.string().min(1).max(100),
    unitId: z.string().max(64).optional(),
    data: z.unknown(),
  }),
  async run({ app, org, input, principal, now }) {
    if (!unitAllowed(org, 'records.write', input.unitId ?? null)) {
      throw new AppError('PRB_FORBIDDEN', 'Your roles do not let you create records in that unit.');
    }
    const { pack, kind, data, unitId } = input;
    return app.store.db.transaction((tx) =>
      createRecordInTx(app, tx, { org, actor: principal, pack, kind, data, unitId, now }),
    );
  },
});

export const updateRecord = defineUseCase({
  name: 'update a record',
  access: { kind: 'org', permission: 'records.write' },
  input: z.object({
    org: z.string(),
    id: z.string().min(1).max(64),
    /** The version the editor started from: a stale edit is refused, not silently lost. */
    version: z.int().min(1),
    data: z.unknown(),
  }),
  async run({ app, org, input, principal, now }) {
    return app.store.db.transaction(async (tx) => {
      const row = await loadRecord(tx, org, input.id, 'records.write');
      const mod = packOf(app, row.pack);
      const rk = recordKindOf(mod, row.kind);
      if (workflowOf(mod, rk).states[row.state]?.terminal) {
        throw new AppError(
          'PRB_CONFLICT',
          `Record ${row.id} is ${row.state}; a closed record cannot be edited.`,
        );
      }
      if (row.version !== input.version) {
        throw new AppError(
          'PRB_CONFLICT',
          `Record ${row.id} changed since you opened it (version ${row.version}, yours ${input.version}); reload it and apply your change again.`,
        );
      }
      const data = validateData(rk, guardStamps(rk, input.data, row.data as Record<string, unknown>));
      checkEditable(rk, workflowOf(mod, rk), row.state, row.data, data);
      const evaluation = await evaluateRecord(tx, org, mod, rk, data, orgToday(org.org, now), row.id);
      const next = {
        data: data as object,
        title: rk.titleOf(data).slice(0, 300),
        dueOn: nextDue(evaluation.findings),
        version: row.version + 1,
        updatedAt: now,
      };
      await writeRecord(tx, row, next);
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'record.updated',
        subject: `record:${row.id}`,
        payload: { before: row.data as object, after: data as object, evaluation: summary(evaluation) },
        at: now,
      });
      return { record: present({ ...row, ...next }), evaluation };
    });
  },
});

export interface TransitionArgs {
  org: OrgScope;
  actor: Principal | 'system';
  /** The name written into the stamped field (e.g. approvedBy). */
  actorName: string;
  /** The role ids stamped for a 'system' actor (demo records); a person's come from their memberships. */
  actorRoles?: readonly string[];
  id: string;
  transition: string;
  now: Date;
}

/** Attempts a transition. Refusals are recorded as events too, in their own transaction, then thrown. */
export async function transitionRecordInTx(app: App, tx: Db, a: TransitionArgs) {
  const row = await loadRecord(tx, a.org, a.id, 'records.write');
  const mod = packOf(app, row.pack);
  const rk = recordKindOf(mod, row.kind);
  const machine = workflowOf(mod, rk);
  const t = machine.transitions.find((x) => x.name === a.transition && x.from.includes(row.state));
  // The roles the person holds where the record is (a system actor's are given: demo records).
  const roles = a.actor === 'system' ? a.actorRoles : rolesWhere(a.org, row.unitId);
  if (t?.roles && a.actor !== 'system') {
    const allowedRoles = t.roles;
    if (!reaches(reachOf(a.org.memberships, allowedRoles), row.unitId)) {
      throw new AppError('PRB_FORBIDDEN', `"${t.title}" needs one of the roles ${allowedRoles.join(', ')}.`, {
        roles: [...allowedRoles],
      });
    }
  }
  const asOf = orgToday(a.org.org, a.now);
  const data = stamped(rk, a.transition, row.data, { name: a.actorName, on: asOf, roles }) as object;
  const overrides = await overridesFor(tx, a.org.org.id, row.pack);
  const facts = await factsOf(tx, a.org, mod, rk, data, asOf, row.id, overrides);
  const attempt = attemptTransition(mod.pack, machine, {
    state: row.state,
    transition: a.transition,
    facts,
    actor: a.actor === 'system' ? 'system' : `user:${a.actor.userId}`,
    at: a.now,
    asOf,
    overrides,
    org: a.org.org.slug,
  });
  if (!attempt.allowed) return { allowed: false as const, attempt, row };
  const evaluation = evaluate(mod.pack, rk.caseKind, facts, {
    asOf: attempt.asOf,
    org: a.org.org.slug,
    overrides,
  });
  const next = {
    state: attempt.to,
    data,
    dueOn: nextDue(evaluation.findings),
    version: row.version + 1,
    updatedAt: a.now,
  };
  await writeRecord(tx, row, next);
  await recordEvent(tx, {
    orgId: a.org.org.id,
    actor: a.actor,
    kind: 'record.transitioned',
    subject: `record:${row.id}`,
    payload: {
      transition: attempt.transition,
      from: attempt.from,
      to: attempt.to,
      asOf: attempt.asOf,
      packVersion: mod.pack.manifest.version,
      findings: attempt.findings,
    },
    at: a.now,
  });
  return { allowed: true as const, attempt, record: present({ ...row, ...next }) };
}

export const transitionRecord = defineUseCase({
  name: 'move a record through its workflow',
  access: { kind: 'org', permission: 'records.write' },
  input: z.object({ org: z.string(), id: z.string().min(1).max(64), transition: z.string().min(1).max(100) }),
  async run({ app, org, input, principal, now }) {
    const db = app.store.db;
    const result = await db.transaction((tx) =>
      transitionRecordInTx(app, tx, {
        org,
        actor: principal,
        actorName: principal.displayName,
        id: input.id,
        transition: input.transition,
        now,
      }),
    );
    if (result.allowed) return { record: result.record, findings: result.attempt.findings };
    const violations = result.attempt.findings.filter((f) => f.kind === 'violation');
    await db.transaction((tx) =>
      recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'record.transition-refused',
        subject: `record:${input.id}`,
        payload: {
          transition: result.attempt.transition,
          from: result.attempt.from,
          asOf: result.attempt.asOf,
          packVersion: packOf(app, result.row.pack).pack.manifest.version,
          findings: result.attempt.findings,
        },
        at: now,
      }),
    );
    const sod = packOf(app, result.row.pack).segregationRules ?? [];
    const code = violations.some((v) => sod.includes(v.rule))
      ? 'PRB_SEGREGATION_OF_DUTIES'
      : 'PRB_TRANSITION_REFUSED';
    throw new AppError(
      code,
      `"${input.transition}" was refused: ${violations.map((v) => v.message).join(' ')}`,
      {
        findings: result.attempt.findings,
      },
    );
  },
});

export const getRecord = defineUseCase({
  name: 'open a record',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({ org: z.string(), id: z.string().min(1).max(64), asOf: zCalendarDate.optional() }),
  async run({ app, org, input, now }) {
    const db = app.store.db;
    const row = await loadRecord(db, org, input.id, 'records.read');
    const mod = packOf(app, row.pack);
    const rk = recordKindOf(mod, row.kind);
    const machine = workflowOf(mod, rk);
    const evaluation = await evaluateRecord(
      db,
      org,
      mod,
      rk,
      row.data,
      input.asOf ?? orgToday(org.org, now),
      row.id,
    );
    const timeline = await withActorNames(
      db,
      await listEvents(db, org.org.id, { subject: `record:${row.id}`, order: 'asc', limit: 1000 }),
    );
    const docs = await db
      .select({
        id: documents.id,
        name: documents.name,
        mediaType: documents.mediaType,
        sizeBytes: documents.sizeBytes,
        sensitivity: documents.sensitivity,
        sha256: documents.sha256,
        createdAt: documents.createdAt,
      })
      .from(documentLinks)
      .innerJoin(
        documents,
        and(eq(documents.orgId, documentLinks.orgId), eq(documents.id, documentLinks.documentId)),
      )
      .where(and(eq(documentLinks.orgId, org.org.id), eq(documentLinks.recordId, row.id)));
    return {
      record: present(row),
      evaluation,
      workflow: {
        id: machine.id,
        title: machine.title,
        state: machine.states[row.state],
        transitions: availableTransitions(machine, row.state).map((t) => ({
          name: t.name,
          title: t.title,
          to: t.to,
          roles: t.roles ?? [],
        })),
      },
      timeline,
      documents: docs.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    };
  },
});
