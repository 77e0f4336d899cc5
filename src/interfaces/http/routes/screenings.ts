// Screening over HTTP: start a run (ledger files uploaded as multipart/form-data, streamed to disk and
// never held in memory, or the records in the store), follow its progress, download its report. A run is
// a background job: the POST answers 202 with the queued run and its Location at once.
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../../app/app.ts';
import { AppError, InputInvalidError } from '../../../app/errors.ts';
import { execute, zodIssues } from '../../../app/use-case.ts';
import * as screening from '../../../app/use-cases/screenings.ts';
import { ProbityError, zCalendarDate } from '../../../kernel/index.ts';
import { addRoute, nulPath } from '../route.ts';

const slug = z.string().min(1).max(100).describe('organisation slug');
const packId = z.string().min(1).max(100).describe('policy pack id, e.g. lea-finance');
const runId = z.string().min(1).max(64).describe('screening run id');

const storeBody = z
  .object({
    source: z.literal('store', {
      error:
        'must be "store" to screen the records in Probity; to screen files, send them as multipart/form-data, one file field per ledger',
    }),
    from: zCalendarDate.optional().describe('leave out rows dated before this day'),
    to: zCalendarDate.optional().describe('leave out rows dated after this day'),
  })
  .strict();

const uploadFields = z.object({
  from: zCalendarDate.optional(),
  to: zCalendarDate.optional(),
  source: z.literal('upload', { error: 'must be "upload" (or left out) when files are sent' }).optional(),
});

const FIELD_NAMES = new Set(['from', 'to', 'source', 'mapping']);

function byteText(n: number): string {
  return n >= 1024 ** 3 ? `${n / 1024 ** 3} GiB` : `${n / 1024 ** 2} MiB`;
}

/** Writes an uploaded part to `path`, counting its bytes and keeping its first four (Parquet's magic). */
async function saveStream(
  stream: NodeJS.ReadableStream,
  path: string,
  maxBytes: number,
  what: string,
): Promise<{ bytes: number; head: Buffer }> {
  let bytes = 0;
  let head = Buffer.alloc(0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        done(new AppError('PRB_PAYLOAD_TOO_LARGE', `${what} is larger than ${byteText(maxBytes)}.`));
        return;
      }
      if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PRB_PAYLOAD_TOO_LARGE', `${what} is larger than ${byteText(maxBytes)}.`);
    }
    throw error;
  }
  return { bytes, head };
}

/** The multipart parser's own refusals, as the API's problems. */
function uploadProblem(error: unknown): unknown {
  if (error instanceof ProbityError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string };
  if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT') {
    return new AppError(
      'PRB_PAYLOAD_TOO_LARGE',
      'The upload has more parts than a screening takes: one file per ledger, a mapping, "from" and "to".',
    );
  }
  if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(
      'PRB_PAYLOAD_TOO_LARGE',
      `A file is larger than ${byteText(screening.MAX_LEDGER_FILE_BYTES)}.`,
    );
  }
  if (typeof e.code === 'string' && e.code.startsWith('FST_')) {
    return new InputInvalidError([{ path: '/body', message: e.message ?? 'is not a valid form' }]);
  }
  // busboy's: the body is cut short or is not multipart as its header says.
  if (/^(Unexpected end of|Malformed|Multipart: )/.test(e.message ?? '')) {
    return new InputInvalidError([
      { path: '/body', message: `is not a complete multipart/form-data body (${e.message})` },
    ]);
  }
  return error;
}

type Created = screening.ScreeningRunView;

/** Files and fields of a multipart upload into the run's folder, then the run. */
async function screenUpload(app: App, request: FastifyRequest, org: string, pack: string): Promise<Created> {
  const begun = await execute(app, screening.beginScreeningUpload, request.principal, { org, pack });
  const ledgers = begun.ledgers.map((l) => l.id);
  const files: Record<string, { name: string; file: string; bytes: number }> = {};
  let mapping: { name: string; file: string; bytes: number } | undefined;
  const fields: Record<string, string> = {};
  const notAField = (field: string) =>
    new InputInvalidError([
      {
        path: `/body/${field}`,
        message: `is not a part of a screening upload; send one file per ledger of ${pack} (${ledgers.join(', ')}), optionally "mapping", "from" and "to"`,
      },
    ]);
  const twice = (field: string) =>
    new InputInvalidError([{ path: `/body/${field}`, message: 'is given twice; send it once' }]);
  try {
    const parts = request.parts({
      limits: {
        fileSize: screening.MAX_LEDGER_FILE_BYTES,
        files: ledgers.length + 1,
        fields: FIELD_NAMES.size + 2,
        fieldSize: screening.MAX_MAPPING_BYTES,
        fieldNameSize: 100,
        parts: ledgers.length + FIELD_NAMES.size + 3,
      },
    });
    for await (const part of parts) {
      const field = part.fieldname;
      if (part.type === 'file') {
        const file = part as MultipartFile;
        if (field === 'mapping') {
          if (mapping) throw twice(field);
          const name = screening.uploadedName(file.filename, 'mapping');
          const stored = /\.json$/i.test(name) ? 'mapping.json' : 'mapping.yaml';
          const { bytes } = await saveStream(
            file.file,
            join(begun.dir, stored),
            screening.MAX_MAPPING_BYTES,
            'The mapping',
          );
          mapping = { name, file: stored, bytes };
        } else if (ledgers.includes(field)) {
          if (files[field]) throw twice(field);
          const name = screening.uploadedName(file.filename, field);
          const partial = join(begun.dir, `${field}.part`);
          const { bytes, head } = await saveStream(
            file.file,
            partial,
            screening.MAX_LEDGER_FILE_BYTES,
            `The ${field} file (${name})`,
          );
          const stored = screening.storedLedgerName(field, name, head);
          await rename(partial, join(begun.dir, stored));
          files[field] = { name, file: stored, bytes };
        } else {
          file.file.resume();
          throw notAField(field);
        }
      } else {
        const value = String((part as { value: unknown }).value ?? '');
        if (!FIELD_NAMES.has(field)) throw notAField(field);
        if ((part as { valueTruncated?: boolean }).valueTruncated) {
          throw new AppError(
            'PRB_PAYLOAD_TOO_LARGE',
            `The field "${field}" is longer than ${byteText(screening.MAX_MAPPING_BYTES)}.`,
          );
        }
        if (field === 'mapping') {
          if (value.trim() === '') continue;
          if (mapping) throw twice(field);
          const stored = value.trimStart().startsWith('{') ? 'mapping.json' : 'mapping.yaml';
          await writeFile(join(begun.dir, stored), value, { flag: 'wx', mode: 0o600 });
          mapping = { name: 'mapping', file: stored, bytes: Buffer.byteLength(value) };
        } else {
          if (field in fields) throw twice(field);
          // A form's empty date box sends "": it means no date.
          if (value !== '') fields[field] = value;
        }
      }
    }
    const nul = nulPath(fields);
    if (nul !== undefined) {
      throw new InputInvalidError([{ path: `/body${nul}`, message: 'contains a NUL character (\\u0000)' }]);
    }
    const parsed = uploadFields.safeParse(fields);
    if (!parsed.success) throw new InputInvalidError(zodIssues(parsed.error.issues, '/body'));
    return await execute(app, screening.createUploadScreening, request.principal, {
      org,
      pack,
      id: begun.id,
      files,
      ...(mapping ? { mapping } : {}),
      ...(parsed.data.from ? { from: parsed.data.from } : {}),
      ...(parsed.data.to ? { to: parsed.data.to } : {}),
    });
  } catch (error) {
    await rm(begun.dir, { recursive: true, force: true });
    throw uploadProblem(error);
  }
}

async function screenStore(app: App, request: FastifyRequest, org: string, pack: string): Promise<Created> {
  const body = request.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputInvalidError([
      {
        path: '/body',
        message:
          'send {"source": "store", "from"?, "to"?} as JSON to screen the records in Probity, or the ledger files as multipart/form-data',
      },
    ]);
  }
  const nul = nulPath(body);
  if (nul !== undefined) {
    throw new InputInvalidError([{ path: `/body${nul}`, message: 'contains a NUL character (\\u0000)' }]);
  }
  const parsed = storeBody.safeParse(body);
  if (!parsed.success) throw new InputInvalidError(zodIssues(parsed.error.issues, '/body'));
  return execute(app, screening.createStoreScreening, request.principal, {
    org,
    pack,
    ...(parsed.data.from ? { from: parsed.data.from } : {}),
    ...(parsed.data.to ? { to: parsed.data.to } : {}),
  });
}

/** The request bodies the POST takes, for the OpenAPI document (zod describes only one per route). */
function createRequestBody(app: App) {
  const ledgers = new Map<string, string>();
  for (const p of app.packs) {
    if (!p.screens?.length) continue;
    for (const l of p.ledgers ?? []) {
      const before = ledgers.get(l.id);
      const text = `${p.pack.manifest.id}: ${l.title} — ${l.description}`;
      ledgers.set(l.id, before ? `${before} ${text}` : text);
    }
  }
  const date = (description: string) => ({ type: 'string', format: 'date', description });
  return {
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          description: `One file per ledger of the pack (CSV of any delimiter, UTF-8 with or without BOM, or Parquet; at most ${byteText(screening.MAX_LEDGER_FILE_BYTES)} each), named by the ledger's id.`,
          properties: {
            ...Object.fromEntries(
              [...ledgers].map(([id, description]) => [
                id,
                { type: 'string', contentMediaType: 'application/octet-stream', description },
              ]),
            ),
            mapping: {
              type: 'string',
              description:
                'A column mapping, as a JSON or YAML file or text: { <ledger>: { columns: { <ledger column>: <header in the file> }, delimiter?, dateFormat? } }',
            },
            from: date('leave out rows dated before this day'),
            to: date('leave out rows dated after this day'),
          },
        },
      },
      'application/json': {
        schema: {
          type: 'object',
          required: ['source'],
          additionalProperties: false,
          properties: {
            source: { const: 'store', description: "screen the organisation's records in Probity" },
            from: date('leave out rows dated before this day'),
            to: date('leave out rows dated after this day'),
          },
        },
      },
    },
  };
}

function sendReport(
  reply: FastifyReply,
  result: Awaited<ReturnType<typeof screening.getScreeningReport.run>>,
) {
  // The page opens in the browser; the data files download.
  const disposition = result.format === 'html' ? 'inline' : 'attachment';
  return reply
    .type(result.mediaType)
    .header('content-disposition', `${disposition}; filename="${result.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(Readable.from(result.chunks));
}

export function registerScreeningRoutes(server: FastifyInstance, app: App) {
  const r = <I, O>(spec: Parameters<typeof addRoute<I, O>>[2]) => addRoute(server, app, spec);

  // Multipart only here, and with limits: each file streams to disk as it arrives.
  void server.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: screening.MAX_LEDGER_FILE_BYTES, files: 8, fields: 8, parts: 16 },
    });
    const params = z.object({ org: slug, pack: packId });
    scope.route({
      method: 'POST',
      url: '/api/v1/orgs/:org/packs/:pack/screenings',
      config: {
        access: 'org',
        // Both bodies in the document: multipart files, or JSON for the store.
        swaggerTransform: (doc) => {
          const out = jsonSchemaTransform(doc);
          return { ...out, schema: { ...out.schema, body: createRequestBody(app) } };
        },
      },
      schema: {
        summary:
          "Screen ledgers with the pack's screens, in the background: the ledger files as multipart/form-data (one file field per ledger id, optional mapping, from, to), or JSON {source: 'store'} for the records in Probity. Answers 202 with the queued run; Location is the run",
        tags: ['screening'],
        params,
        security: [{ session: [] }, { bearer: [] }],
      },
      handler: async (request, reply) => {
        const { org, pack } = params.parse(request.params);
        const run = request.isMultipart()
          ? await screenUpload(app, request, org, pack)
          : await screenStore(app, request, org, pack);
        return reply
          .status(202)
          .header('location', `/api/v1/orgs/${encodeURIComponent(org)}/screenings/${run.id}`)
          .send(run);
      },
    });
  });

  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/screenings',
    summary:
      'Screening runs, newest first, with their status, progress and totals; and the packs with screens, with their ledgers',
    tags: ['screening'],
    useCase: screening.listScreenings,
    params: z.object({ org: slug }),
    querystring: screening.listScreenings.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/screenings/:id',
    summary:
      'A screening run: status (queued, running, done, failed), progress in basis points, message, and once done its totals',
    tags: ['screening'],
    useCase: screening.getScreening,
    params: z.object({ org: slug, id: runId }),
    input: ({ params }) => params,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/screenings/:id/report',
    summary:
      "A done screening run's report as JSON, CSV (one row per hit's transaction) or a web page (HTML); 409 until the run is done",
    tags: ['screening'],
    useCase: screening.getScreeningReport,
    params: z.object({ org: slug, id: runId }),
    querystring: z.object({ format: z.enum(screening.REPORT_FORMATS).default('json') }),
    input: ({ params, query }) => ({ ...query, ...params }),
    send: sendReport,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/screenings/:id/report.:format',
    summary:
      "A done screening run's report, its format named by the suffix: report.json, report.csv, report.html",
    tags: ['screening'],
    useCase: screening.getScreeningReport,
    params: z.object({ org: slug, id: runId, format: z.enum(screening.REPORT_FORMATS) }),
    input: ({ params }) => params,
    send: sendReport,
  });
}
