// CSV import of records (vendors, past purchases, …): one row per record, one column per top-level field
// of the record kind, typed by the kind's schema. Every row is checked before anything is written, and
// the rows are written in one transaction: a file is imported whole or not at all, and a bad file's
// errors name each row (its line in the file) and field.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isCalendarDate, makeDate, parseMoney, parsePercent } from '../../kernel/index.ts';
import type { RecordKind } from '../../packs/framework.ts';
import type { App } from '../app.ts';
import { csvField } from '../csv.ts';
import { AppError, type FieldIssue, InputInvalidError } from '../errors.ts';
import { type JsonSchema, recordKindSchema, stampedFields } from '../record-kinds.ts';
import { defineUseCase, type OrgScope, type Principal } from '../use-case.ts';
import { checkUnit } from './admin.ts';
import { orgToday, packOf } from './evaluate.ts';
import { recordEvent } from './events.ts';
import { createRecordInTx, recordKindOf, unitAllowed, workflowOf } from './records.ts';

/** Most rows one import takes: each row is a record with its own event in the chain. */
export const IMPORT_ROW_CAP = 10_000;
/** Most problems listed for one file: enough to fix a systematic mistake, short enough to read. */
const MAX_ISSUES = 100;
/** The column naming a row's workflow state (history imports), beside the kind's own fields. */
const STATE_COLUMN = 'state';

/** The columns a file may have: the kind's top-level fields a person or an import may give. */
function importColumns(rk: RecordKind): Map<string, JsonSchema> {
  const derived = new Set((rk.related ?? []).map((d) => d.into));
  const columns = new Map<string, JsonSchema>();
  for (const [name, prop] of Object.entries(recordKindSchema(rk).properties ?? {})) {
    if (!derived.has(name)) columns.set(name, prop);
  }
  return columns;
}

const typeOf = (p: JsonSchema): string | undefined => {
  const t = Array.isArray(p.type) ? p.type.find((x) => x !== 'null') : p.type;
  if (t) return t;
  if (Array.isArray(p.enum)) return 'enum';
  const alt = (p.anyOf ?? p.oneOf) as JsonSchema[] | undefined;
  return alt ? alt.map(typeOf).find((x) => x !== undefined && x !== 'null') : undefined;
};

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** One cell as the field's value, or the reason it cannot be one. Empty cells are left out. */
function cellValue(text: string, p: JsonSchema): { value: unknown } | { problem: string } | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (Array.isArray(p.enum)) {
    const found = p.enum.find((o) => String(o).toLowerCase() === t.toLowerCase());
    return found === undefined
      ? { problem: `"${t}" is not one of: ${p.enum.map(String).join(', ')}` }
      : { value: found };
  }
  try {
    switch (p.format) {
      case 'cents':
        return { value: parseMoney(t) };
      case 'basis-points':
        return { value: parsePercent(t) };
      case 'date': {
        if (isCalendarDate(t)) return { value: t };
        const us = US_DATE.exec(t);
        if (us) return { value: makeDate(Number(us[3]), Number(us[1]), Number(us[2])) };
        return { problem: `"${t}" is not a date; write YYYY-MM-DD (2026-07-01) or M/D/YYYY (7/1/2026)` };
      }
    }
  } catch (error) {
    return { problem: `"${t}": ${(error as Error).message}` };
  }
  switch (typeOf(p)) {
    case 'boolean':
      if (TRUE.has(t.toLowerCase())) return { value: true };
      if (FALSE.has(t.toLowerCase())) return { value: false };
      return { problem: `"${t}" is not yes or no (yes/no, true/false, y/n, 1/0)` };
    case 'integer':
    case 'number': {
      const n = Number(t.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { problem: `"${t}" is not a number` };
    }
    case 'array':
    case 'object':
      try {
        return { value: JSON.parse(t) };
      } catch {
        return { problem: `"${t.slice(0, 40)}" is not JSON; a list or group is written as JSON text` };
      }
    default:
      return { value: text };
  }
}

interface ParsedRow {
  line: number;
  data: Record<string, unknown>;
  state?: string;
}

/** The file's rows as data, with every problem named by line and column. */
function readRows(csv: string, rk: RecordKind): { rows: ParsedRow[]; issues: FieldIssue[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new InputInvalidError([
      { path: '/csv', message: `the file is not valid CSV: ${(error as Error).message}` },
    ]);
  }
  const [header, ...body] = records;
  if (!header)
    throw new InputInvalidError([
      { path: '/csv', message: 'the file is empty; the first row names the columns' },
    ]);
  const columns = importColumns(rk);
  const names = header.record.map((h) => h.trim());
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  names.forEach((n) => {
    if (n !== STATE_COLUMN && !columns.has(n)) {
      issues.push({
        path: `/csv/1/${n || '(blank)'}`,
        message: `is not a field of ${rk.title}; columns: ${[...columns.keys(), STATE_COLUMN].join(', ')}`,
      });
    }
    if (seen.has(n)) issues.push({ path: `/csv/1/${n}`, message: 'names a column a second time' });
    seen.add(n);
  });
  if (issues.length) throw new InputInvalidError(issues);
  if (body.length === 0)
    throw new InputInvalidError([{ path: '/csv', message: 'the file has no rows below its header' }]);
  if (body.length > IMPORT_ROW_CAP) {
    throw new InputInvalidError([
      { path: '/csv', message: `has ${body.length} rows; one import takes at most ${IMPORT_ROW_CAP}` },
    ]);
  }
  const rows: ParsedRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const data: Record<string, unknown> = {};
    let state: string | undefined;
    names.forEach((n, i) => {
      const text = record[i] ?? '';
      if (n === STATE_COLUMN) {
        if (text.trim() !== '') state = text.trim();
        return;
      }
      const v = cellValue(text, columns.get(n)!);
      if (v === undefined) return;
      if ('problem' in v) issues.push({ path: `/csv/${line}/${n}`, message: v.problem });
      else data[n] = v.value;
    });
    rows.push({ line, data, ...(state === undefined ? {} : { state }) });
  }
  return { rows, issues };
}

const importInput = z.object({
  org: z.string(),
  pack: z.string().min(1).max(100),
  kind: z.string().min(1).max(100),
  csv: z.string().min(1, 'the file is empty').max(20_000_000, 'at most 20 MB of CSV per import'),
  unitId: z.string().max(64).optional(),
  /** The workflow state of rows without a state column (history: e.g. "paid"); the initial one if absent. */
  state: z.string().min(1).max(100).optional(),
  /** Check every row and report, writing nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportInput = z.output<typeof importInput>;

/** Imports a file as `actor` (a person, or 'system' for the operator at the command line). */
export async function importRecordsAs(
  app: App,
  org: OrgScope,
  actor: Principal | 'system',
  input: ImportInput,
  now: Date,
) {
  const principal = actor;
  const mod = packOf(app, input.pack);
  const rk = recordKindOf(mod, input.kind);
  const machine = workflowOf(mod, rk);
  if (!unitAllowed(org, 'records.write', input.unitId ?? null)) {
    throw new AppError('PRB_FORBIDDEN', 'Your roles do not let you create records in that unit.');
  }
  // The unit is the file's, not a row's: a unit that does not exist is named as the request's field.
  if (input.unitId !== undefined) await checkUnit(app.store.db, org.org.id, input.unitId);
  const { rows, issues } = readRows(input.csv, rk);
  const stamped = stampedFields(rk);
  const states = Object.keys(machine.states);
  for (const row of rows) {
    const state = row.state ?? input.state;
    if (state !== undefined && !states.includes(state)) {
      issues.push({
        path: `/csv/${row.line}/${STATE_COLUMN}`,
        message: `"${state}" is not a state of ${machine.title}; states: ${states.join(', ')}`,
      });
    }
    const parsed = rk.schema.safeParse(row.data);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const path = `/csv/${row.line}/${i.path.map(String).join('/')}`;
        // A cell already refused is left out of the data: say so once, not again as "missing".
        if (!issues.some((x) => x.path === path)) issues.push({ path, message: i.message });
      }
    }
  }
  if (issues.length) {
    const shown = issues.slice(0, MAX_ISSUES);
    if (issues.length > MAX_ISSUES) {
      shown.push({ path: '/csv', message: `and ${issues.length - MAX_ISSUES} more problems` });
    }
    throw new InputInvalidError(shown);
  }
  // History — a row in a later state, or saying who signed and when — is an administrator's to import:
  // it writes what the workflow's steps would otherwise have checked.
  const history = rows.some(
    (r) =>
      (r.state ?? input.state ?? machine.initial) !== machine.initial || stamped.some((f) => f in r.data),
  );
  if (history && !org.hasRole('org-admin')) {
    throw new AppError(
      'PRB_FORBIDDEN',
      'Importing records in a later workflow state, or with the names and dates of workflow steps, needs the organisation administrator role.',
    );
  }
  if (input.dryRun) {
    return {
      dryRun: true,
      rows: rows.length,
      created: 0,
      records: rows.slice(0, 50).map((r) => ({ id: null, title: rk.titleOf(rk.schema.parse(r.data)) })),
    };
  }
  const created = await app.store.db.transaction(async (tx) => {
    const out: { id: string; title: string }[] = [];
    for (const row of rows) {
      try {
        const { record } = await createRecordInTx(app, tx, {
          org,
          actor: principal,
          pack: input.pack,
          kind: input.kind,
          data: row.data,
          unitId: input.unitId,
          now,
          history,
          ...((row.state ?? input.state) ? { state: (row.state ?? input.state)! } : {}),
        });
        out.push({ id: record.id, title: record.title });
      } catch (error) {
        // Name the row: the whole file is rolled back.
        if (error instanceof InputInvalidError) {
          throw new InputInvalidError(
            error.issues.map((i) => ({ ...i, path: `/csv/${row.line}${i.path.replace(/^\/data/, '')}` })),
          );
        }
        throw error;
      }
    }
    await recordEvent(tx, {
      orgId: org.org.id,
      actor: principal,
      kind: 'records.imported',
      subject: `pack:${input.pack}`,
      payload: { kind: input.kind, rows: rows.length, history, asOf: orgToday(org.org, now) },
      at: now,
    });
    return out;
  });
  return { dryRun: false, rows: rows.length, created: created.length, records: created.slice(0, 1000) };
}

export const importRecords = defineUseCase({
  name: 'import records from CSV',
  access: { kind: 'org', permission: 'records.write' },
  input: importInput,
  run: ({ app, org, input, principal, now }) => importRecordsAs(app, org, principal, input, now),
});

/** A file to fill in: the header row of the columns the kind takes and one example row. */
export const importTemplate = defineUseCase({
  name: 'CSV import template',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({ org: z.string(), pack: z.string().min(1).max(100), kind: z.string().min(1).max(100) }),
  async run({ app, org, input, now }) {
    const rk = recordKindOf(packOf(app, input.pack), input.kind);
    const today = orgToday(org.org, now);
    // Who signed and when (the workflow's stamps) and the state come last and empty: only an import of
    // history by an administrator fills them in.
    const stamped = new Set(stampedFields(rk));
    const all = [...importColumns(rk)];
    const columns = [...all.filter(([n]) => !stamped.has(n)), ...all.filter(([n]) => stamped.has(n))];
    const example = (name: string, p: JsonSchema): string => {
      if (stamped.has(name)) return '';
      if (Array.isArray(p.enum)) return String(p.enum[0]);
      if (p.format === 'cents') return '1250.00';
      if (p.format === 'basis-points') return '10%';
      if (p.format === 'date') return today;
      const t = typeOf(p);
      if (t === 'boolean') return 'no';
      if (t === 'integer' || t === 'number') return '0';
      if (t === 'array') return '[]';
      if (t === 'object') return '{}';
      return '';
    };
    const header = [...columns.map(([n]) => n), STATE_COLUMN].join(',');
    const row = [...columns.map(([n, p]) => csvField(example(n, p))), ''].join(',');
    return {
      filename: `${input.pack}-${input.kind}-import.csv`,
      body: `\uFEFF${header}\r\n${row}\r\n`,
    };
  },
});
