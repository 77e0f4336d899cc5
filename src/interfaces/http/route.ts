// Routes are thin (Medusa's habit): declare the request schemas (for validation and OpenAPI), map the
// request to the use case's input, and hand it to `execute`, which authenticates and authorises.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { App } from '../../app/app.ts';
import { InputInvalidError } from '../../app/errors.ts';
import { type Access, execute, type Principal, type UseCase } from '../../app/use-case.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** The use case's access kind: the server refuses anonymous requests to non-public routes before
     * it even parses their bodies. */
    access?: Access['kind'];
  }
}

export interface RouteSpec<I, O> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  url: string;
  summary: string;
  tags: string[];
  useCase: UseCase<I, O>;
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  /** Builds the use case's input from the (already validated) request. */
  input(req: { params: Record<string, string>; query: Record<string, unknown>; body: unknown }): unknown;
  status?: number;
  /** Sends something other than the JSON result (a file, a cookie). */
  send?(reply: FastifyReply, result: O, request: FastifyRequest): unknown;
  config?: Record<string, unknown>;
  bodyLimit?: number;
}

export function addRoute<I, O>(server: FastifyInstance, app: App, spec: RouteSpec<I, O>) {
  server.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    config: { ...spec.config, access: spec.useCase.access.kind },
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.useCase.access.kind === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
    },
    handler: async (request, reply) => {
      const nul = nulPath({ params: request.params, querystring: request.query, body: request.body });
      if (nul !== undefined) {
        throw new InputInvalidError([
          { path: nul, message: 'contains a NUL character (\\u0000), which no text field may hold' },
        ]);
      }
      const input = spec.input({
        params: (request.params ?? {}) as Record<string, string>,
        query: (request.query ?? {}) as Record<string, unknown>,
        body: request.body,
      });
      const result = await execute(app, spec.useCase, request.principal, input);
      if (spec.send) return spec.send(reply, result, request);
      return reply.status(spec.status ?? 200).send(result);
    },
  });
}

/**
 * The path ('/querystring/q', '/body/data/purpose') of a text, or object key, holding a NUL
 * character (one is enough to refuse the request): PostgreSQL refuses NUL in text and jsonb, so such a request would otherwise fail as a 500
 * when it reaches the store. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function nulPath(root: unknown): string | undefined {
  const pending: [value: unknown, path: string][] = [[root, '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '/';
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key.includes('\u0000')) return `${path}/${key}`;
        pending.push([v, `${path}/${key}`]);
      }
    }
  }
  return undefined;
}
