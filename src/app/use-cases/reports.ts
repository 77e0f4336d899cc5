// Documents a pack generates (PackReport): built from the parameters in force for the organisation, with
// its overrides, and from its records, on the day asked. The same document is shown as a web page and
// printed as a PDF (src/app/report-pdf.ts), so neither can drift from the rules.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  type CalendarDate,
  ProbityError,
  parameterInForce,
  resolveParameter,
  zCalendarDate,
} from '../../kernel/index.ts';
import type { PackModule, PackReport, ReportDocument } from '../../packs/framework.ts';
import type { Db } from '../../store/connect.ts';
import { records } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { InputInvalidError, notFound } from '../errors.ts';
import { defineUseCase, type OrgScope, zodIssues } from '../use-case.ts';
import { orgToday, overridesFor, packOf } from './evaluate.ts';

/** Most records a report reads; a report over more is refused rather than silently cut short. */
export const REPORT_RECORD_CAP = 100_000;

function reportOf(mod: PackModule, id: string): PackReport {
  const report = (mod.reports ?? []).find((r) => r.id === id);
  if (!report) {
    const known = (mod.reports ?? []).map((r) => r.id);
    throw notFound(`Report "${id}" of pack ${mod.pack.manifest.id} (reports: ${known.join(', ') || 'none'})`);
  }
  return report;
}

/** The records the report reads that the person may read (all of the organisation, or their units). */
async function readableRecords(db: Db, org: OrgScope, mod: PackModule, kinds: readonly string[]) {
  if (kinds.length === 0) return [];
  const scope = org.scope('records.read');
  if (scope === 'none' || (scope !== 'org' && scope.size === 0)) return [];
  const rows = await db
    .select({
      id: records.id,
      kind: records.kind,
      title: records.title,
      state: records.state,
      data: records.data,
      unitId: records.unitId,
    })
    .from(records)
    .where(
      and(
        eq(records.orgId, org.org.id),
        eq(records.pack, mod.pack.manifest.id),
        inArray(records.kind, [...kinds]),
        scope === 'org' ? undefined : inArray(records.unitId, [...scope]),
      ),
    )
    .orderBy(records.createdAt, records.id)
    .limit(REPORT_RECORD_CAP + 1);
  if (rows.length > REPORT_RECORD_CAP) {
    throw new ProbityError(
      'PRB_REPORT_TOO_LARGE',
      `The report reads more than ${REPORT_RECORD_CAP.toLocaleString('en-US')} records; ask for it by unit.`,
    );
  }
  return rows.map(({ unitId: _unit, ...r }) => r);
}

export interface BuiltReport {
  organisation: { slug: string; name: string };
  pack: { id: string; title: string; version: string };
  report: { id: string; title: string; description: string; input?: unknown };
  document: ReportDocument;
}

const reportInput = z.object({
  org: z.string(),
  pack: z.string().min(1).max(100),
  report: z.string().min(1).max(100),
  asOf: zCalendarDate.optional(),
  /** The report's own inputs (e.g. a fiscal year), validated by the report's schema. */
  input: z.record(z.string(), z.string().max(200)).default({}),
});
export type ReportInput = z.output<typeof reportInput>;

/** Builds a report for an organisation scope (a person's, or the whole organisation's for the operator). */
export async function buildReport(
  app: App,
  org: OrgScope,
  input: ReportInput,
  now: Date,
): Promise<BuiltReport> {
  const mod = packOf(app, input.pack);
  const report = reportOf(mod, input.report);
  const asOf: CalendarDate = input.asOf ?? orgToday(org.org, now);
  let reportInput: Record<string, unknown> = {};
  if (report.input) {
    const parsed = report.input.safeParse(input.input);
    if (!parsed.success) throw new InputInvalidError(zodIssues(parsed.error.issues, ''));
    reportInput = parsed.data;
  }
  const db = app.store.db;
  const overrides = await overridesFor(db, org.org.id, input.pack);
  const param = <T>(id: string): T => parameterInForce<T>(mod.pack, id, asOf, overrides).value;
  const document = report.build({
    asOf,
    param,
    fiscalYear: mod.pack.fiscalYear ?? { startMonth: org.org.fiscalYearStartMonth },
    input: reportInput,
    records: await readableRecords(db, org, mod, report.reads ?? []),
    overrides: mod.pack.parameters.flatMap((p) => {
      const r = resolveParameter(p, asOf, overrides);
      return r?.source === 'override'
        ? [{ id: p.id, title: p.title, from: r.from, reason: r.reason ?? '' }]
        : [];
    }),
  });
  const m = mod.pack.manifest;
  return {
    organisation: { slug: org.org.slug, name: org.org.name },
    pack: { id: m.id, title: m.title, version: m.version },
    report: {
      id: report.id,
      title: report.title,
      description: report.description,
      // The report's own inputs (e.g. a fiscal year), for the form that asks for them.
      ...(report.input
        ? { input: z.toJSONSchema(report.input, { io: 'input', unrepresentable: 'any' }) }
        : {}),
    },
    document,
  };
}

export const getReport = defineUseCase({
  name: 'generate a report',
  access: { kind: 'org', permission: 'records.read' },
  input: reportInput,
  run: ({ app, org, input, now }) => buildReport(app, org, input, now),
});
