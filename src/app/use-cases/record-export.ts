// Records as a CSV or XLSX table: the rows the list shows for the same filters and order (one query
// builder, record-queries.ts), without paging. Exporting is an auditable act (the data leave the system),
// so each export writes a records.exported event with who, which filters, how many rows, which format.
import { PassThrough } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { orgUnits, records } from '../../store/schema.ts';
import { type CsvValue, csvRow, UTF8_BOM } from '../csv.ts';
import { AppError, InputInvalidError } from '../errors.ts';
import { dataFields } from '../record-kinds.ts';
import { defineUseCase } from '../use-case.ts';
import { orgToday } from './evaluate.ts';
import { recordEvent } from './events.ts';
import { countRecords, isOpen, recordFilters, recordQuery } from './record-queries.ts';

/** More rows than a spreadsheet handles comfortably; narrow the filters instead. */
export const MAX_EXPORT_ROWS = 100_000;

export const EXPORT_COLUMNS = {
  id: 'ID',
  pack: 'Pack',
  kind: 'Kind',
  title: 'Title',
  state: 'State',
  unitName: 'Unit',
  dueOn: 'Due on',
  overdue: 'Overdue',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
  version: 'Version',
} as const;

type FixedColumn = keyof typeof EXPORT_COLUMNS;

export const DEFAULT_EXPORT_COLUMNS: readonly FixedColumn[] = [
  'title',
  'pack',
  'kind',
  'state',
  'unitName',
  'dueOn',
  'updatedAt',
];

export type ExportColumn =
  | { key: FixedColumn; title: string }
  | { key: `data.${string}`; title: string; field: string };

const DATA_FIELD = /^data\.([A-Za-z_][A-Za-z0-9_]{0,99})$/;

/** Reads `columns=a,b,data.x` against the fixed columns and the record kinds' data fields. */
export function parseColumns(spec: string | undefined, fields: ReadonlyMap<string, string>): ExportColumn[] {
  const names = (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) return DEFAULT_EXPORT_COLUMNS.map((key) => ({ key, title: EXPORT_COLUMNS[key] }));
  const problems: string[] = [];
  const out: ExportColumn[] = [];
  for (const name of names) {
    if (out.some((c) => c.key === name)) {
      problems.push(`"${name}" is named twice`);
    } else if (Object.hasOwn(EXPORT_COLUMNS, name)) {
      out.push({ key: name as FixedColumn, title: EXPORT_COLUMNS[name as FixedColumn] });
    } else {
      const field = DATA_FIELD.exec(name)?.[1];
      if (field !== undefined && fields.has(field)) {
        out.push({ key: `data.${field}`, title: fields.get(field) ?? field, field });
      } else if (field !== undefined) {
        problems.push(
          `"${name}": the records have no data field "${field}" (fields: ${[...fields.keys()].join(', ') || 'none'})`,
        );
      } else {
        problems.push(`"${name}" is not a column`);
      }
    }
  }
  if (problems.length > 0) {
    throw new InputInvalidError([
      {
        path: '/columns',
        message: `${problems.join('; ')}. Columns: ${Object.keys(EXPORT_COLUMNS).join(', ')}, or data.<field>`,
      },
    ]);
  }
  return out;
}

type Cell = string | number | boolean | Date | null;

export const exportRecords = defineUseCase({
  name: 'export records',
  access: { kind: 'org', permission: 'records.read' },
  input: z.object({
    org: z.string(),
    ...recordFilters,
    format: z.enum(['csv', 'xlsx']).default('csv'),
    columns: z
      .string()
      .max(2000)
      .optional()
      .describe(
        `comma-separated columns: ${Object.keys(EXPORT_COLUMNS).join(', ')} or data.<field>; default ${DEFAULT_EXPORT_COLUMNS.join(',')}`,
      ),
  }),
  async run({ app, org, input, principal, now }) {
    const columns = parseColumns(input.columns, dataFields(app, { pack: input.pack, kind: input.kind }));
    const { where, orderBy } = recordQuery(app, org, input);
    const today = orgToday(org.org, now);
    const db = app.store.db;
    const dataColumns = columns.flatMap((c) => ('field' in c ? [c] : []));
    const rows = await db
      .select({
        id: records.id,
        pack: records.pack,
        kind: records.kind,
        title: records.title,
        state: records.state,
        unitName: orgUnits.name,
        dueOn: records.dueOn,
        createdAt: records.createdAt,
        updatedAt: records.updatedAt,
        version: records.version,
        // Only the data fields asked for: a 100,000-row export need not carry every record's whole data.
        data: dataColumns.length
          ? sql<Record<string, unknown>>`jsonb_build_object(${sql.join(
              dataColumns.map((c) => sql`${c.field}::text, ${records.data} -> ${c.field}::text`),
              sql`, `,
            )})`
          : sql<Record<string, unknown>>`'{}'::jsonb`,
      })
      .from(records)
      .leftJoin(orgUnits, and(eq(orgUnits.orgId, records.orgId), eq(orgUnits.id, records.unitId)))
      .where(where)
      .orderBy(...orderBy)
      .limit(MAX_EXPORT_ROWS + 1);
    if (rows.length > MAX_EXPORT_ROWS) {
      const total = await countRecords(db, where);
      throw new AppError(
        'PRB_EXPORT_TOO_LARGE',
        `The filters match ${total.toLocaleString('en-US')} records; an export holds at most ${MAX_EXPORT_ROWS.toLocaleString('en-US')}. Narrow the filters (pack, state, unit, due dates) and export in parts.`,
        { count: total, max: MAX_EXPORT_ROWS },
      );
    }
    const table: Cell[][] = rows.map((r) =>
      columns.map((c): Cell => {
        if ('field' in c) return dataCell(r.data?.[c.field]);
        if (c.key === 'overdue') return isOpen(app, r) && r.dueOn !== null && r.dueOn < today;
        return r[c.key];
      }),
    );
    const filename = `records-${org.org.slug}-${today}.${input.format}`;
    const body = input.format === 'csv' ? toCsv(columns, table) : await toXlsx(columns, table);
    const { org: _org, format, columns: _columns, ...rest } = input;
    const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    await db.transaction((tx) =>
      recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'records.exported',
        subject: `org:${org.org.id}`,
        payload: { format, columns: columns.map((c) => c.key), filters, rows: table.length, filename },
        at: now,
      }),
    );
    return {
      filename,
      mediaType:
        format === 'csv'
          ? 'text/csv; charset=utf-8; header=present'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      rows: table.length,
      body,
    };
  },
});

function dataCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function toCsv(columns: readonly ExportColumn[], table: readonly Cell[][]): Buffer {
  const parts = [UTF8_BOM, csvRow(columns.map((c) => c.title))];
  // Ids are Probity's own: written as they are, so they still match the API (csv.ts).
  const ids = new Set(columns.flatMap((c, i) => (c.key === 'id' ? [i] : [])));
  for (const row of table) {
    parts.push(
      csvRow(
        row.map((v): CsvValue => (v instanceof Date ? v.toISOString() : v)),
        ids,
      ),
    );
  }
  return Buffer.from(parts.join(''), 'utf8');
}

const DATE_COLUMNS = new Set(['dueOn']);
const INSTANT_COLUMNS = new Set(['createdAt', 'updatedAt']);

/**
 * One worksheet "Records", bold frozen header. A due date is a real date cell; created/updated are
 * date-time cells in UTC (the format says so). A text that looks like a formula stays text: cells are
 * written as values, never as formulas, so XLSX needs no quote prefix.
 */
async function toXlsx(columns: readonly ExportColumn[], table: readonly Cell[][]) {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  // The streaming writer keeps memory flat for the largest exports (100,000 rows in about 2 s).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Records', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.title,
    key: c.key,
    width: c.key === 'title' ? 48 : INSTANT_COLUMNS.has(c.key) ? 22 : Math.max(12, c.title.length + 2),
    ...(DATE_COLUMNS.has(c.key)
      ? { style: { numFmt: 'yyyy-mm-dd' } }
      : INSTANT_COLUMNS.has(c.key)
        ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss "UTC"' } }
        : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of table) {
    ws.addRow(
      row.map((v, i) =>
        DATE_COLUMNS.has(columns[i]!.key) && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v,
      ),
    ).commit();
  }
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
