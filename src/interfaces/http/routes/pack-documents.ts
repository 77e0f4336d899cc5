// Routes for what packs generate (reports: JSON for the web page, PDF for print) and for bringing
// existing records in (CSV import and its template).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../app/app.ts';
import { renderReportPdf } from '../../../app/report-pdf.ts';
import * as importing from '../../../app/use-cases/record-import.ts';
import * as reports from '../../../app/use-cases/reports.ts';
import { zCalendarDate } from '../../../kernel/index.ts';
import { addRoute } from '../route.ts';

const reportParams = z.object({
  org: z.string().min(1).max(100),
  pack: z.string().min(1).max(100),
  report: z.string().min(1).max(100),
});
// asOf, and the report's own inputs (e.g. fiscalYear=FY2027), which the report validates.
const reportQuery = z.object({ asOf: zCalendarDate.optional() }).catchall(z.string().max(200));

function reportInput({ params, query }: { params: Record<string, string>; query: Record<string, unknown> }) {
  const { asOf, ...rest } = query as { asOf?: string } & Record<string, string>;
  return { ...params, ...(asOf === undefined ? {} : { asOf }), input: rest };
}

export function registerPackDocuments(server: FastifyInstance, app: App) {
  addRoute(server, app, {
    method: 'GET',
    url: '/api/v1/orgs/:org/packs/:pack/reports/:report',
    summary:
      "A pack's generated document (e.g. lea-finance's Decision Chart for Purchasing Thresholds), built from the parameters in force on asOf with the organisation's overrides and from its records",
    tags: ['reports'],
    useCase: reports.getReport,
    params: reportParams,
    querystring: reportQuery,
    input: reportInput,
  });
  addRoute(server, app, {
    method: 'GET',
    url: '/api/v1/orgs/:org/packs/:pack/reports/:report/pdf',
    summary: 'The same generated document as a PDF (Letter), for print and filing',
    tags: ['reports'],
    useCase: reports.getReport,
    params: reportParams,
    querystring: reportQuery,
    input: reportInput,
    send: async (reply, result) => {
      const pdf = await renderReportPdf(result.document, {
        organisation: result.organisation.name,
        pack: `${result.pack.title} ${result.pack.version}`,
        generatedAt: app.clock(),
      });
      const name = `${result.report.id}-${result.document.asOf}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
  addRoute(server, app, {
    method: 'POST',
    url: '/api/v1/orgs/:org/records/import',
    summary:
      'Create records from CSV (one row per record, one column per field of the kind); every row is checked first and the file is written whole or not at all; dryRun checks only',
    tags: ['records'],
    useCase: importing.importRecords,
    params: z.object({ org: z.string().min(1).max(100) }),
    body: importing.importRecords.input.omit({ org: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
    bodyLimit: 25 * 1024 * 1024,
  });
  addRoute(server, app, {
    method: 'GET',
    url: '/api/v1/orgs/:org/records/import-template',
    summary: "A CSV file to fill in for an import: the kind's columns and an example row",
    tags: ['records'],
    useCase: importing.importTemplate,
    params: z.object({ org: z.string().min(1).max(100) }),
    querystring: importing.importTemplate.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
    send: (reply, result) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .send(result.body),
  });
}
