// The work waiting for a person: the approvals inbox (the records on which they can take a workflow step
// now, with those steps), across every installed pack.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../app/app.ts';
import * as work from '../../../app/use-cases/inbox.ts';
import { addRoute } from '../route.ts';

export function registerWork(server: FastifyInstance, app: App) {
  addRoute(server, app, {
    method: 'GET',
    url: '/api/v1/orgs/:org/inbox',
    summary:
      'My approvals inbox: open records on which I can take a workflow step now (a step naming roles I hold for the record’s unit), with those steps; overdue first, then by due date, then the longest waiting',
    tags: ['records'],
    useCase: work.inbox,
    params: z.object({ org: z.string().min(1).max(100).describe('organisation slug') }),
    querystring: work.inbox.input.omit({ org: true }),
    input: ({ params, query }) => ({ ...query, ...params }),
  });
}
