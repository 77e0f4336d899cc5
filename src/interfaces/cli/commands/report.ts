// probity report: a pack's generated document (e.g. lea-finance's Decision Chart for Purchasing
// Thresholds) for one organisation, as text, JSON or a PDF file — the same document the web page shows.
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../app/errors.ts';
import { cellText, renderReportPdf } from '../../../app/report-pdf.ts';
import type { Runtime } from '../../../app/runtime.ts';
import { systemScope } from '../../../app/use-cases/bootstrap.ts';
import { buildReport } from '../../../app/use-cases/reports.ts';
import { type CalendarDate, formatCitation } from '../../../kernel/index.ts';
import type { ReportDocument } from '../../../packs/framework.ts';
import { EXIT, type Io } from '../io.ts';
import { organisationBySlug, withRuntime } from '../runtime.ts';

export interface ReportArgs {
  org: string;
  pack: string;
  report: string;
  asOf?: CalendarDate | undefined;
  /** The report's own inputs, name=value (e.g. fiscalYear=FY2027). */
  input?: readonly string[];
  pdf?: string | undefined;
  json?: boolean;
}

/** The document as plain text: headings, paragraphs, tables as aligned columns, citations, notes. */
export function reportText(doc: ReportDocument): string {
  const out: string[] = [doc.title, ...(doc.subtitle ? [doc.subtitle] : []), `In force on ${doc.asOf}`, ''];
  for (const s of doc.sections) {
    out.push(s.heading, '-'.repeat(Math.min(s.heading.length, 80)));
    out.push(...(s.paragraphs ?? []));
    if (s.table) {
      const rows = [
        s.table.columns,
        ...s.table.rows.map((r) => s.table!.columns.map((_, i) => cellText(r[i] ?? null))),
      ];
      const widths = s.table.columns.map((_, i) =>
        Math.min(40, Math.max(...rows.map((r) => (r[i] ?? '').length))),
      );
      for (const r of rows)
        out.push(
          r
            .map((c, i) => (c ?? '').padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
    }
    if (s.citations?.length) out.push(`Source: ${s.citations.map(formatCitation).join('; ')}`);
    out.push('');
  }
  out.push(...(doc.notes ?? []).map((n, i) => `${i + 1}. ${n}`));
  return out.join('\n');
}

export async function report(runtime: Pick<Runtime, 'app'>, args: ReportArgs, io: Io): Promise<number> {
  const db = runtime.app.store.db;
  const org = await organisationBySlug(db, args.org);
  const input: Record<string, string> = {};
  for (const pair of args.input ?? []) {
    const at = pair.indexOf('=');
    if (at < 1)
      throw new AppError('PRB_INPUT_INVALID', `--input ${pair}: expected name=value, e.g. fiscalYear=FY2027`);
    input[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const now = runtime.app.clock();
  const built = await buildReport(
    runtime.app,
    systemScope(org),
    { org: args.org, pack: args.pack, report: args.report, input, ...(args.asOf ? { asOf: args.asOf } : {}) },
    now,
  );
  if (args.pdf !== undefined) {
    const pdf = await renderReportPdf(built.document, {
      organisation: org.name,
      pack: `${built.pack.title} ${built.pack.version}`,
      generatedAt: now,
    });
    await writeFile(args.pdf, pdf);
    io.out(`${built.report.title} (${built.document.asOf}) written to ${args.pdf} (${pdf.length} bytes).`);
  } else if (args.json) io.out(JSON.stringify(built, null, 2));
  else io.out(reportText(built.document));
  return EXIT.ok;
}

export function reportCommand(args: ReportArgs, io: Io): Promise<number> {
  return withRuntime(io, 'probity report', (runtime) => report(runtime, args, io));
}
