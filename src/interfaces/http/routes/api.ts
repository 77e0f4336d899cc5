// The API under /api/v1. Each route names its use case; the use case's own schema is the contract.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../app/app.ts';
import type { Config } from '../../../app/config.ts';
import * as admin from '../../../app/use-cases/admin.ts';
import * as auth from '../../../app/use-cases/auth.ts';
import * as dashboard from '../../../app/use-cases/dashboard.ts';
import * as docs from '../../../app/use-cases/documents.ts';
import * as ev from '../../../app/use-cases/evaluate.ts';
import * as events from '../../../app/use-cases/events.ts';
import * as exporting from '../../../app/use-cases/record-export.ts';
import * as records from '../../../app/use-cases/records.ts';
import * as sources from '../../../app/use-cases/sources.ts';
import { zCalendarDate } from '../../../kernel/index.ts';
import { addRoute } from '../route.ts';

export const SESSION_COOKIE = 'probity_session';

const slug = z.string().min(1).max(100).describe('organisation slug');
const orgParams = z.object({ org: slug });
const id = z.string().min(1).max(64);

export function registerApi(server: FastifyInstance, app: App, config: Config) {
  const r = <I, O>(spec: Parameters<typeof addRoute<I, O>>[2]) => addRoute(server, app, spec);

  // --- authentication and one's own account
  r({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tags: ['auth'],
    useCase: auth.signIn,
    body: auth.signIn.input,
    input: ({ body }) => body,
    config: { rateLimit: { max: config.signInPerMinute, timeWindow: '1 minute' } },
    send: (reply, result) => {
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        path: '/',
        expires: new Date(result.expiresAt),
      });
      return reply.send({ expiresAt: result.expiresAt, user: result.user });
    },
  });
  r({
    method: 'POST',
    url: '/api/v1/auth/sign-out',
    summary: 'Sign out: ends the session',
    tags: ['auth'],
    useCase: auth.signOut,
    input: () => ({}),
    send: (reply, result) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).send(result),
  });
  r({
    method: 'GET',
    url: '/api/v1/me',
    summary: 'My account and organisations',
    tags: ['me'],
    useCase: auth.me,
    input: () => ({}),
  });
  r({
    method: 'POST',
    url: '/api/v1/me/password',
    summary: 'Change my password (required after a one-time password)',
    tags: ['me'],
    useCase: auth.changePassword,
    body: auth.changePassword.input,
    input: ({ body }) => body,
  });
  r({
    method: 'GET',
    url: '/api/v1/me/tokens',
    summary: 'List my API tokens',
    tags: ['me'],
    useCase: auth.listApiTokens,
    input: () => ({}),
  });
  r({
    method: 'POST',
    url: '/api/v1/me/tokens',
    summary: 'Create an API token (shown once)',
    tags: ['me'],
    useCase: auth.createApiToken,
    body: auth.createApiToken.input,
    input: ({ body }) => body,
    status: 201,
  });
  r({
    method: 'DELETE',
    url: '/api/v1/me/tokens/:id',
    summary: 'Revoke one of my API tokens',
    tags: ['me'],
    useCase: auth.revokeApiToken,
    params: z.object({ id }),
    input: ({ params }) => params,
  });

  // --- evaluation
  const evaluateBody = z.object({
    facts: z.unknown().describe("the case's facts, validated by the pack's schema for the case kind"),
    asOf: zCalendarDate
      .optional()
      .describe('decide the case as of this date (default: today in the organisation)'),
    org: slug.optional(),
  });
  r({
    method: 'POST',
    url: '/api/v1/evaluate/:pack/:caseKind',
    summary: "Evaluate a case against a pack's rules in force on a date",
    tags: ['evaluate'],
    useCase: ev.evaluateCase,
    params: z.object({ pack: z.string().min(1).max(100), caseKind: z.string().min(1).max(100) }),
    querystring: z.object({ org: slug.optional() }),
    body: evaluateBody,
    input: ({ params, query, body }) => {
      const b = body as z.infer<typeof evaluateBody>;
      return { ...params, facts: b.facts, asOf: b.asOf, org: b.org ?? query.org };
    },
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/packs',
    summary:
      'Installed policy packs: rules, workflows, record kinds with the JSON Schema of their data, roles and source documents',
    tags: ['packs'],
    useCase: ev.listPacks,
    params: orgParams,
    input: ({ params }) => params,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/packs/:pack/parameters',
    summary: "A pack's parameters with their dated history and the organisation's overrides",
    tags: ['packs'],
    useCase: ev.listParameters,
    params: z.object({ org: slug, pack: z.string().min(1).max(100) }),
    querystring: z.object({ asOf: zCalendarDate.optional() }),
    input: ({ params, query }) => ({ ...params, ...query }),
  });
  r({
    method: 'GET',
    url: '/api/v1/packs/:pack/sources/:document',
    summary:
      "A pack's source document (the policy its citations name) as headings and paragraphs with their section numbers; ?section= gives the block to show",
    tags: ['packs'],
    useCase: sources.readSource,
    params: sources.readSource.input.pick({ pack: true, document: true }),
    querystring: sources.readSource.input.pick({ section: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/packs/:pack/parameters/:parameterId/overrides',
    summary: 'Override a parameter for the organisation from a date',
    tags: ['packs'],
    useCase: ev.setParameterOverride,
    params: z.object({
      org: slug,
      pack: z.string().min(1).max(100),
      parameterId: z.string().min(1).max(200),
    }),
    body: ev.setParameterOverride.input.pick({ from: true, value: true, reason: true }),
    input: ({ params, body }) => ({ ...params, ...(body as object) }),
    status: 201,
  });

  // --- event log
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/events',
    summary: 'The event log, newest first (admins and auditors)',
    tags: ['events'],
    useCase: events.listEvents,
    params: orgParams,
    querystring: events.listEvents.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/events/verify',
    summary: "Recompute the event log's hash chain and name the first broken link",
    tags: ['events'],
    useCase: events.verifyEvents,
    params: orgParams,
    input: ({ params }) => params,
  });

  // --- organisation administration
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/roles',
    summary: 'Roles and their permissions',
    tags: ['admin'],
    useCase: admin.listRoles,
    params: orgParams,
    input: ({ params }) => params,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/units',
    summary: 'Org units with their parent and how many people hold a role in each',
    tags: ['admin'],
    useCase: admin.listUnits,
    params: orgParams,
    input: ({ params }) => params,
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/units',
    summary: 'Create an org unit',
    tags: ['admin'],
    useCase: admin.createUnit,
    params: orgParams,
    body: admin.createUnit.input.omit({ org: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
    status: 201,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/users',
    summary: 'Members and their roles',
    tags: ['admin'],
    useCase: admin.listUsers,
    params: orgParams,
    input: ({ params }) => params,
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/users',
    summary: 'Add a member (a new account gets a one-time password, shown once)',
    tags: ['admin'],
    useCase: admin.createUser,
    params: orgParams,
    body: admin.createUser.input.omit({ org: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
    status: 201,
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/users/:userId/roles',
    summary: 'Grant a role, organisation-wide or in one unit',
    tags: ['admin'],
    useCase: admin.grantRole,
    params: z.object({ org: slug, userId: id }),
    body: admin.grantRole.input.pick({ role: true, unitId: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
    status: 201,
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/users/:userId/reset-password',
    summary:
      "Reset a member's password: a one-time password (shown once) that must be changed at sign-in; their sessions end",
    tags: ['admin'],
    useCase: admin.resetPassword,
    params: z.object({ org: slug, userId: id }),
    input: ({ params }) => params,
  });
  r({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/roles/:membershipId',
    summary: 'Revoke a role membership',
    tags: ['admin'],
    useCase: admin.revokeRole,
    params: z.object({ org: slug, membershipId: id }),
    input: ({ params }) => params,
  });

  // --- records and their workflows
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/records',
    summary:
      'Records, filtered (pack, kind, state, unit, title or id, due dates, open), sorted and paged on the server; each with its unit name and whether it is open and overdue',
    tags: ['records'],
    useCase: records.listRecords,
    params: orgParams,
    querystring: records.listRecords.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/records/export',
    summary:
      'The records the list shows for the same filters and sort, unpaged (at most 100,000), as CSV or XLSX; the export is logged',
    tags: ['records'],
    useCase: exporting.exportRecords,
    params: orgParams,
    querystring: exporting.exportRecords.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
    send: (reply, result) =>
      reply
        .type(result.mediaType)
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-record-count', String(result.rows))
        .send(result.body),
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/dashboard',
    summary:
      "What needs attention: overdue and due-this-week records, recent changes and events, open work per pack (today is the organisation's)",
    tags: ['records'],
    useCase: dashboard.dashboard,
    params: orgParams,
    querystring: dashboard.dashboard.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/records',
    summary: "Create a record; its data are validated and evaluated by the pack's rules",
    tags: ['records'],
    useCase: records.createRecord,
    params: orgParams,
    body: records.createRecord.input.omit({ org: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
    status: 201,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/records/:id',
    summary: 'A record with its current findings, workflow, timeline and documents',
    tags: ['records'],
    useCase: records.getRecord,
    params: z.object({ org: slug, id }),
    querystring: z.object({ asOf: zCalendarDate.optional() }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
  r({
    method: 'PATCH',
    url: '/api/v1/orgs/:org/records/:id',
    summary: "Replace a record's data (optimistic concurrency by version)",
    tags: ['records'],
    useCase: records.updateRecord,
    params: z.object({ org: slug, id }),
    body: records.updateRecord.input.pick({ version: true, data: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
  });
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/records/:id/transitions',
    summary: 'Move a record through its workflow; refused when the guard rules find a violation',
    tags: ['records'],
    useCase: records.transitionRecord,
    params: z.object({ org: slug, id }),
    body: records.transitionRecord.input.pick({ transition: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
  });

  // --- documents
  r({
    method: 'POST',
    url: '/api/v1/orgs/:org/documents',
    summary: 'Upload a document (base64), optionally attached to a record, with a sensitivity marking',
    tags: ['documents'],
    useCase: docs.uploadDocument,
    params: orgParams,
    body: docs.uploadDocument.input.omit({ org: true }),
    input: ({ params, body }) => ({ ...(body as object), ...params }),
    status: 201,
    bodyLimit: Math.ceil((docs.MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024,
  });
  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/documents/:id/content',
    summary: "A document's bytes (marked documents only for permitted readers)",
    tags: ['documents'],
    useCase: docs.downloadDocument,
    params: z.object({ org: slug, id }),
    input: ({ params }) => params,
    send: (reply, result) =>
      reply
        .type(result.document.mediaType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(result.document.name)}`,
        )
        .header('x-content-sha256', result.document.sha256)
        .send(result.bytes),
  });
}
